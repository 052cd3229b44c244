package main

import (
	"context"
	"strings"
	"testing"

	"github.com/gorilla/websocket"

	"github.com/toiawase/toiawase/bot/store/storetest"
)

// TestAgentReplyReachesCustomerOnAnotherInstance: two servers share one Redis. The
// customer is connected to instance A; the agent's actions arrive at instance B (as
// they would behind a load balancer). The customer still gets the agent's words, and the
// session the customer started on A is known on B.
func TestAgentReplyReachesCustomerOnAnotherInstance(t *testing.T) {
	url := storetest.StartRedis(t)
	env := map[string]string{"REDIS_URL": url}
	a := startServer(t, env)
	b := startServer(t, env)

	c, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(a.URL(), "http")+"/ws", nil)
	if err != nil {
		t.Fatalf("dial A: %v", err)
	}
	defer c.Close()
	session := readUntil(t, c, "the session frame", "session", nil).SessionID
	readUntil(t, c, "the greeting", "reply", nil)
	send(t, c, map[string]string{"type": "message", "id": "c1", "text": "再配達をお願いしたいです"})
	readUntil(t, c, "the bot's answer", "reply", func(f frame) bool { return f.ReplyTo == "c1" })

	ctx := context.Background()
	if _, err := b.Engine.Session(ctx, session); err != nil {
		t.Fatalf("instance B does not know the session started on A: %v", err)
	}
	if err := b.Engine.Take(ctx, session, "佐藤"); err != nil {
		t.Fatalf("Take on B: %v", err)
	}
	readUntil(t, c, "the agent-joined notice", "system", nil)
	if err := b.Engine.AgentSay(ctx, session, "佐藤", "担当の佐藤です。お荷物の件、確認いたします。"); err != nil {
		t.Fatalf("AgentSay on B: %v", err)
	}
	got := readUntil(t, c, "the agent's words", "agent", nil)
	if got.Text != "担当の佐藤です。お荷物の件、確認いたします。" || got.Agent != "佐藤" {
		t.Errorf("customer on A got agent frame %+v", got)
	}
}
