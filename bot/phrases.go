package bot

import "strings"

// Small phrase checks the policy uses next to the classifier: they catch what must not
// depend on a model's guess (an explicit request for a person, a yes or a no).

// wantsHuman reports whether a contact_support message asks for a person rather than
// for the phone number or opening hours.
func wantsHuman(text string) bool {
	return containsAny(strings.ToLower(text), []string{
		"人と", "人に", "人間", "担当者", "担当の方", "オペレーター", "オペレータ", "有人", "スタッフ", "係の",
		"human", "person", "agent", "operator", "representative", "someone", "staff", "real people",
	})
}

// asksForPerson reports whether the text asks for a person in so many words, whatever
// else it says ("EJ… の荷物について担当者と話したい").
func asksForPerson(text string) bool {
	return containsAny(strings.ToLower(text), []string{
		"担当者と話", "担当者につな", "担当者に代わ", "人と話", "人間と話", "オペレーター", "オペレータと", "有人",
		"talk to a person", "talk to a human", "talk to someone", "speak to a person", "speak to a human",
		"speak to someone", "real person", "human agent", "live agent", "an operator", "a representative",
	})
}

// yesNo reads a short answer: 1 yes, -1 no, 0 neither.
func yesNo(text string) int {
	s := strings.ToLower(strings.Trim(text, " 。.!！"))
	switch {
	case containsAny(s, []string{"いいえ", "違い", "ちがい", "ちがう", "違う"}) || s == "no" || strings.HasPrefix(s, "no ") || strings.HasPrefix(s, "nope"):
		return -1
	case containsAny(s, []string{"はい", "そうです", "合って", "あって", "ok", "yes", "yeah", "correct", "right", "ええ"}):
		return 1
	}
	return 0
}
