package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
)

// openStore builds the session store: Redis when REDIS_URL is set (several instances),
// otherwise the embedded SQLite file in m.DataDir, or memory when DataDir is empty.
func (m *Main) openStore(ctx context.Context) error {
	if url := m.Getenv("REDIS_URL"); url != "" {
		r, err := store.OpenRedis(ctx, url)
		if err != nil {
			return err
		}
		m.Store = r
		m.onClose(func(context.Context) error { return r.Close() })
		return m.bridgePushes(ctx, r)
	}
	if m.DataDir == "" {
		// Nothing to persist to: the in-memory store, which is faster than SQLite in memory.
		mem := store.NewMemory(store.MemoryConfig{})
		m.Store = mem
		m.onClose(func(context.Context) error { return mem.Close() })
		m.Log.WithField("store", "memory").Info("session store ready (sessions end with the process)")
		return nil
	}
	if err := os.MkdirAll(m.DataDir, 0o700); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	s, err := store.OpenSQLite(ctx, filepath.Join(m.DataDir, "toiawase.db"))
	if err != nil {
		return err
	}
	m.Store = s
	m.onClose(func(context.Context) error { return s.Close() })
	m.Log.WithField("store", "sqlite").Info("session store ready")
	return nil
}

// pushEnvelope is what crosses instances on the Redis bus.
type pushEnvelope struct {
	SessionID string   `json:"session_id"`
	Push      bot.Push `json:"push"`
}

// bridgePushes lets a push for a customer connected to another instance reach them:
// when no local channel has the session, the push is published, and every instance
// delivers what it receives to its own connections.
func (m *Main) bridgePushes(ctx context.Context, r *store.Redis) error {
	const topic = "push"
	m.Senders.remote = func(ctx context.Context, sessionID string, p bot.Push) error {
		b, err := json.Marshal(pushEnvelope{SessionID: sessionID, Push: p})
		if err != nil {
			return fmt.Errorf("encode push: %w", err)
		}
		return r.Publish(ctx, topic, b)
	}
	return r.Subscribe(ctx, topic, func(payload []byte) {
		var env pushEnvelope
		if err := json.Unmarshal(payload, &env); err != nil {
			m.Log.WithError(err).Warn("bad push on the bus")
			return
		}
		err := m.Senders.sendLocal(ctx, env.SessionID, env.Push)
		if err != nil && !errors.Is(err, bot.ErrNotConnected) {
			m.Log.WithError(err).Warn("delivering a push from the bus")
		}
	})
}
