package loadtest

import (
	"context"
	"math"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/toiawase/toiawase/channels/webchat"
)

func startChat(t testing.TB) string {
	t.Helper()
	srv, err := webchat.New(&FakeEngine{}, webchat.Config{MessagesPerSecond: 1e6, Burst: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { ts.Close(); srv.Shutdown(context.Background()) })
	return "ws" + strings.TrimPrefix(ts.URL, "http") + "/ws"
}

func startEcho(t testing.TB) string {
	t.Helper()
	ts := httptest.NewServer(Echo())
	t.Cleanup(ts.Close)
	return "ws" + strings.TrimPrefix(ts.URL, "http")
}

func TestRunCountsEveryAnswer(t *testing.T) {
	tests := []struct {
		name    string
		url     func(testing.TB) string
		welcome int
	}{
		{"chat", startChat, 2},
		{"echo", startEcho, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			r, err := Run(ctx, tt.url(t), Options{Sessions: 20, Messages: 5, Welcome: tt.welcome})
			if err != nil {
				t.Fatal(err)
			}
			if r.Sessions != 20 || r.Replies != 100 || r.Errors != 0 {
				t.Fatalf("result %+v: want 20 sessions and 100 answers, no errors", r)
			}
			if r.P50 <= 0 || r.P50 > r.P99 || r.P99 > r.Max || r.Rate() <= 0 {
				t.Fatalf("result %+v: latencies out of order", r)
			}
		})
	}
}

func TestRateLimitedAnswersCountAsErrors(t *testing.T) {
	srv, err := webchat.New(&FakeEngine{}, webchat.Config{MessagesPerSecond: 1, Burst: 2})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	defer srv.Shutdown(context.Background())
	r, err := Run(context.Background(), "ws"+strings.TrimPrefix(ts.URL, "http")+"/ws", Options{Sessions: 1, Messages: 5, Welcome: 2})
	if err != nil {
		t.Fatal(err)
	}
	if r.Replies+r.Errors != 5 || r.Errors == 0 { // the warm-up message used one token of the burst
		t.Fatalf("result %+v: want the rate-limited messages counted as errors", r)
	}
}

func TestIdleSessionsStayOpen(t *testing.T) {
	url := startChat(t)
	s, err := OpenIdle(context.Background(), url, 50, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Len() != 50 {
		t.Fatalf("%d idle sessions, want 50", s.Len())
	}
	if rss, err := RSS("self"); err != nil || rss <= 0 {
		t.Fatalf("RSS(self) = %d, %v", rss, err)
	}
}

// BenchmarkChatRoundTrip: one message and its answer through the web chat with the
// fake engine, 100 concurrent sessions. Compare with BenchmarkEchoRoundTrip.
func BenchmarkChatRoundTrip(b *testing.B) { benchRoundTrip(b, startChat(b), 2) }

// BenchmarkEchoRoundTrip: the same through a bare gorilla echo server.
func BenchmarkEchoRoundTrip(b *testing.B) { benchRoundTrip(b, startEcho(b), 0) }

func benchRoundTrip(b *testing.B, url string, welcome int) {
	const sessions = 100
	msgs := max(1, b.N/sessions)
	b.ResetTimer()
	r, err := Run(context.Background(), url, Options{Sessions: sessions, Messages: msgs, Welcome: welcome})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(r.Rate(), "msg/s")
	b.ReportMetric(float64(r.P99.Microseconds()), "p99-µs")
}

// TestSteadyRate: the steady rate counts only the window in which every session was
// under way, so staggered starts and ends do not dilute it.
func TestSteadyRate(t *testing.T) {
	ms := func(v ...int) []answer {
		var out []answer
		for _, x := range v {
			out = append(out, answer{at: time.Duration(x) * time.Millisecond})
		}
		return out
	}
	// Two sessions each answering every 100 ms; one starts 300 ms late and ends 300 ms
	// late. While both run (300 ms to 900 ms) they give 14 answers in 0.6 s.
	got := steadyRate([][]answer{ms(0, 100, 200, 300, 400, 500, 600, 700, 800, 900), ms(300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200)})
	if want := 14.0 / 0.6; math.Abs(got-want) > 1e-9 {
		t.Errorf("steady rate %.2f, want %.2f", got, want)
	}
	if got := steadyRate([][]answer{ms(0, 100), ms(200, 300)}); got != 0 {
		t.Errorf("sessions that never overlap: steady rate %.2f, want 0", got)
	}
	if got := steadyRate([][]answer{ms(0, 100), nil}); got != 0 {
		t.Errorf("a session without answers: steady rate %.2f, want 0", got)
	}
}

// TestPauseKeepsTheOfferedRate: a session's next message is due a think gap after the
// last one was sent, so a slow answer shortens the pause instead of lowering the rate
// the run offers, and an answer slower than the gap is followed at once.
func TestPauseKeepsTheOfferedRate(t *testing.T) {
	tests := []struct {
		gap, took, want time.Duration
	}{
		{30 * time.Millisecond, time.Millisecond, 29 * time.Millisecond},
		{30 * time.Millisecond, 0, 30 * time.Millisecond},
		{30 * time.Millisecond, 30 * time.Millisecond, 0},
		{30 * time.Millisecond, 45 * time.Millisecond, 0},
	}
	for _, tt := range tests {
		if got := pause(tt.gap, tt.took); got != tt.want {
			t.Errorf("gap %v, answer took %v: pause %v, want %v", tt.gap, tt.took, got, tt.want)
		}
	}
}
