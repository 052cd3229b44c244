package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func runExtractOn(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	err := runExtract(context.Background(), env, args)
	return out.String(), err
}

// TestExtractCommand: one JSON object per input line, in DESIGN.md's form.
func TestExtractCommand(t *testing.T) {
	in := "伝票番号は4434-9617-1020です\n" +
		"注文番号 250-7391856-7851426 の件\r\n" +
		"電話は090-1234-5678です\n" +
		"\n" +
		"tracking 954255503490 not found\n"
	got, err := runExtractOn(t, in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"tracking":[{"raw":"4434-9617-1020","number":"443496171020","carriers":["yamato","sagawa","japanpost"],"valid":true}],"orders":[]}
{"tracking":[],"orders":["250-7391856-7851426"]}
{"tracking":[],"orders":[]}
{"tracking":[],"orders":[]}
{"tracking":[{"raw":"954255503490","number":"954255503490","carriers":["yamato","sagawa","japanpost","fedex"],"valid":false}],"orders":[]}
`
	if got != want {
		t.Errorf("extract output:\n%s\nwant:\n%s", got, want)
	}
}

// TestExtractCommandLongLine: a 1 MiB line with a number at its very end still works.
func TestExtractCommandLongLine(t *testing.T) {
	long := strings.Repeat("お荷物がまだ届きません。", (1<<20)/len("お荷物がまだ届きません。")) + " EG725089303JP"
	got, err := runExtractOn(t, long+"\nnext line 319721648466\n")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d output lines, want 2", len(lines))
	}
	var first, second extractResult
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lines[1]), &second); err != nil {
		t.Fatal(err)
	}
	if len(first.Tracking) != 1 || first.Tracking[0].Number != "EG725089303JP" {
		t.Errorf("long line: got %+v, want EG725089303JP", first.Tracking)
	}
	if len(second.Tracking) != 1 || second.Tracking[0].Number != "319721648466" {
		t.Errorf("line after the long one: got %+v", second.Tracking)
	}
}

func TestExtractCommandUsage(t *testing.T) {
	if _, err := runExtractOn(t, "", "file.txt"); !errors.Is(err, errUsage) {
		t.Errorf("extract with an argument: err = %v, want a usage error", err)
	}
}
