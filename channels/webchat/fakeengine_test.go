package webchat

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
)

// fakeEngine behaves like the dialogue engine for one scripted conversation: it asks
// for a tracking number when the parcel has not arrived, answers a 12-digit number with
// a tracking result and quick replies, keeps its state per session and a transcript.
type fakeEngine struct {
	mu       sync.Mutex
	next     int
	sessions map[string]*fakeSession
}

type fakeSession struct {
	pending string
	mode    string
	turns   []store.Turn
}

func newFakeEngine() *fakeEngine { return &fakeEngine{sessions: map[string]*fakeSession{}} }

var twelveDigits = regexp.MustCompile(`\d{12}`)

// actionLabel is the button text of a quick-reply value: what the customer saw.
func actionLabel(v string) string {
	switch v {
	case "missing_package":
		return "荷物が届かない"
	case "redelivery":
		return "再配達を依頼したい"
	case "handoff":
		return "担当者と話したい"
	}
	return v
}

func (e *fakeEngine) Handle(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if in.Action == bot.ActionStart {
		return e.start(in), nil
	}
	s, ok := e.sessions[in.SessionID]
	if !ok {
		return bot.Reply{}, bot.ErrUnknownSession
	}
	said := in.Text
	if said == "" {
		said = actionLabel(in.Action) // the transcript keeps what the customer saw
	}
	s.turns = append(s.turns, store.Turn{At: time.Now(), From: "customer", Text: said})
	if s.mode == bot.ModeAgent {
		return bot.Reply{SessionID: in.SessionID, Mode: bot.ModeAgent, Lang: "ja"}, nil
	}
	r := bot.Reply{SessionID: in.SessionID, Lang: "ja", Mode: bot.ModeBot}
	switch {
	case strings.Contains(in.Text, "荷物が届かない") || in.Action == "missing_package":
		s.pending = "tracking_number"
		r.Intent, r.Confidence = "missing_package", 0.93
		r.Text = "ご不便をおかけしております。お問い合わせ番号（12桁）を教えていただけますか。"
	case twelveDigits.MatchString(in.Text):
		n := twelveDigits.FindString(in.Text)
		s.pending = ""
		r.Intent, r.Confidence = "track_package", 0.88
		r.Text = "ヤマト運輸のお問い合わせ番号です。配送状況は下のリンクからご確認いただけます。"
		r.Tracking = []bot.TrackingResult{{Number: n, Carriers: []string{"yamato"}, Valid: true,
			URL: "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko"}}
		r.QuickReplies = []bot.QuickReply{{Label: "再配達を依頼したい", Value: "redelivery"},
			{Label: "担当者と話したい", Value: "handoff"}}
	case in.Action == "redelivery":
		r.Intent, r.Confidence = "redelivery", 1
		r.Text = "再配達はヤマト運輸の公式サイトからお申し込みいただけます。"
		r.Links = []bot.Link{{Label: "ヤマト運輸（公式サイト）", URL: "https://www.kuronekoyamato.co.jp/"}}
	case in.Action == "handoff":
		s.mode = bot.ModeAgent
		r.Intent, r.Handoff, r.Mode = "contact_support", true, bot.ModeWaiting
		r.Text = "担当者におつなぎします。少々お待ちください。"
	default:
		r.Intent, r.Confidence = "out_of_scope", 0.2
		r.Text = "申し訳ありません、うまく理解できませんでした。"
	}
	s.turns = append(s.turns, store.Turn{At: time.Now(), From: "bot", Text: r.Text})
	return r, nil
}

func (e *fakeEngine) start(in bot.Inbound) bot.Reply {
	if s, ok := e.sessions[in.SessionID]; ok {
		r := bot.Reply{SessionID: in.SessionID, Lang: "ja", Text: "おかえりなさい。続きからどうぞ。"}
		if s.pending == "tracking_number" {
			r.Text = "お問い合わせ番号（12桁）をお待ちしています。"
		}
		return r
	}
	e.next++
	id := fmt.Sprintf("sess-%04d", e.next)
	e.sessions[id] = &fakeSession{}
	r := bot.Reply{SessionID: id, Lang: "ja", Mode: bot.ModeBot,
		Text:         "こんにちは。お荷物や配送についてお手伝いします。ご用件をお聞かせください。",
		QuickReplies: []bot.QuickReply{{Label: "荷物が届かない", Value: "missing_package"}}}
	if in.Lang == "en" {
		r.Lang = "en"
		r.Text = "Hello. I can help with parcels and deliveries. How can I help?"
		r.QuickReplies = []bot.QuickReply{{Label: "My parcel hasn't arrived", Value: "missing_package"}}
	}
	e.sessions[id].turns = append(e.sessions[id].turns, store.Turn{At: time.Now(), From: "bot", Text: r.Text})
	return r
}

// Transcript implements History.
func (e *fakeEngine) Transcript(ctx context.Context, id string, n int) ([]store.Turn, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	s, ok := e.sessions[id]
	if !ok {
		return nil, bot.ErrUnknownSession
	}
	t := s.turns
	if n > 0 && len(t) > n {
		t = t[len(t)-n:]
	}
	return append([]store.Turn(nil), t...), nil
}
