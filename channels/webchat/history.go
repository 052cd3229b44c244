package webchat

import (
	"context"

	"github.com/toiawase/toiawase/bot/store"
)

// History is what the Server needs to replay a resumed conversation. The Handler given
// to New may implement it (the engine does); without it a resumed session shows only
// the engine's resume reply.
type History interface {
	// Transcript returns the last n turns of the session, oldest first, or an error
	// wrapping bot.ErrUnknownSession.
	Transcript(ctx context.Context, sessionID string, n int) ([]store.Turn, error)
}
