package slack

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/intents"
)

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"<@U123> hello":                       "hello",
		"see <https://example.jp/a|the page>": "see the page (https://example.jp/a)",
		"<https://example.jp/>":               "https://example.jp/",
		"a &amp; b &lt;c&gt;":                 "a & b <c>",
		"<!here> ask <#C1|support>":           "ask #support",
		"<mailto:a@b.jp|a@b.jp>":              "a@b.jp",
	} {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDetectLang(t *testing.T) {
	for in, want := range map[string]string{"再配達": "ja", "にもつ": "ja", "パスワード": "ja", "where is it": "en", "481234567892": "en"} {
		if got := detectLang(in); got != want {
			t.Errorf("detectLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTextsComplete(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		if _, err := loadTexts(lang); err != nil {
			t.Error(err)
		}
	}
	if _, err := loadTexts("fr"); !errors.Is(err, ErrConfig) {
		t.Errorf("unknown desk language: %v", err)
	}
}

func TestEveryIntentAndReasonHasAName(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		tx, err := loadTexts(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, label := range intents.Labels() {
			if tx.name("intent.", label) == label {
				t.Errorf("%s: no name for intent %q", lang, label)
			}
		}
		for _, r := range []string{bot.ReasonRequested, bot.ReasonNotUnderstood} {
			if tx.name("reason.", r) == r {
				t.Errorf("%s: no name for hand-off reason %q", lang, r)
			}
		}
		for _, c := range []string{bot.ChannelWebchat, bot.ChannelAPI, bot.ChannelPhone} {
			if tx.name("channel.", c) == c {
				t.Errorf("%s: no name for channel %q", lang, c)
			}
		}
		if got := tx.name("intent.", "brand_new_label"); got != "brand_new_label" {
			t.Errorf("unknown label shown as %q", got)
		}
	}
}

func TestBoundedMapForgetsOldest(t *testing.T) {
	m := newBoundedMap[int](3)
	for i := range 5 {
		m.put(fmt.Sprint(i), i)
	}
	if m.len() != 3 {
		t.Fatalf("len %d", m.len())
	}
	if _, ok := m.get("1"); ok {
		t.Error("kept an old entry")
	}
	if !m.firstTime("x") || m.firstTime("x") {
		t.Error("firstTime did not de-duplicate")
	}
}

func TestTicketBookForgetsFinishedFirst(t *testing.T) {
	b := newTicketBook(2)
	add := func(id string) {
		b.add(ticket{Ticket: bot.Ticket{SessionID: id}, SlackChannel: "C", TS: id, Opened: time.Unix(0, 0)})
	}
	add("a")
	add("b")
	b.finish("b", stateClosed, "")
	add("c")
	if _, ok := b.get("b"); ok {
		t.Error("finished ticket b kept while full")
	}
	if _, ok := b.get("a"); !ok {
		t.Error("waiting ticket a forgotten before finished b")
	}
	add("d")
	if b.len() != 2 {
		t.Errorf("len %d", b.len())
	}
	if _, ok := b.inThread("C", "d"); !ok {
		t.Error("newest ticket not found by thread")
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{"no bot token", Config{SigningSecret: "s", HandoffChannel: "C"}},
		{"neither app token nor signing secret", Config{BotToken: "x", HandoffChannel: "C"}},
		{"no hand-off channel", Config{BotToken: "x", SigningSecret: "s"}},
		{"unknown desk language", Config{BotToken: "x", SigningSecret: "s", HandoffChannel: "C", Lang: "fr"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.cfg, &fakeEngine{}); !errors.Is(err, ErrConfig) {
				t.Errorf("got %v, want ErrConfig", err)
			}
		})
	}
	if _, err := New(Config{BotToken: "x", AppToken: "xapp", HandoffChannel: "C"}, &fakeEngine{}); err != nil {
		t.Errorf("Socket Mode without a signing secret: %v", err)
	}
}
