package phone

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// parsedTwiML is what a TwiML document says, read back with encoding/xml.
type parsedTwiML struct {
	XMLName xml.Name `xml:"Response"`
	Say     []struct {
		Language string `xml:"language,attr"`
		Text     string `xml:",chardata"`
	} `xml:"Say"`
	Gather *struct {
		Input               string  `xml:"input,attr"`
		Action              string  `xml:"action,attr"`
		Method              string  `xml:"method,attr"`
		ActionOnEmptyResult string  `xml:"actionOnEmptyResult,attr"`
		FinishOnKey         *string `xml:"finishOnKey,attr"`
		NumDigits           string  `xml:"numDigits,attr"`
		Timeout             string  `xml:"timeout,attr"`
		Say                 []struct {
			Language string `xml:"language,attr"`
			Text     string `xml:",chardata"`
		} `xml:"Say"`
	} `xml:"Gather"`
	Hangup *struct{} `xml:"Hangup"`
}

func parseTwiML(t *testing.T, b []byte) parsedTwiML {
	t.Helper()
	var r parsedTwiML
	if err := xml.Unmarshal(b, &r); err != nil {
		t.Fatalf("not TwiML: %v\n%s", err, b)
	}
	return r
}

// twilio posts like Twilio: form fields, optionally signed.
type twilio struct {
	t     *testing.T
	url   string // the server's URL for the webhook
	token string // signs when set
	sid   string
}

func (c twilio) post(form url.Values, sig string) *http.Response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.url, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if sig != "" {
		req.Header.Set("X-Twilio-Signature", sig)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	return res
}

// press posts one Gather result (nil digits: the first request of the call) and returns the TwiML.
func (c twilio) press(digits *string) []byte {
	c.t.Helper()
	form := url.Values{"CallSid": {c.sid}, "From": {caller}, "To": {"+81312345678"}, "AccountSid": {"AC0000"}}
	if digits != nil {
		form.Set("Digits", *digits)
	}
	sig := ""
	if c.token != "" {
		sig = Signature(c.token, c.url, form)
	}
	res := c.post(form, sig)
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		c.t.Fatalf("status %d: %s", res.StatusCode, b)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/xml") {
		c.t.Errorf("Content-Type %q", ct)
	}
	return b
}

func keys(s string) *string { return &s }

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "twiml", name+".xml")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	parseTwiML(t, want) // the golden file itself must be TwiML
	if !bytes.Equal(got, want) {
		t.Errorf("TwiML differs from %s:\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

// TestWebhookCall runs a whole call through POST /voice/twiml and compares each answer
// with its golden file.
func TestWebhookCall(t *testing.T) {
	p := newTestPhone(t, &fakeDesk{})
	srv := httptest.NewServer(p.Webhook(WebhookConfig{}))
	defer srv.Close()
	c := twilio{t: t, url: srv.URL + "/voice/twiml", sid: "CA0001"}
	steps := []struct {
		golden string
		digits *string
		check  func(t *testing.T, r parsedTwiML)
	}{
		{"01_main_menu", nil, func(t *testing.T, r parsedTwiML) {
			g := r.Gather
			if g == nil || g.Input != "dtmf" || g.NumDigits != "1" || g.FinishOnKey == nil || *g.FinishOnKey != "" ||
				g.Action != "/voice/twiml" || g.Method != "POST" || g.ActionOnEmptyResult != "true" || g.Timeout != "6" {
				t.Errorf("menu gather %+v", g)
			}
			if len(g.Say) != 3 || g.Say[0].Language != "ja-JP" || g.Say[2].Language != "en-US" {
				t.Errorf("menu says %+v", g.Say)
			}
		}},
		{"02_track_entry", keys("1"), func(t *testing.T, r parsedTwiML) {
			if g := r.Gather; g == nil || *g.FinishOnKey != "#" || g.NumDigits != "12" || g.Timeout != "10" {
				t.Errorf("entry gather %+v", g)
			}
		}},
		{"03_bad_number", keys("443496171021"), func(t *testing.T, r parsedTwiML) {
			if !strings.Contains(r.Gather.Say[0].Text, menuText(t, "bad_number", "ja")) {
				t.Errorf("bad number not said: %+v", r.Gather.Say)
			}
		}},
		{"04_read_back", keys("443496171020"), func(t *testing.T, r parsedTwiML) {
			if !strings.Contains(r.Gather.Say[0].Text, "4 4 3 4、9 6 1 7、1 0 2 0") {
				t.Errorf("no read-back: %+v", r.Gather.Say)
			}
		}},
		{"05_carrier_menu", keys("1"), nil},
		{"06_answer", keys("1"), nil},
		{"07_silence_ends", keys(""), func(t *testing.T, r parsedTwiML) {
			if r.Hangup == nil || r.Gather != nil {
				t.Errorf("silence after an answer should say goodbye and hang up: %+v", r)
			}
		}},
	}
	for _, s := range steps {
		got := c.press(s.digits)
		r := parseTwiML(t, got)
		golden(t, s.golden, got)
		if s.check != nil {
			s.check(t, r)
		}
	}
}

func TestWebhookHandoffTwiML(t *testing.T) {
	tests := []struct {
		name string
		desk *fakeDesk
	}{
		{"08_operator_opened", &fakeDesk{}},
		{"09_operator_unavailable", &fakeDesk{err: io.ErrClosedPipe}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newTestPhone(t, tt.desk)
			srv := httptest.NewServer(p.Webhook(WebhookConfig{}))
			defer srv.Close()
			c := twilio{t: t, url: srv.URL + "/voice/twiml", sid: "CA" + tt.name}
			c.press(nil)
			got := c.press(keys("0"))
			r := parseTwiML(t, got)
			if r.Hangup == nil || r.Gather != nil || len(r.Say) == 0 {
				t.Errorf("a hand-off should speak and hang up: %s", got)
			}
			golden(t, tt.name, got)
		})
	}
}

func TestWebhookEnglish(t *testing.T) {
	p := newTestPhone(t, nil)
	srv := httptest.NewServer(p.Webhook(WebhookConfig{}))
	defer srv.Close()
	c := twilio{t: t, url: srv.URL + "/voice/twiml", sid: "CA-en"}
	c.press(nil)
	got := c.press(keys("9"))
	r := parseTwiML(t, got)
	if r.Gather.Say[0].Language != "en-US" || r.Gather.Say[2].Language != "ja-JP" {
		t.Errorf("English menu says %+v", r.Gather.Say)
	}
	golden(t, "10_english_menu", got)
}

// TestWebhookSignature: with an auth token, only requests signed for the URL Twilio
// called get an answer.
func TestWebhookSignature(t *testing.T) {
	const token = "test-auth-token"
	var logs bytes.Buffer
	l := logrus.New()
	l.SetOutput(&logs)
	p, err := New(Config{Answers: newTestAnswers(), Log: logrus.NewEntry(l)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p.Webhook(WebhookConfig{AuthToken: token}))
	defer srv.Close()
	u := srv.URL + "/voice/twiml"
	form := url.Values{"CallSid": {"CA-sig"}, "From": {caller}}
	c := twilio{t: t, url: u}
	tests := []struct {
		name string
		sig  string
		want int
	}{
		{"valid", Signature(token, u, form), http.StatusOK},
		{"wrong token", Signature("another-token", u, form), http.StatusForbidden},
		{"signed for another URL", Signature(token, u+"?x=1", form), http.StatusForbidden},
		{"garbage", "not-a-signature", http.StatusForbidden},
		{"missing", "", http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.post(form, tt.sig)
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tt.want {
				t.Fatalf("status %d, want %d: %s", res.StatusCode, tt.want, b)
			}
			if tt.want == http.StatusOK {
				parseTwiML(t, b)
			} else if bytes.Contains(b, []byte("<Response")) {
				t.Errorf("a rejected request got TwiML: %s", b)
			}
		})
	}
	// A tampered field (the keys) breaks the signature too.
	sig := Signature(token, u, form)
	tampered := url.Values{"CallSid": {"CA-sig"}, "From": {caller}, "Digits": {"0"}}
	if res := c.post(tampered, sig); res.StatusCode != http.StatusForbidden {
		t.Errorf("tampered form: status %d, want 403", res.StatusCode)
	}
	if strings.Contains(logs.String(), caller) {
		t.Errorf("the log holds the caller's number:\n%s", logs.String())
	}
}

// TestWebhookBehindProxy: Twilio signs the public URL; the server sees another host and
// a stripped prefix. PublicURL makes the check and the Gather action use the public one.
func TestWebhookBehindProxy(t *testing.T) {
	const token = "test-auth-token"
	const public = "https://voice.example.jp/toiawase"
	p := newTestPhone(t, nil)
	srv := httptest.NewServer(p.Webhook(WebhookConfig{AuthToken: token, PublicURL: public}))
	defer srv.Close()
	form := url.Values{"CallSid": {"CA-proxy"}, "From": {caller}}
	c := twilio{t: t, url: srv.URL + "/voice/twiml"}

	res := c.post(form, Signature(token, public+"/voice/twiml", form))
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("signed for the public URL: status %d: %s", res.StatusCode, b)
	}
	if r := parseTwiML(t, b); r.Gather.Action != public+"/voice/twiml" {
		t.Errorf("Gather action %q, want the public URL", r.Gather.Action)
	}
	if res := c.post(form, Signature(token, srv.URL+"/voice/twiml", form)); res.StatusCode != http.StatusForbidden {
		t.Errorf("signed for the inner URL: status %d, want 403", res.StatusCode)
	}
}

func TestWebhookRejectsBadRequests(t *testing.T) {
	p := newTestPhone(t, nil)
	srv := httptest.NewServer(p.Webhook(WebhookConfig{}))
	defer srv.Close()
	c := twilio{t: t, url: srv.URL + "/voice/twiml"}
	if res := c.post(url.Values{"From": {caller}}, ""); res.StatusCode != http.StatusBadRequest {
		t.Errorf("no CallSid: status %d, want 400", res.StatusCode)
	}
	res, err := http.Get(srv.URL + "/voice/twiml")
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: status %d, want 405", res.StatusCode)
	}
	big := url.Values{"CallSid": {"CA-big"}, "Digits": {strings.Repeat("1", 70<<10)}}
	if res := c.post(big, ""); res.StatusCode != http.StatusBadRequest {
		t.Errorf("oversized body: status %d, want 400", res.StatusCode)
	}
}

// A * inside an entry cut at its length: Twilio gets a silent Gather for the rest.
func TestWebhookEntryContinuesAfterStar(t *testing.T) {
	p := newTestPhone(t, nil)
	srv := httptest.NewServer(p.Webhook(WebhookConfig{}))
	defer srv.Close()
	c := twilio{t: t, url: srv.URL + "/voice/twiml", sid: "CA-star"}
	c.press(nil)
	c.press(keys("1"))
	got := c.press(keys("99*443496171"))
	r := parseTwiML(t, got)
	if r.Gather == nil || len(r.Gather.Say) != 0 || r.Gather.NumDigits != "3" || *r.Gather.FinishOnKey != "#" {
		t.Fatalf("want a silent gather of the last 3 digits:\n%s", got)
	}
	golden(t, "11_entry_continues", got)
	r = parseTwiML(t, c.press(keys("020")))
	if r.Gather == nil || !strings.Contains(r.Gather.Say[0].Text, "4 4 3 4、9 6 1 7、1 0 2 0") {
		t.Errorf("the continued entry is not read back: %+v", r)
	}
}

// Calls in parallel keep their own state.
func TestWebhookConcurrentCalls(t *testing.T) {
	p := newTestPhone(t, &fakeDesk{})
	srv := httptest.NewServer(p.Webhook(WebhookConfig{}))
	defer srv.Close()
	t.Run("calls", func(t *testing.T) {
		for i := 0; i < 20; i++ {
			number := "443496171020"
			if i%2 == 1 {
				number = "435075176056"
			}
			t.Run(strconv.Itoa(i), func(t *testing.T) {
				t.Parallel()
				c := twilio{t: t, url: srv.URL + "/voice/twiml", sid: "CA-par-" + strconv.Itoa(i)}
				c.press(nil)
				c.press(keys("1"))
				r := parseTwiML(t, c.press(keys(number)))
				want := SpokenNumber(number, LangFormat{DigitSep: " ", GroupSep: "、"})
				if r.Gather == nil || !strings.Contains(r.Gather.Say[0].Text, want) {
					t.Errorf("the caller did not hear their own number %s: %+v", want, r)
				}
			})
		}
	})
}

func TestWebhookLangQueryStartsInEnglish(t *testing.T) {
	p := newTestPhone(t, nil)
	srv := httptest.NewServer(p.Webhook(WebhookConfig{}))
	defer srv.Close()
	c := twilio{t: t, url: srv.URL + "/voice/twiml?lang=en", sid: "CA-lang"}
	r := parseTwiML(t, c.press(nil))
	if r.Gather == nil || r.Gather.Say[0].Language != "en-US" || r.Gather.Say[0].Text != menuText(t, "greeting", "en") {
		t.Errorf("a call to ?lang=en should start in English: %+v", r.Gather)
	}
	if r.Gather.Action != "/voice/twiml" {
		t.Errorf("action %q", r.Gather.Action)
	}
}
