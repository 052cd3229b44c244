package bot

import "errors"

// Sentinel errors of the bot package.
var (
	// ErrNotConnected: the customer of a session is not connected to this instance.
	ErrNotConnected = errors.New("bot: customer not connected")
	// ErrUnknownSession: no such session (expired or never existed).
	ErrUnknownSession = errors.New("bot: unknown session")
	// ErrEmpty: the inbound message has neither text nor action.
	ErrEmpty = errors.New("bot: empty message")
	// ErrTooLong: the inbound text is longer than the engine accepts.
	ErrTooLong = errors.New("bot: message too long")
)

// ErrNotHandedOff: an agent acted on a conversation the bot holds (released or never handed off).
var ErrNotHandedOff = errors.New("bot: conversation is not handed off")
