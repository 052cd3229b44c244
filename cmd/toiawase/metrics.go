package main

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// metrics counts HTTP requests by route and status class and serves them in the
// Prometheus text format at /metrics. One per Main; no global registry.
type metrics struct {
	start time.Time
	mu    sync.Mutex
	count map[string]uint64 // key: route "\x00" class
}

func newMetrics() *metrics { return &metrics{start: time.Now(), count: map[string]uint64{}} }

// route folds a path into the few routes the server has, so labels stay bounded.
func route(path string) string {
	for _, p := range []string{"/ws", "/api/v1/messages", "/voice/twiml", "/slack/", "/healthz", "/metrics"} {
		if path == p || (strings.HasSuffix(p, "/") && strings.HasPrefix(path, p)) {
			return p
		}
	}
	return "/"
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController (and the websocket upgrade) reach the real writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// wrap counts every request that passes through h.
func (m *metrics) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		status := sw.status
		if status == 0 {
			status = http.StatusSwitchingProtocols // hijacked: a websocket upgrade
		}
		key := route(r.URL.Path) + "\x00" + fmt.Sprintf("%dxx", status/100)
		m.mu.Lock()
		m.count[key]++
		m.mu.Unlock()
	})
}

func (m *metrics) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	m.mu.Lock()
	keys := make([]string, 0, len(m.count))
	for k := range m.count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# HELP toiawase_http_requests_total HTTP requests by route and status class.\n")
	b.WriteString("# TYPE toiawase_http_requests_total counter\n")
	for _, k := range keys {
		r, c, _ := strings.Cut(k, "\x00")
		fmt.Fprintf(&b, "toiawase_http_requests_total{route=%q,code=%q} %d\n", r, c, m.count[k])
	}
	m.mu.Unlock()
	b.WriteString("# HELP toiawase_uptime_seconds Seconds since the server started.\n# TYPE toiawase_uptime_seconds gauge\n")
	fmt.Fprintf(&b, "toiawase_uptime_seconds %.0f\n", time.Since(m.start).Seconds())
	b.WriteString("# HELP toiawase_goroutines Goroutines now.\n# TYPE toiawase_goroutines gauge\n")
	fmt.Fprintf(&b, "toiawase_goroutines %d\n", runtime.NumGoroutine())
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	io.WriteString(w, b.String())
}
