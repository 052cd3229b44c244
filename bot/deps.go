package bot

import (
	"github.com/toiawase/toiawase/faq"
	"github.com/toiawase/toiawase/intents"
	"github.com/toiawase/toiawase/tracking"
)

// Classifier predicts the intent of a customer message. *intents.Model is the real one.
type Classifier interface {
	Classify(text string) intents.Prediction
}

// foundClassifier is a Classifier that can take the numbers the engine has already
// found in the text instead of looking for them again (*intents.Model is one).
type foundClassifier interface {
	ClassifyFound(text string, found tracking.Found) intents.Prediction
}

// Content is the curated text the engine answers from. *faq.Set is the real one: answers
// per intent or id, free-text search, and the engine's own conversational messages.
type Content interface {
	ForIntent(intent, lang string) (faq.Answer, bool)
	Get(id, lang string) (faq.Answer, bool)
	Search(query, lang string, k int) []faq.Hit
	Message(id, lang string, args map[string]string) (string, error)
}

// Numbers finds tracking and order numbers and describes carriers. TrackingTable (the
// tracking package) is the real one.
type Numbers interface {
	Extract(text string) tracking.Found
	Lookup(id string) (tracking.Carrier, bool)
}

// TrackingTable is the Numbers of the tracking package.
type TrackingTable struct{}

// Extract calls tracking.Extract.
func (TrackingTable) Extract(text string) tracking.Found { return tracking.Extract(text) }

// Lookup calls tracking.Lookup.
func (TrackingTable) Lookup(id string) (tracking.Carrier, bool) { return tracking.Lookup(id) }
