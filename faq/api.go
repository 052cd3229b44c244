// Package faq holds the curated answers (Japanese and English) as data files, loads and
// validates them, and searches them by free text.
//
// The data lives in data/: one YAML file per intent under data/entries/, the links and
// contact facts that change (URLs, phone numbers, opening hours) in data/contacts.yaml, and
// the engine's conversational messages in data/messages.yaml. Default loads the copy
// embedded in the binary; LoadDir loads an override directory with the same layout.
package faq

// Link is an official page, already in the answer's language.
type Link struct {
	Label string
	URL   string
}

// Choice is a follow-up the customer can pick. Value is "faq:<entry id>" for another
// entry, or another value the engine understands ("intent:<label>", "human", ...).
type Choice struct {
	Label string
	Value string
}

// Answer is one entry rendered in one language.
type Answer struct {
	ID      string
	Intent  string
	Lang    string
	Title   string
	Text    string
	Choices []Choice
	Links   []Link
	// Speech is a short version written to be spoken on the phone: no URLs, no symbols
	// read aloud, numbers written so they are read digit by digit.
	Speech string
}

// Hit is one search result.
type Hit struct {
	Answer Answer
	Score  float64
}
