package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/bot/store/storetest"
)

func TestMemoryConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return store.NewMemory(store.MemoryConfig{}) })
}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)} }

func TestMemorySessionRoundTrip(t *testing.T) {
	ctx := context.Background()
	m := store.NewMemory(store.MemoryConfig{})
	want := store.Session{ID: "s1", Lang: "ja", Pending: "carrier", Number: "443496171020",
		Carriers: []string{"yamato", "sagawa"}, Extra: map[string]string{"thread": "1.2"}}
	if err := m.Put(ctx, want, time.Minute); err != nil {
		t.Fatal(err)
	}
	got, err := m.Get(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Get = %+v, want %+v", got, want)
	}
	// Changing what Get returned must not change the stored session.
	got.Carriers[0] = "ups"
	got.Extra["thread"] = "x"
	again, _ := m.Get(ctx, "s1")
	if again.Carriers[0] != "yamato" || again.Extra["thread"] != "1.2" {
		t.Fatalf("stored session changed through a returned copy: %+v", again)
	}
	if _, err := m.Get(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get(missing) err = %v, want ErrNotFound", err)
	}
}

func TestMemoryExpiry(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	m := store.NewMemory(store.MemoryConfig{Now: c.Now})
	tests := []struct {
		name  string
		ttl   time.Duration
		after time.Duration
		alive bool
	}{
		{"before ttl", 30 * time.Minute, 29 * time.Minute, true},
		{"at ttl", 30 * time.Minute, 30 * time.Minute, false},
		{"no ttl never expires", 0, 1000 * time.Hour, true},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := fmt.Sprint("s", i)
			if err := m.Put(ctx, store.Session{ID: id}, tt.ttl); err != nil {
				t.Fatal(err)
			}
			if err := m.Append(ctx, id, store.Turn{From: "customer", Text: "hi"}); err != nil {
				t.Fatal(err)
			}
			c.Add(tt.after)
			_, err := m.Get(ctx, id)
			if alive := err == nil; alive != tt.alive {
				t.Fatalf("alive = %v (err %v), want %v", alive, err, tt.alive)
			}
			turns, err := m.Transcript(ctx, id, 0)
			if err != nil {
				t.Fatal(err)
			}
			if kept := len(turns) == 1; kept != tt.alive {
				t.Fatalf("transcript kept = %v, want %v", kept, tt.alive)
			}
		})
	}
}

func TestMemoryPutRenewsTTLAndKeepsTranscript(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	m := store.NewMemory(store.MemoryConfig{Now: c.Now})
	s := store.Session{ID: "s"}
	m.Put(ctx, s, 10*time.Minute)
	m.Append(ctx, "s", store.Turn{From: "customer", Text: "one"})
	c.Add(9 * time.Minute)
	m.Put(ctx, s, 10*time.Minute)
	c.Add(9 * time.Minute)
	turns, err := m.Transcript(ctx, "s", 0)
	if err != nil {
		t.Fatalf("session renewed by Put expired: %v", err)
	}
	if len(turns) != 1 || turns[0].Text != "one" {
		t.Fatalf("transcript = %+v, want the one turn kept across Put", turns)
	}
}

func TestMemoryTranscript(t *testing.T) {
	ctx := context.Background()
	m := store.NewMemory(store.MemoryConfig{MaxTurns: 3})
	m.Put(ctx, store.Session{ID: "s"}, 0)
	for i := 1; i <= 5; i++ {
		if err := m.Append(ctx, "s", store.Turn{From: "customer", Text: fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		n    int
		want []string
	}{
		{0, []string{"3", "4", "5"}}, // MaxTurns keeps the newest three
		{2, []string{"4", "5"}},
		{10, []string{"3", "4", "5"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint("n=", tt.n), func(t *testing.T) {
			turns, err := m.Transcript(ctx, "s", tt.n)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tr := range turns {
				got = append(got, tr.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Transcript(%d) = %v, want %v", tt.n, got, tt.want)
			}
		})
	}
	if err := m.Append(ctx, "missing", store.Turn{}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Append to a missing session: err = %v, want ErrNotFound", err)
	}
}

func TestMemoryDeleteAndClose(t *testing.T) {
	ctx := context.Background()
	m := store.NewMemory(store.MemoryConfig{})
	m.Put(ctx, store.Session{ID: "s"}, 0)
	m.Append(ctx, "s", store.Turn{Text: "x"})
	if err := m.Delete(ctx, "s"); err != nil {
		t.Fatal(err)
	}
	if err := m.Delete(ctx, "s"); err != nil {
		t.Fatalf("deleting a missing session: %v", err)
	}
	if turns, _ := m.Transcript(ctx, "s", 0); len(turns) != 0 {
		t.Fatalf("transcript after Delete has %d turns, want none", len(turns))
	}
	m.Close()
	if err := m.Put(ctx, store.Session{ID: "t"}, 0); err == nil {
		t.Fatal("Put after Close succeeded")
	}
}

func TestMemoryConcurrent(t *testing.T) {
	ctx := context.Background()
	m := store.NewMemory(store.MemoryConfig{MaxTurns: 1000})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprint("s", g%2)
			for i := 0; i < 200; i++ {
				m.Put(ctx, store.Session{ID: id, Retries: i}, time.Minute)
				m.Append(ctx, id, store.Turn{Text: "t"})
				m.Get(ctx, id)
				m.Transcript(ctx, id, 5)
			}
		}()
	}
	wg.Wait()
	turns, _ := m.Transcript(ctx, "s0", 0)
	if len(turns) != 4*200 {
		t.Fatalf("s0 has %d turns, want %d", len(turns), 4*200)
	}
}
