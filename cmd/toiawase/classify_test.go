package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func testEnv(stdin string) (Env, *strings.Builder, *strings.Builder) {
	var out, errOut strings.Builder
	return Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}, &out, &errOut
}

func TestClassifyAnswersOneJSONObjectPerLine(t *testing.T) {
	env, out, _ := testEnv("4434-9617-1020\n再配達をお願いしたいです\n\nwhere is my package\n")
	if err := runClassify(context.Background(), env, nil); err != nil {
		t.Fatal(err)
	}
	type scored struct {
		Intent     string   `json:"intent"`
		Confidence *float64 `json:"confidence"`
	}
	type line struct {
		scored
		Top []scored `json:"top"`
	}
	var got []line
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %q is not JSON: %v", sc.Text(), err)
		}
		if l.Intent == "" || l.Confidence == nil || len(l.Top) != 3 {
			t.Errorf("line %q lacks intent, confidence or three top labels", sc.Text())
		}
		got = append(got, l)
	}
	if len(got) != 4 {
		t.Fatalf("got %d lines for 4 inputs:\n%s", len(got), out.String())
	}
	for i, want := range map[int]string{0: "track_package", 1: "redelivery", 3: "track_package"} {
		if got[i].Intent != want {
			t.Errorf("line %d: intent %s, want %s", i+1, got[i].Intent, want)
		}
	}
}

func TestClassifyTakesNoArguments(t *testing.T) {
	env, _, _ := testEnv("")
	if err := runClassify(context.Background(), env, []string{"荷物"}); !errors.Is(err, errUsage) {
		t.Errorf("classify with an argument: err = %v, want a usage error", err)
	}
}
