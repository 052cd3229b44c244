package slack

import (
	"fmt"
	"time"

	"github.com/sirupsen/logrus"
)

// Config configures a Desk. Zero values are usable unless said otherwise.
type Config struct {
	// BotToken (xoxb-...) is required.
	BotToken string
	// AppToken (xapp-...) turns on Socket Mode; without it events come over HTTP and
	// SigningSecret is required.
	AppToken string
	// SigningSecret verifies every HTTP request from Slack.
	SigningSecret string
	// HandoffChannel is the channel id where tickets are posted; required.
	HandoffChannel string
	// APIURL points the Web API client at another base URL (tests); empty: Slack's.
	APIURL string
	// Lang is the language the desk speaks to agents: "ja" (zero) or "en".
	Lang string
	// TakeTimeout is how long a ticket may wait for an agent; zero means 5 minutes.
	TakeTimeout time.Duration
	// Workers is the number of background workers; zero means 4.
	Workers int
	// Queue is the number of pending background jobs; zero means 256. When it is full,
	// HTTP events are answered 503 so that Slack retries them later.
	Queue int
	// MaxTickets bounds the tickets kept in memory; zero means 1000. Finished tickets go first.
	MaxTickets int
	// MaxThreads bounds the assist threads (mentions, DMs) remembered; zero means 1000.
	MaxThreads int
	// DedupSize is how many event ids are remembered to drop retries; zero means 4096.
	DedupSize int
	// RetryMin is the first back-off when Slack cannot be reached; zero means 1s (max 1 min).
	RetryMin time.Duration
	// FAQ answers `/toiawase faq`; nil: the command says the FAQ is not loaded.
	FAQ FAQSearcher
	// Log receives operational logs (never customer text or unmasked numbers); nil discards.
	Log *logrus.Entry
}

func (c Config) withDefaults() Config {
	if c.Lang == "" {
		c.Lang = "ja"
	}
	if c.TakeTimeout <= 0 {
		c.TakeTimeout = 5 * time.Minute
	}
	if c.Workers <= 0 {
		c.Workers = 4
	}
	if c.Queue <= 0 {
		c.Queue = 256
	}
	if c.MaxTickets <= 0 {
		c.MaxTickets = 1000
	}
	if c.MaxThreads <= 0 {
		c.MaxThreads = 1000
	}
	if c.DedupSize <= 0 {
		c.DedupSize = 4096
	}
	if c.RetryMin <= 0 {
		c.RetryMin = time.Second
	}
	return c
}

func (c Config) validate() error {
	switch {
	case c.BotToken == "":
		return fmt.Errorf("%w: no bot token (BotToken)", ErrConfig)
	case c.AppToken == "" && c.SigningSecret == "":
		return fmt.Errorf("%w: no way to receive events: set AppToken (Socket Mode) or SigningSecret (HTTP)", ErrConfig)
	case c.HandoffChannel == "":
		return fmt.Errorf("%w: no hand-off channel (HandoffChannel)", ErrConfig)
	}
	return nil
}
