package bot

import (
	"context"
	"testing"
)

// BenchmarkHandle measures one full turn (normalise, redact, extract, classify, policy,
// render, store the session and two transcript turns) on the real model, FAQ and
// tracking table with the in-memory store. Target: ≤ 200 µs per turn on one core.
func BenchmarkHandle(b *testing.B) {
	p := realParts(b)
	cases := []struct {
		name, text string
		minConf    float64
	}{
		{"tracking_number", "EJ595641907JP の荷物はどこですか", 0},
		{"faq_answer", "プライム会員を解約したいです", 0},
		{"english", "Where can I find my tracking number?", 0},
		// every prediction counts as unsure: the fallback path with its FAQ search
		{"unsure_fallback", "届いた箱の件で相談があります", 0.9999999},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			e, err := New(Config{Classifier: p.model, Content: p.content, MinConfidence: c.minConf})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			rep, err := e.Handle(ctx, Inbound{Action: ActionStart, Channel: ChannelWebchat})
			if err != nil {
				b.Fatal(err)
			}
			in := Inbound{SessionID: rep.SessionID, Channel: ChannelWebchat, Text: c.text}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Handle(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
