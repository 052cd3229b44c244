package loadtest

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/toiawase/toiawase/bot"
)

// FakeEngine stands in for the dialogue engine in load runs when the real one is not
// available: it answers at once with replies shaped like the engine's (greeting, a
// tracking result with quick replies, an answer with a link), keeping no state, so a
// run measures the channel alone. The load generator says when it is used.
type FakeEngine struct {
	next atomic.Uint64
}

// Handle answers one message.
func (e *FakeEngine) Handle(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
	if err := ctx.Err(); err != nil {
		return bot.Reply{}, err
	}
	id := in.SessionID
	if in.Action == bot.ActionStart && id == "" {
		id = "load-" + strconv.FormatUint(e.next.Add(1), 36)
	}
	r := bot.Reply{SessionID: id, Lang: "ja", Mode: bot.ModeBot}
	switch digits := digitsOf(in.Text); {
	case in.Action == bot.ActionStart:
		r.Text = "こんにちは。お荷物や配送についてお手伝いします。ご用件をお聞かせください。"
		r.QuickReplies = []bot.QuickReply{{Label: "荷物が届かない", Value: "missing_package"},
			{Label: "再配達", Value: "redelivery"}}
	case len(digits) == 12:
		r.Intent, r.Confidence = "track_package", 0.9
		r.Text = "お問い合わせ番号を確認しました。配送状況は下のリンクからご確認いただけます。"
		r.Tracking = []bot.TrackingResult{{Number: digits, Carriers: []string{"yamato", "sagawa"}, Valid: true}}
		r.QuickReplies = []bot.QuickReply{{Label: "再配達を依頼したい", Value: "redelivery"},
			{Label: "担当者と話したい", Value: "handoff"}}
	default:
		r.Intent, r.Confidence = "missing_package", 0.8
		r.Text = "ご不便をおかけしております。お問い合わせ番号（12桁）を教えていただけますか。"
		r.Links = []bot.Link{{Label: "配送状況の確認方法", URL: "https://www.amazon.co.jp/gp/help/customer/display.html"}}
	}
	return r, nil
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
