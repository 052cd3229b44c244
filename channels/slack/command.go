package slack

import (
	"strings"

	slackgo "github.com/slack-go/slack"

	"github.com/toiawase/toiawase/tracking"
)

// command answers an agent's `/toiawase track <number>` or `/toiawase faq <question>`.
// The answer is for the agent alone (ephemeral). It is quick: the validator and the FAQ
// search run in memory, so it fits in Slack's 3 seconds.
func (d *Desk) command(text string) message {
	verb, arg, _ := strings.Cut(strings.TrimSpace(text), " ")
	arg = strings.TrimSpace(arg)
	switch {
	case strings.EqualFold(verb, "track") && arg != "":
		return trackMessage(d.tx, d.cfg.Lang, arg)
	case strings.EqualFold(verb, "faq") && arg != "":
		return faqMessage(d.tx, d.cfg.FAQ, arg)
	}
	return message{Text: d.tx.get("usage")}
}

// trackMessage is the validator's verdict on one number: carriers, check digit, links.
func trackMessage(tx texts, lang, input string) message {
	m, ok := tracking.Check(input)
	number := m.Number
	if number == "" {
		number = tracking.Normalize(input)
	}
	var names []string
	var links []string
	for _, id := range m.Carriers {
		c, found := tracking.Lookup(id)
		if !found {
			names = append(names, id)
			continue
		}
		names = append(names, c.Name(lang))
		if u := c.URL(m.Number); u != "" && m.Valid {
			links = append(links, "• <"+u+"|"+escape(c.Name(lang))+" "+tx.get("track_page")+">")
		}
	}
	num := escape(number)
	carriers := escape(strings.Join(names, " / "))
	var text string
	switch {
	case ok && m.Valid:
		text = tx.get("track_valid", "number", num, "carriers", carriers)
	case ok && len(names) > 0:
		text = tx.get("track_invalid", "number", num, "carriers", carriers)
	default:
		text = tx.get("track_unknown", "number", num)
	}
	if m.Repaired {
		text += "\n" + tx.get("track_repaired")
	}
	if len(links) > 0 {
		text += "\n" + strings.Join(links, "\n")
	}
	return message{Text: text, Blocks: []slackgo.Block{slackgo.NewSectionBlock(mrkdwn(text), nil, nil)}}
}

// faqMessage is the top FAQ answers for a question, in the question's language.
func faqMessage(tx texts, f FAQSearcher, question string) message {
	if f == nil {
		return message{Text: tx.get("faq_unavailable")}
	}
	hits := f.Search(question, detectLang(question), assistHitsMax)
	if len(hits) == 0 {
		return message{Text: tx.get("faq_none")}
	}
	var blocks []slackgo.Block
	var titles []string
	for i, h := range hits {
		if i > 0 {
			blocks = append(blocks, slackgo.NewDividerBlock())
		}
		a := h.Answer
		var b strings.Builder
		b.WriteString("*" + escape(a.Title) + "*\n" + escape(clip(a.Text, faqTextRunes)))
		for _, l := range a.Links {
			b.WriteString("\n• <" + l.URL + "|" + escape(l.Label) + ">")
		}
		blocks = append(blocks, slackgo.NewSectionBlock(mrkdwn(clip(b.String(), sectionLimit)), nil, nil))
		titles = append(titles, a.Title)
	}
	return message{Text: strings.Join(titles, " / "), Blocks: blocks}
}
