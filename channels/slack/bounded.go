package slack

import (
	"container/list"
	"sync"
)

// boundedMap is a map that forgets its least recently used entries past max.
// It is safe for concurrent use.
type boundedMap[V any] struct {
	mu    sync.Mutex
	max   int
	order *list.List // front: most recently used; values are *boundedEntry[V]
	items map[string]*list.Element
}

type boundedEntry[V any] struct {
	key string
	val V
}

func newBoundedMap[V any](max int) *boundedMap[V] {
	return &boundedMap[V]{max: max, order: list.New(), items: make(map[string]*list.Element)}
}

// get returns the value for key and marks it used.
func (m *boundedMap[V]) get(key string) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.items[key]; ok {
		m.order.MoveToFront(e)
		return e.Value.(*boundedEntry[V]).val, true
	}
	var zero V
	return zero, false
}

// put sets key to val, forgetting the least recently used entry when full.
func (m *boundedMap[V]) put(key string, val V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.putLocked(key, val)
}

func (m *boundedMap[V]) putLocked(key string, val V) {
	if e, ok := m.items[key]; ok {
		e.Value.(*boundedEntry[V]).val = val
		m.order.MoveToFront(e)
		return
	}
	m.items[key] = m.order.PushFront(&boundedEntry[V]{key: key, val: val})
	for m.order.Len() > m.max {
		old := m.order.Back()
		m.order.Remove(old)
		delete(m.items, old.Value.(*boundedEntry[V]).key)
	}
}

// firstTime records key and reports whether it was new: the de-duplication check.
func (m *boundedMap[V]) firstTime(key string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.items[key]; ok {
		m.order.MoveToFront(e)
		return false
	}
	var zero V
	m.putLocked(key, zero)
	return true
}

// forget removes key, so that a job that could not be queued can come again.
func (m *boundedMap[V]) forget(key string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.items[key]; ok {
		m.order.Remove(e)
		delete(m.items, key)
	}
}

func (m *boundedMap[V]) len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.order.Len()
}
