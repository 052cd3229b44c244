package phone

import (
	"fmt"
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestCallStoreExpires(t *testing.T) {
	c := &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	s := NewCallStore(10, time.Minute, c.now)
	s.Put("CA1", State{Node: "main"})
	c.t = c.t.Add(59 * time.Second)
	if st, ok := s.Get("CA1"); !ok || st.Node != "main" {
		t.Fatalf("Get before expiry = %+v, %v", st, ok)
	}
	s.Put("CA1", State{Node: "returns"}) // use renews the expiry
	c.t = c.t.Add(59 * time.Second)
	if st, ok := s.Get("CA1"); !ok || st.Node != "returns" {
		t.Fatalf("Get after renewal = %+v, %v", st, ok)
	}
	c.t = c.t.Add(time.Minute)
	if _, ok := s.Get("CA1"); ok {
		t.Error("an expired call is still there")
	}
	if n := s.Len(); n != 0 {
		t.Errorf("Len = %d after the expired call was met", n)
	}
}

func TestCallStoreIsBounded(t *testing.T) {
	c := &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	s := NewCallStore(3, time.Hour, c.now)
	for i := 1; i <= 3; i++ {
		s.Put(fmt.Sprintf("CA%d", i), State{Node: "main"})
		c.t = c.t.Add(time.Second)
	}
	s.Get("CA1") // reading does not save CA1: the least recently put goes first
	s.Put("CA2", State{Node: "returns"})
	s.Put("CA4", State{Node: "main"})
	if n := s.Len(); n != 3 {
		t.Errorf("Len = %d, want 3", n)
	}
	if _, ok := s.Get("CA1"); ok {
		t.Error("CA1, the oldest, should have made room")
	}
	for _, sid := range []string{"CA2", "CA3", "CA4"} {
		if _, ok := s.Get(sid); !ok {
			t.Errorf("%s was dropped", sid)
		}
	}
	s.Delete("CA3")
	if _, ok := s.Get("CA3"); ok {
		t.Error("Delete left CA3")
	}
}

func TestCallStoreDropsExpiredBeforeRecent(t *testing.T) {
	c := &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	s := NewCallStore(100, time.Minute, c.now)
	for i := 0; i < 50; i++ {
		s.Put(fmt.Sprintf("old%d", i), State{})
	}
	c.t = c.t.Add(2 * time.Minute)
	s.Put("new", State{Node: "main"})
	if n := s.Len(); n != 1 {
		t.Errorf("Len = %d, want 1: expired calls are dropped when a call is put", n)
	}
}

// A call whose state expired mid-call starts again at the top rather than failing.
func TestExpiredCallStartsOver(t *testing.T) {
	c := &clock{t: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
	p, err := New(Config{Answers: newTestAnswers(), CallTTL: time.Minute, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	p.Call(t.Context(), "CA1", caller, Event{Kind: EventStart})
	p.Call(t.Context(), "CA1", caller, Digits("1"))
	c.t = c.t.Add(2 * time.Minute)
	turn := p.Call(t.Context(), "CA1", caller, Digits("443496171020"))
	inOrder(t, turn.Text(), menuText(t, "greeting", "ja"), menuText(t, "main", "ja"))
}

func BenchmarkCall(b *testing.B) {
	p, err := New(Config{Answers: newTestAnswers()})
	if err != nil {
		b.Fatal(err)
	}
	ctx := b.Context()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sid := fmt.Sprintf("CA%d", i%1000)
		i++
		p.Call(ctx, sid, caller, Event{Kind: EventStart})
		p.Call(ctx, sid, caller, Digits("1"))
		p.Call(ctx, sid, caller, Digits("443496171020"))
		p.Call(ctx, sid, caller, Digits("1"))
		p.Call(ctx, sid, caller, Digits("1"))
	}
}
