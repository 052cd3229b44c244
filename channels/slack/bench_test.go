package slack

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// BenchmarkMask: one customer message of typical length with a tracking number, a phone
// number and an e-mail address.
func BenchmarkMask(b *testing.B) {
	s := "荷物 4812-3456-7892 が届きません。電話は 090-1234-5678、メールは taro@example.jp です。"
	b.ReportAllocs()
	for b.Loop() {
		Mask(s)
	}
}

// BenchmarkEventAck: how long Slack waits for the answer to an event: signature check,
// parse, de-duplication and queueing (the work itself happens later). Each iteration
// also signs the request as Slack would, so the figure is an upper bound.
func BenchmarkEventAck(b *testing.B) {
	d, _, _ := newTestDesk(b, "en")
	d.seen = newBoundedMap[struct{}](4096)
	mux := http.NewServeMux()
	d.Mount(mux)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		body := eventBody(fmt.Sprint("Ev", i), `{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"where is my parcel","ts":"1.1"}`)
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, signed(b, "/slack/events", "application/json", body, time.Now()))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d", w.Code)
		}
		<-d.jobs
	}
}
