package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/bot/store/storetest"
)

func TestSQLiteConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "toiawase.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// A session written before a restart is there after it: the point of a file store.
func TestSQLiteSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "toiawase.db")
	s, err := store.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, store.Session{ID: "keep", Lang: "en", Pending: "tracking_number"}, time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := s.Append(ctx, "keep", store.Turn{From: "customer", Text: "where is my parcel"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := store.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Get(ctx, "keep")
	if err != nil {
		t.Fatalf("after reopen: %v", err)
	}
	if got.Pending != "tracking_number" || got.Lang != "en" {
		t.Errorf("after reopen the session is %+v", got)
	}
	turns, err := s2.Transcript(ctx, "keep", 0)
	if err != nil || len(turns) != 1 || turns[0].Text != "where is my parcel" {
		t.Errorf("after reopen transcript = %v, %v", turns, err)
	}
}
