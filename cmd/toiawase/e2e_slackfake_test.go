package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// fakeSlack is a Slack Web API on loopback: it records chat.postMessage, chat.update and
// chat.postEphemeral and answers auth.test.
type fakeSlack struct {
	mu    sync.Mutex
	calls []slackCall
	n     int
}

type slackCall struct {
	Method string
	Form   url.Values
	TS     string
}

func (f *fakeSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	form, _ := url.ParseQuery(string(body))
	method := strings.TrimPrefix(r.URL.Path, "/")
	f.mu.Lock()
	f.n++
	ts := fmt.Sprintf("1800000000.%06d", f.n)
	if method == "chat.update" {
		ts = form.Get("ts")
	}
	f.calls = append(f.calls, slackCall{method, form, ts})
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch method {
	case "auth.test":
		io.WriteString(w, `{"ok":true,"user_id":"UBOT","team_id":"T1","user":"toiawase"}`)
	case "chat.postMessage", "chat.update", "chat.postEphemeral":
		json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": form.Get("channel"), "ts": ts, "message_ts": ts})
	default:
		io.WriteString(w, `{"ok":false,"error":"unknown_method"}`)
	}
}

// waitCall waits for a call of method that ok accepts.
func (f *fakeSlack) waitCall(t *testing.T, what, method string, ok func(slackCall) bool) slackCall {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		f.mu.Lock()
		for _, c := range f.calls {
			if c.Method == method && ok(c) {
				f.mu.Unlock()
				return c
			}
		}
		f.mu.Unlock()
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("Slack never received %s", what)
	return slackCall{}
}

// postSigned posts body to the server as Slack would, signed with the signing secret.
func postSigned(t *testing.T, u, contentType, body string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(e2eSecret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: %d", u, resp.StatusCode)
	}
}

// buttonValue returns the value of the button with the given action id in Block Kit JSON.
func buttonValue(t *testing.T, blocks, action string) string {
	t.Helper()
	var bs []struct {
		Elements []struct {
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
		} `json:"elements"`
	}
	if err := json.Unmarshal([]byte(blocks), &bs); err != nil {
		t.Fatalf("blocks: %v", err)
	}
	for _, b := range bs {
		for _, e := range b.Elements {
			if e.ActionID == action {
				return e.Value
			}
		}
	}
	t.Fatalf("no %s button in %s", action, blocks)
	return ""
}

func pressButton(t *testing.T, base, trigger, action, ticketID string) {
	t.Helper()
	p, _ := json.Marshal(map[string]any{
		"type": "block_actions", "trigger_id": trigger,
		"user":    map[string]string{"id": e2eAgent, "name": "aoi"},
		"channel": map[string]string{"id": e2eChannel},
		"actions": []map[string]string{{"action_id": action, "block_id": "ticket", "value": ticketID, "type": "button", "action_ts": trigger}},
	})
	postSigned(t, base+"/slack/interactions", "application/x-www-form-urlencoded", "payload="+url.QueryEscape(string(p)))
}

// frame is any server frame of the web chat.
type frame struct {
	Type      string `json:"type"`
	SessionID string `json:"session_id"`
	Text      string `json:"text"`
	Agent     string `json:"agent"`
	Handoff   bool   `json:"handoff"`
	Mode      string `json:"mode"`
	ReplyTo   string `json:"reply_to"`
}

// readUntil reads frames until one of type typ satisfying ok (nil: any) arrives.
func readUntil(t *testing.T, c *websocket.Conn, what, typ string, ok func(frame) bool) frame {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, b, err := c.ReadMessage()
		if err != nil {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		var f frame
		if err := json.Unmarshal(b, &f); err != nil {
			t.Fatalf("frame %s: %v", b, err)
		}
		if f.Type == typ && (ok == nil || ok(f)) {
			return f
		}
	}
}

func send(t *testing.T, c *websocket.Conn, v map[string]string) {
	t.Helper()
	if err := c.WriteJSON(v); err != nil {
		t.Fatal(err)
	}
}
