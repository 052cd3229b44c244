package faq

// Intents returns the intent labels of DESIGN.md, in a fixed order. Every label has
// exactly one main entry (the answer ForIntent returns).
func Intents() []string {
	return []string{
		"find_number", "not_tracking", "track_package", "redelivery", "returns",
		"order_vs_tracking", "prime", "kindle", "amazon_pay", "contact_support",
		"phishing", "seller_tracking", "missing_package", "greeting", "goodbye",
		"out_of_scope",
	}
}

// Langs returns the languages every entry and message must have.
func Langs() []string { return []string{"ja", "en"} }

func knownIntent(label string) bool {
	for _, l := range Intents() {
		if l == label {
			return true
		}
	}
	return false
}
