package faq

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// message is one conversational message of messages.yaml in one language, with its
// {{link:...}} references already expanded.
type message struct {
	text   string
	params []string // placeholder names, sorted, without duplicates
	// parts is text split at its placeholders: literal, name, literal, name, ...,
	// literal. Message joins them without a regexp (it runs on every bot reply).
	parts []string
}

// split cuts text into parts (see message.parts).
func split(text string) []string {
	var parts []string
	last := 0
	for _, loc := range placeholder.FindAllStringSubmatchIndex(text, -1) {
		parts = append(parts, text[last:loc[0]], text[loc[2]:loc[3]])
		last = loc[1]
	}
	return append(parts, text[last:])
}

// placeholder finds {name} in a message (after {{...}} references are expanded).
var placeholder = regexp.MustCompile(`\{([a-z][a-z0-9_]*)\}`)

// Message renders the conversational message id in lang, filling {name} placeholders
// from args. An unknown language falls back to Japanese. It fails with
// ErrUnknownMessage or ErrMissingArg; extra args are ignored.
func (s *Set) Message(id, lang string, args map[string]string) (string, error) {
	byLang, ok := s.messages[id]
	if !ok {
		return "", fmt.Errorf("faq: message %q: %w", id, ErrUnknownMessage)
	}
	m, ok := byLang[lang]
	if !ok {
		m = byLang["ja"]
	}
	for _, p := range m.params {
		if _, ok := args[p]; !ok {
			return "", fmt.Errorf("faq: message %q: {%s}: %w", id, p, ErrMissingArg)
		}
	}
	if len(m.parts) <= 1 {
		return m.text, nil
	}
	n := len(m.text)
	for i := 1; i < len(m.parts); i += 2 {
		n += len(args[m.parts[i]])
	}
	var b strings.Builder
	b.Grow(n)
	for i, p := range m.parts {
		if i%2 == 1 {
			p = args[p]
		}
		b.WriteString(p)
	}
	return b.String(), nil
}

// MessageIDs returns the ids of every conversational message, sorted.
func (s *Set) MessageIDs() []string {
	ids := make([]string, 0, len(s.messages))
	for id := range s.messages {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// MessageParams returns the placeholder names message id expects, sorted.
func (s *Set) MessageParams(id string) []string {
	m, ok := s.messages[id]["ja"]
	if !ok {
		return nil
	}
	return append([]string(nil), m.params...)
}

func (l *loader) loadMessages(s *Set) {
	var mf messagesFile
	if !l.decode(messagesPath, &mf) {
		return
	}
	for id, byLang := range mf {
		if !idPattern.MatchString(id) {
			l.addf(messagesPath, id, "id must match %s", idPattern)
		}
		for lang := range byLang {
			if lang != "ja" && lang != "en" {
				l.addf(messagesPath, id, "unknown language %q", lang)
			}
		}
		s.messages[id] = map[string]message{}
		for _, lang := range Langs() {
			text := strings.TrimSpace(byLang[lang])
			if text == "" {
				l.addf(messagesPath, id, "missing language %s", lang)
				continue
			}
			for _, p := range textProblems(lang, "text", text) {
				l.addf(messagesPath, id, "%s: %s", lang, p)
			}
			l.checkRefs(s, messagesPath, id, "text", text)
			expanded := s.expand(text, lang, false)
			s.messages[id][lang] = message{text: expanded, params: params(expanded), parts: split(expanded)}
		}
		ja, en := s.messages[id]["ja"], s.messages[id]["en"]
		if ja.text != "" && en.text != "" && strings.Join(ja.params, ",") != strings.Join(en.params, ",") {
			l.addf(messagesPath, id, "placeholders differ: ja {%s}, en {%s}",
				strings.Join(ja.params, "} {"), strings.Join(en.params, "} {"))
		}
	}
}

func params(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}
