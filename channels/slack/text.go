package slack

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

//go:embed text.yaml
var textYAML []byte

// texts is what the desk says to agents, in one language.
type texts map[string]string

// loadTexts returns the desk texts in lang ("ja" or "en"); every key of "ja" must exist in lang.
func loadTexts(lang string) (texts, error) {
	var all map[string]texts
	if err := yaml.Unmarshal(textYAML, &all); err != nil {
		return nil, fmt.Errorf("slack: read text.yaml: %w", err)
	}
	t, ok := all[lang]
	if !ok {
		return nil, fmt.Errorf("%w: desk language %q", ErrConfig, lang)
	}
	for k := range all["ja"] {
		if t[k] == "" {
			return nil, fmt.Errorf("slack: text.yaml: %q has no %s text", k, lang)
		}
	}
	return t, nil
}

// get returns the text for key with {name} placeholders filled from pairs (name, value, ...).
func (t texts) get(key string, pairs ...string) string {
	s, ok := t[key]
	if !ok {
		return key
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// name returns the display name of a label (an intent or a hand-off reason), or the
// label itself when the desk has no name for it.
func (t texts) name(prefix, label string) string {
	if s, ok := t[prefix+label]; ok && label != "" {
		return s
	}
	return label
}

// detectLang returns "ja" when s has kana or kanji, else "en".
func detectLang(s string) string {
	for _, r := range s {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) {
			return "ja"
		}
	}
	return "en"
}
