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

// TestTurnLog: turns come back from the byte log as they went in (the instant, who
// spoke, the text, the agent), also after older ones were dropped.
func TestTurnLog(t *testing.T) {
	at := time.Date(2026, 11, 23, 18, 4, 5, 123456789, time.FixedZone("JST", 9*3600))
	in := []Turn{
		{At: at, From: "customer", Text: "荷物が届かない 4434-9617-1020"},
		{At: time.Time{}, From: "bot", Text: ""},
		{At: at.Add(time.Second), From: "agent", Text: "担当の佐藤です。", Agent: "佐藤"},
		{At: at.Add(2 * time.Second), From: "system", Text: "x"},
	}
	var l turnLog
	for _, turn := range in {
		l.append(turn)
	}
	check := func(got, want []Turn) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%d turns, want %d", len(got), len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if !g.At.Equal(w.At) || g.At.IsZero() != w.At.IsZero() || g.From != w.From || g.Text != w.Text || g.Agent != w.Agent {
				t.Errorf("turn %d = %+v, want %+v", i, g, w)
			}
		}
	}
	check(l.last(4), in)
	check(l.last(2), in[2:])
	l.keepLast(3)
	check(l.last(l.len()), in[1:])
	l.append(in[0])
	check(l.last(2), []Turn{in[3], in[0]})
}
