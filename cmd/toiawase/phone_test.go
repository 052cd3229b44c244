package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/channels/phone"
)

func phoneEnv(stdin string) (Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(string) string { return "" }}, &out, &errb
}

func TestPhoneCommand(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  []string
	}{
		{"scripted call reads the number back", []string{"phone", "--keys", "1,443496171020#,1,2"}, "", 0,
			[]string{"> 1\n", "入力された番号は、4 4 3 4、9 6 1 7、1 0 2 0です。", "佐川急便のお問い合わせ番号"}},
		{"scripted call in English", []string{"phone", "--lang", "en", "--keys", "1,443496171020#"}, "", 0,
			[]string{"[en-US] Thank you for calling", "You entered 4 4 3 4, 9 6 1 7, 1 0 2 0."}},
		{"empty element is silence", []string{"phone", "--keys", ",0"}, "", 0,
			[]string{"(no input)", "入力が確認できませんでした。", "担当者におつなぎできません", "(hang up)"}},
		{"interactive call from stdin", []string{"phone"}, "1\n443496171020#\n2\n", 0,
			[]string{"keys (1 key", "4 4 3 4、9 6 1 7、1 0 2 0", "お問い合わせ番号を入力し", "(caller hung up)"}},
		{"bad language", []string{"phone", "--lang", "fr"}, "", 2, nil},
		{"stray argument", []string{"phone", "now"}, "", 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, out, errb := phoneEnv(tt.stdin)
			if code := run(context.Background(), env, tt.args); code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errb)
			}
			rest := out.String()
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order):\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

// TestWirePhone: the server's phone part answers Twilio at POST /voice/twiml, with
// TWILIO_AUTH_TOKEN set only signed requests, and without a desk tells the caller so.
func TestWirePhone(t *testing.T) {
	const token = "test-token"
	env := map[string]string{"TWILIO_AUTH_TOKEN": token}
	var logs bytes.Buffer
	m := NewMain()
	m.Getenv = func(k string) string { return env[k] }
	m.Log = newLogger(&logs, "info")
	m.Desk = &LateDesk{}
	m.mux = http.NewServeMux()
	if err := m.wirePhone(context.Background()); err != nil {
		t.Fatalf("wirePhone: %v", err)
	}
	srv := httptest.NewServer(m.mux)
	defer srv.Close()
	u := srv.URL + "/voice/twiml"
	form := url.Values{"CallSid": {"CA-serve"}, "From": {"+819012345678"}}
	post := func(sig string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if sig != "" {
			req.Header.Set("X-Twilio-Signature", sig)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, _ := post(""); code != http.StatusForbidden {
		t.Errorf("unsigned: %d, want 403", code)
	}
	if code, _ := post(phone.Signature("other", u, form)); code != http.StatusForbidden {
		t.Errorf("wrongly signed: %d, want 403", code)
	}
	code, body := post(phone.Signature(token, u, form))
	if code != http.StatusOK || !strings.Contains(body, `<Gather input="dtmf"`) || !strings.Contains(body, `<Say language="ja-JP">`) {
		t.Errorf("signed: %d\n%s", code, body)
	}
	// 0: the LateDesk has no Slack desk behind it, so the caller hears that nobody can take
	// the call, and the call ends.
	form.Set("Digits", "0")
	code, body = post(phone.Signature(token, u, form))
	if code != http.StatusOK || !strings.Contains(body, "担当者におつなぎできません") || !strings.Contains(body, "<Hangup>") {
		t.Errorf("operator without a desk: %d\n%s", code, body)
	}

	// Once a desk is set behind the LateDesk, the same key opens a phone ticket.
	desk := &phoneDesk{}
	m.Desk.Set(desk)
	form = url.Values{"CallSid": {"CA-serve-2"}, "From": {"+819012345678"}}
	post(phone.Signature(token, u, form))
	form.Set("Digits", "0")
	if code, body = post(phone.Signature(token, u, form)); code != http.StatusOK || strings.Contains(body, "担当者におつなぎできません") {
		t.Errorf("operator with a desk: %d\n%s", code, body)
	}
	if len(desk.tickets) != 1 || desk.tickets[0].Channel != bot.ChannelPhone || desk.tickets[0].Caller != "+819012345678" || desk.tickets[0].SessionID != "CA-serve-2" {
		t.Errorf("tickets %+v", desk.tickets)
	}
	if strings.Contains(logs.String(), "9012345678") {
		t.Errorf("the log holds the caller's number:\n%s", logs.String())
	}
}

// phoneDesk records the tickets it is given.
type phoneDesk struct{ tickets []bot.Ticket }

func (d *phoneDesk) Open(ctx context.Context, t bot.Ticket) error {
	d.tickets = append(d.tickets, t)
	return nil
}

func (d *phoneDesk) Forward(ctx context.Context, sessionID, text string) error { return nil }
