package slack

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/toiawase/toiawase/bot"
)

func sendEvent(t *testing.T, d *Desk, id, inner string) {
	t.Helper()
	if w := serve(d, signed(t, "/slack/events", "application/json", eventBody(id, inner), time.Now())); w.Code != http.StatusOK {
		t.Fatalf("event %s: %d", id, w.Code)
	}
	drain(t, d)
}

func TestAssistKeepsOneSessionPerThread(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	n := 0
	eng.handle = func(in bot.Inbound) (bot.Reply, error) {
		if in.SessionID == "gone" {
			return bot.Reply{}, bot.ErrUnknownSession
		}
		if in.SessionID == "" {
			n++
			in.SessionID = []string{"", "s-a", "s-b", "s-c"}[n]
		}
		return bot.Reply{SessionID: in.SessionID, Text: "ok", Lang: in.Lang,
			Links: []bot.Link{{Label: "Yamato", URL: "https://www.kuronekoyamato.co.jp/"}}}, nil
	}
	sendEvent(t, d, "E1", `{"type":"app_mention","channel":"C1","user":"U1","text":"<@UBOT> 再配達は？","ts":"100.1"}`)
	sendEvent(t, d, "E2", `{"type":"app_mention","channel":"C1","user":"U1","text":"<@UBOT> and tomorrow?","ts":"100.2","thread_ts":"100.1"}`)
	sendEvent(t, d, "E3", `{"type":"app_mention","channel":"C1","user":"U2","text":"<@UBOT> other question","ts":"200.1"}`)
	want := []string{"handle  ja 再配達は？", "handle s-a en and tomorrow?", "handle  en other question"}
	got := eng.got()
	if len(got) != len(want) {
		t.Fatalf("engine got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("turn %d: %q, want %q", i, got[i], want[i])
		}
	}
	posts := api.of("post")
	if len(posts) != 3 || posts[1].Msg.ThreadTS != "100.1" || posts[2].Msg.ThreadTS != "200.1" {
		t.Fatalf("posts %+v", posts)
	}
	if posts[0].Msg.Text != "ok\n• <https://www.kuronekoyamato.co.jp/|Yamato>" {
		t.Errorf("answer %q", posts[0].Msg.Text)
	}

	// A session the engine forgot starts again in the same thread.
	d.threads.put(threadKey("C1", "100.1"), "gone")
	sendEvent(t, d, "E4", `{"type":"app_mention","channel":"C1","user":"U1","text":"<@UBOT> again","ts":"100.3","thread_ts":"100.1"}`)
	if s, _ := d.threads.get(threadKey("C1", "100.1")); s != "s-c" {
		t.Errorf("thread session %q, want a new one", s)
	}
}

func TestAssistIgnoresBotsAndEdits(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	sendEvent(t, d, "E1", `{"type":"message","channel":"D1","channel_type":"im","user":"UBOT","text":"my own answer","ts":"1.1"}`)
	sendEvent(t, d, "E2", `{"type":"message","channel":"D1","channel_type":"im","bot_id":"B1","text":"another bot","ts":"1.2"}`)
	sendEvent(t, d, "E3", `{"type":"message","subtype":"message_changed","channel":"D1","channel_type":"im","ts":"1.3"}`)
	sendEvent(t, d, "E4", `{"type":"message","channel":"C1","channel_type":"channel","user":"U1","text":"chatter","ts":"1.4"}`)
	if len(eng.got()) != 0 || len(api.calls) != 0 {
		t.Errorf("engine %q, slack %+v", eng.got(), api.calls)
	}
}

func TestAssistEngineErrorIsSaidPolitely(t *testing.T) {
	d, api, eng := newTestDesk(t, "ja")
	eng.handle = func(bot.Inbound) (bot.Reply, error) { return bot.Reply{}, errors.New("boom") }
	sendEvent(t, d, "E1", `{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"hi","ts":"1.1"}`)
	if p := lastOf(t, api, "post"); p.Msg.Text != d.tx.get("bot_unavailable") {
		t.Errorf("posted %q", p.Msg.Text)
	}
}

func TestMentionInTicketThreadIsNotForwarded(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	if err := d.Open(context.Background(), webTicket()); err != nil {
		t.Fatal(err)
	}
	ts := lastOf(t, api, "post").TS
	press(t, d, "tr1", actionTake, "s1", "U_AOI", "aoi")
	sendEvent(t, d, "E1", `{"type":"message","channel":"`+testChannel+`","channel_type":"channel","user":"U_AOI","text":"<@UBOT> track 4812","ts":"9.1","thread_ts":"`+ts+`"}`)
	for _, c := range eng.got() {
		if c[:3] == "say" {
			t.Errorf("a question to the bot reached the customer: %q", c)
		}
	}
}

func TestAgentMessageNotDelivered(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	eng.say = func(string, string, string) error { return bot.ErrNotConnected }
	if err := d.Open(context.Background(), webTicket()); err != nil {
		t.Fatal(err)
	}
	ts := lastOf(t, api, "post").TS
	press(t, d, "tr1", actionTake, "s1", "U_AOI", "aoi")
	reply(t, d, "E1", "U_AOI", ts, "hello")
	if e := lastOf(t, api, "ephemeral"); e.User != "U_AOI" || e.Msg.Text != d.tx.get("not_delivered") {
		t.Errorf("agent not told: %+v", e)
	}
}

// flakyAPI fails auth.test a few times as if Slack could not be reached.
type flakyAPI struct {
	fakeAPI
	fails atomic.Int32
}

func (f *flakyAPI) AuthTestContext(ctx context.Context) (*slackgo.AuthTestResponse, error) {
	if f.fails.Add(-1) >= 0 {
		return nil, errors.New("dial tcp: connection refused")
	}
	return &slackgo.AuthTestResponse{UserID: "UBOT"}, nil
}

func TestIdentifyRetriesUntilSlackAnswers(t *testing.T) {
	api := &flakyAPI{}
	api.fails.Store(3)
	d, err := newDesk(Config{BotToken: "x", SigningSecret: testSecret, HandoffChannel: testChannel, RetryMin: time.Millisecond}, &fakeEngine{}, api)
	if err != nil {
		t.Fatal(err)
	}
	d.identify(context.Background())
	if d.botUserID() != "UBOT" || api.fails.Load() != -1 {
		t.Errorf("bot id %q after %d failures", d.botUserID(), 3-api.fails.Load())
	}
}

func TestIdentifyStopsWithContext(t *testing.T) {
	api := &flakyAPI{}
	api.fails.Store(1 << 30)
	d, err := newDesk(Config{BotToken: "x", SigningSecret: testSecret, HandoffChannel: testChannel, RetryMin: time.Millisecond}, &fakeEngine{}, api)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d.identify(ctx) // returns: the test would hang otherwise
	if d.botUserID() != "" {
		t.Error("identified without Slack")
	}
}

func TestRunStopsWithContext(t *testing.T) {
	d, _, _ := newTestDesk(t, "en")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { d.Run(ctx); close(done) }()
	cancel()
	<-done
}
