package phone

import (
	"errors"
	"strings"
	"testing"
)

const caller = "+819012345678"

// TestScriptedCalls walks every branch of the embedded tree the way a caller does.
func TestScriptedCalls(t *testing.T) {
	ja := func(key string) string { return menuText(t, key, "ja") }
	en := func(key string) string { return menuText(t, key, "en") }
	const readBackJA = "4 4 3 4、9 6 1 7、1 0 2 0"
	const readBackEN = "4 4 3 4, 9 6 1 7, 1 0 2 0"
	tests := []struct {
		name   string
		lang   string
		keys   string
		want   []string
		hangup bool
	}{
		{"track: 12 digits fitting three carriers, caller picks Sagawa", "", "1,443496171020#,1,2",
			[]string{ja("greeting"), ja("main"), ja("track_entry"), "入力された番号は、" + readBackJA + "です。",
				"ヤマト運輸は1、佐川急便は2、日本郵便は3を押してください。",
				"佐川急便のお問い合わせ番号、" + readBackJA + "についてご案内します。", "〔track_packageの案内〕"}, false},
		{"track: the twelfth digit ends the entry without #", "", "1,443496171020,1,1",
			[]string{ja("track_entry"), readBackJA, "ヤマト運輸のお問い合わせ番号"}, false},
		{"track: a bad check digit is refused and the number entered again", "", "1,443496171021#,443496171020#",
			[]string{ja("track_entry"), ja("bad_number"), ja("track_entry"), readBackJA}, false},
		{"track: too short a number is refused", "", "1,1234#",
			[]string{ja("bad_number"), ja("track_entry")}, false},
		{"track: star clears the entry and asks again", "", "1,4434*#,443496171020#",
			[]string{ja("track_entry"), ja("cleared"), ja("track_entry"), readBackJA}, false},
		{"track: keys after a star continue the entry past its length", "", "1,99*443496171020#",
			[]string{ja("track_entry"), readBackJA}, false},
		{"track: 2 at the read-back enters the number again", "", "1,443496171020#,2,435075176056#",
			[]string{readBackJA, ja("track_entry"), "4 3 5 0、7 5 1 7、6 0 5 6"}, false},
		{"track: a number fitting one menu carrier names no carrier", "", "1,13112383852#,1",
			[]string{"1 3 1 1、2 3 8 3、8 5 2", "お問い合わせ番号、1 3 1 1、2 3 8 3、8 5 2についてご案内します。", "〔track_packageの案内〕"}, false},
		{"track: 9 when unsure of the carrier answers without naming one", "", "1,443496171020#,1,9",
			[]string{"わからない場合は、9を押してください。", "お問い合わせ番号、" + readBackJA + "についてご案内します。", "〔track_packageの案内〕"}, false},
		{"track: a carrier key not offered is invalid", "", "1,443496171020#,1,4",
			[]string{"ヤマト運輸は1", ja("invalid_key"), "ヤマト運輸は1"}, false},
		{"track: silence at the entry re-prompts", "", "1,",
			[]string{ja("track_entry"), ja("no_input"), ja("track_entry")}, false},
		{"redelivery: answer, repeat, then silence ends the call", "", "2,1,",
			[]string{"〔redeliveryの案内〕", ja("redelivery"), "〔redeliveryの案内〕", ja("goodbye"), "(hang up)"}, true},
		{"returns", "", "3", []string{"〔returnsの案内〕", ja("returns")}, false},
		{"prime", "", "4,1", []string{ja("services"), "〔primeの案内〕"}, false},
		{"kindle", "", "4,2", []string{ja("services"), "〔kindleの案内〕"}, false},
		{"amazon pay", "", "4,3", []string{ja("services"), "〔amazon_payの案内〕"}, false},
		{"services: 8 goes back to the main menu", "", "4,8", []string{ja("services"), ja("main")}, false},
		{"seller questions", "", "5", []string{"〔seller_trackingの案内〕"}, false},
		{"after an answer, 8 goes back to the main menu", "", "5,8", []string{"〔seller_trackingの案内〕", ja("main")}, false},
		{"star repeats the main menu", "", "*", []string{ja("main"), ja("main")}, false},
		{"invalid key is named and the menu repeated", "", "7", []string{ja("invalid_key"), ja("main")}, false},
		{"# at a menu is an invalid key", "", "#", []string{ja("invalid_key"), ja("main")}, false},
		{"silence at a menu re-prompts", "", ",", []string{ja("no_input"), ja("main"), ja("no_input"), ja("main")}, false},
		{"9 switches to English, then tracking reads the number in English", "", "9,1,443496171020#,1,3",
			[]string{en("greeting"), en("main"), ja("lang_hint"), en("track_entry"), "You entered " + readBackEN + ".",
				"For Yamato Transport, press 1. For Sagawa Express, press 2. For Japan Post, press 3.",
				"About Japan Post tracking number " + readBackEN + ".", "[track_package answer]"}, false},
		{"a call started in English offers Japanese with 9", "en", "9",
			[]string{en("greeting"), en("main"), ja("lang_hint"), ja("greeting"), ja("main"), en("lang_hint")}, false},
		{"English answer", "en", "2", []string{"[redelivery answer]", en("redelivery")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newTestPhone(t, &fakeDesk{})
			got := simulate(t, p, caller, tt.lang, tt.keys)
			inOrder(t, got, tt.want...)
			if hung := strings.Contains(got, "(hang up)"); hung != tt.hangup {
				t.Errorf("hung up: %v, want %v\n%s", hung, tt.hangup, got)
			}
		})
	}
}

// TestOperator covers the hand-off: asked for with 0 or after three failures, taken by
// the desk, refused by it, or impossible because the number is withheld.
func TestOperator(t *testing.T) {
	ja := func(key string) string { return menuText(t, key, "ja") }
	tests := []struct {
		name       string
		from       string
		deskErr    error
		keys       string
		want       []string
		wantTicket bool
		reason     string
		tracking   []string
	}{
		{"0 at the main menu opens a ticket", caller, nil, "0",
			[]string{ja("handoff_opened"), "(hang up)"}, true, ReasonAsked, nil},
		{"0 after a number hands the number over", caller, nil, "1,443496171020#,0",
			[]string{ja("handoff_opened")}, true, ReasonAsked, []string{"443496171020"}},
		{"three failures hand the call over", caller, nil, "7,,#",
			[]string{ja("invalid_key"), ja("no_input"), ja("invalid_key"), ja("too_many"), ja("handoff_opened")}, true, ReasonFailures, nil},
		{"three bad numbers hand the call over", caller, nil, "1,1#,2#,3#",
			[]string{ja("bad_number"), ja("bad_number"), ja("bad_number"), ja("too_many"), ja("handoff_opened")}, true, ReasonFailures, nil},
		{"no desk: told honestly, with the content's alternative", caller, errors.New("no agent desk configured"), "0",
			[]string{ja("handoff_unavailable"), "〔contact_supportの案内〕", ja("goodbye"), "(hang up)"}, false, "", nil},
		{"withheld number: nobody can call back", "anonymous", nil, "0",
			[]string{ja("handoff_no_caller"), "〔contact_supportの案内〕", ja("goodbye"), "(hang up)"}, false, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			desk := &fakeDesk{err: tt.deskErr}
			p := newTestPhone(t, desk)
			got := simulate(t, p, tt.from, "", tt.keys)
			inOrder(t, got, tt.want...)
			if strings.Contains(got, ja("handoff_opened")) != tt.wantTicket {
				t.Errorf("caller told of a hand-off: %v, want %v", !tt.wantTicket, tt.wantTicket)
			}
			tickets := desk.opened()
			if !tt.wantTicket {
				if len(tickets) != 0 {
					t.Errorf("tickets %+v, want none", tickets)
				}
				return
			}
			if len(tickets) != 1 {
				t.Fatalf("%d tickets, want 1", len(tickets))
			}
			tk := tickets[0]
			if tk.Channel != "phone" || tk.Caller != tt.from || tk.Lang != "ja" || tk.Reason != tt.reason || tk.SessionID != "CA-"+t.Name() {
				t.Errorf("ticket %+v", tk)
			}
			if strings.Join(tk.Tracking, ",") != strings.Join(tt.tracking, ",") {
				t.Errorf("ticket tracking %v, want %v", tk.Tracking, tt.tracking)
			}
		})
	}
}

// TestNoDeskAtAll is the simulator's case: a Phone without any desk.
func TestNoDeskAtAll(t *testing.T) {
	p := newTestPhone(t, nil)
	got := simulate(t, p, "", "en", "0")
	inOrder(t, got, menuText(t, "handoff_unavailable", "en"), "[contact_support answer]", menuText(t, "goodbye", "en"), "(hang up)")
}

func TestHandoffTicketCarriesThePath(t *testing.T) {
	desk := &fakeDesk{}
	p := newTestPhone(t, desk)
	simulate(t, p, caller, "", "4,1,0")
	tk := desk.opened()
	if len(tk) != 1 {
		t.Fatalf("%d tickets", len(tk))
	}
	if got, want := tk[0].Intent, "prime"; got != want {
		t.Errorf("intent %q, want %q", got, want)
	}
	var path []string
	for _, r := range tk[0].Recent {
		path = append(path, r.Text)
	}
	if got, want := strings.Join(path, " > "), "プライム、キンドル、アマゾンペイ > プライム > 担当者"; got != want {
		t.Errorf("path %q, want %q", got, want)
	}
}

func TestSpokenNumber(t *testing.T) {
	m, err := DefaultMenu()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ number, lang, want string }{
		{"443496171020", "ja", "4 4 3 4、9 6 1 7、1 0 2 0"},
		{"443496171020", "en", "4 4 3 4, 9 6 1 7, 1 0 2 0"},
		{"13112383852", "ja", "1 3 1 1、2 3 8 3、8 5 2"},
		{"1234", "en", "1 2 3 4"},
		{"", "en", ""},
	}
	for _, tt := range tests {
		if got := SpokenNumber(tt.number, m.Langs[tt.lang]); got != tt.want {
			t.Errorf("SpokenNumber(%q, %s) = %q, want %q", tt.number, tt.lang, got, tt.want)
		}
	}
}

// TestStepIsPure: the same state and event give the same result, and the input state is
// not changed.
func TestStepIsPure(t *testing.T) {
	p := newTestPhone(t, nil)
	tree := p.Tree()
	st, _ := tree.Step(State{}, Event{Kind: EventStart})
	st, _ = tree.Step(st, Digits("1"))
	st, _ = tree.Step(st, Digits("443496171020"))
	before := st
	a, ta := tree.Step(st, Digits("1"))
	b, tb := tree.Step(st, Digits("1"))
	if a.Node != b.Node || ta.Text() != tb.Text() || st.Node != before.Node || strings.Join(st.Carriers, ",") != strings.Join(before.Carriers, ",") {
		t.Errorf("Step is not pure: %+v / %+v", a, b)
	}
}
