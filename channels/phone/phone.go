package phone

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
)

// Config configures a Phone. The zero value is usable: the embedded menu, no FAQ
// answers, tracking.Check, no desk (every hand-off is told no operator is available).
type Config struct {
	// MenuDir, when set, holds a menu.yaml that overrides the embedded one; Reload re-reads it.
	MenuDir string
	// Answers gives the spoken answers (a *faq.Set).
	Answers Answers
	// Validator checks entered numbers; nil means tracking.Check.
	Validator Validator
	// Desk takes hand-offs; nil, or an error from it, means no operator is available.
	Desk bot.Desk
	// Log receives one line per hand-off and per error, with numbers masked; nil discards.
	Log *logrus.Entry
	// HandoffTimeout bounds Desk.Open, so that a slow desk cannot keep Twilio waiting past
	// its own webhook timeout (15 s); zero means 5 s. A timeout counts as no operator.
	HandoffTimeout time.Duration
	// MaxCalls and CallTTL bound the calls in memory (zero: DefaultMaxCalls, DefaultCallTTL).
	MaxCalls int
	CallTTL  time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Phone is the phone channel: the current tree, the calls in progress, and the hand-off
// to the desk. Call is what the webhook and the simulator use. Safe for concurrent use.
type Phone struct {
	cfg   Config
	log   *logrus.Entry
	tree  atomic.Pointer[Tree]
	calls *CallStore
}

// New loads the menu and returns a Phone.
func New(cfg Config) (*Phone, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	log := cfg.Log
	if log == nil {
		l := logrus.New()
		l.SetOutput(io.Discard)
		log = logrus.NewEntry(l)
	}
	p := &Phone{cfg: cfg, log: log.WithField("channel", bot.ChannelPhone),
		calls: NewCallStore(cfg.MaxCalls, cfg.CallTTL, cfg.Now)}
	if err := p.Reload(nil); err != nil {
		return nil, fmt.Errorf("phone: %w", err)
	}
	return p, nil
}

// Reload re-reads the menu (from MenuDir, or the embedded one) and, when answers is not
// nil, replaces the FAQ answers. Calls in progress keep their state; a call whose node
// disappeared starts again at the top. On error the current tree stays.
func (p *Phone) Reload(answers Answers) error {
	m, err := LoadMenu(p.cfg.MenuDir)
	if err != nil {
		return fmt.Errorf("reload menu: %w", err)
	}
	if answers == nil {
		if old := p.tree.Load(); old != nil {
			answers = old.answers
		} else {
			answers = p.cfg.Answers
		}
	}
	p.tree.Store(NewTree(m, answers, p.cfg.Validator))
	return nil
}

// Tree returns the tree in use.
func (p *Phone) Tree() *Tree { return p.tree.Load() }

// Call advances call sid by one event and returns what the line does next. A call the
// store does not know (new, or expired) starts at the top whatever the event. from is the
// caller's number, used only for a hand-off. When the tree asks for a hand-off, Call
// opens the ticket and the returned Turn already says how it went.
func (p *Phone) Call(ctx context.Context, sid, from string, ev Event) Turn {
	tree := p.tree.Load()
	st, known := p.calls.Get(sid)
	if !known && ev.Kind != EventStart {
		ev = Event{Kind: EventStart, Lang: ev.Lang}
	}
	if ev.Kind == EventStart {
		st = State{}
	}
	st, turn := tree.Step(st, ev)
	if turn.Handoff != nil {
		res := p.handoff(ctx, sid, from, st, turn.Handoff)
		var after Turn
		st, after = tree.Step(st, Event{Kind: EventHandoff, Handoff: res})
		turn.Say = append(turn.Say, after.Say...)
		turn.Gather, turn.Hangup = after.Gather, after.Hangup
	}
	if turn.Hangup {
		p.calls.Delete(sid)
	} else {
		p.calls.Put(sid, st)
	}
	return turn
}

// handoff opens an operator ticket for the call.
func (p *Phone) handoff(ctx context.Context, sid, from string, st State, h *Handoff) HandoffResult {
	log := p.log.WithFields(logrus.Fields{
		"call": sid, "caller": MaskCaller(from), "reason": h.Reason, "intent": h.Intent,
		"tracking": maskAll(h.Tracking),
	})
	if p.cfg.Desk == nil {
		log.Info("hand-off not possible: no desk")
		return HandoffUnavailable
	}
	if !callable(from) {
		log.Info("hand-off not possible: caller number withheld")
		return HandoffNoCaller
	}
	now := p.cfg.Now()
	recent := make([]store.Turn, 0, len(h.Path))
	for _, title := range h.Path {
		recent = append(recent, store.Turn{At: now, From: "customer", Text: title})
	}
	t := bot.Ticket{
		SessionID: sid, Channel: bot.ChannelPhone, Lang: st.Lang, Intent: h.Intent, Reason: h.Reason,
		Tracking: append([]string(nil), h.Tracking...), Recent: recent, Caller: from, At: now,
	}
	timeout := p.cfg.HandoffTimeout
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := p.cfg.Desk.Open(ctx, t); err != nil {
		log.WithError(err).Warn("hand-off refused by the desk")
		return HandoffUnavailable
	}
	log.Info("handed off to the desk")
	return HandoffOpened
}

// callable reports whether from is a number someone could call back: Twilio sends
// "anonymous", "restricted" or an empty From for withheld numbers.
func callable(from string) bool {
	n := 0
	for _, r := range from {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n >= 6 && !strings.ContainsAny(strings.ToLower(from), "abcdefghijklmnopqrstuvwxyz")
}
