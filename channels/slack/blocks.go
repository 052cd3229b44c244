package slack

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/tracking"
)

// Action ids of the ticket buttons; the button value is the ticket id.
const (
	actionTake    = "take"
	actionClose   = "close"
	actionNumbers = "show_numbers"
)

// Limits of what a ticket shows.
const (
	recentTurns   = 8    // last messages shown in a ticket
	turnRunes     = 300  // longest message shown, in characters
	sectionLimit  = 2900 // Slack allows 3000 characters in a section
	forwardRunes  = 2500 // longest customer message posted to a thread
	faqTextRunes  = 600  // longest FAQ answer text shown to an agent
	assistHitsMax = 3
)

func mrkdwn(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.MarkdownType, s, false, false)
}

func plain(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.PlainTextType, s, false, false)
}

// escape makes text safe to show in Slack mrkdwn.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// clip shortens s to at most n characters, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// ticketMessage renders a ticket in its current state. Everything the customer wrote is
// masked; tracking numbers and the caller keep only their last 4 digits.
func ticketMessage(tx texts, t ticket, timeout time.Duration) message {
	title := tx.get("ticket_title")
	if t.Ticket.Channel == bot.ChannelPhone || t.Caller != "" {
		title = tx.get("callback_title")
	}
	or := func(s string) string {
		if s == "" {
			return tx.get("none")
		}
		return s
	}
	masked := func(s string) string { return or(escape(Mask(s))) }
	field := func(key, val string) *slackgo.TextBlockObject {
		return mrkdwn("*" + tx.get(key) + "*\n" + val)
	}
	var nums []string
	for _, n := range t.Tracking {
		nums = append(nums, "`"+MaskKeep4(n)+"`")
	}
	fields := []*slackgo.TextBlockObject{
		field("field_lang", masked(tx.name("lang.", t.Lang))),
		field("field_intent", masked(tx.name("intent.", t.Intent))),
		field("field_reason", masked(tx.name("reason.", t.Reason))),
		field("field_channel", masked(tx.name("channel.", t.Ticket.Channel))),
		field("field_tracking", or(strings.Join(nums, " "))),
	}
	if t.Caller != "" {
		fields = append(fields, field("field_caller", "`"+MaskKeep4(t.Caller)+"`"))
	}
	fields = append(fields, field("field_opened", slackDate(t.At)))

	blocks := []slackgo.Block{
		slackgo.NewHeaderBlock(plain(title)),
		slackgo.NewSectionBlock(nil, fields, nil),
	}
	if len(t.Recent) > 0 {
		blocks = append(blocks, slackgo.NewSectionBlock(mrkdwn(recentText(tx, t.Recent)), nil, nil))
	}
	blocks = append(blocks, slackgo.NewContextBlock("state", mrkdwn(stateText(tx, t, timeout))))
	if buttons := ticketButtons(tx, t); len(buttons) > 0 {
		blocks = append(blocks, slackgo.NewActionBlock("ticket", buttons...))
	}
	return message{Text: title + " — " + stateText(tx, t, timeout), Blocks: blocks}
}

func ticketButtons(tx texts, t ticket) []slackgo.BlockElement {
	var b []slackgo.BlockElement
	switch t.State {
	case stateWaiting:
		b = append(b,
			slackgo.NewButtonBlockElement(actionTake, t.ID, plain(tx.get("btn_take"))).WithStyle(slackgo.StylePrimary),
			slackgo.NewButtonBlockElement(actionClose, t.ID, plain(tx.get("btn_close"))).WithStyle(slackgo.StyleDanger))
	case stateTaken:
		b = append(b, slackgo.NewButtonBlockElement(actionClose, t.ID, plain(tx.get("btn_close"))).WithStyle(slackgo.StyleDanger))
		if len(t.Tracking) > 0 || t.Caller != "" {
			b = append(b, slackgo.NewButtonBlockElement(actionNumbers, t.ID, plain(tx.get("btn_numbers"))))
		}
	}
	return b
}

func stateText(tx texts, t ticket, timeout time.Duration) string {
	switch t.State {
	case stateTaken:
		if t.Caller != "" {
			return tx.get("state_taken_callback", "agent", "<@"+t.AgentID+">")
		}
		return tx.get("state_taken", "agent", "<@"+t.AgentID+">")
	case stateClosed:
		return tx.get("state_closed")
	case stateExpired:
		return tx.get("state_expired", "minutes", fmt.Sprint(int(timeout.Round(time.Minute).Minutes())))
	}
	return tx.get("state_waiting")
}

// recentText renders the last turns of a conversation, masked, as a quote.
func recentText(tx texts, turns []store.Turn) string {
	if len(turns) > recentTurns {
		turns = turns[len(turns)-recentTurns:]
	}
	var b strings.Builder
	b.WriteString("*" + tx.get("recent") + "*")
	for _, tn := range turns {
		who := tx.get("from_" + tn.From)
		if tn.From == "" || strings.HasPrefix(who, "from_") {
			who = tx.get("from_system")
		}
		line := "\n> " + tx.get("speaker", "who", who) + " " + escape(clip(strings.Join(strings.Fields(Mask(tn.Text)), " "), turnRunes))
		if b.Len()+len(line) > sectionLimit {
			break
		}
		b.WriteString(line)
	}
	return b.String()
}

// slackDate shows t in each reader's own time zone, with a UTC fallback.
func slackDate(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return fmt.Sprintf("<!date^%d^{date_short_pretty} {time}|%s>", t.Unix(), t.UTC().Format("2006-01-02 15:04 UTC"))
}

// forwardMessage is a customer's message posted to the ticket thread, masked.
func forwardMessage(tx texts, ts, text string) message {
	body := tx.get("customer_says", "text", escape(clip(Mask(text), forwardRunes)))
	return message{Text: body, ThreadTS: ts, Blocks: []slackgo.Block{slackgo.NewSectionBlock(mrkdwn(body), nil, nil)}}
}

// numbersMessage shows the full numbers of a conversation to the agent who took it.
func numbersMessage(tx texts, lang string, t ticket) message {
	if len(t.Tracking) == 0 && t.Caller == "" {
		return message{Text: tx.get("no_numbers"), ThreadTS: t.TS}
	}
	var b strings.Builder
	b.WriteString(tx.get("numbers"))
	for _, n := range t.Tracking {
		b.WriteString("\n• " + tx.get("speaker", "who", tx.get("field_tracking")) + " `" + escape(n) + "`")
		if m, ok := tracking.Check(n); ok && m.Valid {
			for _, id := range m.Carriers {
				if c, found := tracking.Lookup(id); found && c.URL(m.Number) != "" {
					b.WriteString(" <" + c.URL(m.Number) + "|" + escape(c.Name(lang)) + ">")
				}
			}
		}
	}
	if t.Caller != "" {
		b.WriteString("\n• " + tx.get("speaker", "who", tx.get("field_caller")) + " `" + escape(t.Caller) + "`")
	}
	return message{Text: b.String(), ThreadTS: t.TS, Blocks: []slackgo.Block{slackgo.NewSectionBlock(mrkdwn(b.String()), nil, nil)}}
}

// replyMessage renders the engine's answer to an agent's question in a thread.
func replyMessage(r bot.Reply, threadTS string) message {
	var b strings.Builder
	b.WriteString(escape(r.Text))
	for _, tr := range r.Tracking {
		mark := "✗"
		if tr.Valid {
			mark = "✓"
		}
		fmt.Fprintf(&b, "\n• `%s` %s %s", escape(tr.Number), escape(strings.Join(tr.Carriers, ", ")), mark)
		if tr.URL != "" {
			fmt.Fprintf(&b, " <%s|%s>", tr.URL, escape(tr.URL))
		}
	}
	for _, l := range r.Links {
		fmt.Fprintf(&b, "\n• <%s|%s>", l.URL, escape(l.Label))
	}
	text := clip(b.String(), sectionLimit)
	return message{Text: text, ThreadTS: threadTS, Blocks: []slackgo.Block{slackgo.NewSectionBlock(mrkdwn(text), nil, nil)}}
}
