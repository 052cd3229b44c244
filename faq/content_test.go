package faq

import (
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// These tests re-check the shipped content with their own rules, independently of the
// validation in Load, so that a bug in Load cannot hide a bad answer.

func TestEveryIntentHasAnAnswerInBothLanguages(t *testing.T) {
	s := mustDefault(t)
	for _, intent := range Intents() {
		for _, lang := range Langs() {
			a, ok := s.ForIntent(intent, lang)
			if !ok {
				t.Errorf("ForIntent(%s, %s): no answer", intent, lang)
				continue
			}
			if a.Intent != intent || a.Lang != lang || a.ID != intent {
				t.Errorf("ForIntent(%s, %s) = entry %s (%s, %s)", intent, lang, a.ID, a.Intent, a.Lang)
			}
		}
	}
	if _, ok := s.ForIntent("weather", "ja"); ok {
		t.Errorf("ForIntent(weather) found an answer")
	}
}

func TestEveryEntryIsComplete(t *testing.T) {
	s := mustDefault(t)
	if n := len(s.IDs()); n < 40 || n > 70 {
		t.Errorf("%d entries, want around 40-60", n)
	}
	for _, id := range s.IDs() {
		for _, lang := range Langs() {
			a, ok := s.Get(id, lang)
			if !ok {
				t.Errorf("%s: no %s answer", id, lang)
				continue
			}
			if strings.TrimSpace(a.Title) == "" || strings.TrimSpace(a.Text) == "" || strings.TrimSpace(a.Speech) == "" {
				t.Errorf("%s/%s: empty title, text or speech", id, lang)
			}
			if len(a.Choices) == 0 {
				t.Errorf("%s/%s: no follow-up choices", id, lang)
			}
		}
	}
}

var allowedHosts = regexp.MustCompile(`(^|\.)(amazon\.co\.jp|kuronekoyamato\.co\.jp|sagawa-exp\.co\.jp|japanpost\.jp|dhl\.com|fedex\.com|ups\.com|antiphishing\.jp)$`)

func TestEveryLinkIsHTTPSOnAnOfficialDomain(t *testing.T) {
	s := mustDefault(t)
	check := func(where, raw string) {
		u, err := url.Parse(raw)
		if err != nil || u.Scheme != "https" || !allowedHosts.MatchString(u.Hostname()) {
			t.Errorf("%s: link %q is not https on an official domain", where, raw)
		}
	}
	for _, c := range s.Contacts() {
		if c.URL != "" {
			check("contacts "+c.Key, c.URL)
		}
	}
	urlIn := regexp.MustCompile(`[a-z]+://[^\s」）)]+`)
	for _, lang := range Langs() {
		for _, a := range s.Entries(lang) {
			for _, l := range a.Links {
				check(a.ID, l.URL)
				if l.Label == "" {
					t.Errorf("%s/%s: link %s has no label", a.ID, lang, l.URL)
				}
			}
			for _, u := range urlIn.FindAllString(a.Text, -1) {
				check(a.ID+" text", u)
			}
		}
		for _, id := range s.MessageIDs() {
			m, _ := s.Message(id, lang, fakeArgs(s, id))
			for _, u := range urlIn.FindAllString(m, -1) {
				check("message "+id, u)
			}
		}
	}
}

// phoneNumber matches Japanese phone numbers as customers would see them.
var phoneNumber = regexp.MustCompile(`(?:^|[^\d-])(?:0\d{1,4}-\d{1,4}-\d{3,4}|0[5789]0\d{8}|0120\d{6}|0\d{9})(?:$|[^\d-])`)

func TestNoPhoneNumberOutsideTheContactsFile(t *testing.T) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == contactsPath {
			return err
		}
		files++
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(norm.NFKC.String(string(b)), "\n") {
			if m := phoneNumber.FindString(line); m != "" {
				t.Errorf("%s:%d: phone number %q outside contacts.yaml", p, i+1, strings.TrimSpace(m))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Errorf("walked %d files, want every entry file and messages.yaml", files)
	}
}

// The seed article gives Amazon two different free-dial numbers and two sets of hours.
// Neither may be published anywhere, contacts file included.
func TestConflictingSeedNumbersAreNotPublished(t *testing.T) {
	s := mustDefault(t)
	for _, c := range s.Contacts() {
		for _, bad := range []string{"899543", "999373"} {
			if strings.Contains(strings.ReplaceAll(c.Phone, "-", ""), bad) {
				t.Errorf("contact %s publishes a disputed number %s", c.Key, c.Phone)
			}
		}
	}
	for _, lang := range Langs() {
		for _, a := range s.Entries(lang) {
			for _, hours := range []string{"9:00", "21:00", "午前6時", "深夜0時"} {
				if strings.Contains(a.Text, hours) {
					t.Errorf("%s/%s states disputed opening hours %q", a.ID, lang, hours)
				}
			}
		}
	}
}

func TestEveryFollowUpLeadsSomewhere(t *testing.T) {
	s := mustDefault(t)
	for _, lang := range Langs() {
		for _, a := range s.Entries(lang) {
			for _, c := range a.Choices {
				if c.Label == "" || strings.ContainsRune(c.Label, 0) {
					t.Errorf("%s/%s: choice %s has no readable label (%q)", a.ID, lang, c.Value, c.Label)
				}
				switch {
				case strings.HasPrefix(c.Value, "faq:"):
					target, ok := s.Get(strings.TrimPrefix(c.Value, "faq:"), lang)
					if !ok {
						t.Errorf("%s/%s: choice %s leads nowhere", a.ID, lang, c.Value)
					} else if target.ID == a.ID {
						t.Errorf("%s/%s: choice leads back to itself", a.ID, lang)
					}
				case strings.HasPrefix(c.Value, "intent:"):
					if _, ok := s.ForIntent(strings.TrimPrefix(c.Value, "intent:"), lang); !ok {
						t.Errorf("%s/%s: choice %s names an intent without an answer", a.ID, lang, c.Value)
					}
				case c.Value == "human":
				default:
					t.Errorf("%s/%s: choice %q is not understood by the engine", a.ID, lang, c.Value)
				}
			}
		}
	}
}

func TestSpeechCanBeReadAloud(t *testing.T) {
	s := mustDefault(t)
	longNumber := regexp.MustCompile(`\d{5,}|\d,\d{3}`)
	for _, lang := range Langs() {
		for _, a := range s.Entries(lang) {
			sp := a.Speech
			if strings.Contains(sp, "http") || strings.Contains(sp, "www") || strings.Contains(sp, ".co.jp") {
				t.Errorf("%s/%s: speech carries a URL: %q", a.ID, lang, sp)
			}
			if strings.ContainsAny(sp, "/:%¥$@#*→「」()（）<>") {
				t.Errorf("%s/%s: speech carries a symbol: %q", a.ID, lang, sp)
			}
			if m := longNumber.FindString(sp); m != "" {
				t.Errorf("%s/%s: speech carries %q; spell long numbers digit by digit", a.ID, lang, m)
			}
			if lang == "ja" && strings.Contains(sp, "。 ") {
				t.Errorf("%s/ja: speech has a space after 。: %q", a.ID, sp)
			}
			if len([]rune(sp)) > len([]rune(a.Text)) {
				t.Errorf("%s/%s: speech is longer than the text", a.ID, lang)
			}
		}
	}
}

func TestJapaneseHasNoHalfWidthKatakana(t *testing.T) {
	s := mustDefault(t)
	halfWidth := regexp.MustCompile(`[\x{FF61}-\x{FF9F}]`)
	for _, a := range s.Entries("ja") {
		for _, f := range []string{a.Title, a.Text, a.Speech} {
			if m := halfWidth.FindString(f); m != "" {
				t.Errorf("%s: half-width katakana %q", a.ID, m)
			}
		}
	}
	for _, id := range s.MessageIDs() {
		m, _ := s.Message(id, "ja", fakeArgs(s, id))
		if halfWidth.MatchString(m) {
			t.Errorf("message %s: half-width katakana", id)
		}
	}
}

// TestSellerFiguresMatchTheSeed pins the figures of the seller help page: a change to
// any of them must be a deliberate edit of both the data and this test.
func TestSellerFiguresMatchTheSeed(t *testing.T) {
	s := mustDefault(t)
	cases := []struct{ id, lang, want string }{
		{"seller_tracking", "ja", "95%"},
		{"seller_rate_rule", "ja", "30日間で95%未満"},
		{"seller_threshold", "ja", "2,000円以上"},
		{"seller_threshold", "ja", "1,000円以上"},
		{"seller_threshold", "ja", "消費税抜き・配送料込み"},
		{"seller_four_hours", "ja", "4時間以内"},
		{"seller_fix_tracking", "ja", "72時間"},
		{"seller_benefits", "ja", "1.7倍"},
		{"seller_exempt", "ja", "デジタル商材"},
		{"seller_exempt", "ja", "日本通運"},
		{"seller_carriers", "ja", "Yun Express"},
		{"seller_threshold", "en", "2,000 yen"},
		{"seller_rate_rule", "en", "95%"},
		{"seller_four_hours", "en", "4 hours"},
		{"seller_fix_tracking", "en", "72 hours"},
	}
	for _, c := range cases {
		a, ok := s.Get(c.id, c.lang)
		if !ok || !strings.Contains(a.Text, c.want) {
			t.Errorf("%s/%s does not state %q", c.id, c.lang, c.want)
		}
	}
}

func TestAnswersAreCopies(t *testing.T) {
	s := mustDefault(t)
	a, _ := s.Get("find_number", "ja")
	a.Choices[0].Value = "changed"
	a.Links[0].URL = "changed"
	b, _ := s.Get("find_number", "ja")
	if b.Choices[0].Value == "changed" || b.Links[0].URL == "changed" {
		t.Errorf("changing a returned Answer changed the Set")
	}
}

func TestUnknownLanguageFallsBackToJapanese(t *testing.T) {
	s := mustDefault(t)
	a, ok := s.Get("find_number", "fr")
	if !ok || a.Lang != "ja" {
		t.Errorf("Get(find_number, fr) = %v, %v; want the Japanese answer", a.Lang, ok)
	}
	if _, ok := s.Get("nowhere", "ja"); ok {
		t.Errorf("Get(nowhere) found an entry")
	}
}
