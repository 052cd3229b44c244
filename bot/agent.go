package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/toiawase/toiawase/bot/store"
)

// The agent desk API: what the Slack desk calls to move a handed-off conversation
// through its modes (bot -> waiting -> agent -> bot, or waiting -> bot when nobody takes it).

// Take gives the conversation to agent (display name): mode agent, and the customer is
// told that a person joined.
func (e *Engine) Take(ctx context.Context, sessionID, agent string) error {
	return e.deskStep(ctx, sessionID, "take", func(s *store.Session) (Push, bool, error) {
		s.Mode, s.Agent = ModeAgent, agent
		text, err := e.contentNow().Message("agent_joined", s.Lang, msgArgs{agent: agent}.m())
		return Push{Type: FromSystem, Text: text}, true, err
	})
}

// AgentSay sends an agent's message to the customer and keeps it in the transcript. An
// agent speaking in a waiting conversation takes it. It fails with ErrNotHandedOff when
// the conversation is back with the bot.
func (e *Engine) AgentSay(ctx context.Context, sessionID, agent, text string) error {
	return e.deskStep(ctx, sessionID, "agent say", func(s *store.Session) (Push, bool, error) {
		if s.Mode != ModeWaiting && s.Mode != ModeAgent {
			return Push{}, false, ErrNotHandedOff
		}
		s.Mode, s.Agent = ModeAgent, agent
		return Push{Type: FromAgent, Text: text, Agent: agent}, true, nil
	})
}

// Release gives the conversation back to the bot; the customer is told the agent left.
// Releasing a conversation the bot already holds does nothing.
func (e *Engine) Release(ctx context.Context, sessionID string) error {
	return e.deskStep(ctx, sessionID, "release", func(s *store.Session) (Push, bool, error) {
		if s.Mode != ModeWaiting && s.Mode != ModeAgent {
			return Push{}, false, nil
		}
		s.Mode, s.Agent = ModeBot, ""
		text, err := e.contentNow().Message("agent_left", s.Lang, msgArgs{}.m())
		return Push{Type: FromSystem, Text: text}, true, err
	})
}

// Expire ends a hand-off nobody took: the customer is told so, with the official contact
// routes, and the bot answers again. It does nothing unless the conversation is waiting
// (an agent may have taken it in the meantime).
func (e *Engine) Expire(ctx context.Context, sessionID string) error {
	return e.deskStep(ctx, sessionID, "expire", func(s *store.Session) (Push, bool, error) {
		if s.Mode != ModeWaiting {
			return Push{}, false, nil
		}
		s.Mode, s.Agent = ModeBot, ""
		text, err := e.contentNow().Message("nobody_answered", s.Lang, msgArgs{}.m())
		return Push{Type: FromSystem, Text: text}, true, err
	})
}

// Transcript returns the last n turns of a conversation (all when n <= 0), oldest first,
// or ErrUnknownSession.
func (e *Engine) Transcript(ctx context.Context, sessionID string, n int) ([]store.Turn, error) {
	if _, err := e.getSession(ctx, sessionID); err != nil {
		return nil, fmt.Errorf("transcript: %w", err)
	}
	turns, err := e.store.Transcript(ctx, sessionID, n)
	if err != nil {
		return nil, fmt.Errorf("transcript: %w", err)
	}
	return turns, nil
}

// Session returns a conversation's state, or ErrUnknownSession.
func (e *Engine) Session(ctx context.Context, id string) (store.Session, error) {
	s, err := e.getSession(ctx, id)
	if err != nil {
		return s, fmt.Errorf("session: %w", err)
	}
	return s, nil
}

// deskStep loads the session, lets change update it and say what to push, stores it,
// keeps the push in the transcript and delivers it. A customer who is not connected
// (ErrNotConnected) is not an error: the turn is in the transcript.
func (e *Engine) deskStep(ctx context.Context, id, op string, change func(*store.Session) (Push, bool, error)) error {
	unlock := e.lock(id)
	s, err := e.getSession(ctx, id)
	if err != nil {
		unlock()
		return fmt.Errorf("%s: %w", op, err)
	}
	p, send, err := change(&s)
	if err != nil || !send {
		unlock()
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		return nil
	}
	s.Updated = e.now()
	p.Mode = s.Mode
	err = e.store.Put(ctx, s, e.ttl)
	if err == nil {
		err = e.store.Append(ctx, id, store.Turn{At: s.Updated, From: p.Type, Text: p.Text, Agent: p.Agent})
	}
	unlock()
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if e.sender == nil {
		e.logPush(id, op, ErrNotConnected)
		return nil
	}
	if err := e.sender.Send(ctx, id, p); err != nil {
		if errors.Is(err, ErrNotConnected) {
			e.logPush(id, op, err)
			return nil
		}
		return fmt.Errorf("%s: push: %w", op, err)
	}
	return nil
}

func (e *Engine) logPush(id, op string, err error) {
	if e.log != nil {
		e.log.WithError(err).WithFields(map[string]any{"session": shortID(id), "op": op}).Info("customer not connected; kept in the transcript")
	}
}
