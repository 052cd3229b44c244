package webchat

import (
	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
)

// Frame types of the wire protocol (DESIGN.md, "WebSocket web chat"), plus the additions
// documented in doc.go: "history" and "ack" from the server, an optional "lang" field from
// the client.
const (
	typeSession = "session"
	typeHistory = "history"
	typeReply   = "reply"
	typeAck     = "ack"
	typeError   = "error"
	typeMessage = "message"
	typeAction  = "action"
)

// Error codes sent in error frames.
const (
	codeTooLarge       = "too_large"
	codeBadJSON        = "bad_json"
	codeBadUTF8        = "bad_utf8"
	codeBinary         = "binary"
	codeUnknownType    = "unknown_type"
	codeRateLimited    = "rate_limited"
	codeEmpty          = "empty"
	codeBadID          = "bad_id"
	codeSessionExpired = "session_expired"
	codeUnavailable    = "unavailable"
)

// maxIDBytes bounds the client's message id, which comes back in reply_to.
const maxIDBytes = 64

// clientFrame is every frame a client may send.
type clientFrame struct {
	Type  string `json:"type"`
	ID    string `json:"id"`
	Text  string `json:"text"`
	Value string `json:"value"`
	Lang  string `json:"lang"`
}

type sessionFrame struct {
	Type      string `json:"type"`
	SessionID string `json:"session_id"`
	Resumed   bool   `json:"resumed"`
}

type historyFrame struct {
	Type  string       `json:"type"`
	Turns []store.Turn `json:"turns"`
}

// replyFrame is bot.Reply with the frame type and the id of the message it answers.
type replyFrame struct {
	Type    string `json:"type"`
	ReplyTo string `json:"reply_to,omitempty"`
	bot.Reply
}

type ackFrame struct {
	Type    string `json:"type"`
	ReplyTo string `json:"reply_to"`
	Mode    string `json:"mode,omitempty"`
}

type errorFrame struct {
	Type    string `json:"type"`
	Code    string `json:"code"`
	Message string `json:"message"`
	ReplyTo string `json:"reply_to,omitempty"`
}
