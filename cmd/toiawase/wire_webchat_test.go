package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestServeWebchat: the real server shows the chat page with its CSP and upgrades /ws
// through its middleware; the first frame is the session (or, with no engine wired, a
// polite error frame).
func TestServeWebchat(t *testing.T) {
	m := startServer(t, nil)
	resp, err := http.Get(m.URL() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Fatalf("GET / = %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	c, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(m.URL(), "http")+"/ws", nil)
	if err != nil {
		t.Fatalf("dial /ws: %v", err)
	}
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, b, err := c.ReadMessage()
	if err != nil {
		t.Fatalf("first frame: %v", err)
	}
	var f struct{ Type, Code string }
	if err := json.Unmarshal(b, &f); err != nil || !(f.Type == "session" || f.Type == "error" && f.Code == "unavailable") {
		t.Fatalf("first frame %s: want a session frame (or unavailable without an engine)", b)
	}
}
