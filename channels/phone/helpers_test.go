package phone

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/faq"
)

// testAnswers is a stand-in FAQ: one spoken answer per intent and language, named so
// that a test can tell which answer the caller heard.
type testAnswers map[string]string

func (a testAnswers) ForIntent(intent, lang string) (faq.Answer, bool) {
	s, ok := a[intent+"/"+lang]
	return faq.Answer{ID: intent, Intent: intent, Lang: lang, Speech: s}, ok
}

func newTestAnswers() testAnswers {
	a := testAnswers{}
	for _, intent := range []string{"track_package", "redelivery", "returns", "prime", "kindle", "amazon_pay", "seller_tracking", "contact_support"} {
		a[intent+"/ja"] = "〔" + intent + "の案内〕"
		a[intent+"/en"] = "[" + intent + " answer]"
	}
	return a
}

// fakeDesk records tickets; err makes Open fail as a desk that is not configured does.
type fakeDesk struct {
	mu      sync.Mutex
	err     error
	tickets []bot.Ticket
}

func (d *fakeDesk) Open(ctx context.Context, t bot.Ticket) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return d.err
	}
	d.tickets = append(d.tickets, t)
	return nil
}

func (d *fakeDesk) Forward(ctx context.Context, sessionID, text string) error { return nil }

func (d *fakeDesk) opened() []bot.Ticket {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]bot.Ticket(nil), d.tickets...)
}

func newTestPhone(t *testing.T, desk bot.Desk) *Phone {
	t.Helper()
	cfg := Config{Answers: newTestAnswers()}
	if desk != nil {
		cfg.Desk = desk
	}
	p, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return p
}

// simulate runs a scripted call through the simulator (keys as for --keys) and returns
// the transcript: what was said, the keys, and how the call ended.
func simulate(t *testing.T, p *Phone, from, lang, keys string) string {
	t.Helper()
	var out strings.Builder
	sim := &Simulator{Phone: p, Out: &out, From: from, Lang: lang, CallSid: "CA-" + t.Name()}
	var lines []string
	if keys != "-" {
		lines = ParseKeys(keys)
	}
	if err := sim.Script(context.Background(), lines); err != nil {
		t.Fatalf("Script: %v", err)
	}
	return out.String()
}

// inOrder fails unless every want appears in got, in that order.
func inOrder(t *testing.T, got string, want ...string) {
	t.Helper()
	rest := got
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("the caller did not hear %q (in this order); the call said:\n%s", w, got)
			return
		}
		rest = rest[i+len(w):]
	}
}

// menuText is a prompt or message of the embedded menu.
func menuText(t *testing.T, key, lang string) string {
	t.Helper()
	m, err := DefaultMenu()
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := m.Messages[key][lang]; ok {
		return s
	}
	n, ok := m.Nodes[key]
	if !ok {
		t.Fatalf("no message or node %q", key)
	}
	return n.Prompt[lang]
}
