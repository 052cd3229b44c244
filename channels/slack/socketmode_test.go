package slack

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// fakeSocketSlack is Slack's Web API plus a Socket Mode WebSocket on loopback: on
// connect it says hello and sends one Events API envelope, then records acks.
type fakeSocketSlack struct {
	mu    sync.Mutex
	acks  []string
	posts []url.Values
	srv   *httptest.Server
	event string
}

func (f *fakeSocketSlack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/apps.connections.open":
		if r.Header.Get("Authorization") != "Bearer xapp-test" {
			io.WriteString(w, `{"ok":false,"error":"invalid_auth"}`)
			return
		}
		io.WriteString(w, `{"ok":true,"url":"ws`+strings.TrimPrefix(f.srv.URL, "http")+`/link"}`)
	case "/auth.test":
		io.WriteString(w, `{"ok":true,"user_id":"UBOT"}`)
	case "/chat.postMessage":
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		f.mu.Lock()
		f.posts = append(f.posts, form)
		f.mu.Unlock()
		io.WriteString(w, `{"ok":true,"channel":"C1","ts":"1.1"}`)
	case "/link":
		up := websocket.Upgrader{CheckOrigin: func(r *http.Request) bool { return r.Header.Get("Origin") == "https://api.slack.com" }}
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		c.WriteJSON(map[string]any{"type": "hello", "num_connections": 1})
		c.WriteMessage(websocket.TextMessage, []byte(`{"type":"events_api","envelope_id":"env-1","accepts_response_payload":false,"payload":`+f.event+`}`))
		for {
			var ack struct {
				EnvelopeID string `json:"envelope_id"`
			}
			if err := c.ReadJSON(&ack); err != nil {
				return
			}
			f.mu.Lock()
			f.acks = append(f.acks, ack.EnvelopeID)
			f.mu.Unlock()
		}
	default:
		io.WriteString(w, `{"ok":false,"error":"unknown_method"}`)
	}
}

// The desk in Socket Mode, through slack-go's real client, against a fake Slack.
func TestSocketModeConnection(t *testing.T) {
	f := &fakeSocketSlack{event: eventBody("EvSM", `{"type":"app_mention","channel":"C1","user":"U1","text":"<@UBOT> 再配達は？","ts":"1700000400.000100"}`)}
	f.srv = httptest.NewServer(f)
	defer f.srv.Close()

	eng := &fakeEngine{}
	d, err := New(Config{BotToken: "xoxb-test", AppToken: "xapp-test", HandoffChannel: testChannel,
		APIURL: f.srv.URL + "/", RetryMin: 10 * time.Millisecond}, eng)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { d.Run(ctx); close(done) }()

	waitFor(t, "the ack and the answer", func() bool {
		f.mu.Lock()
		defer f.mu.Unlock()
		return len(f.acks) == 1 && len(f.posts) == 1
	})
	f.mu.Lock()
	if f.acks[0] != "env-1" || f.posts[0].Get("thread_ts") != "1700000400.000100" || f.posts[0].Get("text") != "answer to 再配達は？" {
		t.Errorf("acks %v, post %v", f.acks, f.posts[0])
	}
	f.mu.Unlock()
	if got := eng.got(); len(got) != 1 || got[0] != "handle  ja 再配達は？" {
		t.Errorf("engine got %q", got)
	}

	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}
