package bot

import (
	"regexp"
	"slices"
	"strings"

	"github.com/toiawase/toiawase/intents"
	"github.com/toiawase/toiawase/tracking"
)

// track continues the flow of intent with the tracking numbers found in this turn.
func (t *turn) track(intent string) error {
	t.reply.Intent = intent
	t.s.Misses, t.s.LastIntent = 0, intent
	var focus *tracking.Match
	for i := range t.found.Tracking {
		m := &t.found.Tracking[i]
		t.rememberNumbers(m.Number)
		r := TrackingResult{Number: m.Number, Carriers: m.Carriers, Valid: m.Valid}
		if m.Valid && !m.Repaired && len(m.Carriers) == 1 {
			if c, ok := t.e.numbers.Lookup(m.Carriers[0]); ok {
				r.URL = c.URLIn(m.Number, t.s.Lang)
			}
		}
		t.reply.Tracking = append(t.reply.Tracking, r)
		if focus == nil || (!focus.Valid && m.Valid) || (focus.Repaired && m.Valid && !m.Repaired) {
			focus = m
		}
	}
	m := focus
	switch {
	case m.Repaired:
		t.s.Pending, t.s.PendingIntent, t.s.Number, t.s.Carriers = slotConfirm, intent, m.Number, m.Carriers
		return t.askConfirm()
	case !m.Valid || len(m.Carriers) == 0:
		t.s.Pending, t.s.PendingIntent, t.s.Number, t.s.Carriers = slotNumber, intent, "", nil
		t.s.Retries++
		id := "check_digit_failed"
		if len(m.Carriers) == 0 {
			id = "number_unrecognised"
		}
		if err := t.say(id, msgArgs{number: displayNumber(m.Number)}); err != nil {
			return err
		}
		if q, ok := t.intentChoice(intents.FindNumber); ok {
			t.choice(q)
		}
		return nil
	case len(m.Carriers) > 1:
		t.s.Pending, t.s.PendingIntent, t.s.Number, t.s.Carriers = slotCarrier, intent, m.Number, m.Carriers
		t.s.Retries = 0
		return t.askCarrier()
	}
	return t.result(intent, m.Number, m.Carriers[0])
}

// result answers with the tracking page of number at carrier, and the next steps of intent.
func (t *turn) result(intent, number, carrier string) error {
	t.clearPending()
	t.s.Number, t.s.Carriers = number, []string{carrier}
	t.s.Misses, t.s.LastIntent = 0, intent
	t.reply.Intent = intent
	t.rememberNumbers(number)
	url, name := "", t.carrierName(carrier)
	if c, ok := t.e.numbers.Lookup(carrier); ok {
		url = c.URLIn(number, t.s.Lang)
	}
	found := false
	for i := range t.reply.Tracking {
		if t.reply.Tracking[i].Number == number {
			t.reply.Tracking[i].URL, found = url, true
		}
	}
	if !found {
		t.reply.Tracking = append(t.reply.Tracking, TrackingResult{Number: number, Carriers: []string{carrier}, Valid: true, URL: url})
	}
	id := "tracking_result"
	if url == "" {
		id = "tracking_result_no_link"
	}
	if err := t.say(id, msgArgs{number: displayNumber(number), carrier: name, url: url}); err != nil {
		return err
	}
	if url != "" {
		t.link(Link{Label: name, URL: url})
	}
	switch intent {
	case intents.Redelivery:
		// the carrier's own redelivery steps when the FAQ has them
		if ans, ok := t.c.Get("redelivery_"+carrier, t.s.Lang); ok {
			t.answer(ans)
		} else if ans, ok := t.c.ForIntent(intent, t.s.Lang); ok {
			t.answer(ans)
		}
	case intents.NotTracking:
		if ans, ok := t.c.ForIntent(intent, t.s.Lang); ok {
			t.answer(ans)
		}
	default:
		// what people usually need next
		for _, l := range []string{intents.Redelivery, intents.NotTracking, intents.MissingPackage} {
			if q, ok := t.intentChoice(l); ok {
				t.choice(q)
			}
		}
	}
	return nil
}

// askCarrier asks which of the candidate carriers printed the label.
func (t *turn) askCarrier() error {
	id := "ask_carrier"
	if len(t.s.Number) == 11 && slices.Contains(t.s.Carriers, "japanpost") {
		id = "ask_registered_mail" // Japan Post registered mail shares its shape with DHL
	}
	if err := t.say(id, msgArgs{number: displayNumber(t.s.Number)}); err != nil {
		return err
	}
	for _, id := range t.s.Carriers {
		t.choice(QuickReply{Label: t.carrierName(id), Value: ActionCarrier + id})
	}
	return nil
}

// askConfirm asks the customer to confirm a number repaired from look-alike letters.
func (t *turn) askConfirm() error {
	n := displayNumber(t.s.Number)
	if err := t.say("looks_repaired", msgArgs{number: n}); err != nil {
		return err
	}
	t.choice(QuickReply{Label: n, Value: ActionTrack + t.s.Number})
	return nil
}

// carrierChosen continues after the customer named the carrier of the number under discussion.
func (t *turn) carrierChosen(id string) error {
	if _, ok := t.e.numbers.Lookup(id); !ok {
		return t.unsure()
	}
	intent := intentOr(t.s.PendingIntent, intentOr(t.s.LastIntent, intents.TrackPackage))
	if !trackingIntent(intent) {
		intent = intents.TrackPackage
	}
	if t.s.Number == "" {
		return t.ask(intent)
	}
	return t.result(intent, t.s.Number, id)
}

// orderNotTracking explains that an order number is not a tracking number, and keeps
// waiting for the tracking number.
func (t *turn) orderNotTracking() error {
	intent := t.s.PendingIntent
	if intent == "" && trackingIntent(t.pred.Intent) {
		intent = t.pred.Intent
	}
	intent = intentOr(intent, intents.TrackPackage)
	t.s.Pending, t.s.PendingIntent, t.s.Misses = slotNumber, intent, 0
	t.reply.Intent = intents.OrderVsTracking
	o := t.found.Orders[0]
	id := "order_not_tracking"
	if o.Digital {
		id = "digital_order"
		t.clearPending() // nothing to track
		t.reply.Intent = intents.Kindle
	}
	if err := t.say(id, msgArgs{order: o.Number}); err != nil {
		return err
	}
	if o.Digital {
		if q, ok := t.intentChoice(intents.Kindle); ok {
			t.choice(q)
		}
		return nil
	}
	if q, ok := t.intentChoice(intents.FindNumber); ok {
		t.choice(q)
	}
	return nil
}

// mentionedCarrier returns the candidate carrier the text names, or "".
func (t *turn) mentionedCarrier() string {
	s := strings.ToLower(t.text)
	for _, id := range t.s.Carriers {
		names := append([]string{id}, carrierAliases(id)...)
		if c, ok := t.e.numbers.Lookup(id); ok {
			names = append(names, strings.ToLower(c.NameJA), strings.ToLower(c.NameEN))
		}
		for _, n := range names {
			if n != "" && strings.Contains(s, n) {
				return id
			}
		}
	}
	return ""
}

// carrierAliases are the short names customers use for a carrier (lower case).
func carrierAliases(id string) []string {
	switch id {
	case "yamato":
		return []string{"ヤマト", "クロネコ", "kuroneko"}
	case "sagawa":
		return []string{"佐川", "飛脚"}
	case "japanpost":
		return []string{"郵便", "ゆうパック", "ゆうパケット", "レターパック", "クリックポスト", "japan post", "post office"}
	case "amazon":
		return []string{"アマゾン"}
	case "fedex":
		return []string{"フェデックス"}
	}
	return nil
}

// phonePattern matches a Japanese mobile number (070/080/090), with or without hyphens.
var phonePattern = regexp.MustCompile(`(?:^|[^0-9])0[789]0-?[0-9]{4}-?[0-9]{4}(?:[^0-9]|$)`)

// looksLikePhone reports whether text holds a mobile phone number. Text without
// 070, 080 or 090 in it cannot match, and most text has none: the regexp runs only
// when it may.
func looksLikePhone(text string) bool {
	if !strings.Contains(text, "070") && !strings.Contains(text, "080") && !strings.Contains(text, "090") {
		return false
	}
	return phonePattern.MatchString(text)
}
