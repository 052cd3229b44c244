package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// Expired sessions and their transcripts leave the file within a purge interval, so a
// long-running server does not grow without bound.
func TestSQLitePurgesExpired(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return now }
	s.lastPurge.Store(now.UnixMilli())
	for i := 0; i < 5; i++ {
		id := fmt.Sprintf("old%d", i)
		if err := s.Put(ctx, Session{ID: id}, time.Minute); err != nil {
			t.Fatal(err)
		}
		if err := s.Append(ctx, id, Turn{From: "customer", Text: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	now = now.Add(2 * time.Minute)
	if err := s.Put(ctx, Session{ID: "new"}, time.Hour); err != nil {
		t.Fatal(err)
	}
	var sessions, turns int
	s.db.QueryRow(`SELECT COUNT(*) FROM sessions`).Scan(&sessions)
	s.db.QueryRow(`SELECT COUNT(*) FROM turns`).Scan(&turns)
	if sessions != 1 || turns != 0 {
		t.Errorf("after the purge: %d sessions and %d turns stored, want 1 and 0", sessions, turns)
	}
}

func BenchmarkSQLiteTurn(b *testing.B) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	sess := Session{ID: "bench", Lang: "ja", Tracking: []string{"443496171020"}}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sess.ID = fmt.Sprintf("s%d", i%1000)
		if _, err := s.Get(ctx, sess.ID); err != nil && err != ErrNotFound {
			b.Fatal(err)
		}
		if err := s.Put(ctx, sess, 30*time.Minute); err != nil {
			b.Fatal(err)
		}
		if err := s.Append(ctx, sess.ID, Turn{From: "customer", Text: "荷物が届かない"}); err != nil {
			b.Fatal(err)
		}
	}
}
