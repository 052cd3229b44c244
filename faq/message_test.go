package faq

import (
	"errors"
	"strings"
	"testing"
)

// engineMessages are the ids the dialogue engine uses.
var engineMessages = []string{
	"ask_tracking_number", "ask_carrier", "tracking_result", "tracking_result_no_link",
	"check_digit_failed", "order_not_tracking", "digital_order", "looks_repaired",
	"looks_like_phone", "ask_registered_mail", "number_unrecognised", "carrier_other",
	"multiple_numbers", "unsure", "offer_human", "handoff_started", "handoff_unavailable",
	"agent_joined", "agent_left", "nobody_answered", "sensitive_refused", "lang_switched",
	"welcome", "session_resumed", "too_long", "empty", "internal_error", "rate_limited",
	"goodbye", "choice_human", "handoff_unavailable_speech",
}

// fakeArgs fills every placeholder of message id with a recognisable value.
func fakeArgs(s *Set, id string) map[string]string {
	args := map[string]string{}
	for _, p := range s.MessageParams(id) {
		args[p] = "<" + p + ">"
	}
	return args
}

func TestEveryEngineMessageExistsInBothLanguages(t *testing.T) {
	s := mustDefault(t)
	for _, id := range engineMessages {
		for _, lang := range Langs() {
			args := fakeArgs(s, id)
			got, err := s.Message(id, lang, args)
			if err != nil {
				t.Errorf("Message(%s, %s): %v", id, lang, err)
				continue
			}
			if strings.TrimSpace(got) == "" || strings.ContainsAny(got, "{}") {
				t.Errorf("Message(%s, %s) = %q: empty or a placeholder left", id, lang, got)
			}
			for _, v := range args {
				if !strings.Contains(got, v) {
					t.Errorf("Message(%s, %s) = %q does not show %s", id, lang, got, v)
				}
			}
			if lang == "ja" && !containsKana(got) {
				t.Errorf("Message(%s, ja) = %q is not Japanese", id, got)
			}
			if lang == "en" && containsKana(got) {
				t.Errorf("Message(%s, en) = %q is not English", id, got)
			}
		}
	}
}

func TestMessagePlaceholders(t *testing.T) {
	s := mustDefault(t)
	want := map[string]string{
		"ask_carrier":        "number",
		"tracking_result":    "carrier,number,url",
		"check_digit_failed": "number",
		"order_not_tracking": "order",
		"looks_repaired":     "number",
		"agent_joined":       "agent",
		"too_long":           "max",
	}
	for id, w := range want {
		if got := strings.Join(s.MessageParams(id), ","); got != w {
			t.Errorf("MessageParams(%s) = %q, want %q", id, got, w)
		}
	}
	got, err := s.Message("tracking_result", "en", map[string]string{
		"carrier": "Yamato Transport", "number": "4434-9617-1020", "url": "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko",
	})
	if err != nil || !strings.HasPrefix(got, "4434-9617-1020 is a Yamato Transport number. You can check the status here: https://toi.kuronekoyamato.co.jp/") {
		t.Errorf("tracking_result = %q, %v", got, err)
	}
	if _, err := s.Message("tracking_result", "ja", map[string]string{"carrier": "ヤマト運輸"}); !errors.Is(err, ErrMissingArg) {
		t.Errorf("missing {number}: err = %v, want ErrMissingArg", err)
	}
	if _, err := s.Message("no_such_message", "ja", nil); !errors.Is(err, ErrUnknownMessage) {
		t.Errorf("unknown id: err = %v, want ErrUnknownMessage", err)
	}
}

func TestHandoffUnavailableGivesTheOfficialContactPage(t *testing.T) {
	s := mustDefault(t)
	l, ok := s.Link("amazon_contact", "ja")
	if !ok {
		t.Fatal("no amazon_contact link")
	}
	for _, lang := range Langs() {
		got, err := s.Message("handoff_unavailable", lang, nil)
		if err != nil || !strings.Contains(got, l.URL) {
			t.Errorf("handoff_unavailable/%s = %q, %v; want the contact page %s", lang, got, err, l.URL)
		}
	}
}

func TestSensitiveRefusedNamesWhatWeNeverAsk(t *testing.T) {
	s := mustDefault(t)
	ja, _ := s.Message("sensitive_refused", "ja", nil)
	en, _ := s.Message("sensitive_refused", "en", nil)
	for _, w := range []string{"パスワード", "カード番号", "認証番号"} {
		if !strings.Contains(ja, w) {
			t.Errorf("sensitive_refused/ja does not mention %s: %q", w, ja)
		}
	}
	for _, w := range []string{"password", "card number", "one-time code"} {
		if !strings.Contains(en, w) {
			t.Errorf("sensitive_refused/en does not mention %s: %q", w, en)
		}
	}
}

func containsKana(s string) bool {
	for _, r := range s {
		if r >= 0x3040 && r <= 0x30FF {
			return true
		}
	}
	return false
}

// TestMessageFillsEveryPlaceholder: placeholders at either end, side by side or used
// twice are all filled, and text without any comes back as written.
func TestMessageFillsEveryPlaceholder(t *testing.T) {
	s := &Set{messages: map[string]map[string]message{}}
	for id, text := range map[string]string{
		"edges":  "{number} は{carrier}の番号です：{number}",
		"joined": "{a}{b}-{a}",
		"plain":  "お問い合わせありがとうございます。{ではない}",
	} {
		s.messages[id] = map[string]message{"ja": {text: text, params: params(text), parts: split(text)}}
	}
	args := map[string]string{"number": "4434-9617-1020", "carrier": "ヤマト運輸", "a": "A", "b": "B"}
	for id, want := range map[string]string{
		"edges":  "4434-9617-1020 はヤマト運輸の番号です：4434-9617-1020",
		"joined": "AB-A",
		"plain":  "お問い合わせありがとうございます。{ではない}",
	} {
		if got, err := s.Message(id, "ja", args); err != nil || got != want {
			t.Errorf("Message(%s) = %q, %v; want %q", id, got, err, want)
		}
	}
}
