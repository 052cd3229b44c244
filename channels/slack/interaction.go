package slack

import (
	"context"
	"errors"
	"strings"

	slackgo "github.com/slack-go/slack"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
)

// handleInteraction acts on the ticket buttons (Take, Close, Show numbers), in a worker.
func (d *Desk) handleInteraction(ctx context.Context, cb slackgo.InteractionCallback) {
	if cb.Type != slackgo.InteractionTypeBlockActions {
		return
	}
	name := cb.User.Name
	if name == "" {
		name = cb.User.ID
	}
	for _, a := range cb.ActionCallback.BlockActions {
		session, ok := d.tickets.sessionFor(a.Value)
		if !ok {
			d.refuse(ctx, ticket{}, cb.User.ID, outUnknown)
			continue
		}
		switch a.ActionID {
		case actionTake:
			d.take(ctx, session, cb.User.ID, name)
		case actionClose:
			d.close(ctx, session, cb.User.ID)
		case actionNumbers:
			d.showNumbers(ctx, session, cb.User.ID)
		}
	}
}

// refuse tells an agent why their action did nothing.
func (d *Desk) refuse(ctx context.Context, tk ticket, user string, out outcome) {
	var text string
	switch out {
	case outOtherAgent:
		text = d.tx.get("already_taken", "agent", "<@"+tk.AgentID+">")
	case outEnded, outUnknown:
		text = d.tx.get("ended")
	default:
		return
	}
	channel := tk.SlackChannel
	if channel == "" {
		channel = d.cfg.HandoffChannel
	}
	d.tell(ctx, channel, user, message{Text: text, ThreadTS: tk.TS})
}

// take gives the conversation to the agent who pressed Take.
func (d *Desk) take(ctx context.Context, session, user, name string) {
	prev, _ := d.tickets.get(session)
	tk, out := d.tickets.take(session, user, name)
	if out != outDone {
		d.refuse(ctx, tk, user, out)
		return
	}
	if err := d.eng.Take(ctx, session, name); err != nil {
		d.log.WithError(err).WithField("ticket", tk.ID).Warn("engine refused the take")
		if errors.Is(err, bot.ErrUnknownSession) {
			tk, _ = d.tickets.finish(session, stateClosed, user)
			d.update(ctx, tk)
			d.refuse(ctx, tk, user, outEnded)
			return
		}
		d.tickets.restore(prev)
		d.tell(ctx, tk.SlackChannel, user, message{Text: d.tx.get("failed"), ThreadTS: tk.TS})
		return
	}
	d.log.WithField("ticket", tk.ID).Info("ticket taken")
	d.update(ctx, tk)
	d.postSinceOpened(ctx, tk)
}

// postSinceOpened posts to the thread what the customer wrote while the ticket waited.
func (d *Desk) postSinceOpened(ctx context.Context, tk ticket) {
	turns, err := d.eng.Transcript(ctx, tk.SessionID, recentTurns)
	if err != nil {
		d.log.WithError(err).WithField("ticket", tk.ID).Debug("no transcript")
		return
	}
	var since []store.Turn
	for _, t := range turns {
		if t.At.After(tk.Opened) && t.From == "customer" {
			since = append(since, t)
		}
	}
	if len(since) == 0 {
		return
	}
	text := recentText(d.tx, since)
	d.post(ctx, tk.SlackChannel, message{Text: strings.SplitN(text, "\n", 2)[0], ThreadTS: tk.TS,
		Blocks: []slackgo.Block{slackgo.NewSectionBlock(mrkdwn(text), nil, nil)}})
}

// close returns the customer to the bot.
func (d *Desk) close(ctx context.Context, session, user string) {
	prev, _ := d.tickets.get(session)
	tk, out := d.tickets.finish(session, stateClosed, user)
	if out != outDone {
		d.refuse(ctx, tk, user, out)
		return
	}
	if err := d.eng.Release(ctx, session); err != nil && !errors.Is(err, bot.ErrUnknownSession) {
		d.log.WithError(err).WithField("ticket", tk.ID).Warn("engine refused the release")
		d.tickets.restore(prev)
		d.tell(ctx, tk.SlackChannel, user, message{Text: d.tx.get("failed"), ThreadTS: tk.TS})
		return
	}
	d.log.WithField("ticket", tk.ID).Info("ticket closed")
	d.update(ctx, tk)
}

// showNumbers shows the full numbers to the agent who took the conversation, and to nobody else.
func (d *Desk) showNumbers(ctx context.Context, session, user string) {
	tk, ok := d.tickets.get(session)
	switch {
	case !ok || !tk.State.open():
		d.refuse(ctx, tk, user, outEnded)
		return
	case tk.State != stateTaken:
		d.tell(ctx, tk.SlackChannel, user, message{Text: d.tx.get("take_first"), ThreadTS: tk.TS})
		return
	case tk.AgentID != user:
		d.tell(ctx, tk.SlackChannel, user, message{Text: d.tx.get("only_taker", "agent", "<@"+tk.AgentID+">"), ThreadTS: tk.TS})
		return
	}
	d.log.WithField("ticket", tk.ID).Info("numbers shown to the agent holding the ticket")
	d.tell(ctx, tk.SlackChannel, user, numbersMessage(d.tx, d.cfg.Lang, tk))
}
