package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// postMessage sends one message to the API and decodes the answer.
func postMessage(t *testing.T, base string, body map[string]string) (int, map[string]any) {
	t.Helper()
	b, _ := json.Marshal(body)
	res, err := http.Post(base+"/api/v1/messages", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, out
}

func TestServeAPIConversation(t *testing.T) {
	m := startServer(t, nil)
	status, out := postMessage(t, m.URL(), map[string]string{"text": "4434-9617-1020 の荷物はどこですか"})
	if status != 200 {
		t.Fatalf("status %d: %v", status, out)
	}
	id, _ := out["session_id"].(string)
	if len(id) < 22 || out["lang"] != "ja" || !strings.Contains(out["text"].(string), "佐川急便") {
		t.Fatalf("first reply = %v, want a Japanese carrier question in a new session", out)
	}
	status, out = postMessage(t, m.URL(), map[string]string{"session_id": id, "action": "carrier:yamato"})
	tr, _ := out["tracking"].([]any)
	if status != 200 || len(tr) != 1 || !strings.Contains(tr[0].(map[string]any)["url"].(string), "kuronekoyamato") {
		t.Fatalf("after choosing Yamato: %d %v", status, out)
	}
	status, out = postMessage(t, m.URL(), map[string]string{"session_id": "no-such-session", "text": "hi"})
	if status != 404 || out["error"].(map[string]any)["code"] != "unknown_session" {
		t.Fatalf("unknown session: %d %v", status, out)
	}
}

// TestServeReloadKeepsSessions changes a message in an FAQ directory, reloads (as on
// SIGHUP) and checks that an open conversation goes on with the new text.
func TestServeReloadKeepsSessions(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "faq", "data")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	m := startServerWith(t, func(m *Main) { m.FAQDir = dir })
	_, out := postMessage(t, m.URL(), map[string]string{"text": "荷物を追跡したいです"})
	id := out["session_id"].(string)

	msgs := filepath.Join(dir, "messages.yaml")
	b, err := os.ReadFile(msgs)
	if err != nil {
		t.Fatal(err)
	}
	const old = "ja: お調べします。"
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("messages.yaml no longer has %q; update this test", old)
	}
	b = bytes.Replace(b, []byte(old), []byte("ja: 確認いたします。"), 1)
	if err := os.WriteFile(msgs, b, 0o644); err != nil {
		t.Fatal(err)
	}
	m.Reload(context.Background())

	// the customer comes back: welcomed back, and the open question is asked again
	status, out := postMessage(t, m.URL(), map[string]string{"session_id": id, "action": "start"})
	if status != 200 || !strings.Contains(out["text"].(string), "確認いたします。") {
		t.Fatalf("after reload: %d %v, want the same session asking again with the new text", status, out)
	}
}
