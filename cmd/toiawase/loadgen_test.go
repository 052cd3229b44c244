package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestLoadgenReportsBothServers: a tiny run prints throughput and latency for the echo
// server and the bot, the ratio, and which engine answered.
func TestLoadgenReportsBothServers(t *testing.T) {
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	args := []string{"-engine", "fake", "-sessions", "10", "-messages", "3", "-trials", "1", "-think", "5ms"}
	if err := runLoadgen(context.Background(), env, args); err != nil {
		t.Fatalf("loadgen: %v\n%s", err, errOut.String())
	}
	for _, want := range []string{"fake engine", "echo #1", "bot #1", "ratio bot/echo", "at half the echo's throughput", "bot answers", "paced", "bot p99", "answers 30  errors 0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestLoadgenRejectsBadFlags(t *testing.T) {
	env := Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: func(string) string { return "" }}
	for _, args := range [][]string{{"-sessions", "0"}, {"-engine", "gpt"}, {"-idle", "-1"}} {
		if err := runLoadgen(context.Background(), env, args); err == nil {
			t.Errorf("loadgen %v: no error", args)
		}
	}
}
