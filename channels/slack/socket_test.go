package slack

import (
	"context"
	"encoding/json"
	"sync"
	"testing"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

type fakeAcker struct {
	mu   sync.Mutex
	acks []string
}

func (f *fakeAcker) AckCtx(ctx context.Context, envelopeID string, payload any) error {
	f.mu.Lock()
	f.acks = append(f.acks, envelopeID)
	f.mu.Unlock()
	return nil
}

// socketEvent parses an Events API payload the way slack-go's Socket Mode client does.
func socketEvent(t *testing.T, envelope, body string, retry int) socketmode.Event {
	t.Helper()
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		t.Fatal(err)
	}
	return socketmode.Event{Type: socketmode.EventTypeEventsAPI, Data: ev,
		Request: &socketmode.Request{Type: "events_api", EnvelopeID: envelope, RetryAttempt: retry, Payload: json.RawMessage(body)}}
}

func TestSocketModeEventsAckedAndAnsweredOnce(t *testing.T) {
	d, api, _ := newTestDesk(t, "en")
	ack := &fakeAcker{}
	body := eventBody("EvS1", `{"type":"app_mention","channel":"C1","user":"U1","text":"<@UBOT> where is my parcel","ts":"1700000300.000100"}`)
	d.onSocketEvent(t.Context(), socketEvent(t, "env-1", body, 0), ack)
	d.onSocketEvent(t.Context(), socketEvent(t, "env-2", body, 1), ack) // Slack retrying the same event
	drain(t, d)
	if len(ack.acks) != 2 {
		t.Errorf("acknowledged %v, want both envelopes", ack.acks)
	}
	posts := api.of("post")
	if len(posts) != 1 || posts[0].Msg.ThreadTS != "1700000300.000100" || posts[0].Msg.Text != "answer to where is my parcel" {
		t.Errorf("posts %+v, want one answer in the thread", posts)
	}
}

func TestSocketModeCommandIsEphemeral(t *testing.T) {
	d, api, _ := newTestDesk(t, "en")
	ack := &fakeAcker{}
	cmd := slackgo.SlashCommand{Command: "/toiawase", Text: "track 12345", UserID: "U_AOI", ChannelID: "C9", TriggerID: "tr"}
	d.onSocketEvent(t.Context(), socketmode.Event{Type: socketmode.EventTypeSlashCommand, Data: cmd,
		Request: &socketmode.Request{Type: "slash_commands", EnvelopeID: "env-c"}}, ack)
	drain(t, d)
	e := api.of("ephemeral")
	if len(ack.acks) != 1 || len(e) != 1 || e[0].User != "U_AOI" || e[0].Channel != "C9" {
		t.Fatalf("acks %v, ephemeral %+v", ack.acks, e)
	}
	if len(api.of("post")) != 0 {
		t.Error("the answer was posted for everyone")
	}
}

func TestSocketModeInteraction(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	if err := d.Open(t.Context(), webTicket()); err != nil {
		t.Fatal(err)
	}
	var cb slackgo.InteractionCallback
	form := actionBody("tr9", actionTake, ticketID(d, "s1"), "U_AOI", "aoi")
	raw := form[len("payload="):]
	if err := json.Unmarshal([]byte(unescapeQuery(t, raw)), &cb); err != nil {
		t.Fatal(err)
	}
	ack := &fakeAcker{}
	d.onSocketEvent(t.Context(), socketmode.Event{Type: socketmode.EventTypeInteractive, Data: cb,
		Request: &socketmode.Request{Type: "interactive", EnvelopeID: "env-i"}}, ack)
	drain(t, d)
	if got := eng.got(); len(got) != 1 || got[0] != "take s1 aoi" {
		t.Errorf("engine got %q", got)
	}
	if len(api.of("update")) != 1 || len(ack.acks) != 1 {
		t.Errorf("updates %d, acks %v", len(api.of("update")), ack.acks)
	}
}

func TestSocketModeFullQueueLeavesRequestUnacknowledged(t *testing.T) {
	api, eng := &fakeAPI{}, &fakeEngine{}
	d, err := newDesk(Config{BotToken: "x", AppToken: "xapp-1", HandoffChannel: testChannel, Queue: 1}, eng, api)
	if err != nil {
		t.Fatal(err)
	}
	ack := &fakeAcker{}
	d.onSocketEvent(t.Context(), socketEvent(t, "env-1", eventBody("E1", `{"type":"app_mention","channel":"C1","user":"U1","text":"a","ts":"1.1"}`), 0), ack)
	d.onSocketEvent(t.Context(), socketEvent(t, "env-2", eventBody("E2", `{"type":"app_mention","channel":"C1","user":"U1","text":"b","ts":"1.2"}`), 0), ack)
	if len(ack.acks) != 1 || ack.acks[0] != "env-1" {
		t.Errorf("acks %v, want only env-1 (Slack sends env-2 again)", ack.acks)
	}
}
