package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/faq"
	"github.com/toiawase/toiawase/intents"
	"github.com/toiawase/toiawase/tracking"
)

// turn is one Handle call in progress: the session it changes and the reply it builds.
type turn struct {
	e       *Engine
	ctx     context.Context
	c       Content
	in      Inbound
	s       store.Session
	isNew   bool
	started time.Time // on the engine's clock
	wall    time.Time // for the log's duration
	text    string    // normalised, secrets redacted
	secrets []string
	found   tracking.Found
	pred    intents.Prediction
	reply   Reply
}

// msgArgs are the placeholder values every message is rendered with. All names are
// always present (empty when they do not apply), so no message fails for a missing one.
type msgArgs struct {
	number, carrier, url, order, agent, max string
}

func (a msgArgs) m() map[string]string {
	return map[string]string{"number": a.number, "carrier": a.carrier, "url": a.url,
		"order": a.order, "agent": a.agent, "max": a.max}
}

// say appends the message id, in the session language, to the reply's text.
func (t *turn) say(id string, a msgArgs) error {
	s, err := t.c.Message(id, t.s.Lang, a.m())
	if err != nil {
		return fmt.Errorf("message %s: %w", id, err)
	}
	t.addText(s)
	return nil
}

// addText appends a paragraph to the reply's text.
func (t *turn) addText(s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if t.reply.Text != "" {
		t.reply.Text += "\n\n"
	}
	t.reply.Text += s
}

// answer adds a curated answer: its text, follow-ups and links.
func (t *turn) answer(a faq.Answer) {
	t.addText(a.Text)
	for _, ch := range a.Choices {
		t.choice(QuickReply{Label: ch.Label, Value: ch.Value})
	}
	for _, l := range a.Links {
		t.link(Link{Label: l.Label, URL: l.URL})
	}
}

// choice adds a quick reply unless one with the same value is there already.
func (t *turn) choice(q QuickReply) {
	if q.Label == "" || q.Value == "" {
		return
	}
	for _, x := range t.reply.QuickReplies {
		if x.Value == q.Value {
			return
		}
	}
	t.reply.QuickReplies = append(t.reply.QuickReplies, q)
}

// link adds a link unless the same URL is there already.
func (t *turn) link(l Link) {
	for _, x := range t.reply.Links {
		if x.URL == l.URL {
			return
		}
	}
	t.reply.Links = append(t.reply.Links, l)
}

// intentChoice is the quick reply for an intent, labelled with its answer's title.
func (t *turn) intentChoice(label string) (QuickReply, bool) {
	a, ok := t.c.ForIntent(label, t.s.Lang)
	if !ok || a.Title == "" {
		return QuickReply{}, false
	}
	return QuickReply{Label: a.Title, Value: ActionIntent + label}, true
}

// humanChoice is the "talk to a person" quick reply.
func (t *turn) humanChoice() QuickReply {
	label, err := t.c.Message("choice_human", t.s.Lang, msgArgs{}.m())
	if err != nil { // checked by SetContent; cannot happen
		label = ActionHuman
	}
	return QuickReply{Label: label, Value: ActionHuman}
}

// carrierName is the carrier's display name in the session language (its id when unknown).
func (t *turn) carrierName(id string) string {
	if c, ok := t.e.numbers.Lookup(id); ok {
		if n := c.Name(t.s.Lang); n != "" {
			return n
		}
	}
	return id
}

// contactRoutes adds the official contact routes (the contact_support answer's links).
func (t *turn) contactRoutes() {
	if a, ok := t.c.ForIntent(intents.ContactSupport, t.s.Lang); ok {
		for _, l := range a.Links {
			t.link(Link{Label: l.Label, URL: l.URL})
		}
	}
}

// displayNumber groups a 12-digit number 4-4-4 as it is printed on Japanese labels.
func displayNumber(n string) string {
	if len(n) == 12 && strings.Trim(n, "0123456789") == "" {
		return n[:4] + "-" + n[4:8] + "-" + n[8:]
	}
	return n
}
