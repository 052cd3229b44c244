package slack

import (
	"context"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/faq"
)

// Engine is what the desk needs of the dialogue engine (*bot.Engine has these methods).
type Engine interface {
	// Handle answers agents who mention the bot or write to it directly.
	bot.Handler
	// Take gives the conversation to an agent: the bot stays quiet from now on.
	Take(ctx context.Context, sessionID, agent string) error
	// AgentSay delivers an agent's message to the customer.
	AgentSay(ctx context.Context, sessionID, agent, text string) error
	// Release returns the customer to the bot and tells them so.
	Release(ctx context.Context, sessionID string) error
	// Expire tells the customer nobody could take the conversation and shows the official routes.
	Expire(ctx context.Context, sessionID string) error
	// Transcript returns the last n turns of the conversation, oldest first.
	Transcript(ctx context.Context, sessionID string, n int) ([]store.Turn, error)
}

// FAQSearcher is the part of *faq.Set the assist command uses.
type FAQSearcher interface {
	Search(query, lang string, k int) []faq.Hit
}
