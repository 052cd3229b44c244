package bot

import (
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
				r.URL = c.URL(m.Number)
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
		if err := t.say("check_digit_failed", msgArgs{number: displayNumber(m.Number)}); err != nil {
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
		url = c.URL(number)
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
	if err := t.say("tracking_result", msgArgs{number: displayNumber(number), carrier: name, url: url}); err != nil {
		return err
	}
	if url != "" {
		t.link(Link{Label: name, URL: url})
	}
	ans, ok := t.c.ForIntent(intent, t.s.Lang)
	if !ok {
		return nil
	}
	if intent != intents.TrackPackage {
		// redelivery and not_tracking: the curated next steps
		t.answer(ans)
		return nil
	}
	for _, ch := range ans.Choices {
		t.choice(QuickReply{Label: ch.Label, Value: ch.Value})
	}
	return nil
}

// askCarrier asks which of the candidate carriers printed the label.
func (t *turn) askCarrier() error {
	if err := t.say("ask_carrier", msgArgs{number: displayNumber(t.s.Number)}); err != nil {
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
	if err := t.say("order_not_tracking", msgArgs{order: t.found.Orders[0].Number}); err != nil {
		return err
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
