package main

import (
	"context"
	"errors"
	"sync"

	"github.com/toiawase/toiawase/bot"
)

// SenderSet is the engine's Sender: it tries every registered channel sender in turn
// until one has the customer connected. Channels register while the server is built.
type SenderSet struct {
	mu      sync.RWMutex
	senders []bot.Sender
	// remote, when set (Redis), carries a push to the other instances when no local
	// channel has the customer.
	remote func(ctx context.Context, sessionID string, p bot.Push) error
}

// Add registers a channel's sender.
func (s *SenderSet) Add(x bot.Sender) {
	s.mu.Lock()
	s.senders = append(s.senders, x)
	s.mu.Unlock()
}

// Send delivers p to the session's customer through the first local sender that has
// them, or through the other instances when the store is shared.
func (s *SenderSet) Send(ctx context.Context, sessionID string, p bot.Push) error {
	err := s.sendLocal(ctx, sessionID, p)
	if errors.Is(err, bot.ErrNotConnected) && s.remote != nil {
		return s.remote(ctx, sessionID, p)
	}
	return err
}

func (s *SenderSet) sendLocal(ctx context.Context, sessionID string, p bot.Push) error {
	s.mu.RLock()
	senders := append([]bot.Sender(nil), s.senders...)
	s.mu.RUnlock()
	for _, x := range senders {
		err := x.Send(ctx, sessionID, p)
		if err == nil || !errors.Is(err, bot.ErrNotConnected) {
			return err
		}
	}
	return bot.ErrNotConnected
}

// LateDesk is the engine's Desk before and after the Slack desk is wired: without one,
// hand-offs are refused with errNoDesk and the engine shows the official contact routes.
type LateDesk struct {
	mu   sync.RWMutex
	desk bot.Desk
}

var errNoDesk = errors.New("no agent desk configured")

// Set installs the real desk.
func (d *LateDesk) Set(x bot.Desk) {
	d.mu.Lock()
	d.desk = x
	d.mu.Unlock()
}

func (d *LateDesk) get() bot.Desk {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.desk
}

// Open hands a ticket to the desk.
func (d *LateDesk) Open(ctx context.Context, t bot.Ticket) error {
	if x := d.get(); x != nil {
		return x.Open(ctx, t)
	}
	return errNoDesk
}

// Forward passes a customer's message to the agent holding the conversation.
func (d *LateDesk) Forward(ctx context.Context, sessionID, text string) error {
	if x := d.get(); x != nil {
		return x.Forward(ctx, sessionID, text)
	}
	return errNoDesk
}
