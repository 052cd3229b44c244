package bot

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/tracking"
)

// Pending slots: what the bot asked for and waits to hear.
const (
	slotNumber  = "tracking_number" // a tracking number
	slotCarrier = "carrier"         // which carrier a multi-carrier number belongs to
	slotConfirm = "confirm_number"  // confirm a number repaired from look-alike letters
)

// Transcript speakers.
const (
	FromCustomer = "customer"
	FromBot      = "bot"
	FromAgent    = "agent"
	FromSystem   = "system"
)

// newSessionID returns an unguessable token: 18 random bytes, base64url (24 characters).
func newSessionID() (string, error) {
	var b [18]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("new session id: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// getSession loads a live session, mapping store.ErrNotFound to ErrUnknownSession.
func (e *Engine) getSession(ctx context.Context, id string) (store.Session, error) {
	s, err := e.store.Get(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return s, fmt.Errorf("session %s: %w", shortID(id), ErrUnknownSession)
	}
	if err != nil {
		return s, fmt.Errorf("session %s: %w", shortID(id), err)
	}
	return s, nil
}

// begin loads or creates the session of in and sets the turn's language.
func (e *Engine) begin(ctx context.Context, in Inbound, text string) (*turn, error) {
	t := &turn{e: e, ctx: ctx, c: e.contentNow(), in: in, started: e.now(), wall: time.Now()}
	if in.SessionID == "" {
		id, err := newSessionID()
		if err != nil {
			return nil, err
		}
		t.s = store.Session{ID: id, Channel: in.Channel, Created: t.started, Mode: ModeBot}
		t.isNew = true
	} else {
		s, err := e.getSession(ctx, in.SessionID)
		if err != nil {
			return nil, fmt.Errorf("handle: %w", err)
		}
		t.s = s
	}
	t.text, t.secrets = e.secrets.redactSecrets(text)
	t.setLang()
	return t, nil
}

// setLang applies the language rules: a client's explicit lang wins (and sticks); a new
// session takes the language its first message is written in, else DefaultLang; an
// ongoing one switches when the customer clearly writes in the other language, unless
// they chose the language themselves.
func (t *turn) setLang() {
	detected, clear := detectLang(t.text)
	switch {
	case t.isNew && validLang(t.in.Lang):
		t.s.Lang = t.in.Lang
	case t.isNew && detected != "":
		t.s.Lang = detected
	case t.isNew:
		t.s.Lang = t.e.defaultLang
	case validLang(t.in.Lang) && t.in.Lang != t.s.Lang:
		t.s.Lang, t.s.LangFixed = t.in.Lang, true
	case clear && detected != t.s.Lang && !t.s.LangFixed:
		t.s.Lang = detected
	}
	if !validLang(t.s.Lang) {
		t.s.Lang = t.e.defaultLang
	}
}

// finish stores the session and the two transcript turns, fills the reply's session
// fields and logs the turn.
func (t *turn) finish() (Reply, error) {
	e, s := t.e, &t.s
	s.Updated = e.now()
	if s.Mode == "" {
		s.Mode = ModeBot
	}
	if err := e.store.Put(t.ctx, *s, e.ttl); err != nil {
		return Reply{}, fmt.Errorf("handle: save session: %w", err)
	}
	if said := t.customerLine(); said != "" {
		if err := e.store.Append(t.ctx, s.ID, store.Turn{At: t.started, From: FromCustomer, Text: said}); err != nil {
			return Reply{}, fmt.Errorf("handle: transcript: %w", err)
		}
	}
	if t.reply.Text != "" {
		if err := e.store.Append(t.ctx, s.ID, store.Turn{At: s.Updated, From: FromBot, Text: t.reply.Text}); err != nil {
			return Reply{}, fmt.Errorf("handle: transcript: %w", err)
		}
	}
	t.reply.SessionID, t.reply.Lang, t.reply.Mode = s.ID, s.Lang, s.Mode
	t.logTurn()
	return t.reply, nil
}

// customerLine is what the transcript keeps of the customer's message: the text with
// secrets redacted, or the quick reply chosen.
func (t *turn) customerLine() string {
	if t.in.Action != "" {
		return "[" + t.in.Action + "]"
	}
	return t.text
}

// rememberNumbers adds normalised tracking numbers to the session, without duplicates.
func (t *turn) rememberNumbers(ns ...string) {
	for _, n := range ns {
		seen := false
		for _, x := range t.s.Tracking {
			if x == n {
				seen = true
				break
			}
		}
		if !seen {
			t.s.Tracking = append(t.s.Tracking, n)
		}
	}
}

// logTurn logs the turn, masked: at info level when it handed the customer over or
// refused a secret (what an operator watches for), at debug level otherwise. Every turn
// is in the transcript store already, and the counters of /metrics count them; a line
// per message at info level cost a tenth of the engine's CPU under web-chat load.
func (t *turn) logTurn() {
	if t.e.log == nil {
		return
	}
	level := logrus.DebugLevel
	if t.reply.Handoff || len(t.secrets) > 0 {
		level = logrus.InfoLevel
	}
	if !t.e.log.Logger.IsLevelEnabled(level) {
		return
	}
	nums := make([]string, 0, len(t.reply.Tracking))
	for _, r := range t.reply.Tracking {
		nums = append(nums, tracking.Mask(r.Number))
	}
	f := logrus.Fields{
		"session": shortID(t.s.ID), "channel": t.in.Channel, "new": t.isNew, "lang": t.s.Lang,
		"intent": t.reply.Intent, "confidence": t.reply.Confidence, "numbers": nums,
		"orders": len(t.reply.Orders), "mode": t.s.Mode, "pending": t.s.Pending, "misses": t.s.Misses,
		"action": actionKind(t.in.Action), "secrets": t.secrets, "handoff": t.reply.Handoff,
		"took": time.Since(t.wall).String(),
	}
	t.e.log.WithFields(f).Log(level, "turn")
}

// shortID is the part of a session id that logs carry: enough to follow a conversation,
// too little to take it over (the id is a bearer token).
func shortID(id string) string {
	if len(id) > 6 {
		return id[:6]
	}
	return id
}
