package webchat

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/toiawase/toiawase/bot"
)

// jsonFields lists the JSON names of t's fields, walking embedded structs and the
// element types of slices of structs, as "Outer.name".
func jsonFields(prefix string, t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			out = append(out, jsonFields(prefix, f.Type)...)
			continue
		}
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		out = append(out, prefix+name)
		if f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct {
			out = append(out, jsonFields(prefix+name+".", f.Type.Elem())...)
		}
	}
	return out
}

func TestReplyJSONWritesEveryField(t *testing.T) {
	want := []string{"type", "reply_to", "session_id", "text", "intent", "confidence",
		"tracking", "tracking.number", "tracking.carriers", "tracking.valid", "tracking.url",
		"orders", "quick_replies", "quick_replies.label", "quick_replies.value",
		"links", "links.label", "links.url", "handoff", "handoff_reason", "lang", "mode"}
	if got := jsonFields("", reflect.TypeOf(replyFrame{})); !slices.Equal(got, want) {
		t.Fatalf("the reply frame's JSON fields are now\n%v\nappendJSON writes\n%v\nteach appendJSON the change", got, want)
	}
}

func TestReplyJSON(t *testing.T) {
	full := bot.Reply{
		SessionID: "s1", Text: "EJ595641907JP は日本郵便の番号です。<a href=\"x\">&</a>\n次へ", Intent: "track_package",
		Confidence: 0.9731, Tracking: []bot.TrackingResult{
			{Number: "EJ595641907JP", Carriers: []string{"japanpost"}, Valid: true, URL: "https://trackings.post.japanpost.jp/?a=1&b=2"},
			{Number: "4434-9617-1021", Carriers: nil, Valid: false},
			{Number: "x", Carriers: []string{}},
		},
		Orders:       []string{"249-1234567-1234567"},
		QuickReplies: []bot.QuickReply{{Label: "担当者と話す", Value: "human"}, {Label: "", Value: ""}},
		Links:        []bot.Link{{Label: "注文履歴（Amazon）", URL: "https://www.amazon.co.jp/gp/css/order-history"}},
		Handoff:      true, HandoffReason: "requested", Lang: "ja", Mode: bot.ModeWaiting,
	}
	tests := []struct {
		name string
		f    replyFrame
	}{
		{"empty", replyFrame{}},
		{"typed", replyFrame{Type: typeReply, ReplyTo: "m1", Reply: bot.Reply{Text: "hello", Lang: "en"}}},
		{"full", replyFrame{Type: typeReply, ReplyTo: "m\"2", Reply: full}},
		{"empty lists", replyFrame{Type: typeReply, Reply: bot.Reply{Tracking: []bot.TrackingResult{}, Orders: []string{}, QuickReplies: []bot.QuickReply{}, Links: []bot.Link{}}}},
		{"tiny confidence", replyFrame{Type: typeReply, Reply: bot.Reply{Confidence: 3e-9}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := json.Marshal(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.f.appendJSON(nil); string(got) != string(want) {
				t.Fatalf("appendJSON wrote\n%s\nencoding/json writes\n%s", got, want)
			}
		})
	}
}

func FuzzReplyJSON(f *testing.F) {
	f.Add("荷物が届かない", "track_package", "https://example.com/?a=<b>", 0.5)
	f.Add("\xff\x00<>&\u2028", "", "", 1e-7)
	f.Fuzz(func(t *testing.T, text, intent, url string, conf float64) {
		fr := replyFrame{Type: typeReply, ReplyTo: intent, Reply: bot.Reply{
			Text: text, Intent: intent, Confidence: conf, Lang: "ja",
			Tracking:     []bot.TrackingResult{{Number: text, Carriers: []string{intent}, URL: url}},
			QuickReplies: []bot.QuickReply{{Label: text, Value: url}},
			Links:        []bot.Link{{Label: intent, URL: url}},
		}}
		want, err := json.Marshal(fr)
		if err != nil {
			return // NaN or an infinity: encode leaves those to encoding/json
		}
		if got := fr.appendJSON(nil); string(got) != string(want) {
			t.Fatalf("appendJSON wrote\n%s\nencoding/json writes\n%s", got, want)
		}
	})
}
