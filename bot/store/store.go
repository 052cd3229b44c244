// Package store keeps conversation state: sessions (with a time to live), their
// transcripts, and hand-off routing. Implementations: an in-memory store (tests, single
// process), an embedded SQLite file (the default for `toiawase serve`), and Redis for
// several instances. All of them pass the conformance suite in store/storetest.
//
// Sessions are stored as JSON, so every field of Session carries a json tag; a field
// added later must keep old records readable (zero value = "not set").
package store

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned when a session does not exist or has expired.
var ErrNotFound = errors.New("store: not found")

// Session is the dialogue state of one conversation.
type Session struct {
	ID      string `json:"id"`
	Channel string `json:"channel,omitempty"`
	// Lang is the conversation language ("ja" or "en"); LangFixed means the customer chose it.
	Lang      string `json:"lang,omitempty"`
	LangFixed bool   `json:"lang_fixed,omitempty"`
	// Pending is the slot the bot is waiting for ("tracking_number", "carrier", ...), empty if none.
	Pending string `json:"pending,omitempty"`
	// PendingIntent is the intent the pending slot belongs to (track_package, redelivery, ...).
	PendingIntent string `json:"pending_intent,omitempty"`
	// Number is the tracking number under discussion (normalised), Carriers its candidates.
	Number   string   `json:"number,omitempty"`
	Carriers []string `json:"carriers,omitempty"`
	// Misses counts misunderstandings in a row; Retries counts failed slot fills.
	Misses  int `json:"misses,omitempty"`
	Retries int `json:"retries,omitempty"`
	// LastIntent is the last intent the bot acted on.
	LastIntent string `json:"last_intent,omitempty"`
	// Mode is "bot" (or empty), "waiting" or "agent" (bot.Mode*); Agent names the agent.
	Mode  string `json:"mode,omitempty"`
	Agent string `json:"agent,omitempty"`
	// Tracking lists every tracking number seen in this conversation (normalised).
	Tracking []string `json:"tracking,omitempty"`
	// Extra holds small channel-specific values (Slack thread ts, phone menu node, ...).
	Extra map[string]string `json:"extra,omitempty"`

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Store keeps sessions and transcripts. Every method is safe for concurrent use.
type Store interface {
	// Get returns the session, or ErrNotFound.
	Get(ctx context.Context, id string) (Session, error)
	// Put creates or replaces the session; it expires ttl after this call (0: never).
	Put(ctx context.Context, s Session, ttl time.Duration) error
	// Delete removes the session and its transcript; deleting a missing session is not an error.
	Delete(ctx context.Context, id string) error
	// Append adds a turn to the session's transcript.
	Append(ctx context.Context, id string, t Turn) error
	// Transcript returns the last n turns (all when n <= 0), oldest first.
	Transcript(ctx context.Context, id string, n int) ([]Turn, error)
	// Close releases the store's resources.
	Close() error
}

// Turn is one line of a conversation transcript.
type Turn struct {
	At   time.Time `json:"at"`
	From string    `json:"from"` // "customer", "bot", "agent" or "system"
	Text string    `json:"text"`
	// Agent is the agent's display name for From "agent".
	Agent string `json:"agent,omitempty"`
}
