package faq

import (
	"sort"
	"strings"
)

// Set is a loaded, validated collection of entries. It is immutable and safe for
// concurrent use; reloading builds a new Set.
type Set struct {
	entries  []entry
	byID     map[string]int
	main     map[string]int // intent label -> index of its main entry
	contacts map[string]Contact
	messages map[string]map[string]message // id -> lang -> message
	index    map[string]*index             // lang -> search index
}

// entry is one topic in every language.
type entry struct {
	id       string
	intent   string
	answers  map[string]Answer
	keywords map[string][]string
}

// ForIntent returns the main answer for an intent label in lang.
func (s *Set) ForIntent(intent, lang string) (Answer, bool) {
	i, ok := s.main[intent]
	if !ok {
		return Answer{}, false
	}
	return s.entries[i].answer(lang)
}

// Get returns the entry with the given id in lang.
func (s *Set) Get(id, lang string) (Answer, bool) {
	i, ok := s.byID[id]
	if !ok {
		return Answer{}, false
	}
	return s.entries[i].answer(lang)
}

// IDs returns every entry id, sorted.
func (s *Set) IDs() []string {
	ids := make([]string, 0, len(s.entries))
	for _, e := range s.entries {
		ids = append(ids, e.id)
	}
	sort.Strings(ids)
	return ids
}

// Entries returns every entry in lang, sorted by intent (in the order of Intents) and,
// within an intent, with the main entry first and the others by id.
func (s *Set) Entries(lang string) []Answer {
	rank := map[string]int{}
	for i, l := range Intents() {
		rank[l] = i
	}
	out := make([]Answer, 0, len(s.entries))
	for _, e := range s.entries {
		if a, ok := e.answer(lang); ok {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Intent != b.Intent {
			return rank[a.Intent] < rank[b.Intent]
		}
		if (a.ID == a.Intent) != (b.ID == b.Intent) {
			return a.ID == a.Intent
		}
		return a.ID < b.ID
	})
	return out
}

// IntentEntries returns the ids of the entries of one intent, main entry first.
func (s *Set) IntentEntries(intent string) []string {
	var ids []string
	for _, a := range s.Entries("ja") {
		if a.Intent == intent {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// Contacts returns every contact of contacts.yaml, sorted by key.
func (s *Set) Contacts() []Contact {
	out := make([]Contact, 0, len(s.contacts))
	for _, c := range s.contacts {
		out = append(out, c.clone())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// Link returns the official link stored under key in contacts.yaml, labelled in lang.
func (s *Set) Link(key, lang string) (Link, bool) {
	c, ok := s.contacts[key]
	if !ok || c.URL == "" {
		return Link{}, false
	}
	return Link{Label: c.Label(lang), URL: c.URL}, true
}

// answer returns a copy (the Set stays immutable whatever the caller does with slices).
// An unknown language falls back to Japanese.
func (e entry) answer(lang string) (Answer, bool) {
	a, ok := e.answers[lang]
	if !ok {
		a, ok = e.answers["ja"]
	}
	if !ok {
		return Answer{}, false
	}
	a.Choices = append([]Choice(nil), a.Choices...)
	a.Links = append([]Link(nil), a.Links...)
	return a, true
}

// resolveChoiceLabels gives unlabelled faq: choices the title of their target.
func (s *Set) resolveChoiceLabels() {
	for _, e := range s.entries {
		for lang, a := range e.answers {
			for i, c := range a.Choices {
				if !strings.HasPrefix(c.Label, "\x00") {
					continue
				}
				if j, ok := s.byID[strings.TrimPrefix(c.Label, "\x00")]; ok {
					a.Choices[i].Label = s.entries[j].answers[lang].Title
				}
			}
		}
	}
}
