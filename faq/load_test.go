package faq

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// embeddedCopy returns the embedded data as a MapFS that a test may change.
func embeddedCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func replaceIn(t *testing.T, m fstest.MapFS, file, old, new string) {
	t.Helper()
	f, ok := m[file]
	if !ok || !strings.Contains(string(f.Data), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	m[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
}

// extraEntry is a valid entry in its own file; each case breaks one thing in it.
const extraEntry = `entries:
  - id: extra_topic
    intent: track_package
    links: [amazon_orders]
    choices:
      - faq:track_package
    ja:
      title: 追加の話題
      text: 追加の本文です。
      speech: 追加の読み上げです。
    en:
      title: Extra topic
      text: Extra text.
      speech: Extra speech.
`

func TestLoadRejectsBrokenData(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(t *testing.T, m fstest.MapFS)
		want   []string // every string must appear in the error
	}{
		{"unknown intent label", func(t *testing.T, m fstest.MapFS) {
			replaceIn(t, m, "entries/prime.yaml", "intent: prime\n", "intent: primo\n")
		}, []string{"entries/prime.yaml", "entry prime", `unknown intent label "primo"`}},
		{"missing language", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(extraEntry[:strings.Index(extraEntry, "    en:")])}
		}, []string{"entries/extra.yaml", "entry extra_topic", "missing language en"}},
		{"duplicate id", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "extra_topic", "find_number_pc", 1))}
		}, []string{"entry find_number_pc", "duplicate id", "entries/extra.yaml", "entries/find_number.yaml"}},
		{"choice pointing nowhere", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "faq:track_package", "faq:nowhere", 1))}
		}, []string{"entries/extra.yaml", "entry extra_topic", `choice "faq:nowhere" points to no entry`}},
		{"choice to an unknown intent", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "faq:track_package", "intent:weather", 1))}
		}, []string{"entry extra_topic", `choice "intent:weather" names an unknown intent`}},
		{"unknown choice kind", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "faq:track_package", "https://example.com/", 1))}
		}, []string{"entry extra_topic", "neither faq:<id>, intent:<label> nor human"}},
		{"non-https link", func(t *testing.T, m fstest.MapFS) {
			replaceIn(t, m, "contacts.yaml", "url: https://www.amazon.co.jp/\n", "url: http://www.amazon.co.jp/\n")
		}, []string{"contacts.yaml", "entry amazon_top", "must use https"}},
		{"link off the allow-list", func(t *testing.T, m fstest.MapFS) {
			replaceIn(t, m, "contacts.yaml", "url: https://www.amazon.co.jp/\n", "url: https://amazon.co.jp.example.com/\n")
		}, []string{"contacts.yaml", "entry amazon_top", "not on the allow-list: amazon.co.jp.example.com"}},
		{"unknown contact key in links", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "[amazon_orders]", "[amazon_nowhere]", 1))}
		}, []string{"entries/extra.yaml", "entry extra_topic", `unknown contact key "amazon_nowhere"`}},
		{"unknown contact key in text", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "Extra text.", "See {{link:nowhere}}.", 1))}
		}, []string{"entry extra_topic", `text: unknown contact key "nowhere"`}},
		{"phone number outside contacts", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "追加の本文です。", "０１２０－１２３－４５６までお電話ください。", 1))}
		}, []string{"entry extra_topic", "phone numbers belong in contacts.yaml"}},
		{"half-width katakana", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "追加の本文です。", "ｱﾏｿﾞﾝの本文です。", 1))}
		}, []string{"entry extra_topic", "ja text: half-width katakana"}},
		{"URL in speech", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "Extra speech.", "Go to https://www.amazon.co.jp now", 1))}
		}, []string{"entry extra_topic", "en speech: a URL in speech"}},
		{"long number in speech", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "Extra speech.", "Your number is 443496171020", 1))}
		}, []string{"entry extra_topic", "five or more digits in speech"}},
		{"empty title", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "title: Extra topic", `title: ""`, 1))}
		}, []string{"entry extra_topic", "en title is empty"}},
		{"misspelt field", func(t *testing.T, m fstest.MapFS) {
			m["entries/extra.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(extraEntry, "title: Extra topic", "titel: Extra topic", 1))}
		}, []string{"entries/extra.yaml", "titel"}},
		{"intent without a main entry", func(t *testing.T, m fstest.MapFS) {
			replaceIn(t, m, "entries/goodbye.yaml", "id: goodbye\n", "id: goodbye_main\n")
		}, []string{"intent goodbye has no main entry"}},
		{"message missing a language", func(t *testing.T, m fstest.MapFS) {
			replaceIn(t, m, "messages.yaml", "empty:\n  ja:", "empty:\n  fr: vide\n  xx:")
		}, []string{"messages.yaml", "entry empty", "missing language ja", `unknown language "fr"`}},
		{"message placeholders differ", func(t *testing.T, m fstest.MapFS) {
			replaceIn(t, m, "messages.yaml", "{max}文字以内", "{limit}文字以内")
		}, []string{"messages.yaml", "entry too_long", "placeholders differ: ja {limit}, en {max}"}},
		{"no entry files", func(t *testing.T, m fstest.MapFS) {
			for k := range m {
				if strings.HasPrefix(k, "entries/") {
					delete(m, k)
				}
			}
		}, []string{"no entry files"}},
		{"no contacts file", func(t *testing.T, m fstest.MapFS) {
			delete(m, "contacts.yaml")
		}, []string{"contacts.yaml"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := embeddedCopy(t)
			c.break_(t, m)
			s, err := Load(m)
			if err == nil {
				t.Fatalf("Load accepted broken data")
			}
			if s != nil {
				t.Errorf("Load returned a Set together with an error")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid: %v", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not say %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestLoadAcceptsEmbeddedCopy(t *testing.T) {
	if _, err := Load(embeddedCopy(t)); err != nil {
		t.Fatalf("Load(copy of embedded data): %v", err)
	}
}

// TestLoadDir is the --faq DIR override: a directory with the embedded layout loads,
// an edited answer shows, and a broken directory is refused (the server then keeps
// the Set it has).
func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	for name, f := range embeddedCopy(t) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	goodbye := filepath.Join(dir, "entries", "goodbye.yaml")
	b, err := os.ReadFile(goodbye)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "Thank you for contacting us.\n", "Thanks, and have a good day.\n", 1)
	if err := os.WriteFile(goodbye, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := LoadDir(dir)
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	a, _ := s.ForIntent("goodbye", "en")
	if !strings.HasPrefix(a.Text, "Thanks, and have a good day.") {
		t.Errorf("goodbye text = %q, want the edited text", a.Text)
	}

	if err := os.WriteFile(goodbye, []byte("entries: [ {id: "), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := LoadDir(dir); err == nil || s != nil || !strings.Contains(err.Error(), "goodbye.yaml") {
		t.Errorf("LoadDir(broken) = %v, %v; want an error naming goodbye.yaml", s, err)
	}
	if _, err := LoadDir(filepath.Join(dir, "missing")); err == nil {
		t.Errorf("LoadDir(missing dir) succeeded")
	}
}
