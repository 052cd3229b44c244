package bot

import (
	"errors"
	"fmt"
)

// Messages lists the ids of the conversational messages the engine renders from Content
// (faq/data/messages.yaml). Each is rendered with the placeholders number, carrier, url,
// order and agent, all always given (empty when they do not apply).
func Messages() []string {
	return []string{
		"welcome", "session_resumed", "ask_tracking_number", "ask_carrier", "ask_registered_mail",
		"tracking_result", "tracking_result_no_link", "check_digit_failed", "number_unrecognised",
		"order_not_tracking", "digital_order", "looks_repaired", "looks_like_phone", "unsure",
		"offer_human", "choice_human", "handoff_started", "handoff_unavailable", "agent_joined",
		"agent_left", "nobody_answered", "sensitive_refused", "lang_switched", "too_long", "empty",
	}
}

// checkMessages makes sure c renders every message the engine needs in both languages.
func checkMessages(c Content) error {
	var errs []error
	full := msgArgs{number: "443496171020", carrier: "c", url: "https://example.com", order: "249-1234567-1234567", agent: "a", max: "2000"}.m()
	for _, id := range Messages() {
		for _, lang := range []string{LangJA, LangEN} {
			if _, err := c.Message(id, lang, full); err != nil {
				errs = append(errs, fmt.Errorf("message %s (%s): %w", id, lang, err))
			}
		}
	}
	return errors.Join(errs...)
}
