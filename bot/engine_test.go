package bot

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/faq"
	"github.com/toiawase/toiawase/intents"
)

// rig is an engine on fakes (real tracking package), with its clock, desk and sender.
type rig struct {
	e      *Engine
	clock  *testClock
	desk   *fakeDesk
	sender *fakeSender
	store  store.Store
}

func newRig(t *testing.T, mod func(*Config)) *rig {
	t.Helper()
	r := &rig{clock: newTestClock(), desk: &fakeDesk{}, sender: &fakeSender{}}
	r.store = store.NewMemory(store.MemoryConfig{Now: r.clock.Now})
	cfg := Config{Classifier: newFakeClassifier(), Content: fakeContent{}, Store: r.store,
		Desk: r.desk, Sender: r.sender, Now: r.clock.Now}
	if mod != nil {
		mod(&cfg)
	}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r.e = e
	return r
}

// conv is one conversation with the rig's engine.
type conv struct {
	t  *testing.T
	r  *rig
	id string
}

func (r *rig) conv(t *testing.T) *conv { return &conv{t: t, r: r} }

func (c *conv) send(in Inbound) Reply {
	c.t.Helper()
	in.SessionID = c.id
	if in.Channel == "" {
		in.Channel = ChannelAPI
	}
	rep, err := c.r.e.Handle(context.Background(), in)
	if err != nil {
		c.t.Fatalf("Handle(%+v): %v", in, err)
	}
	c.id = rep.SessionID
	return rep
}

func (c *conv) say(text string) Reply  { c.t.Helper(); return c.send(Inbound{Text: text}) }
func (c *conv) press(v string) Reply   { c.t.Helper(); return c.send(Inbound{Action: v}) }
func (c *conv) session() store.Session { s, _ := c.r.e.Session(context.Background(), c.id); return s }

func values(qs []QuickReply) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Value)
	}
	return out
}

func wantText(t *testing.T, rep Reply, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(rep.Text, p) {
			t.Fatalf("reply %q does not contain %q", rep.Text, p)
		}
	}
}

func TestBareNumberFirstMessageIsTracking(t *testing.T) {
	c := newRig(t, nil).conv(t)
	rep := c.say("EJ595641907JP")
	wantText(t, rep, "ja:tracking_result", "number=EJ595641907JP", "url=https://")
	if rep.Intent != intents.TrackPackage || len(rep.Tracking) != 1 || rep.Tracking[0].URL == "" || rep.Links[0].URL != rep.Tracking[0].URL {
		t.Fatalf("reply = %+v, want a track_package result with the Japan Post link", rep)
	}
	if len(c.id) < 22 {
		t.Fatalf("session id %q is shorter than 16 random bytes in base64", c.id)
	}
}

func TestSlotFillingContinuesTheSameFlow(t *testing.T) {
	c := newRig(t, nil).conv(t)
	rep := c.say("再配達をお願いしたい")
	wantText(t, rep, "ja:ask_tracking_number")
	if s := c.session(); s.Pending != slotNumber || s.PendingIntent != intents.Redelivery {
		t.Fatalf("after the ask, session = %+v, want a pending tracking number for redelivery", s)
	}
	if !slices.Contains(values(rep.QuickReplies), "intent:find_number") {
		t.Fatalf("ask offers %v, want help finding the number", values(rep.QuickReplies))
	}
	rep = c.say("まだ分かりません")
	wantText(t, rep, "ja:ask_tracking_number") // asks again
	rep = c.say("EJ595641907JP です")
	wantText(t, rep, "ja:tracking_result", "ja:answer:redelivery")
	if rep.Intent != intents.Redelivery {
		t.Fatalf("intent = %q, want redelivery carried over from the first turn", rep.Intent)
	}
	if s := c.session(); s.Pending != "" || s.Number != "EJ595641907JP" {
		t.Fatalf("after the answer, session = %+v", s)
	}
	// the number is remembered: a later tracking question uses it
	rep = c.say("荷物はどこ？")
	wantText(t, rep, "ja:tracking_result", "number=EJ595641907JP")
}

func TestCarrierClarification(t *testing.T) {
	r := newRig(t, nil)
	c := r.conv(t)
	rep := c.say("4434-9617-1020")
	wantText(t, rep, "ja:ask_carrier number=4434-9617-1020")
	got := values(rep.QuickReplies)
	want := []string{"carrier:yamato", "carrier:sagawa", "carrier:japanpost"}
	if !slices.Equal(got, want) {
		t.Fatalf("carrier choices = %v, want %v", got, want)
	}
	rep = c.press("carrier:sagawa")
	wantText(t, rep, "ja:tracking_result", "carrier=佐川急便", "url=https://")
	// by name, in text
	c2 := r.conv(t)
	c2.say("443496171020")
	rep = c2.say("ヤマトです")
	wantText(t, rep, "carrier=ヤマト運輸")
}

func TestCheckDigitFailure(t *testing.T) {
	c := newRig(t, nil).conv(t)
	rep := c.say("954255503490 の荷物はどこ")
	wantText(t, rep, "ja:check_digit_failed number=9542-5550-3490")
	if len(rep.Tracking) != 1 || rep.Tracking[0].Valid {
		t.Fatalf("tracking = %+v, want one invalid number", rep.Tracking)
	}
	rep = c.say("9542-5550-3493")
	wantText(t, rep, "ja:ask_carrier")
}

func TestRepairedNumberIsConfirmed(t *testing.T) {
	c := newRig(t, nil).conv(t)
	rep := c.say("44349617IO2O")
	wantText(t, rep, "ja:looks_repaired number=4434-9617-1020")
	if !slices.Equal(values(rep.QuickReplies), []string{"track:443496171020"}) {
		t.Fatalf("quick replies = %v", values(rep.QuickReplies))
	}
	rep = c.say("はい")
	wantText(t, rep, "ja:ask_carrier")
	// pressing the button works the same
	c2 := newRig(t, nil).conv(t)
	c2.say("44349617IO2O")
	rep = c2.press("track:443496171020")
	wantText(t, rep, "ja:ask_carrier")
}

func TestOrderNumberInsteadOfTrackingNumber(t *testing.T) {
	c := newRig(t, nil).conv(t)
	c.say("荷物はどこですか")
	rep := c.say("249-1234567-1234567")
	wantText(t, rep, "ja:order_not_tracking order=249-1234567-1234567")
	if rep.Intent != intents.OrderVsTracking || !slices.Equal(rep.Orders, []string{"249-1234567-1234567"}) {
		t.Fatalf("reply = %+v", rep)
	}
	if s := c.session(); s.Pending != slotNumber {
		t.Fatalf("still waiting for the tracking number? pending = %q", s.Pending)
	}
}

func TestUnsureThenOfferHuman(t *testing.T) {
	c := newRig(t, nil).conv(t)
	rep := c.say("あのー、ちょっと")
	wantText(t, rep, "ja:unsure")
	want := []string{"intent:prime", "intent:returns", "faq:phishing"}
	if got := values(rep.QuickReplies); !slices.Equal(got, want) {
		t.Fatalf("topics = %v, want %v (classifier top, then faq search)", got, want)
	}
	rep = c.say("うーん")
	wantText(t, rep, "ja:offer_human")
	if got := values(rep.QuickReplies); len(got) == 0 || got[0] != "human" {
		t.Fatalf("second miss offers %v, want a person first", got)
	}
	rep = c.press("human")
	if !rep.Handoff || rep.HandoffReason != ReasonNotUnderstood || rep.Mode != ModeWaiting {
		t.Fatalf("reply = %+v, want a hand-off for not understanding", rep)
	}
}

func TestExplicitHumanRequest(t *testing.T) {
	r := newRig(t, nil)
	c := r.conv(t)
	c.say("EJ595641907JP")
	rep := c.say("人と話したいです")
	wantText(t, rep, "ja:handoff_started")
	if !rep.Handoff || rep.HandoffReason != ReasonRequested || rep.Mode != ModeWaiting {
		t.Fatalf("reply = %+v", rep)
	}
	if len(r.desk.tickets) != 1 {
		t.Fatalf("desk got %d tickets", len(r.desk.tickets))
	}
	tk := r.desk.tickets[0]
	if tk.Lang != "ja" || !slices.Equal(tk.Tracking, []string{"EJ595641907JP"}) || len(tk.Recent) != 3 ||
		tk.Recent[2].Text != "人と話したいです" || tk.Intent != intents.TrackPackage {
		t.Fatalf("ticket = %+v", tk)
	}
	// while waiting, the customer's words go to the desk and the bot stays quiet
	rep = c.say("よろしくお願いします")
	if rep.Text != "" || rep.Mode != ModeWaiting {
		t.Fatalf("reply while waiting = %+v, want silence", rep)
	}
	if !slices.Equal(r.desk.forwards, []string{"よろしくお願いします"}) {
		t.Fatalf("forwarded %v", r.desk.forwards)
	}
}

func TestHandoffWithoutDesk(t *testing.T) {
	r := newRig(t, func(c *Config) { c.Desk = nil })
	c := r.conv(t)
	rep := c.press("human")
	wantText(t, rep, "ja:handoff_unavailable")
	if rep.Handoff || rep.Mode != ModeBot || len(rep.Links) == 0 {
		t.Fatalf("reply = %+v, want no hand-off, mode bot and the official routes", rep)
	}
}

func TestSecretsAreRefusedAndNotKept(t *testing.T) {
	tests := []struct{ name, text, secret string }{
		{"card", "カードは 4111 1111 1111 1111 です", "4111"},
		{"password", "パスワードは abc12345 です", "abc12345"},
		{"one-time code", "認証コード 123456 が届きました", "123456"},
		{"english code", "my verification code is 987654", "987654"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, nil)
			c := r.conv(t)
			rep := c.say(tt.text)
			if !strings.Contains(rep.Text, ":sensitive_refused") || strings.Contains(rep.Text, tt.secret) {
				t.Fatalf("reply = %q, want a refusal without the secret", rep.Text)
			}
			turns, _ := r.e.Transcript(context.Background(), c.id, 0)
			for _, tr := range turns {
				if strings.Contains(tr.Text, tt.secret) {
					t.Fatalf("transcript keeps the secret: %q", tr.Text)
				}
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	r := newRig(t, nil)
	c := r.conv(t)
	rep := c.say("Where is my parcel?")
	if rep.Lang != "en" || !strings.HasPrefix(rep.Text, "en:") {
		t.Fatalf("English first message answered in %q: %q", rep.Lang, rep.Text)
	}
	rep = c.press("lang:ja")
	wantText(t, rep, "ja:lang_switched", "ja:ask_tracking_number") // and asks again
	rep = c.say("I would like a redelivery please")
	if rep.Lang != "ja" {
		t.Fatalf("a chosen language switched by itself to %q", rep.Lang)
	}
	// not chosen: writing clearly in the other language switches
	c2 := r.conv(t)
	c2.say("こんにちは")
	rep = c2.say("Hello, where is my parcel")
	if rep.Lang != "en" {
		t.Fatalf("lang = %q, want en after a clearly English message", rep.Lang)
	}
	rep = c2.say("EJ595641907JP")
	if rep.Lang != "en" {
		t.Fatalf("a bare number switched the language to %q", rep.Lang)
	}
	// the client may ask for a language
	c3 := r.conv(t)
	rep = c3.send(Inbound{Text: "EJ595641907JP", Lang: "en"})
	if rep.Lang != "en" {
		t.Fatalf("lang = %q, want the client's en", rep.Lang)
	}
}

func TestLimits(t *testing.T) {
	r := newRig(t, func(c *Config) { c.MaxText = 10 })
	tests := []struct {
		name string
		in   Inbound
		want error
		text string
	}{
		{"empty", Inbound{Text: "  　"}, ErrEmpty, "ja:empty"},
		{"too long", Inbound{Text: "12345678901"}, ErrTooLong, "ja:too_long"},
		{"too long, English client", Inbound{Text: "12345678901", Lang: "en"}, ErrTooLong, "en:too_long"},
		{"unknown session", Inbound{SessionID: "nope", Text: "hi"}, ErrUnknownSession, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := r.e.Handle(context.Background(), tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if rep.Text != tt.text {
				t.Fatalf("text = %q, want %q", rep.Text, tt.text)
			}
		})
	}
}

func TestSessionExpiresAfterTTLAndResumesBefore(t *testing.T) {
	r := newRig(t, func(c *Config) { c.TTL = 10 * time.Minute })
	c := r.conv(t)
	c.say("荷物はどこ")
	r.clock.Add(9 * time.Minute)
	rep := c.press("start")
	wantText(t, rep, "ja:session_resumed", "ja:ask_tracking_number")
	r.clock.Add(10 * time.Minute)
	_, err := r.e.Handle(context.Background(), Inbound{SessionID: c.id, Text: "EJ595641907JP"})
	if !errors.Is(err, ErrUnknownSession) {
		t.Fatalf("after the TTL: err = %v, want ErrUnknownSession", err)
	}
}

func TestWelcome(t *testing.T) {
	c := newRig(t, nil).conv(t)
	rep := c.press("start")
	if rep.Text != "ja:welcome" || !slices.Equal(values(rep.QuickReplies), []string{"intent:track_package"}) {
		t.Fatalf("welcome = %+v", rep)
	}
}

func TestLogsCarryNoNumbersOrText(t *testing.T) {
	var buf bytes.Buffer
	l := logrus.New()
	l.SetOutput(&buf)
	l.SetLevel(logrus.DebugLevel)
	r := newRig(t, func(c *Config) { c.Log = logrus.NewEntry(l) })
	c := r.conv(t)
	c.say("荷物 EJ595641907JP はどこ")
	c.say("カード 4111111111111111")
	out := buf.String()
	for _, secret := range []string{"EJ595641907JP", "荷物", "4111111111111111", c.id} {
		if strings.Contains(out, secret) {
			t.Fatalf("log carries %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, "*********07JP") || !strings.Contains(out, "track_package") {
		t.Fatalf("log lacks the masked number or the intent:\n%s", out)
	}
}

func TestInfoLogHasTheTurnsAnOperatorWatches(t *testing.T) {
	var buf bytes.Buffer
	l := logrus.New()
	l.SetOutput(&buf)
	l.SetFormatter(&logrus.JSONFormatter{})
	r := newRig(t, func(c *Config) { c.Log = logrus.NewEntry(l) })
	c := r.conv(t)
	c.say("荷物 EJ595641907JP はどこ")
	if buf.Len() != 0 {
		t.Fatalf("an ordinary turn is logged at info level:\n%s", buf.String())
	}
	c.say("パスワードは abc12345 です")
	if !strings.Contains(buf.String(), `"secrets":["password"]`) {
		t.Fatalf("a refused secret is not logged at info level:\n%s", buf.String())
	}
}

func TestSetContentNeedsEveryMessage(t *testing.T) {
	r := newRig(t, nil)
	if err := r.e.SetContent(fakeContent{missing: "ask_carrier"}); err == nil || !strings.Contains(err.Error(), "ask_carrier") {
		t.Fatalf("SetContent without ask_carrier: err = %v", err)
	}
	_, err := New(Config{Classifier: newFakeClassifier(), Content: fakeContent{missing: "welcome"}})
	if err == nil {
		t.Fatal("New accepted content without the welcome message")
	}
}

func TestRealContentHasEveryMessage(t *testing.T) {
	set, err := faq.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := checkMessages(set); err != nil {
		t.Fatalf("the embedded FAQ lacks messages the engine renders: %v", err)
	}
}

func TestActions(t *testing.T) {
	tests := []struct {
		name, action, want string
	}{
		{"faq entry", "faq:prime", "ja:answer:prime"},
		{"unknown faq entry", "faq:nope", "ja:unsure"},
		{"intent", "intent:returns", "ja:answer:returns"},
		{"tracking intent asks for the number", "intent:redelivery", "ja:ask_tracking_number"},
		{"unknown intent", "intent:weather", "ja:unsure"},
		{"bad language", "lang:fr", "ja:unsure"},
		{"carrier without a number asks for it", "carrier:yamato", "ja:ask_tracking_number"},
		{"unknown carrier", "carrier:nope", "ja:unsure"},
		{"unknown action", "dance", "ja:unsure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newRig(t, nil).conv(t)
			if rep := c.press(tt.action); !strings.HasPrefix(rep.Text, tt.want) {
				t.Fatalf("%s -> %q, want %q", tt.action, rep.Text, tt.want)
			}
		})
	}
}

func TestPhoneNumberInsteadOfTrackingNumber(t *testing.T) {
	c := newRig(t, nil).conv(t)
	c.say("荷物はどこ")
	rep := c.say("090-1234-5678")
	wantText(t, rep, "ja:looks_like_phone")
	if s := c.session(); s.Pending != slotNumber {
		t.Fatalf("pending = %q, want still waiting for the number", s.Pending)
	}
}

func TestSlotGivesUpAfterThreeFailedAnswers(t *testing.T) {
	c := newRig(t, nil).conv(t)
	c.say("荷物はどこ")
	c.say("えっと")
	c.say("うーん")
	rep := c.say("なんだろう")
	if strings.Contains(rep.Text, "ask_tracking_number") || c.session().Pending != "" {
		t.Fatalf("third failed answer: %q, pending %q; want the slot given up", rep.Text, c.session().Pending)
	}
}

func TestConcurrentTurnsOfOneSession(t *testing.T) {
	r := newRig(t, nil)
	c := r.conv(t)
	c.say("こんにちは")
	done := make(chan error)
	for i := 0; i < 8; i++ {
		go func() {
			_, err := r.e.Handle(context.Background(), Inbound{SessionID: c.id, Text: "プライム"})
			done <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	turns, _ := r.e.Transcript(context.Background(), c.id, 0)
	if len(turns) != 2+8*2 {
		t.Fatalf("transcript has %d turns, want %d: a turn was lost", len(turns), 2+8*2)
	}
}

func TestWeakPredictionOffersTopics(t *testing.T) {
	c := newRig(t, nil).conv(t)
	rep := c.say("たぶん返品のこと")
	wantText(t, rep, "ja:unsure")
	if got := values(rep.QuickReplies); !slices.Equal(got, []string{"intent:returns", "intent:find_number", "faq:phishing"}) {
		t.Fatalf("topics = %v, want the weak guess first", got)
	}
	c2 := newRig(t, func(c *Config) { c.MinConfidence = 0.5 }).conv(t)
	wantText(t, c2.say("たぶん返品のこと"), "ja:answer:returns")
}

func TestElevenDigitNumberAsksAboutRegisteredMail(t *testing.T) {
	c := newRig(t, nil).conv(t)
	rep := c.say("179-62-24908-2")
	wantText(t, rep, "ja:ask_registered_mail")
	if got := values(rep.QuickReplies); !slices.Equal(got, []string{"carrier:japanpost", "carrier:dhl"}) {
		t.Fatalf("choices = %v", got)
	}
}

func TestNewPurposeKeepsTheOpenCarrierQuestion(t *testing.T) {
	c := newRig(t, nil).conv(t)
	c.say("443496171020")
	rep := c.say("再配達したいです")
	wantText(t, rep, "ja:ask_carrier")
	rep = c.press("carrier:yamato")
	wantText(t, rep, "ja:tracking_result", "ja:answer:redelivery")
	if rep.Intent != intents.Redelivery {
		t.Fatalf("intent = %q, want redelivery", rep.Intent)
	}
}
