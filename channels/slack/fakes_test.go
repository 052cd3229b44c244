package slack

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const (
	testSecret  = "8f742231b10e8888abcd99yyyzzz85a5"
	testChannel = "CHANDOFF"
)

// sent is one call the fake Slack received.
type sent struct {
	Method  string
	Channel string
	User    string // ephemeral recipient
	TS      string // the message updated, or the ts given to a new post
	Msg     message
}

// fakeAPI records what the desk sends to Slack.
type fakeAPI struct {
	mu      sync.Mutex
	calls   []sent
	n       int
	postErr error
	authErr error
}

func (f *fakeAPI) AuthTestContext(ctx context.Context) (*slackgo.AuthTestResponse, error) {
	if f.authErr != nil {
		return nil, f.authErr
	}
	return &slackgo.AuthTestResponse{UserID: "UBOT"}, nil
}

func (f *fakeAPI) PostMessageContext(ctx context.Context, channel string, m message) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.postErr != nil {
		return "", f.postErr
	}
	f.n++
	ts := fmt.Sprintf("1700000000.%06d", f.n)
	f.calls = append(f.calls, sent{Method: "post", Channel: channel, TS: ts, Msg: m})
	return ts, nil
}

func (f *fakeAPI) UpdateMessageContext(ctx context.Context, channel, ts string, m message) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, sent{Method: "update", Channel: channel, TS: ts, Msg: m})
	return nil
}

func (f *fakeAPI) PostEphemeralContext(ctx context.Context, channel, user string, m message) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, sent{Method: "ephemeral", Channel: channel, User: user, Msg: m})
	return nil
}

// of returns the calls of one method ("post", "update", "ephemeral").
func (f *fakeAPI) of(method string) []sent {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []sent
	for _, c := range f.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// fakeEngine records what the desk asks of the engine. Nil funcs succeed.
type fakeEngine struct {
	mu     sync.Mutex
	calls  []string
	handle func(bot.Inbound) (bot.Reply, error)
	take   func(session, agent string) error
	say    func(session, agent, text string) error
	turns  []store.Turn
}

func (e *fakeEngine) record(s string) {
	e.mu.Lock()
	e.calls = append(e.calls, s)
	e.mu.Unlock()
}

func (e *fakeEngine) got() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.calls...)
}

func (e *fakeEngine) Handle(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
	e.record("handle " + in.SessionID + " " + in.Lang + " " + in.Text)
	if e.handle != nil {
		return e.handle(in)
	}
	return bot.Reply{SessionID: "s-assist", Text: "answer to " + in.Text, Lang: in.Lang}, nil
}

func (e *fakeEngine) Take(ctx context.Context, session, agent string) error {
	e.record("take " + session + " " + agent)
	if e.take != nil {
		return e.take(session, agent)
	}
	return nil
}

func (e *fakeEngine) AgentSay(ctx context.Context, session, agent, text string) error {
	e.record("say " + session + " " + agent + ": " + text)
	if e.say != nil {
		return e.say(session, agent, text)
	}
	return nil
}

func (e *fakeEngine) Release(ctx context.Context, session string) error {
	e.record("release " + session)
	return nil
}

func (e *fakeEngine) Expire(ctx context.Context, session string) error {
	e.record("expire " + session)
	return nil
}

func (e *fakeEngine) Transcript(ctx context.Context, session string, n int) ([]store.Turn, error) {
	return e.turns, nil
}

// newTestDesk builds a desk on fakes, speaking lang to agents.
func newTestDesk(t testing.TB, lang string) (*Desk, *fakeAPI, *fakeEngine) {
	t.Helper()
	api, eng := &fakeAPI{}, &fakeEngine{}
	d, err := newDesk(Config{BotToken: "xoxb-test", SigningSecret: testSecret, HandoffChannel: testChannel,
		Lang: lang, RetryMin: time.Millisecond}, eng, api)
	if err != nil {
		t.Fatal(err)
	}
	d.botID = "UBOT"
	n := 0
	d.newID = func() string { n++; return fmt.Sprintf("T%04d", n) }
	return d, api, eng
}

// drain runs every queued job, as the workers would.
func drain(t *testing.T, d *Desk) {
	t.Helper()
	for {
		select {
		case job := <-d.jobs:
			job(context.Background())
		default:
			return
		}
	}
}

// signed builds a request signed like Slack signs it, at time at.
func signed(t testing.TB, path, contentType, body string, at time.Time) *http.Request {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	r.Header.Set("Content-Type", contentType)
	ts := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(testSecret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	r.Header.Set("X-Slack-Request-Timestamp", ts)
	r.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return r
}

// serve sends r to the desk's routes and returns the response.
func serve(d *Desk, r *http.Request) *httptest.ResponseRecorder {
	mux := http.NewServeMux()
	d.Mount(mux)
	w := httptest.NewRecorder()
	mux.ServeHTTP(w, r)
	return w
}

// eventBody is an Events API callback carrying inner (a JSON object).
func eventBody(id, inner string) string {
	return `{"type":"event_callback","token":"x","team_id":"T1","api_app_id":"A1","event_id":"` + id +
		`","event_time":1700000000,"event":` + inner + `}`
}

// ticketID is the id the buttons of the session's ticket carry ("none" without a ticket).
func ticketID(d *Desk, session string) string {
	if tk, ok := d.tickets.get(session); ok {
		return tk.ID
	}
	return "none"
}

// actionBody is the form body of a button press on the ticket with the given id.
func actionBody(trigger, action, ticketID, userID, userName string) string {
	p := map[string]any{
		"type":       "block_actions",
		"trigger_id": trigger,
		"user":       map[string]string{"id": userID, "name": userName},
		"channel":    map[string]string{"id": testChannel},
		"actions":    []map[string]string{{"action_id": action, "block_id": "ticket", "value": ticketID, "type": "button", "action_ts": "1700000001.1"}},
	}
	b, _ := json.Marshal(p)
	return "payload=" + url.QueryEscape(string(b))
}

// golden compares m (as Slack would receive it) with testdata/name.json.
func golden(t *testing.T, name string, m message) {
	t.Helper()
	got, err := json.MarshalIndent(struct {
		Text     string          `json:"text"`
		ThreadTS string          `json:"thread_ts,omitempty"`
		Blocks   []slackgo.Block `json:"blocks,omitempty"`
	}{m.Text, m.ThreadTS, m.Blocks}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name+".json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", path, got)
	}
}

func unescapeQuery(t *testing.T, s string) string {
	t.Helper()
	u, err := url.QueryUnescape(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
