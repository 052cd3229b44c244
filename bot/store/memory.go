package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// DefaultMaxTurns is how many transcript turns Memory keeps per session when
// MemoryConfig.MaxTurns is zero; older turns are dropped first.
const DefaultMaxTurns = 500

// errClosed is returned by a Memory store after Close.
var errClosed = errors.New("store: closed")

// MemoryConfig configures a Memory store. The zero value is usable.
type MemoryConfig struct {
	// Now is the clock used for expiry; nil means time.Now. Tests inject their own.
	Now func() time.Time
	// MaxTurns bounds each session's transcript; zero means DefaultMaxTurns.
	MaxTurns int
}

// Memory is a Store that keeps everything in this process's memory: for tests, the
// terminal chat and single-instance servers without a data directory. Expired sessions
// are dropped lazily (on access, and by a sweep on the first write a minute after the
// last sweep); it starts no goroutine.
type Memory struct {
	now      func() time.Time
	maxTurns int

	mu      sync.Mutex
	entries map[string]*memEntry
	swept   time.Time // the last sweep
	closed  bool
}

type memEntry struct {
	s       Session
	expires time.Time // zero: never
	turns   turnLog
}

// NewMemory returns an empty in-memory store.
func NewMemory(cfg MemoryConfig) *Memory {
	m := &Memory{now: cfg.Now, maxTurns: cfg.MaxTurns, entries: map[string]*memEntry{}}
	if m.now == nil {
		m.now = time.Now
	}
	if m.maxTurns <= 0 {
		m.maxTurns = DefaultMaxTurns
	}
	return m
}

// live returns the entry for id if it exists and has not expired; m.mu must be held.
func (m *Memory) live(id string, now time.Time) (*memEntry, bool) {
	e, ok := m.entries[id]
	if !ok {
		return nil, false
	}
	if !e.expires.IsZero() && !now.Before(e.expires) {
		delete(m.entries, id)
		return nil, false
	}
	return e, true
}

// Get returns the session, or ErrNotFound.
func (m *Memory) Get(ctx context.Context, id string) (Session, error) {
	if err := ctx.Err(); err != nil {
		return Session{}, fmt.Errorf("get session: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return Session{}, fmt.Errorf("get session: %w", errClosed)
	}
	e, ok := m.live(id, m.now())
	if !ok {
		return Session{}, fmt.Errorf("get session: %w", ErrNotFound)
	}
	return cloneSession(e.s), nil
}

// Put creates or replaces the session; it expires ttl after this call (0: never).
// A replaced session keeps its transcript.
func (m *Memory) Put(ctx context.Context, s Session, ttl time.Duration) error {
	if s.ID == "" {
		return fmt.Errorf("put session: empty id")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put session: %w", err)
	}
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return fmt.Errorf("put session: %w", errClosed)
	}
	e, ok := m.live(s.ID, now)
	if !ok {
		e = &memEntry{}
		m.entries[s.ID] = e
	}
	e.s = cloneSession(s)
	e.expires = time.Time{}
	if ttl > 0 {
		e.expires = now.Add(ttl)
	}
	if now.Sub(m.swept) >= sweepEvery {
		m.sweep(now)
	}
	return nil
}

// sweepEvery is how often Put looks through all the sessions for expired ones. (Every
// 256 writes, as before, cost a per cent of the web chat's CPU with a few thousand
// sessions, for memory that a minute's delay does not make matter.)
const sweepEvery = time.Minute

// sweep drops every expired entry; m.mu must be held.
func (m *Memory) sweep(now time.Time) {
	m.swept = now
	for id := range m.entries {
		m.live(id, now)
	}
}

// Delete removes the session and its transcript.
func (m *Memory) Delete(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.entries, id)
	return nil
}

// Append adds a turn to the session's transcript; the session must exist.
func (m *Memory) Append(ctx context.Context, id string, t Turn) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("append turn: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return fmt.Errorf("append turn: %w", errClosed)
	}
	e, ok := m.live(id, m.now())
	if !ok {
		return fmt.Errorf("append turn: %w", ErrNotFound)
	}
	e.turns.append(t)
	if e.turns.len() >= 2*m.maxTurns { // trim now and then, not on every append
		e.turns.keepLast(m.maxTurns)
	}
	return nil
}

// Transcript returns the last n turns (all when n <= 0), oldest first; none when the
// session does not exist.
func (m *Memory) Transcript(ctx context.Context, id string, n int) ([]Turn, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("transcript: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil, fmt.Errorf("transcript: %w", errClosed)
	}
	e, ok := m.live(id, m.now())
	if !ok {
		return nil, nil
	}
	keep := min(e.turns.len(), m.maxTurns)
	if n > 0 {
		keep = min(keep, n)
	}
	return e.turns.last(keep), nil
}

// Close drops everything; later calls fail.
func (m *Memory) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	m.entries = nil
	return nil
}

// cloneSession copies the slices and map so callers cannot change stored state.
func cloneSession(s Session) Session {
	s.Carriers = append([]string(nil), s.Carriers...)
	s.Tracking = append([]string(nil), s.Tracking...)
	if s.Extra != nil {
		x := make(map[string]string, len(s.Extra))
		for k, v := range s.Extra {
			x[k] = v
		}
		s.Extra = x
	}
	return s
}
