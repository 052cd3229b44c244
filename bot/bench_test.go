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

// BenchmarkHandleMix is the engine's share of `make bench-ws`: 1,000 web-chat sessions,
// each saying the next of twelve everyday messages in turn (tracking and order
// numbers, FAQ questions, a phishing worry, a request for a person, thanks).
func BenchmarkHandleMix(b *testing.B) {
	p := realParts(b)
	texts := []string{
		"荷物が届かない", "お問い合わせ番号は 4812-3456-7893 です", "再配達をお願いしたいです",
		"追跡番号がどこに書いてあるかわかりません", "注文番号 249-1234567-1234567 の荷物はいまどこですか",
		"配達済みになっているのに届いていません", "返品の方法を教えてください",
		"Amazonを名乗るSMSが届いたのですが本物ですか", "Where is my parcel? The tracking number is 481234567893",
		"The tracking number says not found", "担当者と話したい", "ありがとうございました",
	}
	e, err := New(Config{Classifier: p.model, Content: p.content})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	const sessions = 1000
	ids := make([]string, sessions)
	for i := range ids {
		rep, err := e.Handle(ctx, Inbound{Action: ActionStart, Channel: ChannelWebchat})
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = rep.SessionID
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s := i % sessions
		in := Inbound{SessionID: ids[s], Channel: ChannelWebchat, Text: texts[(s+i/sessions)%len(texts)]}
		if _, err := e.Handle(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}
