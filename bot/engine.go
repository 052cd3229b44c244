package bot

import (
	"context"
	"errors"
)

// STUB: issue #4 replaces this file with the dialogue engine.

// Config configures an Engine. Zero values are usable.
type Config struct{}

// Engine is the dialogue engine.
type Engine struct{}

// New builds an engine.
func New(cfg Config) (*Engine, error) { return &Engine{}, nil }

// Handle answers one inbound message.
func (e *Engine) Handle(ctx context.Context, in Inbound) (Reply, error) {
	return Reply{}, errors.New("bot: engine not built yet")
}
