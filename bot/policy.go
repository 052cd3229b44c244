package bot

import (
	"slices"
	"strings"

	"github.com/toiawase/toiawase/intents"
)

// Quick reply values (Inbound.Action) the engine understands.
const (
	ActionStart   = "start"    // a new connection: greeting, or "welcome back" on a live session
	ActionHuman   = "human"    // the customer asks for a person
	ActionFAQ     = "faq:"     // + entry id: show that answer
	ActionIntent  = "intent:"  // + label: act as if the customer said something of that intent
	ActionCarrier = "carrier:" // + carrier id: the carrier of the number under discussion
	ActionLang    = "lang:"    // + "ja" or "en": switch the conversation language
	ActionTrack   = "track:"   // + number: yes, track this (confirms a repaired number)
)

// Hand-off reasons (Reply.HandoffReason, Ticket.Reason).
const (
	ReasonRequested     = "requested"      // the customer asked for a person
	ReasonNotUnderstood = "not_understood" // they took the offer made after repeated misunderstandings
)

// actionKind is what logs may carry of an action value: known values in full (they
// hold no personal data), "track" without its number, "other" for anything else.
func actionKind(a string) string {
	switch {
	case a == "", a == ActionStart, a == ActionHuman:
		return a
	case strings.HasPrefix(a, ActionTrack):
		return "track"
	}
	for _, p := range []string{ActionFAQ, ActionIntent, ActionCarrier, ActionLang} {
		if strings.HasPrefix(a, p) && len(a) <= 64 {
			return a
		}
	}
	return "other"
}

// trackingIntents need a tracking number to be answered well.
func trackingIntent(label string) bool {
	return label == intents.TrackPackage || label == intents.Redelivery || label == intents.NotTracking
}

// run decides what to say for this turn and changes the session accordingly.
func (t *turn) run() error {
	if t.s.Mode == ModeWaiting || t.s.Mode == ModeAgent {
		return t.handedOff()
	}
	if t.in.Action != "" {
		return t.action(t.in.Action)
	}
	return t.message()
}

// action handles a quick reply.
func (t *turn) action(a string) error {
	t.reply.Confidence = 1
	switch {
	case a == ActionStart:
		return t.start()
	case a == ActionHuman:
		reason := ReasonRequested
		if t.s.Misses >= 2 {
			reason = ReasonNotUnderstood
		}
		return t.handoff(reason)
	case strings.HasPrefix(a, ActionLang):
		lang := strings.TrimPrefix(a, ActionLang)
		if !validLang(lang) {
			return t.unsure()
		}
		t.s.Lang, t.s.LangFixed = lang, true
		if err := t.say("lang_switched", msgArgs{}); err != nil {
			return err
		}
		return t.askAgain()
	case strings.HasPrefix(a, ActionFAQ):
		ans, ok := t.c.Get(strings.TrimPrefix(a, ActionFAQ), t.s.Lang)
		if !ok {
			return t.unsure()
		}
		t.clearPending()
		t.s.Misses, t.s.LastIntent = 0, ans.Intent
		t.reply.Intent = ans.Intent
		t.answer(ans)
		return nil
	case strings.HasPrefix(a, ActionIntent):
		label := strings.TrimPrefix(a, ActionIntent)
		if !slices.Contains(intents.Labels(), label) {
			return t.unsure()
		}
		t.clearPending()
		return t.intent(label)
	case strings.HasPrefix(a, ActionCarrier):
		return t.carrierChosen(strings.TrimPrefix(a, ActionCarrier))
	case strings.HasPrefix(a, ActionTrack):
		intent := t.s.PendingIntent
		t.found = t.e.numbers.Extract(strings.TrimPrefix(a, ActionTrack))
		if len(t.found.Tracking) == 0 {
			return t.unsure()
		}
		return t.track(intentOr(intent, intents.TrackPackage))
	}
	t.reply.Confidence = 0
	return t.unsure()
}

// start greets a new conversation, or welcomes a returning customer back.
func (t *turn) start() error {
	if !t.isNew {
		if err := t.say("session_resumed", msgArgs{}); err != nil {
			return err
		}
		return t.askAgain()
	}
	if err := t.say("welcome", msgArgs{}); err != nil {
		return err
	}
	if g, ok := t.c.ForIntent(intents.Greeting, t.s.Lang); ok {
		for _, ch := range g.Choices {
			t.choice(QuickReply{Label: ch.Label, Value: ch.Value})
		}
	}
	return nil
}

// message handles free text.
func (t *turn) message() error {
	if len(t.secrets) > 0 {
		if err := t.say("sensitive_refused", msgArgs{}); err != nil {
			return err
		}
		return t.askAgain()
	}
	t.found = t.e.numbers.Extract(t.text)
	for _, o := range t.found.Orders {
		t.reply.Orders = append(t.reply.Orders, o.Number)
	}
	if fc, ok := t.e.classifier.(foundClassifier); ok {
		t.pred = fc.ClassifyFound(t.text, t.found)
	} else {
		t.pred = t.e.classifier.Classify(t.text)
	}
	t.reply.Intent, t.reply.Confidence = t.pred.Intent, t.pred.Confidence
	confident := t.pred.Intent != intents.OutOfScope && t.pred.Confidence >= t.e.minConf

	switch {
	case t.s.Pending == slotCarrier && len(t.found.Tracking) == 0:
		if id := t.mentionedCarrier(); id != "" {
			return t.carrierChosen(id)
		}
	case t.s.Pending == slotConfirm && len(t.found.Tracking) == 0:
		switch t.e.phrases.yesNo(t.text) {
		case 1:
			t.found = t.e.numbers.Extract(t.s.Number)
			return t.track(intentOr(t.s.PendingIntent, intents.TrackPackage))
		case -1:
			return t.ask(intentOr(t.s.PendingIntent, intents.TrackPackage))
		}
	}

	if t.e.phrases.asksForPerson(t.text) || (t.e.phrases.wantsHuman(t.text) && t.pred.Intent == intents.ContactSupport) {
		// asking for a person wins over everything else said in the message
		for _, m := range t.found.Tracking {
			t.rememberNumbers(m.Number)
		}
		t.reply.Intent = intents.ContactSupport
		return t.handoff(ReasonRequested)
	}
	if len(t.found.Tracking) > 0 {
		intent := t.pred.Intent
		if t.s.Pending != "" && t.s.PendingIntent != "" {
			intent = t.s.PendingIntent
		}
		if !trackingIntent(intent) {
			intent = intents.TrackPackage
		}
		return t.track(intent)
	}
	if t.s.Pending == slotNumber && looksLikePhone(t.text) {
		t.reply.Intent = t.s.PendingIntent
		return t.say("looks_like_phone", msgArgs{})
	}
	if len(t.found.Orders) > 0 && (t.s.Pending == slotNumber || !confident ||
		trackingIntent(t.pred.Intent) || t.pred.Intent == intents.FindNumber) {
		return t.orderNotTracking()
	}
	if t.s.Pending != "" {
		switch {
		case confident && t.pred.Intent == intents.FindNumber && t.s.Pending == slotNumber:
			// help finding the number, and keep waiting for it
			if ans, ok := t.c.ForIntent(intents.FindNumber, t.s.Lang); ok {
				t.answer(ans)
				return nil
			}
		case confident && trackingIntent(t.pred.Intent):
			// same flow, maybe another purpose (redelivery instead of tracking): keep the slot
			t.s.PendingIntent, t.s.LastIntent = t.pred.Intent, t.pred.Intent
			return t.askAgain()
		case confident && t.pred.Confidence >= switchTopicConfidence &&
			t.pred.Intent != intents.Greeting && t.pred.Intent != t.s.PendingIntent:
			// a new topic; below this confidence ("ちょっと待って") the question stays open
			t.clearPending()
		default:
			return t.retry()
		}
	}
	if !confident {
		return t.unsure()
	}
	return t.intent(t.pred.Intent)
}

// intent answers an intent the customer clearly has.
func (t *turn) intent(label string) error {
	t.reply.Intent = label
	if label == intents.ContactSupport && t.e.phrases.wantsHuman(t.text) {
		// the ticket names the topic the customer was on, not "contact support"
		return t.handoff(ReasonRequested)
	}
	t.s.Misses, t.s.LastIntent = 0, label
	switch {
	case trackingIntent(label):
		if t.s.Number != "" && len(t.s.Carriers) == 1 {
			// the number and its carrier are known from earlier in the conversation
			return t.result(label, t.s.Number, t.s.Carriers[0])
		}
		return t.ask(label)
	case label == intents.OutOfScope:
		return t.unsure()
	}
	ans, ok := t.c.ForIntent(label, t.s.Lang)
	if !ok {
		return t.unsure()
	}
	t.answer(ans)
	if label == intents.ContactSupport {
		t.choice(t.humanChoice())
	}
	return nil
}

// ask asks for the tracking number the intent needs and remembers what it was for.
func (t *turn) ask(intent string) error {
	t.s.Pending, t.s.PendingIntent = slotNumber, intent
	t.s.LastIntent, t.reply.Intent = intent, intent
	if err := t.say("ask_tracking_number", msgArgs{}); err != nil {
		return err
	}
	if q, ok := t.intentChoice(intents.FindNumber); ok {
		t.choice(q)
	}
	return nil
}

// switchTopicConfidence is how sure the classifier must be before a message drops the
// question the bot is waiting on: a customer who was asked for a number and writes
// something unclear is asked again rather than losing the flow.
const switchTopicConfidence = 0.9

// retry handles a message that did not fill the pending slot: ask again, and after
// two failed attempts stop asking and offer help finding the number or a person.
func (t *turn) retry() error {
	t.reply.Intent = t.s.PendingIntent
	t.s.Retries++
	if t.s.Retries >= 3 {
		t.clearPending()
		return t.miss()
	}
	return t.askAgain()
}

// askAgain repeats the pending question, if any (after a refusal, a language switch, a return).
func (t *turn) askAgain() error {
	switch t.s.Pending {
	case slotNumber:
		if err := t.say("ask_tracking_number", msgArgs{}); err != nil {
			return err
		}
		if q, ok := t.intentChoice(intents.FindNumber); ok {
			t.choice(q)
		}
	case slotCarrier:
		return t.askCarrier()
	case slotConfirm:
		return t.askConfirm()
	}
	return nil
}

func (t *turn) clearPending() {
	t.s.Pending, t.s.PendingIntent, t.s.Retries = "", "", 0
}

func intentOr(label, def string) string {
	if label == "" {
		return def
	}
	return label
}
