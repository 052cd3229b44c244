package faq

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// The files of a data directory.
const (
	contactsPath = "contacts.yaml"
	messagesPath = "messages.yaml"
	entriesGlob  = "entries/*.yaml"
)

//go:embed data
var embedded embed.FS

// Default returns the entries embedded in the binary.
func Default() (*Set, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("faq: default: %w", err)
	}
	return Load(sub)
}

// LoadDir loads a data directory with the same layout as the embedded one (the
// --faq DIR override). On error the caller keeps whatever Set it had.
func LoadDir(dir string) (*Set, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("faq: load dir: %w", err)
	}
	return Load(os.DirFS(dir))
}

// Load reads and validates every entry and the contacts file in fsys.
func Load(fsys fs.FS) (*Set, error) {
	l := loader{fsys: fsys}
	s := l.load()
	if len(l.problems) > 0 {
		return nil, fmt.Errorf("faq: load: %w", errors.Join(l.problems...))
	}
	return s, nil
}

// loader collects every problem instead of stopping at the first, so that one run
// names all the broken entries.
type loader struct {
	fsys     fs.FS
	problems []error
}

func (l *loader) addf(file, entry, format string, args ...any) {
	where := file
	if entry != "" {
		where += ": entry " + entry
	}
	l.problems = append(l.problems, fmt.Errorf("%w: %s: %s", ErrInvalid, where, fmt.Sprintf(format, args...)))
}

func (l *loader) decode(file string, v any) bool {
	raw, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.problems = append(l.problems, fmt.Errorf("%w: %s: %w", ErrInvalid, file, err))
		return false
	}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		l.addf(file, "", "%v", err)
		return false
	}
	return true
}

func (l *loader) load() *Set {
	s := &Set{
		byID:     map[string]int{},
		main:     map[string]int{},
		contacts: map[string]Contact{},
		messages: map[string]map[string]message{},
	}
	l.loadContacts(s)
	l.loadMessages(s)
	l.loadEntries(s)
	if len(l.problems) == 0 {
		s.index = buildIndexes(s.entries)
	}
	return s
}

func (l *loader) loadContacts(s *Set) {
	var cf contactsFile
	if !l.decode(contactsPath, &cf) {
		return
	}
	for key, c := range cf.Links {
		if c.URL == "" {
			l.addf(contactsPath, key, "link has no url")
		} else if why := checkLink(c.URL); why != "" {
			l.addf(contactsPath, key, "%s", why)
		}
		l.addContact(s, key, c)
	}
	for key, c := range cf.Phones {
		if _, dup := s.contacts[key]; dup {
			l.addf(contactsPath, key, "key used for both a link and a phone")
		}
		if c.Number == "" || !phoneLike.MatchString(c.Number) {
			l.addf(contactsPath, key, "phone %q does not look like a phone number", c.Number)
		}
		for _, lang := range Langs() {
			if c.Hours[lang] == "" {
				l.addf(contactsPath, key, "phone has no opening hours in %s", lang)
			}
		}
		l.addContact(s, key, c)
	}
}

func (l *loader) addContact(s *Set, key string, c contactSpec) {
	if !idPattern.MatchString(key) {
		l.addf(contactsPath, key, "key must match %s", idPattern)
	}
	labels := map[string]string{"ja": c.JA, "en": c.EN}
	for _, lang := range Langs() {
		if strings.TrimSpace(labels[lang]) == "" {
			l.addf(contactsPath, key, "missing %s label", lang)
		}
	}
	s.contacts[key] = Contact{Key: key, URL: c.URL, Phone: c.Number, Labels: labels, Hours: c.Hours}
}

func (l *loader) loadEntries(s *Set) {
	files, err := fs.Glob(l.fsys, entriesGlob)
	if err != nil || len(files) == 0 {
		l.addf(path.Dir(entriesGlob), "", "no entry files (%s)", entriesGlob)
		return
	}
	sort.Strings(files)
	var specs []entrySpec
	fileOf := map[string]string{}
	for _, f := range files {
		var ef entryFile
		if !l.decode(f, &ef) {
			continue
		}
		if len(ef.Entries) == 0 {
			l.addf(f, "", "file has no entries")
		}
		for _, e := range ef.Entries {
			if prev, dup := fileOf[e.ID]; dup {
				l.addf(f, e.ID, "duplicate id (also in %s)", prev)
				continue
			}
			fileOf[e.ID] = f
			specs = append(specs, e)
		}
	}
	for _, e := range specs {
		l.checkEntry(s, fileOf[e.ID], e)
	}
	for _, e := range specs {
		s.byID[e.ID] = len(s.entries)
		if e.ID == e.Intent {
			s.main[e.Intent] = len(s.entries)
		}
		s.entries = append(s.entries, l.render(s, fileOf[e.ID], e, fileOf))
	}
	s.resolveChoiceLabels()
	for _, intent := range Intents() {
		if _, ok := s.main[intent]; !ok {
			l.addf(path.Dir(entriesGlob), "", "intent %s has no main entry (an entry whose id is %q)", intent, intent)
		}
	}
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(?:_[a-z0-9]+)*$`)

func (l *loader) checkEntry(s *Set, file string, e entrySpec) {
	if !idPattern.MatchString(e.ID) {
		l.addf(file, e.ID, "id must match %s", idPattern)
	}
	if !knownIntent(e.Intent) {
		l.addf(file, e.ID, "unknown intent label %q", e.Intent)
	}
	if knownIntent(e.ID) && e.ID != e.Intent {
		l.addf(file, e.ID, "an id that is an intent label must be that intent's main entry")
	}
	for _, lang := range Langs() {
		ls := e.lang(lang)
		if ls == nil {
			l.addf(file, e.ID, "missing language %s", lang)
			continue
		}
		for _, f := range []struct{ name, v string }{{"title", ls.Title}, {"text", ls.Text}, {"speech", ls.Speech}} {
			if strings.TrimSpace(f.v) == "" {
				l.addf(file, e.ID, "%s %s is empty", lang, f.name)
				continue
			}
			for _, p := range textProblems(lang, f.name, f.v) {
				l.addf(file, e.ID, "%s %s: %s", lang, f.name, p)
			}
			l.checkRefs(s, file, e.ID, f.name, f.v)
		}
	}
	for _, key := range e.Links {
		c, ok := s.contacts[key]
		if !ok {
			l.addf(file, e.ID, "unknown contact key %q in links", key)
		} else if c.URL == "" {
			l.addf(file, e.ID, "contact %q in links has no url", key)
		}
	}
}

// checkRefs checks the {{link:key}} and {{phone:key}} references of one text.
func (l *loader) checkRefs(s *Set, file, id, field, text string) {
	for _, m := range refPattern.FindAllStringSubmatch(text, -1) {
		c, ok := s.contacts[m[2]]
		switch {
		case !ok:
			l.addf(file, id, "%s: unknown contact key %q", field, m[2])
		case m[1] == "link" && c.URL == "":
			l.addf(file, id, "%s: contact %q has no url", field, m[2])
		case m[1] == "phone" && c.Phone == "":
			l.addf(file, id, "%s: contact %q has no phone", field, m[2])
		case m[1] == "link" && field == "speech":
			l.addf(file, id, "speech must not carry a link")
		}
	}
}

func (l *loader) render(s *Set, file string, e entrySpec, known map[string]string) entry {
	out := entry{id: e.ID, intent: e.Intent, answers: map[string]Answer{}, keywords: map[string][]string{}}
	for _, lang := range Langs() {
		ls := e.lang(lang)
		if ls == nil {
			continue
		}
		a := Answer{
			ID: e.ID, Intent: e.Intent, Lang: lang,
			Title:  strings.TrimSpace(ls.Title),
			Text:   strings.TrimSpace(s.expand(ls.Text, lang, false)),
			Speech: tidySpeech(lang, s.expand(ls.Speech, lang, true)),
		}
		for _, key := range e.Links {
			if c, ok := s.contacts[key]; ok {
				a.Links = append(a.Links, Link{Label: c.Label(lang), URL: c.URL})
			}
		}
		for _, c := range e.Choices {
			label, ok := l.choiceLabel(s, file, e.ID, c, lang, known)
			if ok {
				a.Choices = append(a.Choices, Choice{Label: label, Value: c.Value})
			}
		}
		out.answers[lang] = a
		out.keywords[lang] = ls.Keywords
	}
	return out
}

// humanChoiceMessage is the message whose text labels a "human" choice without a label.
const humanChoiceMessage = "choice_human"

// choiceLabel validates one follow-up and returns its label in lang. A faq: choice
// without a label borrows the target entry's title, an intent: choice the title of the
// intent's main entry, a human choice the message choice_human.
func (l *loader) choiceLabel(s *Set, file, id string, c choiceSpec, lang string, known map[string]string) (string, bool) {
	report := lang == Langs()[0] // report each choice problem once
	label := strings.TrimSpace(c.label(lang))
	switch {
	case strings.HasPrefix(c.Value, "faq:"):
		target := strings.TrimPrefix(c.Value, "faq:")
		if _, ok := known[target]; !ok {
			if report {
				l.addf(file, id, "choice %q points to no entry", c.Value)
			}
			return "", false
		}
		if target == id && report {
			l.addf(file, id, "choice %q points to the entry itself", c.Value)
		}
		if label == "" {
			label = "\x00" + target // resolved after every entry is rendered
		}
	case strings.HasPrefix(c.Value, "intent:"):
		intent := strings.TrimPrefix(c.Value, "intent:")
		if !knownIntent(intent) {
			if report {
				l.addf(file, id, "choice %q names an unknown intent", c.Value)
			}
			return "", false
		}
		if label == "" {
			label = "\x00" + intent // the title of the intent's main entry
		}
	case c.Value == "human":
		if label == "" {
			m, ok := s.messages[humanChoiceMessage][lang]
			if !ok {
				if report {
					l.addf(file, id, "choice %q has no label and messages.yaml has no %s", c.Value, humanChoiceMessage)
				}
				return "", false
			}
			label = m.text
		}
	default:
		if report {
			l.addf(file, id, "choice %q is neither faq:<id>, intent:<label> nor human", c.Value)
		}
		return "", false
	}
	if label == "" {
		if report {
			l.addf(file, id, "choice %q needs a label in %s", c.Value, lang)
		}
		return "", false
	}
	return label, true
}
