package bot

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/toiawase/toiawase/faq"
	"github.com/toiawase/toiawase/intents"
)

// fakeClassifier answers by the first rule whose keyword the text contains.
type fakeClassifier struct {
	rules []fakeRule
}

type fakeRule struct {
	word, label string
	conf        float64 // zero means 0.9
}

func (f fakeClassifier) Classify(text string) intents.Prediction {
	s := strings.ToLower(text)
	for _, r := range f.rules {
		if strings.Contains(s, r.word) {
			c := r.conf
			if c == 0 {
				c = 0.9
			}
			return intents.Prediction{Intent: r.label, Confidence: c,
				Top: []intents.Scored{{Intent: r.label, Confidence: c}, {Intent: intents.FindNumber, Confidence: 1 - c}}}
		}
	}
	return intents.Prediction{Intent: intents.OutOfScope, Confidence: 0.3, Top: []intents.Scored{
		{Intent: intents.Prime, Confidence: 0.3}, {Intent: intents.Returns, Confidence: 0.2}, {Intent: intents.OutOfScope, Confidence: 0.1}}}
}

func newFakeClassifier() fakeClassifier {
	return fakeClassifier{rules: []fakeRule{
		{"再配達", intents.Redelivery, 0}, {"redeliver", intents.Redelivery, 0},
		{"どこ", intents.TrackPackage, 0}, {"where is", intents.TrackPackage, 0},
		{"追跡できない", intents.NotTracking, 0},
		{"人と", intents.ContactSupport, 0}, {"person", intents.ContactSupport, 0}, {"電話番号", intents.ContactSupport, 0},
		{"見つからない", intents.FindNumber, 0},
		{"プライム", intents.Prime, 0}, {"prime", intents.Prime, 0},
		{"こんにちは", intents.Greeting, 0}, {"hello", intents.Greeting, 0},
		{"たぶん", intents.Returns, 0.55},
	}}
}

// fakeContent renders every message as "lang:id" followed by its non-empty arguments,
// and every answer as "lang:answer:intent", so tests can state what the customer sees.
type fakeContent struct {
	missing string // a message id to pretend is missing
}

func (f fakeContent) Message(id, lang string, args map[string]string) (string, error) {
	if id == f.missing {
		return "", fmt.Errorf("no message %q", id)
	}
	keys := make([]string, 0, len(args))
	for k, v := range args {
		if v != "" && k != "max" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	out := lang + ":" + id
	for _, k := range keys {
		out += " " + k + "=" + args[k]
	}
	return out, nil
}

func (f fakeContent) answer(intent, lang string) faq.Answer {
	a := faq.Answer{ID: intent, Intent: intent, Lang: lang, Title: lang + ":title:" + intent,
		Text: lang + ":answer:" + intent}
	switch intent {
	case intents.ContactSupport:
		a.Links = []faq.Link{{Label: "help", URL: "https://www.amazon.co.jp/gp/help/customer/contact-us"}}
		a.Choices = []faq.Choice{{Label: lang + ":talk to a person", Value: "human"}}
	case intents.Greeting:
		a.Choices = []faq.Choice{{Label: lang + ":track", Value: "intent:track_package"}}
	case intents.TrackPackage:
		a.Choices = []faq.Choice{{Label: lang + ":not tracking?", Value: "intent:not_tracking"}}
	}
	return a
}

func (f fakeContent) ForIntent(intent, lang string) (faq.Answer, bool) {
	return f.answer(intent, lang), true
}

func (f fakeContent) Get(id, lang string) (faq.Answer, bool) {
	for _, l := range intents.Labels() {
		if l == id {
			return f.answer(id, lang), true
		}
	}
	return faq.Answer{}, false
}

func (f fakeContent) Search(query, lang string, k int) []faq.Hit {
	return []faq.Hit{{Answer: f.answer(intents.Returns, lang), Score: 2}, {Answer: f.answer(intents.Phishing, lang), Score: 1}}
}

// fakeDesk records tickets and forwarded messages; err, when set, refuses them.
type fakeDesk struct {
	mu       sync.Mutex
	err      error
	tickets  []Ticket
	forwards []string
}

func (d *fakeDesk) Open(ctx context.Context, t Ticket) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return d.err
	}
	d.tickets = append(d.tickets, t)
	return nil
}

func (d *fakeDesk) Forward(ctx context.Context, id, text string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return d.err
	}
	d.forwards = append(d.forwards, text)
	return nil
}

// fakeSender records pushes; err, when set, is returned instead.
type fakeSender struct {
	mu     sync.Mutex
	err    error
	pushes []Push
}

func (s *fakeSender) Send(ctx context.Context, id string, p Push) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	s.pushes = append(s.pushes, p)
	return nil
}

// testClock is a settable clock.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *testClock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
