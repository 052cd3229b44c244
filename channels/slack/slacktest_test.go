package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slacktest"
)

// webCall is one chat.postMessage or chat.update the slacktest server received.
type webCall struct {
	method string
	form   url.Values
}

// recorder adds chat.postMessage (unique ts) and chat.update to a slacktest server and
// keeps what they received.
type recorder struct {
	mu    sync.Mutex
	calls []webCall
	n     int
}

func (rec *recorder) bind(c slacktest.Customize) {
	handle := func(method string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			form, _ := url.ParseQuery(string(body))
			rec.mu.Lock()
			rec.n++
			ts := fmt.Sprintf("1700000000.%06d", rec.n)
			rec.calls = append(rec.calls, webCall{method, form})
			rec.mu.Unlock()
			if method == "update" {
				ts = form.Get("ts")
			}
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "channel": form.Get("channel"), "ts": ts})
		}
	}
	c.Handle("/chat.postMessage", handle("post"))
	c.Handle("/chat.update", handle("update"))
}

func (rec *recorder) get() []webCall {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]webCall(nil), rec.calls...)
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// The real slack-go client, against slack-go's slacktest server on loopback.
func TestAgainstSlacktest(t *testing.T) {
	rec := &recorder{}
	srv := slacktest.NewTestServer(rec.bind)
	srv.Start()
	defer srv.Stop()

	eng := &fakeEngine{}
	d, err := New(Config{BotToken: "xoxb-test", SigningSecret: testSecret, HandoffChannel: testChannel,
		APIURL: srv.GetAPIURL(), Lang: "en", RetryMin: 10 * time.Millisecond}, eng)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { d.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()

	waitFor(t, "auth.test", func() bool { return d.botUserID() != "" })

	if err := d.Open(ctx, webTicket()); err != nil {
		t.Fatal(err)
	}
	calls := rec.get()
	if len(calls) != 1 || calls[0].method != "post" || calls[0].form.Get("channel") != testChannel {
		t.Fatalf("calls %+v, want one post to the hand-off channel", calls)
	}
	var blocks slackgo.Blocks
	if err := json.Unmarshal([]byte(calls[0].form.Get("blocks")), &blocks); err != nil {
		t.Fatalf("blocks: %v", err)
	}
	if len(blocks.BlockSet) != 5 || strings.Contains(calls[0].form.Get("blocks"), "481234567893") {
		t.Errorf("ticket blocks %s", calls[0].form.Get("blocks"))
	}
	ts := "1700000000.000001"

	mux := http.NewServeMux()
	d.Mount(mux)
	press := func(trigger, action string) {
		r := signed(t, "/slack/interactions", "application/x-www-form-urlencoded", actionBody(trigger, action, ticketID(d, "s1"), "U_AOI", "aoi"), time.Now())
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d", action, w.Code)
		}
	}
	press("tr1", actionTake)
	waitFor(t, "the ticket update", func() bool { return len(rec.get()) == 2 })
	if up := rec.get()[1]; up.method != "update" || up.form.Get("ts") != ts || !strings.Contains(up.form.Get("text"), "Taken by <@U_AOI>") {
		t.Errorf("update %+v", up.form)
	}

	if err := d.Forward(ctx, "s1", "my card is 4111 1111 1111 1111"); err != nil {
		t.Fatal(err)
	}
	fw := rec.get()[2]
	if fw.form.Get("thread_ts") != ts || fw.form.Get("text") != "*Customer:* my card is •••• •••• •••• ••••" {
		t.Errorf("forward %+v", fw.form)
	}

	press("tr2", actionNumbers)
	waitFor(t, "the ephemeral numbers", func() bool {
		return srv.SawOutgoingMessage(d.tx.get("numbers") + "\n• *Tracking numbers:* `481234567893`")
	})
}
