package bot

import (
	"github.com/toiawase/toiawase/intents"
)

// maxTopics is how many topics an unsure reply offers; minTopicConfidence is the least
// probability for which a classifier guess is offered as a topic.
const (
	maxTopics          = 3
	minTopicConfidence = 0.1
)

// unsure handles a message the engine did not understand.
func (t *turn) unsure() error {
	t.reply.Intent = intents.OutOfScope
	return t.miss()
}

// miss counts a misunderstanding and answers it: the likeliest topics as quick replies;
// from the second miss in a row, the offer of a person first.
func (t *turn) miss() error {
	t.s.Misses++
	if t.s.Misses >= 2 {
		if err := t.say("offer_human", msgArgs{}); err != nil {
			return err
		}
		t.choice(t.humanChoice())
		t.topics(maxTopics - 1)
		return nil
	}
	if len(t.pred.Top) > 0 && t.pred.Top[0].Intent == intents.OutOfScope && t.pred.Confidence >= t.e.minConf {
		// understood, but outside what the bot does: say so with the curated answer
		if ans, ok := t.c.ForIntent(intents.OutOfScope, t.s.Lang); ok {
			t.answer(ans)
			if len(ans.Choices) == 0 {
				t.topics(maxTopics)
			}
			return nil
		}
	}
	if err := t.say("unsure", msgArgs{}); err != nil {
		return err
	}
	t.topics(maxTopics)
	return nil
}

// topics offers up to k likely topics: the classifier's best guesses first, then the
// FAQ entries that best match the text, one per intent.
func (t *turn) topics(k int) {
	have := map[string]bool{intents.OutOfScope: true, intents.Greeting: true, intents.Goodbye: true}
	n := 0
	for _, sc := range t.pred.Top {
		if n >= k {
			return
		}
		if have[sc.Intent] || sc.Confidence < minTopicConfidence {
			continue
		}
		if q, ok := t.intentChoice(sc.Intent); ok {
			have[sc.Intent] = true
			t.choice(q)
			n++
		}
	}
	if t.text == "" || n >= k {
		return
	}
	for _, h := range t.c.Search(t.text, t.s.Lang, k+2) {
		if n >= k {
			return
		}
		if have[h.Answer.Intent] || h.Answer.Title == "" || h.Score <= 0 {
			continue
		}
		have[h.Answer.Intent] = true
		t.choice(QuickReply{Label: h.Answer.Title, Value: ActionFAQ + h.Answer.ID})
		n++
	}
}
