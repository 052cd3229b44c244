package webchat

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/toiawase/toiawase/bot"
)

// TestSlowClientBlocksNobody: a customer whose browser stopped reading is cut off once
// its queue is full; meanwhile pushes return at once and other customers are answered.
func TestSlowClientBlocksNobody(t *testing.T) {
	srv, ts := startServer(t, newFakeEngine(), Config{SendQueue: 4, WriteTimeout: 200 * time.Millisecond})
	_, slowID := connect(t, ts, "") // never reads again
	fast, _ := connect(t, ts, "")

	big := strings.Repeat("あ", 20000) // 60 KB per push fills the socket buffers quickly
	var sendErr error
	for i := 0; i < 2000 && sendErr == nil; i++ {
		start := time.Now()
		sendErr = srv.Send(context.Background(), slowID, bot.Push{Type: "agent", Text: big, Agent: "A"})
		if d := time.Since(start); d > time.Second {
			t.Fatalf("Send to a slow client took %v; it must never block", d)
		}
	}
	if !errors.Is(sendErr, ErrSlowClient) && !errors.Is(sendErr, bot.ErrNotConnected) {
		t.Fatalf("pushing to a client that never reads: %v, want ErrSlowClient or ErrNotConnected", sendErr)
	}
	sendJSON(t, fast, map[string]string{"type": "message", "id": "f", "text": "荷物が届かない"})
	if r := expect(t, fast, "reply"); r.str("reply_to") != "f" {
		t.Fatalf("fast client got %v", r)
	}
}

// TestShutdownFinishesReplyThenGoesAway: a reply being computed when the server stops
// still reaches the customer, then the close frame says "going away" (1001).
func TestShutdownFinishesReplyThenGoesAway(t *testing.T) {
	fake := newFakeEngine()
	entered := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	h := bot.HandlerFunc(func(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
		if in.Text == "slow" {
			once.Do(func() { close(entered) })
			<-release
		}
		return fake.Handle(ctx, in)
	})
	srv, ts := startServer(t, h, Config{})
	busy, _ := connect(t, ts, "")
	idle, _ := connect(t, ts, "")
	sendJSON(t, busy, map[string]string{"type": "message", "id": "s", "text": "slow"})
	<-entered

	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done <- srv.Shutdown(ctx)
	}()
	if code := closeCode(t, idle); code != websocket.CloseGoingAway {
		t.Fatalf("idle client: close code %d, want 1001 going away", code)
	}
	select {
	case err := <-done:
		t.Fatalf("Shutdown returned (%v) while a reply was in flight", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if r := expect(t, busy, "reply"); r.str("reply_to") != "s" {
		t.Fatalf("in-flight reply: %v", r)
	}
	if code := closeCode(t, busy); code != websocket.CloseGoingAway {
		t.Fatalf("busy client: close code %d, want 1001", code)
	}
	if err := <-done; err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if _, resp, err := websocket.DefaultDialer.Dial(wsURL(ts, ""), nil); err == nil || resp.StatusCode != 503 {
		t.Fatalf("dial after shutdown: %v %v, want 503", err, resp)
	}
}

// TestShutdownTimeoutCutsConnections: an engine call that never ends does not hold the
// server past the Shutdown deadline.
func TestShutdownTimeoutCutsConnections(t *testing.T) {
	fake := newFakeEngine()
	entered := make(chan struct{})
	h := bot.HandlerFunc(func(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
		if in.Text == "hang" {
			close(entered)
			<-ctx.Done()
			return bot.Reply{}, ctx.Err()
		}
		return fake.Handle(ctx, in)
	})
	srv, ts := startServer(t, h, Config{})
	c, _ := connect(t, ts, "")
	sendJSON(t, c, map[string]string{"type": "message", "id": "h", "text": "hang"})
	<-entered
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := srv.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Shutdown: %v, want the deadline error", err)
	}
	if n := srv.Connections(); n != 0 {
		t.Fatalf("%d connections left after a forced shutdown", n)
	}
}
