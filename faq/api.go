// Package faq holds the curated answers (Japanese and English) as data files, loads and
// validates them, and searches them by free text. (STUB: the signatures are the contract;
// issue #4 fills them.)
package faq

import "io/fs"

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

// Set is a loaded, validated collection of entries. It is immutable and safe for
// concurrent use; reloading builds a new Set.
type Set struct{}

// Load reads and validates every entry and the contacts file in fsys.
func Load(fsys fs.FS) (*Set, error) { panic("stub") }

// Default returns the entries embedded in the binary.
func Default() (*Set, error) { panic("stub") }

// ForIntent returns the main answer for an intent label in lang.
func (s *Set) ForIntent(intent, lang string) (Answer, bool) { panic("stub") }

// Get returns the entry with the given id in lang.
func (s *Set) Get(id, lang string) (Answer, bool) { panic("stub") }

// Search returns up to k entries that best match query (BM25 over character bigrams and words).
func (s *Set) Search(query, lang string, k int) []Hit { panic("stub") }
