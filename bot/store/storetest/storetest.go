// Package storetest is the conformance suite every store.Store implementation passes,
// in the manner of testing/slogtest: call Run from the implementation's own test with a
// constructor that returns a fresh, empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/toiawase/toiawase/bot/store"
)

// Run checks that the stores made by open behave as the store.Store contract says.
// open is called once per sub-test and must return an empty store.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"GetMissing", testGetMissing},
		{"PutGetRoundTrip", testRoundTrip},
		{"PutReplaces", testPutReplaces},
		{"Expiry", testExpiry},
		{"NoTTLKeeps", testNoTTL},
		{"Delete", testDelete},
		{"TranscriptOrderAndLimit", testTranscript},
		{"TranscriptMissing", testTranscriptMissing},
		{"Concurrent", testConcurrent},
		{"CancelledContext", testCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tt.fn(t, s)
		})
	}
}

func sample(id string) store.Session {
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	return store.Session{
		ID: id, Channel: "webchat", Lang: "ja", LangFixed: true,
		Pending: "carrier", PendingIntent: "track_package",
		Number: "443496171020", Carriers: []string{"yamato", "sagawa", "japanpost"},
		Misses: 1, Retries: 2, LastIntent: "track_package", Mode: "agent", Agent: "佐藤",
		Tracking: []string{"443496171020", "EG725089303JP"},
		Extra:    map[string]string{"slack_ts": "1700000000.000100"},
		Created:  now, Updated: now.Add(time.Minute),
	}
}

func testGetMissing(t *testing.T, s store.Store) {
	_, err := s.Get(context.Background(), "nope")
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get(missing) error = %v, want ErrNotFound", err)
	}
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	want := sample("s1")
	if err := s.Put(ctx, want, time.Hour); err != nil {
		t.Fatalf("Put: %v", err)
	}
	got, err := s.Get(ctx, "s1")
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if !got.Created.Equal(want.Created) || !got.Updated.Equal(want.Updated) {
		t.Errorf("times = %v/%v, want %v/%v", got.Created, got.Updated, want.Created, want.Updated)
	}
	got.Created, got.Updated = want.Created, want.Updated
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Get after Put:\n got %+v\nwant %+v", got, want)
	}
}

func testPutReplaces(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := sample("s1")
	if err := s.Put(ctx, a, time.Hour); err != nil {
		t.Fatal(err)
	}
	b := store.Session{ID: "s1", Lang: "en"}
	if err := s.Put(ctx, b, time.Hour); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Lang != "en" || got.Pending != "" || len(got.Carriers) != 0 || got.Mode != "" {
		t.Errorf("Put did not replace the whole session: %+v", got)
	}
}

func testExpiry(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.Put(ctx, sample("short"), 1500*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "short"); err != nil {
		t.Fatalf("Get right after Put: %v", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, err := s.Get(ctx, "short")
		if errors.Is(err, store.ErrNotFound) {
			return
		}
		if err != nil {
			t.Fatalf("Get: %v", err)
		}
		if time.Now().After(deadline) {
			t.Fatal("session still there 5s after a 1.5s TTL")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func testNoTTL(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.Put(ctx, sample("forever"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "forever"); err != nil {
		t.Fatalf("Get with ttl 0: %v", err)
	}
}

func testDelete(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.Put(ctx, sample("d"), time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := s.Append(ctx, "d", store.Turn{From: "customer", Text: "hi"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "d"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := s.Get(ctx, "d"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get after Delete: %v, want ErrNotFound", err)
	}
	turns, err := s.Transcript(ctx, "d", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(turns) != 0 {
		t.Errorf("transcript after Delete has %d turns, want 0", len(turns))
	}
	if err := s.Delete(ctx, "never-existed"); err != nil {
		t.Errorf("Delete(missing) = %v, want nil", err)
	}
}

func testTranscript(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.Put(ctx, sample("t"), time.Hour); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	var want []store.Turn
	for i := 0; i < 12; i++ {
		turn := store.Turn{At: base.Add(time.Duration(i) * time.Second), From: "customer", Text: fmt.Sprintf("メッセージ %d", i)}
		if i%2 == 1 {
			turn.From, turn.Agent = "agent", "佐藤"
		}
		if err := s.Append(ctx, "t", turn); err != nil {
			t.Fatal(err)
		}
		want = append(want, turn)
	}
	all, err := s.Transcript(ctx, "t", 0)
	if err != nil {
		t.Fatal(err)
	}
	checkTurns(t, "all", all, want)
	last, err := s.Transcript(ctx, "t", 5)
	if err != nil {
		t.Fatal(err)
	}
	checkTurns(t, "last 5", last, want[7:])
}

func checkTurns(t *testing.T, what string, got, want []store.Turn) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d turns, want %d", what, len(got), len(want))
	}
	for i := range want {
		if got[i].Text != want[i].Text || got[i].From != want[i].From || got[i].Agent != want[i].Agent || !got[i].At.Equal(want[i].At) {
			t.Errorf("%s: turn %d = %+v, want %+v", what, i, got[i], want[i])
		}
	}
}

func testTranscriptMissing(t *testing.T, s store.Store) {
	turns, err := s.Transcript(context.Background(), "nobody", 10)
	if err != nil {
		t.Fatalf("Transcript(missing) error = %v, want nil", err)
	}
	if len(turns) != 0 {
		t.Errorf("Transcript(missing) = %d turns, want 0", len(turns))
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	if err := s.Put(ctx, sample("c"), time.Hour); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				if err := s.Append(ctx, "c", store.Turn{From: "customer", Text: fmt.Sprintf("%d-%d", g, i)}); err != nil {
					errs <- err
				}
				sess := sample(fmt.Sprintf("c%d", g))
				sess.Misses = i
				if err := s.Put(ctx, sess, time.Hour); err != nil {
					errs <- err
				}
				if _, err := s.Get(ctx, sess.ID); err != nil {
					errs <- err
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent use: %v", err)
	}
	turns, err := s.Transcript(ctx, "c", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(turns) != 80 {
		t.Errorf("after 8x10 concurrent appends the transcript has %d turns, want 80", len(turns))
	}
}

func testCancelled(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Get(ctx, "x"); !errors.Is(err, context.Canceled) {
		t.Errorf("Get with a cancelled context: error = %v, want context.Canceled", err)
	}
}
