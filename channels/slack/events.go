package slack

import (
	"context"
	"errors"

	"github.com/slack-go/slack/slackevents"

	"github.com/toiawase/toiawase/bot"
)

// handleEvent acts on one Events API event (from HTTP or Socket Mode), in a worker.
func (d *Desk) handleEvent(ctx context.Context, ev slackevents.EventsAPIEvent) {
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || e.User == d.botUserID() {
			return
		}
		d.assist(ctx, e.Channel, e.User, threadRoot(e.ThreadTimeStamp, e.TimeStamp), e.Text)
	case *slackevents.MessageEvent:
		d.onMessage(ctx, e)
	}
}

func threadRoot(threadTS, ts string) string {
	if threadTS != "" {
		return threadTS
	}
	return ts
}

// onMessage handles a message in a channel the bot is in or in a DM to the bot. In a
// ticket thread, the replies of the agent who took the ticket go to the customer; the
// others talk among themselves. A DM is a question to the bot.
func (d *Desk) onMessage(ctx context.Context, m *slackevents.MessageEvent) {
	botID := d.botUserID()
	// thread_broadcast is a thread reply also sent to the channel: still a reply.
	if (m.SubType != "" && m.SubType != "thread_broadcast") || m.BotID != "" || m.User == "" || m.User == botID {
		return
	}
	if m.ThreadTimeStamp != "" {
		if tk, ok := d.tickets.inThread(m.Channel, m.ThreadTimeStamp); ok {
			if !mentions(m.Text, botID) { // a mention is a question to the bot: app_mention answers it
				d.agentSays(ctx, tk, m.User, m.Text)
			}
			return
		}
	}
	if m.ChannelType == "im" {
		d.assist(ctx, m.Channel, m.User, threadRoot(m.ThreadTimeStamp, m.TimeStamp), m.Text)
	}
}

// agentSays passes a reply in a ticket thread to the customer when its author holds the ticket.
func (d *Desk) agentSays(ctx context.Context, tk ticket, user, text string) {
	switch {
	case tk.State == stateWaiting:
		d.tell(ctx, tk.SlackChannel, user, message{Text: d.tx.get("take_first"), ThreadTS: tk.TS})
		return
	case tk.State != stateTaken || tk.AgentID != user:
		return
	}
	say := plainText(text)
	if say == "" {
		return
	}
	if err := d.eng.AgentSay(ctx, tk.SessionID, tk.AgentName, say); err != nil {
		d.log.WithError(err).WithField("ticket", tk.ID).Warn("agent message not delivered")
		key := "failed"
		if errors.Is(err, bot.ErrNotConnected) {
			key = "not_delivered"
		}
		d.tell(ctx, tk.SlackChannel, user, message{Text: d.tx.get(key), ThreadTS: tk.TS})
	}
}

// assist answers an agent's question (a mention or a DM) with the engine, in a thread.
// Each thread is one engine session, so follow-up questions keep their context.
func (d *Desk) assist(ctx context.Context, channel, user, threadTS, text string) {
	q := plainText(text)
	if q == "" {
		return
	}
	key := threadKey(channel, threadTS)
	sid, _ := d.threads.get(key)
	in := bot.Inbound{SessionID: sid, Channel: bot.ChannelSlack, Text: q, Lang: detectLang(q), From: user}
	r, err := d.eng.Handle(ctx, in)
	if err != nil && sid != "" && errors.Is(err, bot.ErrUnknownSession) {
		in.SessionID = "" // the session expired: start a new one for this thread
		r, err = d.eng.Handle(ctx, in)
	}
	if err != nil {
		d.log.WithError(err).Warn("engine could not answer an agent")
		d.post(ctx, channel, message{Text: d.tx.get("bot_unavailable"), ThreadTS: threadTS})
		return
	}
	if r.SessionID != "" {
		d.threads.put(key, r.SessionID)
	}
	if r.Text == "" && len(r.Links) == 0 && len(r.Tracking) == 0 {
		return
	}
	d.post(ctx, channel, replyMessage(r, threadTS))
}
