package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestMemorySweepsExpired: sessions nobody asks for again do not stay in memory; a
// write a minute after the last sweep drops the expired ones, and writes in between
// do not look through every session.
func TestMemorySweepsExpired(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	m := NewMemory(MemoryConfig{Now: func() time.Time { return now }})
	for i := range 100 {
		if err := m.Put(ctx, Session{ID: fmt.Sprint("old", i)}, time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	now = now.Add(2 * time.Minute)
	if err := m.Put(ctx, Session{ID: "new"}, time.Hour); err != nil {
		t.Fatal(err)
	}
	if n := len(m.entries); n != 1 {
		t.Fatalf("%d sessions in memory after the expired ones' sweep, want 1", n)
	}
	if err := m.Put(ctx, Session{ID: "short"}, time.Second); err != nil {
		t.Fatal(err)
	}
	now = now.Add(30 * time.Second)
	if err := m.Put(ctx, Session{ID: "other"}, time.Hour); err != nil {
		t.Fatal(err)
	}
	if n := len(m.entries); n != 3 {
		t.Fatalf("%d sessions in memory, want 3: no sweep within a minute of the last", n)
	}
	now = now.Add(31 * time.Second)
	if err := m.Put(ctx, Session{ID: "other"}, time.Hour); err != nil {
		t.Fatal(err)
	}
	if n := len(m.entries); n != 2 {
		t.Fatalf("%d sessions in memory a minute after the last sweep, want 2", n)
	}
}
