package bot

import (
	"errors"

	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/intents"
)

// errNoDesk stands for a nil Config.Desk.
var errNoDesk = errors.New("no agent desk")

// handoff hands the conversation to a person through the Desk. When there is no desk,
// or it fails, the customer is told honestly and shown the official contact routes.
func (t *turn) handoff(reason string) error {
	t.clearPending()
	t.s.Misses = 0
	ticket := Ticket{
		SessionID: t.s.ID, Channel: t.s.Channel, Lang: t.s.Lang, Intent: intentOr(t.s.LastIntent, intents.ContactSupport),
		Reason: reason, Tracking: append([]string(nil), t.s.Tracking...), At: t.started,
	}
	if !t.isNew {
		recent, err := t.e.store.Transcript(t.ctx, t.s.ID, t.e.recent-1)
		if err != nil {
			return err
		}
		ticket.Recent = recent
	}
	ticket.Recent = append(ticket.Recent, store.Turn{At: t.started, From: FromCustomer, Text: t.customerLine()})
	if t.s.Channel == ChannelPhone {
		ticket.Caller = t.in.From
	}
	err := errNoDesk
	if t.e.desk != nil {
		err = t.e.desk.Open(t.ctx, ticket)
	}
	if err != nil {
		if t.e.log != nil {
			t.e.log.WithError(err).WithField("session", shortID(t.s.ID)).Warn("hand-off refused; showing the contact routes")
		}
		if err := t.say("handoff_unavailable", msgArgs{}); err != nil {
			return err
		}
		t.contactRoutes()
		return nil
	}
	t.s.Mode = ModeWaiting
	t.reply.Handoff, t.reply.HandoffReason = true, reason
	return t.say("handoff_started", msgArgs{})
}

// handedOff handles a customer message while a person holds (or is about to hold) the
// conversation: it goes to the Desk and the bot stays quiet. A message carrying a secret
// is forwarded redacted, and the customer is told not to send such things.
func (t *turn) handedOff() error {
	if t.in.Action == ActionStart {
		return t.say("session_resumed", msgArgs{})
	}
	if t.text == "" {
		return nil // a quick reply pressed while waiting: nothing to forward
	}
	err := errNoDesk
	if t.e.desk != nil {
		err = t.e.desk.Forward(t.ctx, t.s.ID, t.text)
	}
	if err != nil {
		if t.e.log != nil {
			t.e.log.WithError(err).WithField("session", shortID(t.s.ID)).Warn("forward to desk failed; back to the bot")
		}
		t.s.Mode, t.s.Agent = ModeBot, ""
		if err := t.say("handoff_unavailable", msgArgs{}); err != nil {
			return err
		}
		t.contactRoutes()
		return nil
	}
	if len(t.secrets) > 0 {
		return t.say("sensitive_refused", msgArgs{})
	}
	return nil
}
