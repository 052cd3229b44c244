package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

const (
	e2eSecret  = "e2e-signing-secret"
	e2eChannel = "CHANDOFF"
	e2eAgent   = "U_AOI"
)

// TestSlackHandoffEndToEnd: a web chat customer asks for a person, the ticket reaches
// Slack, an agent takes it and answers in the thread, the customer gets the agent's
// words, the customer's reply reaches the thread masked, and after Close the bot answers
// again.
func TestSlackHandoffEndToEnd(t *testing.T) {
	m, slackAPI := startWithSlack(t, nil)
	slackAPI.waitCall(t, "auth.test", "auth.test", func(slackCall) bool { return true })

	c, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(m.URL(), "http")+"/ws", nil)
	if err != nil {
		t.Fatalf("dial /ws: %v", err)
	}
	defer c.Close()
	session := readUntil(t, c, "the session frame", "session", nil).SessionID
	readUntil(t, c, "the greeting", "reply", nil)

	// The customer asks for a person.
	send(t, c, map[string]string{"type": "message", "id": "c1", "text": "荷物 481234567892 が届きません。担当者と話したいです"})
	first := readUntil(t, c, "the bot's answer", "reply", func(f frame) bool { return f.ReplyTo == "c1" })
	if !first.Handoff {
		send(t, c, map[string]string{"type": "action", "id": "c2", "value": "human"})
		readUntil(t, c, "the hand-off reply", "reply", func(f frame) bool { return f.ReplyTo == "c2" && f.Handoff })
	}

	// The ticket reaches the hand-off channel, masked, with a Take button for this session.
	ticket := slackAPI.waitCall(t, "the ticket", "chat.postMessage", func(c slackCall) bool {
		return c.Form.Get("channel") == e2eChannel && strings.Contains(c.Form.Get("blocks"), `"action_id":"take"`)
	})
	if strings.Contains(ticket.Form.Get("blocks"), session) {
		t.Errorf("the ticket carries the customer's session id (anyone reading it could resume the chat)")
	}
	ticketID := buttonValue(t, ticket.Form.Get("blocks"), "take")
	if strings.Contains(ticket.Form.Get("blocks"), "481234567892") || !strings.Contains(ticket.Form.Get("blocks"), "7892") {
		t.Errorf("ticket does not mask the tracking number to its last 4 digits: %s", ticket.Form.Get("blocks"))
	}

	// An agent takes it: the customer is told a person joined.
	pressButton(t, m.URL(), "1800000001.1", "take", ticketID)
	readUntil(t, c, "the agent-joined notice", "system", nil)
	slackAPI.waitCall(t, "the ticket update", "chat.update", func(c slackCall) bool {
		return c.Form.Get("ts") == ticket.TS && strings.Contains(c.Form.Get("text"), "<@"+e2eAgent+">")
	})

	// The agent answers in the thread: the customer gets an agent frame.
	inner, _ := json.Marshal(map[string]string{"type": "message", "channel": e2eChannel, "channel_type": "channel",
		"user": e2eAgent, "text": "担当の青井です。お調べしますので少々お待ちください。", "ts": "1800000100.000001", "thread_ts": ticket.TS})
	event := `{"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"EvE2E1","event_time":1800000100,"event":` + string(inner) + `}`
	postSigned(t, m.URL()+"/slack/events", "application/json", event)
	postSigned(t, m.URL()+"/slack/events", "application/json", event) // Slack retrying: still one frame
	got := readUntil(t, c, "the agent's message", "agent", nil)
	if got.Text != "担当の青井です。お調べしますので少々お待ちください。" || got.Agent != "aoi" {
		t.Errorf("agent frame %+v", got)
	}

	// The customer's reply goes to the thread, masked; the bot stays quiet (an ack, no
	// reply), and the retried event did not bring a second agent frame.
	send(t, c, map[string]string{"type": "message", "id": "c3", "text": "電話は 090-1234-5678 です"})
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		var f frame
		if err := c.ReadJSON(&f); err != nil {
			t.Fatalf("waiting for the answer to c3: %v", err)
		}
		if f.Type == "agent" {
			t.Fatalf("a second agent frame: Slack's retry was delivered twice (%+v)", f)
		}
		if f.ReplyTo == "c3" {
			if f.Type != "ack" || f.Mode != "agent" {
				t.Fatalf("while the agent holds the chat the bot answered: %+v", f)
			}
			break
		}
	}
	fw := slackAPI.waitCall(t, "the forwarded message", "chat.postMessage", func(c slackCall) bool {
		return c.Form.Get("thread_ts") == ticket.TS && strings.Contains(c.Form.Get("text"), "5678")
	})
	if strings.Contains(fw.Form.Get("text"), "1234-5678") {
		t.Errorf("phone number forwarded unmasked: %q", fw.Form.Get("text"))
	}

	// Close: the customer is told, and the bot answers again.
	pressButton(t, m.URL(), "1800000002.1", "close", ticketID)
	readUntil(t, c, "the agent-left notice", "system", nil)
	send(t, c, map[string]string{"type": "message", "id": "c4", "text": "再配達の方法を教えてください"})
	back := readUntil(t, c, "the bot's answer after Close", "reply", func(f frame) bool { return f.ReplyTo == "c4" })
	if back.Text == "" || back.Mode == "agent" || back.Mode == "waiting" {
		t.Errorf("after Close the bot did not answer: %+v", back)
	}

	slackAPI.mu.Lock()
	defer slackAPI.mu.Unlock()
	agentFrames := 0
	for _, call := range slackAPI.calls {
		if call.Method == "chat.postMessage" && strings.Contains(call.Form.Get("text"), "481234567892") {
			t.Errorf("Slack saw the full tracking number: %q", call.Form.Get("text"))
		}
		if call.Method == "chat.postEphemeral" {
			agentFrames++
		}
	}
	if agentFrames != 0 {
		t.Errorf("agent got %d ephemeral warnings during a normal flow", agentFrames)
	}
}

// TestSlackUnreachable: with Slack down the server still starts and chats; a customer who
// asks for a person is shown the official routes instead of waiting for nobody.
func TestSlackUnreachable(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL + "/"
	dead.Close() // nothing listens there any more
	m := startServer(t, map[string]string{
		"SLACK_BOT_TOKEN":       "xoxb-e2e",
		"SLACK_SIGNING_SECRET":  e2eSecret,
		"SLACK_HANDOFF_CHANNEL": e2eChannel,
		"SLACK_API_URL":         deadURL,
	})
	c, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(m.URL(), "http")+"/ws", nil)
	if err != nil {
		t.Fatalf("dial /ws: %v", err)
	}
	defer c.Close()
	readUntil(t, c, "the greeting", "reply", nil)
	send(t, c, map[string]string{"type": "message", "id": "c1", "text": "担当者と話したいです"})
	got := readUntil(t, c, "the answer", "reply", func(f frame) bool { return f.ReplyTo == "c1" })
	if got.Handoff || got.Mode == "waiting" || got.Text == "" {
		t.Errorf("with Slack down the customer was left waiting: %+v", got)
	}
	// The Slack routes still verify signatures.
	req, _ := http.NewRequest(http.MethodPost, m.URL()+"/slack/events", strings.NewReader(`{"type":"url_verification","challenge":"x"}`))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned request: %d, want 401", resp.StatusCode)
	}
}

// TestSlackTicketExpires: nobody takes the ticket within SLACK_TAKE_TIMEOUT, so the
// customer is told and the ticket says so.
func TestSlackTicketExpires(t *testing.T) {
	m, slackAPI := startWithSlack(t, map[string]string{"SLACK_TAKE_TIMEOUT": "300ms", "SLACK_DESK_LANG": "en"})
	c, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(m.URL(), "http")+"/ws", nil)
	if err != nil {
		t.Fatalf("dial /ws: %v", err)
	}
	defer c.Close()
	readUntil(t, c, "the greeting", "reply", nil)
	send(t, c, map[string]string{"type": "action", "id": "c1", "value": "human"})
	readUntil(t, c, "the hand-off", "reply", func(f frame) bool { return f.ReplyTo == "c1" && f.Handoff })
	notice := readUntil(t, c, "the nobody-answered notice", "system", nil)
	if notice.Mode != "bot" || notice.Text == "" {
		t.Errorf("notice %+v, want the bot back in charge", notice)
	}
	ticket := slackAPI.waitCall(t, "the ticket", "chat.postMessage", func(c slackCall) bool { return c.Form.Get("channel") == e2eChannel })
	slackAPI.waitCall(t, "the expired ticket", "chat.update", func(c slackCall) bool {
		return c.Form.Get("ts") == ticket.TS && strings.Contains(c.Form.Get("text"), "Nobody took it")
	})
}

// TestSlackConfigErrors: incomplete Slack settings are refused (so Open fails) with a
// message naming the missing variable; no bot token means no Slack routes at all.
func TestSlackConfigErrors(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"SLACK_BOT_TOKEN": "xoxb", "SLACK_HANDOFF_CHANNEL": "C1"}, "SLACK_APP_TOKEN"},
		{map[string]string{"SLACK_BOT_TOKEN": "xoxb", "SLACK_SIGNING_SECRET": "s"}, "SLACK_HANDOFF_CHANNEL"},
		{map[string]string{"SLACK_BOT_TOKEN": "xoxb", "SLACK_SIGNING_SECRET": "s", "SLACK_HANDOFF_CHANNEL": "C1", "SLACK_TAKE_TIMEOUT": "soon"}, "SLACK_TAKE_TIMEOUT"},
	} {
		m := NewMain()
		m.Log = newLogger(io.Discard, "error")
		m.Getenv = func(k string) string { return tt.env[k] }
		m.mux, m.Desk = http.NewServeMux(), &LateDesk{}
		err := m.wireSlack(t.Context())
		if err == nil {
			t.Errorf("%v: the Slack desk started", tt.env)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %q does not name %s", tt.env, err, tt.want)
		}
	}
	m := startServer(t, map[string]string{"SLACK_SIGNING_SECRET": "s"})
	resp, err := http.Post(m.URL()+"/slack/events", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("without SLACK_BOT_TOKEN /slack/events answered %d", resp.StatusCode)
	}
}

// startWithSlack starts the server with the Slack desk on HTTP routes, talking to a fake
// Slack Web API; extra adds or overrides environment variables.
func startWithSlack(t *testing.T, extra map[string]string) (*Main, *fakeSlack) {
	t.Helper()
	slackAPI := &fakeSlack{}
	fake := httptest.NewServer(slackAPI)
	t.Cleanup(fake.Close)
	env := map[string]string{
		"SLACK_BOT_TOKEN":       "xoxb-e2e",
		"SLACK_SIGNING_SECRET":  e2eSecret,
		"SLACK_HANDOFF_CHANNEL": e2eChannel,
		"SLACK_API_URL":         fake.URL + "/",
	}
	for k, v := range extra {
		env[k] = v
	}
	return startServer(t, env), slackAPI
}
