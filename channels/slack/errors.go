package slack

import "errors"

// Sentinel errors of the Slack desk.
var (
	// ErrConfig: the configuration cannot work (no token, no way to receive events, ...).
	ErrConfig = errors.New("slack: bad configuration")
	// ErrNoTicket: no open ticket for that session on this desk.
	ErrNoTicket = errors.New("slack: no ticket for session")
	// ErrAgentConversation: a hand-off was asked for a conversation agents are already
	// having with the bot in Slack; the engine shows the contact routes instead.
	ErrAgentConversation = errors.New("slack: hand-off asked from Slack itself")
)
