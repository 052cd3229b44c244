package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/channels/api"
)

// echo is a fake engine: it starts session "s1", knows only "s1", and echoes the text.
func echo(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
	switch {
	case in.Text == "" && in.Action == "":
		return bot.Reply{Text: "メッセージが空のようです。"}, fmt.Errorf("handle: %w", bot.ErrEmpty)
	case len(in.Text) > 50:
		return bot.Reply{Text: "長すぎます。"}, fmt.Errorf("handle: %w", bot.ErrTooLong)
	case in.SessionID != "" && in.SessionID != "s1":
		return bot.Reply{}, fmt.Errorf("handle: %w", bot.ErrUnknownSession)
	case in.Text == "boom":
		return bot.Reply{}, fmt.Errorf("store: disk full")
	}
	lang := in.Lang
	if lang == "" {
		lang = "ja"
	}
	return bot.Reply{SessionID: "s1", Text: "echo:" + in.Text + in.Action + ":" + in.Channel, Lang: lang,
		Intent: "track_package", Confidence: 0.9, Mode: bot.ModeBot,
		QuickReplies: []bot.QuickReply{{Label: "ヤマト運輸", Value: "carrier:yamato"}}}, nil
}

func post(t *testing.T, srv *httptest.Server, method, ctype, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+api.Path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response %d is not JSON: %q", res.StatusCode, raw)
	}
	return res.StatusCode, out
}

func newServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.Handle(api.Path, api.New(api.Config{Handler: bot.HandlerFunc(echo)}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestReply(t *testing.T) {
	srv := newServer(t)
	status, out := post(t, srv, "POST", "application/json", `{"text":"荷物はどこ","lang":"en"}`)
	if status != 200 {
		t.Fatalf("status %d: %v", status, out)
	}
	want := map[string]any{"type": "reply", "session_id": "s1", "text": "echo:荷物はどこ:api", "lang": "en",
		"intent": "track_package", "mode": "bot", "handoff": false}
	for k, v := range want {
		if out[k] != v {
			t.Errorf("%s = %v, want %v", k, out[k], v)
		}
	}
	qr, _ := out["quick_replies"].([]any)
	if len(qr) != 1 || qr[0].(map[string]any)["value"] != "carrier:yamato" {
		t.Errorf("quick_replies = %v", out["quick_replies"])
	}
	// the next turn of the same session, pressing a quick reply
	status, out = post(t, srv, "POST", "", `{"session_id":"s1","action":"carrier:yamato"}`)
	if status != 200 || out["text"] != "echo:carrier:yamato:api" {
		t.Fatalf("status %d, %v", status, out)
	}
}

func TestErrors(t *testing.T) {
	srv := newServer(t)
	big := `{"text":"` + strings.Repeat("あ", 6000) + `"}`
	tests := []struct {
		name, method, ctype, body string
		status                    int
		code, message             string
	}{
		{"wrong method", "GET", "", "", 405, "method_not_allowed", ""},
		{"bad json", "POST", "application/json", `{"text":`, 400, "bad_json", ""},
		{"not an object", "POST", "application/json", `["hi"]`, 400, "bad_json", ""},
		{"two objects", "POST", "application/json", `{"text":"a"}{"text":"b"}`, 400, "bad_json", ""},
		{"too large", "POST", "application/json", big, 413, "too_large", ""},
		{"form post", "POST", "application/x-www-form-urlencoded", `text=hi`, 415, "unsupported_media_type", ""},
		{"bad lang", "POST", "application/json", `{"text":"hi","lang":"fr"}`, 400, "bad_lang", ""},
		{"empty", "POST", "application/json", `{"text":""}`, 400, "empty", "メッセージが空のようです。"},
		{"too long", "POST", "application/json", `{"text":"` + strings.Repeat("a", 60) + `"}`, 400, "too_long", "長すぎます。"},
		{"unknown session", "POST", "application/json", `{"session_id":"old","text":"hi"}`, 404, "unknown_session", ""},
		{"engine failure", "POST", "application/json", `{"text":"boom"}`, 500, "internal", "something went wrong; please try again"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out := post(t, srv, tt.method, tt.ctype, tt.body)
			e, _ := out["error"].(map[string]any)
			if status != tt.status || e["code"] != tt.code {
				t.Fatalf("status %d %v, want %d %s", status, out, tt.status, tt.code)
			}
			if msg, _ := e["message"].(string); msg == "" || (tt.message != "" && msg != tt.message) {
				t.Fatalf("message = %q, want %q", msg, tt.message)
			}
			if strings.Contains(fmt.Sprint(out), "disk full") {
				t.Fatal("an internal error's detail reached the client")
			}
		})
	}
}
