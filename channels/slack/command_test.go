package slack

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/toiawase/toiawase/faq"
)

// fakeFAQ answers every search with its hits, recording the language asked for.
type fakeFAQ struct {
	hits []faq.Hit
	lang string
}

func (f *fakeFAQ) Search(query, lang string, k int) []faq.Hit {
	f.lang = lang
	if k < len(f.hits) {
		return f.hits[:k]
	}
	return f.hits
}

// slash sends a signed /toiawase command and decodes the response Slack would show.
func slash(t *testing.T, d *Desk, text string) (code int, responseType, shown string, raw []byte) {
	t.Helper()
	form := url.Values{"command": {"/toiawase"}, "text": {text}, "user_id": {"U_AOI"}, "channel_id": {"C1"}, "trigger_id": {"t" + text}}
	w := serve(d, signed(t, "/slack/commands", "application/x-www-form-urlencoded", form.Encode(), time.Now()))
	var resp struct {
		ResponseType string `json:"response_type"`
		Text         string `json:"text"`
	}
	if w.Code == http.StatusOK {
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			t.Fatalf("response %q: %v", w.Body.String(), err)
		}
	}
	return w.Code, resp.ResponseType, resp.Text, w.Body.Bytes()
}

func TestTrackCommand(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
		notWant          []string
	}{
		{"valid Yamato number with its page", "ja", "track 4812-3456-7892",
			[]string{"*481234567892*", "ヤマト運輸", "チェックディジット一致", "<https://jizen.kuronekoyamato.co.jp/"}, nil},
		{"check digit fails: carriers whose shape matched, no link", "en", "track 481234567890",
			[]string{"*481234567890*", "Yamato Transport", "check digit does not match"}, []string{"<http"}},
		{"not a tracking number", "en", "track 12345", []string{"*12345*", "not the format of any carrier"}, nil},
		{"valid Japan Post S10 number", "en", "track ej123456785jp", []string{"*EJ123456785JP*", "valid"}, nil},
		{"no number: usage", "en", "track", []string{"Usage: `/toiawase track"}, nil},
		{"unknown verb: usage", "ja", "hello", []string{"使い方"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, api, _ := newTestDesk(t, tt.lang)
			code, rt, shown, _ := slash(t, d, tt.text)
			if code != http.StatusOK || rt != "ephemeral" {
				t.Fatalf("got %d %q, want 200 ephemeral", code, rt)
			}
			for _, w := range tt.want {
				if !strings.Contains(shown, w) {
					t.Errorf("answer %q lacks %q", shown, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(shown, w) {
					t.Errorf("answer %q has %q", shown, w)
				}
			}
			if len(api.calls) != 0 {
				t.Error("the command posted to Slack instead of answering in the response")
			}
		})
	}
}

func TestTrackGolden(t *testing.T) {
	d, _, _ := newTestDesk(t, "ja")
	golden(t, "track_valid_ja", d.command("track 481234567892"))
}

func sampleHits() []faq.Hit {
	mk := func(id, title, text string) faq.Hit {
		return faq.Hit{Answer: faq.Answer{ID: id, Title: title, Text: text,
			Links: []faq.Link{{Label: "Amazon help", URL: "https://www.amazon.co.jp/gp/help/customer/display.html"}}}}
	}
	return []faq.Hit{
		mk("redelivery", "Rearranging a delivery", "Use the carrier's redelivery page with the tracking number."),
		mk("find_number", "Finding the tracking number", "Open Your Orders and choose Track package."),
		mk("not_tracking", "The number does not track yet", "Tracking can start a day after shipping."),
		mk("returns", "Returns", "Start a return from Your Orders."),
	}
}

func TestFAQCommand(t *testing.T) {
	d, _, _ := newTestDesk(t, "en")
	f := &fakeFAQ{hits: sampleHits()}
	d.cfg.FAQ = f
	code, rt, shown, raw := slash(t, d, "faq 再配達したい")
	if code != http.StatusOK || rt != "ephemeral" {
		t.Fatalf("got %d %q", code, rt)
	}
	if f.lang != "ja" {
		t.Errorf("searched in %q, want ja for a Japanese question", f.lang)
	}
	if shown != "Rearranging a delivery / Finding the tracking number / The number does not track yet" {
		t.Errorf("text %q, want the 3 top titles", shown)
	}
	if strings.Contains(string(raw), "Returns") {
		t.Error("more than 3 answers")
	}
	slash(t, d, "faq where is my parcel")
	if f.lang != "en" {
		t.Errorf("searched in %q, want en", f.lang)
	}
	golden(t, "faq_en", d.command("faq redelivery"))

	f.hits = nil
	if _, _, shown, _ := slash(t, d, "faq nothing"); shown != d.tx.get("faq_none") {
		t.Errorf("no hits: %q", shown)
	}
	d.cfg.FAQ = nil
	if _, _, shown, _ := slash(t, d, "faq anything"); shown != d.tx.get("faq_unavailable") {
		t.Errorf("no FAQ: %q", shown)
	}
}

// The assist command on the real, embedded FAQ.
func TestFAQCommandOnTheRealFAQ(t *testing.T) {
	set, err := faq.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ question, wantIntent string }{
		{"再配達を依頼したい", "redelivery"},
		{"how do I return an item", "returns"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			hits := set.Search(tt.question, detectLang(tt.question), 3)
			if len(hits) == 0 {
				t.Fatal("no hits")
			}
			d, _, _ := newTestDesk(t, "ja")
			d.cfg.FAQ = set
			m := d.command("faq " + tt.question)
			if !strings.Contains(m.Text, hits[0].Answer.Title) || len(m.Blocks) == 0 {
				t.Errorf("answer %q does not lead with %q", m.Text, hits[0].Answer.Title)
			}
			found := false
			for _, h := range hits {
				found = found || h.Answer.Intent == tt.wantIntent
			}
			if !found {
				t.Errorf("top 3 for %q are not about %s", tt.question, tt.wantIntent)
			}
		})
	}
}
