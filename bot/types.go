package bot

import (
	"context"
	"time"

	"github.com/toiawase/toiawase/bot/store"
)

// Channel names used in Inbound.Channel and in tickets.
const (
	ChannelWebchat = "webchat"
	ChannelAPI     = "api"
	ChannelSlack   = "slack"
	ChannelPhone   = "phone"
	ChannelCLI     = "cli"
)

// Inbound is one message from a customer (or an agent asking the bot) on any channel.
type Inbound struct {
	// SessionID names the conversation; empty asks the engine to start a new one.
	SessionID string
	// Channel is one of the Channel* constants.
	Channel string
	// Text is what the person typed. It may be empty when Action is set.
	Text string
	// Action is the value of the quick reply the person chose, if any.
	Action string
	// Lang is an optional language the client asks for ("ja" or "en").
	Lang string
	// From is an optional channel reference to the person (Slack user id, caller number).
	// It is personal data: never log it unmasked.
	From string
}

// Reply is the engine's answer to one Inbound. Its JSON form is the "reply" object of
// the wire protocol in DESIGN.md (the channel adds "type" and "reply_to").
type Reply struct {
	SessionID     string           `json:"session_id,omitempty"`
	Text          string           `json:"text"`
	Intent        string           `json:"intent,omitempty"`
	Confidence    float64          `json:"confidence"`
	Tracking      []TrackingResult `json:"tracking,omitempty"`
	Orders        []string         `json:"orders,omitempty"`
	QuickReplies  []QuickReply     `json:"quick_replies,omitempty"`
	Links         []Link           `json:"links,omitempty"`
	Handoff       bool             `json:"handoff"`
	HandoffReason string           `json:"handoff_reason,omitempty"`
	Lang          string           `json:"lang"`
	// Mode is the conversation's mode after this turn: ModeBot, ModeWaiting or ModeAgent.
	// While an agent holds the conversation the engine forwards the text to the Desk and
	// returns an empty Text: the channel shows nothing for it.
	Mode string `json:"mode,omitempty"`
}

// Conversation modes.
const (
	ModeBot     = "bot"     // the bot answers
	ModeWaiting = "waiting" // handed off, no agent has taken it yet
	ModeAgent   = "agent"   // an agent holds it; the bot stays quiet
)

// TrackingResult is one tracking number found in a message.
type TrackingResult struct {
	Number   string   `json:"number"`
	Carriers []string `json:"carriers"`
	Valid    bool     `json:"valid"`
	URL      string   `json:"url,omitempty"`
}

// QuickReply is a button the person can press; Value comes back as Inbound.Action.
type QuickReply struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Link is an official page offered with an answer.
type Link struct {
	Label string `json:"label"`
	URL   string `json:"url"`
}

// Handler turns an inbound message into a reply. Every channel depends on this alone.
type Handler interface {
	Handle(ctx context.Context, in Inbound) (Reply, error)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, in Inbound) (Reply, error)

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, in Inbound) (Reply, error) { return f(ctx, in) }

// Push is something said to a customer outside a request/reply turn: an agent's message,
// or a notice from the system (an agent took or closed the conversation, nobody answered).
type Push struct {
	Type  string `json:"type"` // "agent" or "system"
	Text  string `json:"text"`
	Agent string `json:"agent,omitempty"` // the agent's display name, for Type "agent"
	Mode  string `json:"mode,omitempty"`  // the conversation's mode after this push
}

// Sender delivers a Push to the customer of a session, wherever they are connected.
// It returns ErrNotConnected when the customer is not connected to this instance.
type Sender interface {
	Send(ctx context.Context, sessionID string, p Push) error
}

// Ticket is a conversation handed to a human.
type Ticket struct {
	SessionID string
	Channel   string
	Lang      string
	Intent    string
	Reason    string
	// Tracking holds the normalised tracking numbers seen in the conversation, unmasked:
	// the desk masks them in anything it shows.
	Tracking []string
	// Recent holds the last turns of the conversation, oldest first.
	Recent []store.Turn
	// Caller is the phone number for phone call-back tickets; personal data.
	Caller string
	At     time.Time
}

// Desk is where hand-offs go (the Slack agent desk). The engine calls Open when a
// conversation needs a human and Forward for each customer message while an agent holds it.
type Desk interface {
	Open(ctx context.Context, t Ticket) error
	Forward(ctx context.Context, sessionID string, text string) error
}
