package webchat

import (
	"time"

	"github.com/sirupsen/logrus"
)

// Config tunes a Server. Every zero value is usable and documented.
type Config struct {
	// MaxMessageBytes is the largest client frame that is processed. A larger frame is
	// read to its end, discarded and answered with a "too_large" error frame; the
	// connection stays open. Zero means 4096.
	MaxMessageBytes int
	// HardLimitBytes is the size past which a frame is not even read to its end: the
	// connection is closed with code 1009. Zero means 64 times MaxMessageBytes.
	HardLimitBytes int
	// MessagesPerSecond is the sustained rate of frames one connection may send; frames
	// over it get a "rate_limited" error frame and are dropped. Zero means 5.
	MessagesPerSecond float64
	// Burst is how many frames may arrive at once before the rate applies. Zero means 10.
	Burst int
	// SendQueue is how many frames may wait for a client. A client that lets more pile
	// up is too slow and is disconnected (it can resume). Zero means 64.
	SendQueue int
	// WriteTimeout bounds every write to a client. Zero means 10s.
	WriteTimeout time.Duration
	// PingInterval is how often the server pings an idle client. Zero means 25s.
	PingInterval time.Duration
	// IdleTimeout closes a connection that sent nothing (not even a pong) for this long.
	// Zero means 60s; it must be longer than PingInterval.
	IdleTimeout time.Duration
	// HandleTimeout bounds one call to the engine. Zero means 15s.
	HandleTimeout time.Duration
	// AllowedOrigins lists the browser origins ("https://shop.example.jp") that may open
	// /ws besides the server's own; "*" allows any. Empty means same origin only.
	// Requests without an Origin header (non-browser clients) are always allowed.
	AllowedOrigins []string
	// HistoryTurns is how many transcript turns are replayed on resume. Zero means 50;
	// negative means none.
	HistoryTurns int
	// Log receives connection events (never customer text). Nil discards them.
	Log *logrus.Entry
}

func (c Config) maxMessageBytes() int { return orInt(c.MaxMessageBytes, 4096) }

func (c Config) hardLimitBytes() int {
	if c.HardLimitBytes > 0 {
		return max(c.HardLimitBytes, c.maxMessageBytes())
	}
	return 64 * c.maxMessageBytes()
}

func (c Config) messagesPerSecond() float64 {
	if c.MessagesPerSecond > 0 {
		return c.MessagesPerSecond
	}
	return 5
}

func (c Config) burst() int                   { return orInt(c.Burst, 10) }
func (c Config) sendQueue() int               { return orInt(c.SendQueue, 64) }
func (c Config) writeTimeout() time.Duration  { return orDur(c.WriteTimeout, 10*time.Second) }
func (c Config) pingInterval() time.Duration  { return orDur(c.PingInterval, 25*time.Second) }
func (c Config) handleTimeout() time.Duration { return orDur(c.HandleTimeout, 15*time.Second) }
func (c Config) historyTurns() int            { return orInt(c.HistoryTurns, 50) }
func (c Config) idleTimeout() time.Duration {
	d := orDur(c.IdleTimeout, 60*time.Second)
	return max(d, c.pingInterval()+c.writeTimeout())
}

func orInt(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

func orDur(v, def time.Duration) time.Duration {
	if v <= 0 {
		return def
	}
	return v
}
