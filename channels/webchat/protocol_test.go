package webchat

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/toiawase/toiawase/bot"
)

func TestNewConversationGreetsAndAnswers(t *testing.T) {
	_, ts := startServer(t, newFakeEngine(), Config{})
	c := dial(t, ts, "lang=ja")
	s := expect(t, c, "session")
	if s.str("session_id") == "" || s["resumed"] != false {
		t.Fatalf("session frame %v: want a new session id and resumed false", s)
	}
	g := expect(t, c, "reply")
	if g.str("text") == "" || g.str("reply_to") != "" {
		t.Fatalf("greeting %v: want text and no reply_to", g)
	}

	sendJSON(t, c, map[string]string{"type": "message", "id": "c1", "text": "荷物が届かない"})
	r := expect(t, c, "reply")
	if r.str("reply_to") != "c1" || r.str("intent") != "missing_package" || !strings.Contains(r.str("text"), "12桁") {
		t.Fatalf("reply %v: want the bot to ask for the 12-digit number, in reply to c1", r)
	}
	sendJSON(t, c, map[string]string{"type": "message", "id": "c2", "text": "番号は 4812-3456-7893 ではなく 481234567893 です"})
	r = expect(t, c, "reply")
	tr, _ := r["tracking"].([]any)
	if r.str("reply_to") != "c2" || len(tr) != 1 || len(r["quick_replies"].([]any)) != 2 {
		t.Fatalf("reply %v: want one tracking result and two quick replies", r)
	}
	sendJSON(t, c, map[string]string{"type": "action", "id": "c3", "value": "redelivery"})
	r = expect(t, c, "reply")
	if links, _ := r["links"].([]any); r.str("reply_to") != "c3" || len(links) != 1 {
		t.Fatalf("reply %v: want the redelivery link", r)
	}
}

// wrappedWriter is middleware that, like most, does not implement http.Hijacker.
type wrappedWriter struct{ http.ResponseWriter }

func (w wrappedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func TestUpgradeThroughMiddleware(t *testing.T) {
	s, err := New(newFakeEngine(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	inner := s.Handler()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inner.ServeHTTP(wrappedWriter{w}, r)
	}))
	defer ts.Close()
	defer s.Shutdown(context.Background())
	c := dial(t, ts, "")
	expect(t, c, "session")
}

func TestEnglishFromAcceptLanguage(t *testing.T) {
	_, ts := startServer(t, newFakeEngine(), Config{})
	c, _, err := websocket.DefaultDialer.Dial(wsURL(ts, ""), header("Accept-Language", "en-GB,en;q=0.9,ja;q=0.5"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	expect(t, c, "session")
	if g := expect(t, c, "reply"); g.str("lang") != "en" {
		t.Fatalf("greeting %v: want English for an English browser", g)
	}
	sendJSON(t, c, map[string]string{"type": "bogus", "id": "x"})
	if e := expect(t, c, "error"); !strings.Contains(e.str("message"), "isn't supported") {
		t.Fatalf("error %v: want the English text", e)
	}
}

// TestBadInputGetsErrorFrame sends every kind of bad input; each gets its error frame
// and the customer can go on talking on the same connection.
func TestBadInputGetsErrorFrame(t *testing.T) {
	tests := []struct {
		name     string
		msgType  int
		data     string
		wantCode string
	}{
		{"too large", websocket.TextMessage, `{"type":"message","id":"a","text":"` + strings.Repeat("荷", 2000) + `"}`, "too_large"},
		{"invalid JSON", websocket.TextMessage, `{"type":"message",`, "bad_json"},
		{"unknown type", websocket.TextMessage, `{"type":"typing","id":"a"}`, "unknown_type"},
		{"binary frame", websocket.BinaryMessage, `{"type":"message","id":"a","text":"hi"}`, "binary"},
		{"invalid UTF-8", websocket.TextMessage, "{\"type\":\"message\",\"id\":\"a\",\"text\":\"\xff\xfe\"}", "bad_utf8"},
		{"empty text", websocket.TextMessage, `{"type":"message","id":"a","text":"   "}`, "empty"},
		{"empty action", websocket.TextMessage, `{"type":"action","id":"a"}`, "empty"},
		{"id too long", websocket.TextMessage, `{"type":"message","id":"` + strings.Repeat("x", 65) + `","text":"hi"}`, "bad_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ts := startServer(t, newFakeEngine(), Config{})
			c, _ := connect(t, ts, "")
			if err := c.WriteMessage(tt.msgType, []byte(tt.data)); err != nil {
				t.Fatal(err)
			}
			e := expect(t, c, "error")
			if e.str("code") != tt.wantCode || e.str("message") == "" {
				t.Fatalf("error frame %v: want code %q with a message", e, tt.wantCode)
			}
			sendJSON(t, c, map[string]string{"type": "message", "id": "ok", "text": "荷物が届かない"})
			if r := expect(t, c, "reply"); r.str("reply_to") != "ok" {
				t.Fatalf("after the error: %v, want the reply to ok", r)
			}
		})
	}
}

func TestRateLimitedThenUsable(t *testing.T) {
	_, ts := startServer(t, newFakeEngine(), Config{MessagesPerSecond: 1, Burst: 2})
	c, _ := connect(t, ts, "")
	for _, id := range []string{"a", "b", "c"} {
		sendJSON(t, c, map[string]string{"type": "message", "id": id, "text": "こんにちは"})
	}
	got := map[string]int{}
	for range 3 {
		f := read(t, c)
		got[f.str("type")+":"+f.str("code")]++
		if f.str("code") == "rate_limited" && f.str("reply_to") != "c" {
			t.Fatalf("rate_limited error %v: want reply_to c, the dropped message", f)
		}
	}
	if got["reply:"] != 2 || got["error:rate_limited"] != 1 {
		t.Fatalf("frames %v: want two replies and one rate_limited error", got)
	}
	time.Sleep(1100 * time.Millisecond) // the limiter refills
	sendJSON(t, c, map[string]string{"type": "message", "id": "d", "text": "荷物が届かない"})
	if r := expect(t, c, "reply"); r.str("reply_to") != "d" {
		t.Fatalf("after waiting: %v, want the reply to d", r)
	}
}

func TestHugeFrameClosesWith1009(t *testing.T) {
	_, ts := startServer(t, newFakeEngine(), Config{MaxMessageBytes: 100, HardLimitBytes: 1000})
	c, _ := connect(t, ts, "")
	c.WriteMessage(websocket.TextMessage, []byte(strings.Repeat("x", 5000)))
	if code := closeCode(t, c); code != websocket.CloseMessageTooBig {
		t.Fatalf("close code %d, want 1009 (message too big)", code)
	}
}

func TestResumeShowsHistoryAndPendingQuestion(t *testing.T) {
	_, ts := startServer(t, newFakeEngine(), Config{})
	c, id := connect(t, ts, "")
	sendJSON(t, c, map[string]string{"type": "message", "id": "c1", "text": "荷物が届かない"})
	expect(t, c, "reply")
	c.Close()

	c2 := dial(t, ts, "session="+id)
	s := expect(t, c2, "session")
	if s.str("session_id") != id || s["resumed"] != true {
		t.Fatalf("session frame %v: want session %s resumed", s, id)
	}
	h := expect(t, c2, "history")
	turns, _ := h["turns"].([]any)
	var said []string
	for _, x := range turns {
		tu := x.(map[string]any)
		said = append(said, tu["from"].(string)+":"+tu["text"].(string))
	}
	if len(said) != 3 || said[1] != "customer:荷物が届かない" {
		t.Fatalf("history %q: want greeting, the customer's message and the bot's question", said)
	}
	if r := expect(t, c2, "reply"); !strings.Contains(r.str("text"), "12桁") {
		t.Fatalf("resume reply %v: want the pending question again", r)
	}
	sendJSON(t, c2, map[string]string{"type": "message", "id": "c2", "text": "481234567893"})
	if r := expect(t, c2, "reply"); r.str("intent") != "track_package" {
		t.Fatalf("reply %v: the pending question should still take the number", r)
	}
}

func TestUnknownTokenStartsNewSession(t *testing.T) {
	_, ts := startServer(t, newFakeEngine(), Config{})
	c := dial(t, ts, "session=expired-token")
	s := expect(t, c, "session")
	if s["resumed"] != false || s.str("session_id") == "expired-token" {
		t.Fatalf("session frame %v: want a new, not resumed session", s)
	}
}

func TestAgentHoldsConversationAcksOnly(t *testing.T) {
	srv, ts := startServer(t, newFakeEngine(), Config{})
	c, id := connect(t, ts, "")
	sendJSON(t, c, map[string]string{"type": "action", "id": "h", "value": "handoff"})
	if r := expect(t, c, "reply"); r["handoff"] != true {
		t.Fatalf("reply %v: want a hand-off", r)
	}
	if err := srv.Send(context.Background(), id, bot.Push{Type: "agent", Text: "担当の佐藤です。", Agent: "佐藤"}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if a := expect(t, c, "agent"); a.str("text") != "担当の佐藤です。" || a.str("agent") != "佐藤" {
		t.Fatalf("agent frame %v", a)
	}
	sendJSON(t, c, map[string]string{"type": "message", "id": "m", "text": "よろしくお願いします"})
	if a := expect(t, c, "ack"); a.str("reply_to") != "m" {
		t.Fatalf("ack %v: want an ack for m and no bot bubble", a)
	}
	if err := srv.Send(context.Background(), id, bot.Push{Type: "system", Text: "担当者が会話を終了しました。"}); err != nil {
		t.Fatal(err)
	}
	if s := expect(t, c, "system"); s.str("text") == "" {
		t.Fatalf("system frame %v", s)
	}
}

func TestSendToMissingSessionIsNotConnected(t *testing.T) {
	srv, ts := startServer(t, newFakeEngine(), Config{})
	if err := srv.Send(context.Background(), "nobody", bot.Push{Type: "agent", Text: "x"}); !errors.Is(err, bot.ErrNotConnected) {
		t.Fatalf("Send to unknown session: %v, want ErrNotConnected", err)
	}
	c, id := connect(t, ts, "")
	c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""), time.Now().Add(time.Second))
	c.Close()
	deadline := time.Now().Add(5 * time.Second)
	for srv.Send(context.Background(), id, bot.Push{Type: "agent", Text: "x"}) == nil {
		if time.Now().After(deadline) {
			t.Fatal("Send still succeeds 5 s after the customer left")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := srv.Send(context.Background(), id, bot.Push{Type: "agent", Text: "x"}); !errors.Is(err, bot.ErrNotConnected) {
		t.Fatalf("Send after disconnect: %v, want ErrNotConnected", err)
	}
}

func TestEngineErrorKeepsConnection(t *testing.T) {
	fake := newFakeEngine()
	h := bot.HandlerFunc(func(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
		if in.Text == "boom" {
			return bot.Reply{}, errors.New("classifier exploded")
		}
		return fake.Handle(ctx, in)
	})
	_, ts := startServer(t, h, Config{})
	c, _ := connect(t, ts, "")
	sendJSON(t, c, map[string]string{"type": "message", "id": "b", "text": "boom"})
	if e := expect(t, c, "error"); e.str("code") != "unavailable" || e.str("reply_to") != "b" || strings.Contains(e.str("message"), "classifier") {
		t.Fatalf("error %v: want a polite unavailable error for b, no internals", e)
	}
	sendJSON(t, c, map[string]string{"type": "message", "id": "ok", "text": "荷物が届かない"})
	expect(t, c, "reply")
}

// TestEngineRefusalTextIsShown: the engine explains an empty or too long message itself;
// that text is the error frame's message.
func TestEngineRefusalTextIsShown(t *testing.T) {
	fake := newFakeEngine()
	h := bot.HandlerFunc(func(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
		if strings.HasPrefix(in.Text, "long") {
			return bot.Reply{SessionID: in.SessionID, Text: "500文字以内でお送りください。", Lang: "ja"}, fmt.Errorf("handle: %w", bot.ErrTooLong)
		}
		return fake.Handle(ctx, in)
	})
	_, ts := startServer(t, h, Config{})
	c, _ := connect(t, ts, "")
	sendJSON(t, c, map[string]string{"type": "message", "id": "l", "text": "long text"})
	if e := expect(t, c, "error"); e.str("code") != "too_large" || e.str("message") != "500文字以内でお送りください。" || e.str("reply_to") != "l" {
		t.Fatalf("error %v: want too_large with the engine's explanation", e)
	}
}

func TestExpiredSessionMidConversationStartsAgain(t *testing.T) {
	fake := newFakeEngine()
	h := bot.HandlerFunc(func(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
		if in.Text == "after expiry" {
			fake.mu.Lock()
			delete(fake.sessions, in.SessionID)
			fake.mu.Unlock()
		}
		return fake.Handle(ctx, in)
	})
	_, ts := startServer(t, h, Config{})
	c, id := connect(t, ts, "")
	sendJSON(t, c, map[string]string{"type": "message", "id": "x", "text": "after expiry"})
	if e := expect(t, c, "error"); e.str("code") != "session_expired" {
		t.Fatalf("error %v: want session_expired", e)
	}
	if s := expect(t, c, "session"); s.str("session_id") == id || s["resumed"] != false {
		t.Fatalf("session %v: want a fresh session", s)
	}
	expect(t, c, "reply")
}

func TestOriginAllowList(t *testing.T) {
	_, ts := startServer(t, newFakeEngine(), Config{AllowedOrigins: []string{"https://shop.example.jp"}})
	tests := []struct {
		origin string
		ok     bool
	}{
		{"", true},
		{ts.URL, true},
		{"https://shop.example.jp", true},
		{"https://evil.example", false},
		{"null", false},
	}
	for _, tt := range tests {
		t.Run(tt.origin, func(t *testing.T) {
			h := header()
			if tt.origin != "" {
				h.Set("Origin", tt.origin)
			}
			c, resp, err := websocket.DefaultDialer.Dial(wsURL(ts, ""), h)
			if err == nil {
				c.Close()
			}
			if (err == nil) != tt.ok {
				t.Fatalf("origin %q: err %v (response %v), want allowed=%v", tt.origin, err, resp, tt.ok)
			}
			if !tt.ok && resp.StatusCode != 403 {
				t.Fatalf("status %d, want 403", resp.StatusCode)
			}
		})
	}
}

func TestIdleClientIsClosed(t *testing.T) {
	srv, ts := startServer(t, newFakeEngine(), Config{PingInterval: 50 * time.Millisecond,
		WriteTimeout: 50 * time.Millisecond, IdleTimeout: 150 * time.Millisecond})
	c := dial(t, ts, "")
	_ = c // never reads, so never answers a ping
	deadline := time.Now().Add(5 * time.Second)
	for srv.Connections() > 0 {
		if time.Now().After(deadline) {
			t.Fatal("a client that answers no ping is still connected after 5 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestClientAnsweringPingsStaysConnected: a quiet customer whose browser answers pings
// keeps the connection past the idle timeout.
func TestClientAnsweringPingsStaysConnected(t *testing.T) {
	srv, ts := startServer(t, newFakeEngine(), Config{PingInterval: 50 * time.Millisecond,
		WriteTimeout: 50 * time.Millisecond, IdleTimeout: 300 * time.Millisecond})
	c, _ := connect(t, ts, "")
	// Reading is what answers pings in gorilla's client; nothing else arrives meanwhile.
	c.SetReadDeadline(time.Now().Add(time.Second))
	if _, _, err := c.ReadMessage(); err == nil || !strings.Contains(err.Error(), "timeout") {
		t.Fatalf("quiet period: %v, want only the read deadline to pass", err)
	}
	if srv.Connections() != 1 {
		t.Fatal("the server dropped a client that answered its pings")
	}
}
