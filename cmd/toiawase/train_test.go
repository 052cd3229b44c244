package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/toiawase/toiawase/intents"
)

func TestTrainWritesALoadableModel(t *testing.T) {
	dir := t.TempDir()
	env, out, _ := testEnv("")
	if err := runTrain(context.Background(), env, []string{"--data", tinyData, "--out", dir, "--folds", "2"}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "model.bin"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := intents.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	want, err := intents.DataHash(os.DirFS(tinyData))
	if err != nil {
		t.Fatal(err)
	}
	if m.DataHash() != want {
		t.Errorf("model records data hash %s, want %s", m.DataHash(), want)
	}
	if got := m.Classify("再配達をお願いしたい").Intent; got != intents.Redelivery {
		t.Errorf("trained model answers %s to a redelivery request", got)
	}
	if !strings.Contains(out.String(), "2-fold CV") || !strings.Contains(out.String(), "model.bin") {
		t.Errorf("summary lacks the CV figures or the file written:\n%s", out.String())
	}
}

func TestTrainLeavesNoFileOnBadData(t *testing.T) {
	dir := t.TempDir()
	env, _, _ := testEnv("")
	if err := runTrain(context.Background(), env, []string{"--data", t.TempDir(), "--out", dir}); err == nil {
		t.Fatal("train on an empty directory succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("train left %d files in --out", len(entries))
	}
}
