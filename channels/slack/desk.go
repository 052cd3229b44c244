package slack

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/sirupsen/logrus"
	slackgo "github.com/slack-go/slack"

	"github.com/toiawase/toiawase/bot"
)

// Desk is the Slack agent desk: it posts hand-off tickets, carries messages between the
// agent who takes a ticket and the customer, and answers agents' questions. It is the
// engine's bot.Desk. Build it with New, mount its HTTP routes (unless in Socket Mode)
// and call Run.
type Desk struct {
	cfg     Config
	tx      texts
	api     slackAPI
	client  *slackgo.Client // for Socket Mode; nil when a test injects api
	eng     Engine
	log     *logrus.Entry
	tickets *ticketBook
	threads *boundedMap[string]   // assist thread -> engine session id
	seen    *boundedMap[struct{}] // event ids already queued
	jobs    chan func(context.Context)
	now     func() time.Time
	newID   func() string // ticket ids

	mu    sync.RWMutex
	botID string // the bot's own user id, once auth.test answered
}

var _ bot.Desk = (*Desk)(nil)

// New builds a desk that talks to Slack's Web API (cfg.APIURL, if set).
func New(cfg Config, eng Engine) (*Desk, error) {
	opts := []slackgo.Option{slackgo.OptionHTTPClient(&http.Client{Timeout: 15 * time.Second})}
	if cfg.APIURL != "" {
		opts = append(opts, slackgo.OptionAPIURL(cfg.APIURL))
	}
	if cfg.AppToken != "" {
		opts = append(opts, slackgo.OptionAppLevelToken(cfg.AppToken))
	}
	c := slackgo.New(cfg.BotToken, opts...)
	d, err := newDesk(cfg, eng, webAPI{c})
	if err != nil {
		return nil, err
	}
	d.client = c
	return d, nil
}

// newDesk builds a desk on any slackAPI (tests pass a fake).
func newDesk(cfg Config, eng Engine, api slackAPI) (*Desk, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if eng == nil {
		return nil, fmt.Errorf("%w: no engine", ErrConfig)
	}
	cfg = cfg.withDefaults()
	tx, err := loadTexts(cfg.Lang)
	if err != nil {
		return nil, err
	}
	log := cfg.Log
	if log == nil {
		l := logrus.New()
		l.SetOutput(io.Discard)
		log = logrus.NewEntry(l)
	}
	return &Desk{
		cfg: cfg, tx: tx, api: api, eng: eng,
		log:     log.WithField("part", "slack"),
		tickets: newTicketBook(cfg.MaxTickets),
		threads: newBoundedMap[string](cfg.MaxThreads),
		seen:    newBoundedMap[struct{}](cfg.DedupSize),
		jobs:    make(chan func(context.Context), cfg.Queue),
		now:     time.Now,
		newID:   newTicketID,
	}, nil
}

// SocketMode reports whether the desk receives events over Socket Mode (no HTTP routes).
func (d *Desk) SocketMode() bool { return d.cfg.AppToken != "" }

// Run does the desk's background work until ctx is done: the workers, the check of the
// bot's identity (retried with back-off while Slack cannot be reached), the expiry of
// tickets nobody takes, and the Socket Mode connection when configured.
func (d *Desk) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for range d.cfg.Workers {
		wg.Go(func() { d.work(ctx) })
	}
	wg.Go(func() { d.identify(ctx) })
	wg.Go(func() { d.expireLoop(ctx) })
	if d.SocketMode() && d.client != nil {
		wg.Go(func() { d.runSocket(ctx) })
	}
	wg.Wait()
}

// enqueue hands a job to the workers without waiting; false when the queue is full.
func (d *Desk) enqueue(job func(context.Context)) bool {
	select {
	case d.jobs <- job:
		return true
	default:
		return false
	}
}

func (d *Desk) work(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case job := <-d.jobs:
			d.run(ctx, job)
		}
	}
}

// run runs one job; a job that panics is logged (without its data) and the worker goes on.
func (d *Desk) run(ctx context.Context, job func(context.Context)) {
	defer func() {
		if p := recover(); p != nil {
			d.log.WithField("panic", fmt.Sprintf("%T", p)).Error("a Slack job panicked; dropped it")
		}
	}()
	job(ctx)
}

// identify learns the bot's user id (to tell its own messages and mentions apart),
// retrying with back-off while Slack cannot be reached.
func (d *Desk) identify(ctx context.Context) {
	err := retry(ctx, 0, d.cfg.RetryMin, time.Minute, func(ctx context.Context) error {
		r, err := d.api.AuthTestContext(ctx)
		if err != nil {
			d.log.WithError(err).Warn("Slack cannot be reached yet; retrying")
			return err
		}
		d.mu.Lock()
		d.botID = r.UserID
		d.mu.Unlock()
		return nil
	})
	switch {
	case err == nil:
		d.log.Info("connected to Slack")
	case ctx.Err() == nil:
		d.log.WithError(err).Error("Slack refused the bot token; the desk cannot work")
	}
}

func (d *Desk) botUserID() string {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.botID
}

// Open posts a ticket to the hand-off channel. When the session already has an open
// ticket, the thread is told the customer asked again instead.
func (d *Desk) Open(ctx context.Context, t bot.Ticket) error {
	if t.Channel == bot.ChannelSlack {
		return fmt.Errorf("slack: open ticket: %w", ErrAgentConversation)
	}
	if prev, ok := d.tickets.get(t.SessionID); ok && prev.State.open() {
		_, err := d.api.PostMessageContext(ctx, prev.SlackChannel, message{Text: d.tx.get("asked_again"), ThreadTS: prev.TS})
		if err != nil {
			return fmt.Errorf("slack: open ticket again: %w", err)
		}
		return nil
	}
	now := d.now()
	if t.At.IsZero() {
		t.At = now
	}
	tk := ticket{Ticket: t, ID: d.newID(), SlackChannel: d.cfg.HandoffChannel, State: stateWaiting, Opened: now}
	ts, err := d.api.PostMessageContext(ctx, tk.SlackChannel, ticketMessage(d.tx, tk, d.cfg.TakeTimeout))
	if err != nil {
		return fmt.Errorf("slack: open ticket: %w", err)
	}
	tk.TS = ts
	d.tickets.add(tk)
	d.log.WithFields(logrus.Fields{"ticket": tk.ID, "channel": t.Channel, "intent": t.Intent}).Info("ticket opened")
	return nil
}

// Forward posts a customer's message, masked, to the thread of their ticket.
func (d *Desk) Forward(ctx context.Context, sessionID, text string) error {
	tk, ok := d.tickets.get(sessionID)
	if !ok || !tk.State.open() {
		return fmt.Errorf("slack: forward: %w", ErrNoTicket)
	}
	if _, err := d.api.PostMessageContext(ctx, tk.SlackChannel, forwardMessage(d.tx, tk.TS, text)); err != nil {
		return fmt.Errorf("slack: forward: %w", err)
	}
	return nil
}

// newTicketID returns 64 random bits in hex.
func newTicketID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// update redraws a ticket message in its current state.
func (d *Desk) update(ctx context.Context, tk ticket) {
	err := retry(ctx, 3, d.cfg.RetryMin, time.Minute, func(ctx context.Context) error {
		return d.api.UpdateMessageContext(ctx, tk.SlackChannel, tk.TS, ticketMessage(d.tx, tk, d.cfg.TakeTimeout))
	})
	if err != nil {
		d.log.WithError(err).WithField("ticket", tk.ID).Warn("could not update the ticket message")
	}
}

// tell posts an ephemeral message, only visible to user.
func (d *Desk) tell(ctx context.Context, channel, user string, m message) {
	err := retry(ctx, 3, d.cfg.RetryMin, time.Minute, func(ctx context.Context) error {
		return d.api.PostEphemeralContext(ctx, channel, user, m)
	})
	if err != nil {
		d.log.WithError(err).Warn("could not post an ephemeral message")
	}
}

// post posts a message, retrying while Slack cannot be reached.
func (d *Desk) post(ctx context.Context, channel string, m message) {
	err := retry(ctx, 3, d.cfg.RetryMin, time.Minute, func(ctx context.Context) error {
		_, err := d.api.PostMessageContext(ctx, channel, m)
		return err
	})
	if err != nil {
		d.log.WithError(err).Warn("could not post a message")
	}
}

// expireLoop expires tickets nobody took within TakeTimeout.
func (d *Desk) expireLoop(ctx context.Context) {
	every := min(max(d.cfg.TakeTimeout/10, 10*time.Millisecond), 5*time.Second)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			d.expireDue(ctx, d.now())
		}
	}
}

// expireDue expires every ticket that has waited TakeTimeout at now: the engine tells
// the customer and shows the official routes; the ticket says so.
func (d *Desk) expireDue(ctx context.Context, now time.Time) {
	for _, id := range d.tickets.due(now, d.cfg.TakeTimeout) {
		tk, out := d.tickets.finish(id, stateExpired, "")
		if out != outDone {
			continue
		}
		if err := d.eng.Expire(ctx, id); err != nil {
			d.log.WithError(err).WithField("ticket", tk.ID).Warn("engine could not expire the hand-off")
		}
		d.log.WithField("ticket", tk.ID).Info("ticket expired: nobody took it")
		d.update(ctx, tk)
	}
}
