package phone

import (
	"container/list"
	"sync"
	"time"
)

// CallStore keeps the State of calls in progress, keyed by CallSid, in memory. It is
// bounded (the least recently used call goes first when full) and expires calls lazily,
// on use: it starts no goroutine. Safe for concurrent use.
type CallStore struct {
	max int
	ttl time.Duration
	now func() time.Time

	mu    sync.Mutex
	order *list.List // of *callEntry, least recently used first
	calls map[string]*list.Element
}

type callEntry struct {
	sid     string
	state   State
	expires time.Time
}

// Default limits of a CallStore.
const (
	DefaultMaxCalls = 10000
	DefaultCallTTL  = 30 * time.Minute
)

// NewCallStore returns a store for up to max calls, each forgotten ttl after its last
// use. Zero values mean DefaultMaxCalls and DefaultCallTTL; a nil now means time.Now.
func NewCallStore(max int, ttl time.Duration, now func() time.Time) *CallStore {
	if max <= 0 {
		max = DefaultMaxCalls
	}
	if ttl <= 0 {
		ttl = DefaultCallTTL
	}
	if now == nil {
		now = time.Now
	}
	return &CallStore{max: max, ttl: ttl, now: now, order: list.New(), calls: map[string]*list.Element{}}
}

// Get returns the state of a call, if it is known and has not expired.
func (s *CallStore) Get(sid string) (State, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	el, ok := s.calls[sid]
	if !ok {
		return State{}, false
	}
	e := el.Value.(*callEntry)
	if !s.now().Before(e.expires) {
		s.remove(el)
		return State{}, false
	}
	return e.state, true
}

// Put stores the state of a call and renews its expiry.
func (s *CallStore) Put(sid string, st State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if el, ok := s.calls[sid]; ok {
		e := el.Value.(*callEntry)
		e.state, e.expires = st, now.Add(s.ttl)
		s.order.MoveToBack(el)
		return
	}
	// Expired calls sit at the front (all share one ttl): drop them, then make room.
	for el := s.order.Front(); el != nil; el = s.order.Front() {
		if now.Before(el.Value.(*callEntry).expires) && s.order.Len() < s.max {
			break
		}
		s.remove(el)
	}
	s.calls[sid] = s.order.PushBack(&callEntry{sid: sid, state: st, expires: now.Add(s.ttl)})
}

// Delete forgets a call.
func (s *CallStore) Delete(sid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.calls[sid]; ok {
		s.remove(el)
	}
}

// Len is the number of calls held, expired ones included until they are met.
func (s *CallStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.order.Len()
}

func (s *CallStore) remove(el *list.Element) {
	s.order.Remove(el)
	delete(s.calls, el.Value.(*callEntry).sid)
}
