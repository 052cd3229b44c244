package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/toiawase/toiawase/bot"
)

// scriptedEngine is a fake engine for the terminal loop: it records what it got and
// answers with two choices.
type scriptedEngine struct{ got []bot.Inbound }

func (s *scriptedEngine) Handle(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
	s.got = append(s.got, in)
	if in.Text == "" && in.Action == "" {
		return bot.Reply{Text: "empty!"}, bot.ErrEmpty
	}
	if in.SessionID == "expired" {
		return bot.Reply{}, fmt.Errorf("handle: %w", bot.ErrUnknownSession)
	}
	return bot.Reply{SessionID: "s1", Text: "got " + in.Text + in.Action + "\nsecond line",
		QuickReplies: []bot.QuickReply{{Label: "ヤマト運輸", Value: "carrier:yamato"}, {Label: "佐川急便", Value: "carrier:sagawa"}},
		Links:        []bot.Link{{Label: "page", URL: "https://example.com/t"}}}, nil
}

func TestChatLoop(t *testing.T) {
	eng := &scriptedEngine{}
	var out, errOut strings.Builder
	env := Env{Stdin: strings.NewReader("荷物はどこ\n2\n\n/en\n9\n/quit\nnever read\n"), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }}
	if err := chat(context.Background(), env, eng, "ja"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range eng.got {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s", in.SessionID, in.Text, in.Action, in.Channel))
	}
	want := []string{
		"||start|cli",            // greeting
		"s1|荷物はどこ||cli",          // a message
		"s1||carrier:sagawa|cli", // "2" picks the second choice
		"s1||lang:en|cli",        // /en
		"s1|9||cli",              // a number with no such choice is text
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("engine got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range []string{"bot: got 荷物はどこ\n     second line\n", "  [1] ヤマト運輸\n  [2] 佐川急便\n", "→ page https://example.com/t", "> 荷物はどこ\n"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("output lacks %q:\n%s", s, out.String())
		}
	}
}

func TestChatRestartsAnExpiredSession(t *testing.T) {
	eng := &scriptedEngine{}
	c := &chatSession{h: eng, out: &strings.Builder{}, stderr: &strings.Builder{}, id: "expired"}
	if err := c.send(context.Background(), bot.Inbound{Text: "hello"}); err != nil {
		t.Fatal(err)
	}
	if len(eng.got) != 2 || eng.got[1].SessionID != "" || c.id != "s1" {
		t.Fatalf("calls = %+v, id %q: want a retry on a new session", eng.got, c.id)
	}
}

func TestChatFlags(t *testing.T) {
	env := Env{Stdin: strings.NewReader(""), Stdout: &strings.Builder{}, Stderr: &strings.Builder{}, Getenv: func(string) string { return "" }}
	if code := run(context.Background(), env, []string{"chat", "-lang", "fr"}); code != 2 {
		t.Fatalf("exit %d for -lang fr, want 2", code)
	}
}

// TestChatWithTheRealEngine scripts a whole conversation through `toiawase chat`.
func TestChatWithTheRealEngine(t *testing.T) {
	var out, errOut strings.Builder
	env := Env{Stdin: strings.NewReader("4434-9617-1020 の荷物はどこですか\n1\n/en\n/quit\n"), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }}
	if code := run(context.Background(), env, []string{"chat"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{
		"bot: こんにちは。",                   // greeting
		"  [1] ヤマト運輸\n",                 // the carrier question, as numbered choices
		"はヤマト運輸の番号です",                   // "1" picked Yamato
		"→ ヤマト運輸 https://",              // its tracking page
		"bot: I'll continue in English", // /en
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("chat output lacks %q:\n%s", want, out.String())
		}
	}
}
