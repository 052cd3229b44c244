package slack

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestSignedRequests(t *testing.T) {
	challenge := `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`
	now := time.Now()
	tests := []struct {
		name     string
		req      func() *http.Request
		wantCode int
		wantBody string
	}{
		{"valid url_verification is answered with the challenge", func() *http.Request {
			return signed(t, "/slack/events", "application/json", challenge, now)
		}, http.StatusOK, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"},
		{"bad signature is refused", func() *http.Request {
			r := signed(t, "/slack/events", "application/json", challenge, now)
			r.Header.Set("X-Slack-Signature", "v0="+strings.Repeat("ab", 32))
			return r
		}, http.StatusUnauthorized, "invalid signature\n"},
		{"body changed after signing is refused", func() *http.Request {
			r := signed(t, "/slack/events", "application/json", challenge, now)
			r.Body = http.NoBody
			return r
		}, http.StatusUnauthorized, "invalid signature\n"},
		{"stale timestamp (6 minutes old) is refused", func() *http.Request {
			return signed(t, "/slack/events", "application/json", challenge, now.Add(-6*time.Minute))
		}, http.StatusUnauthorized, "invalid signature\n"},
		{"timestamp 6 minutes ahead is refused", func() *http.Request {
			return signed(t, "/slack/events", "application/json", challenge, now.Add(6*time.Minute))
		}, http.StatusUnauthorized, "invalid signature\n"},
		{"missing signature headers are refused", func() *http.Request {
			r := signed(t, "/slack/commands", "application/x-www-form-urlencoded", "text=track+1", now)
			r.Header.Del("X-Slack-Signature")
			return r
		}, http.StatusUnauthorized, "invalid signature\n"},
		{"unsigned interaction is refused", func() *http.Request {
			r := signed(t, "/slack/interactions", "application/x-www-form-urlencoded", actionBody("t1", actionTake, "s1", "U1", "aoi"), now)
			r.Header.Del("X-Slack-Request-Timestamp")
			return r
		}, http.StatusUnauthorized, "invalid signature\n"},
		{"signed garbage is a bad request", func() *http.Request {
			return signed(t, "/slack/events", "application/json", "{not json", now)
		}, http.StatusBadRequest, "bad json\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, api, _ := newTestDesk(t, "en")
			w := serve(d, tt.req())
			if w.Code != tt.wantCode || w.Body.String() != tt.wantBody {
				t.Errorf("got %d %q, want %d %q", w.Code, w.Body.String(), tt.wantCode, tt.wantBody)
			}
			drain(t, d)
			if len(api.calls) != 0 {
				t.Errorf("Slack was called: %+v", api.calls)
			}
		})
	}
}

// A question in a DM delivered three times (first delivery, Slack's retry, a replay of
// the same signed request) is answered once.
func TestEventRetriedOrReplayedIsAnsweredOnce(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	body := eventBody("Ev01", `{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"where is my parcel?","ts":"1700000100.000100"}`)
	first := signed(t, "/slack/events", "application/json", body, time.Now())
	if w := serve(d, first); w.Code != http.StatusOK {
		t.Fatalf("first delivery: %d", w.Code)
	}
	retry := signed(t, "/slack/events", "application/json", body, time.Now())
	retry.Header.Set("X-Slack-Retry-Num", "1")
	retry.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	if w := serve(d, retry); w.Code != http.StatusOK {
		t.Fatalf("retry: %d", w.Code)
	}
	replay := signed(t, "/slack/events", "application/json", body, time.Now())
	if w := serve(d, replay); w.Code != http.StatusOK {
		t.Fatalf("replay: %d", w.Code)
	}
	drain(t, d)
	posts := api.of("post")
	if len(posts) != 1 {
		t.Fatalf("got %d posts, want 1: %+v", len(posts), posts)
	}
	if got := posts[0].Msg.Text; got != "answer to where is my parcel?" {
		t.Errorf("answer = %q", got)
	}
	if posts[0].Msg.ThreadTS != "1700000100.000100" {
		t.Errorf("answer not in the thread of the question: %q", posts[0].Msg.ThreadTS)
	}
	if n := len(eng.got()); n != 1 {
		t.Errorf("engine asked %d times", n)
	}
}

// Events are acknowledged before any work is done: the answer to Slack never waits for
// the engine or the Web API.
func TestEventIsAcknowledgedBeforeWork(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	body := eventBody("Ev02", `{"type":"app_mention","channel":"C1","user":"U1","text":"<@UBOT> 荷物はどこ？","ts":"1700000200.000100"}`)
	if w := serve(d, signed(t, "/slack/events", "application/json", body, time.Now())); w.Code != http.StatusOK {
		t.Fatalf("got %d", w.Code)
	}
	if len(eng.got()) != 0 || len(api.calls) != 0 {
		t.Fatal("work was done while answering the request")
	}
	drain(t, d)
	if got := eng.got(); len(got) != 1 || got[0] != "handle  ja 荷物はどこ？" {
		t.Errorf("engine got %q, want the question without the mention, in Japanese", got)
	}
}

// When the work queue is full, Slack is told to come back (503) and the retry is accepted.
func TestFullQueueAsksSlackToRetry(t *testing.T) {
	api, eng := &fakeAPI{}, &fakeEngine{}
	d, err := newDesk(Config{BotToken: "x", SigningSecret: testSecret, HandoffChannel: testChannel, Queue: 1}, eng, api)
	if err != nil {
		t.Fatal(err)
	}
	ev := func(id string) *http.Request {
		return signed(t, "/slack/events", "application/json",
			eventBody(id, `{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"hi","ts":"1.1"}`), time.Now())
	}
	if w := serve(d, ev("EvA")); w.Code != http.StatusOK {
		t.Fatalf("first: %d", w.Code)
	}
	if w := serve(d, ev("EvB")); w.Code != http.StatusServiceUnavailable {
		t.Fatalf("second with a full queue: %d, want 503", w.Code)
	}
	drain(t, d)
	if w := serve(d, ev("EvB")); w.Code != http.StatusOK {
		t.Fatalf("Slack's retry of the refused event: %d", w.Code)
	}
	drain(t, d)
	if n := len(api.of("post")); n != 2 {
		t.Errorf("got %d answers, want 2", n)
	}
}

// A button press replayed (the same signed request sent again) acts once.
func TestInteractionReplayedActsOnce(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	if err := d.Open(t.Context(), webTicket()); err != nil {
		t.Fatal(err)
	}
	body := actionBody("tr-replay", actionClose, ticketID(d, "s1"), "U_AOI", "aoi")
	for range 2 {
		if w := serve(d, signed(t, "/slack/interactions", "application/x-www-form-urlencoded", body, time.Now())); w.Code != http.StatusOK {
			t.Fatalf("got %d", w.Code)
		}
	}
	drain(t, d)
	if got := eng.got(); len(got) != 1 || got[0] != "release s1" {
		t.Errorf("engine got %q, want one release", got)
	}
	if n := len(api.of("update")) + len(api.of("ephemeral")); n != 1 {
		t.Errorf("Slack got %d updates or notes, want 1", n)
	}
}
