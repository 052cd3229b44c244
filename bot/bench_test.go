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
	cases := []struct{ name, text string }{
		{"tracking_number", "EJ595641907JP の荷物はどこですか"},
		{"faq_answer", "プライム会員を解約したいです"},
		{"english", "Where can I find my tracking number?"},
		{"unsure", "あのう、ちょっと"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			e, err := New(Config{Classifier: p.model, Content: p.content})
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
