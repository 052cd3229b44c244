package faq

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// refPattern finds {{link:key}} and {{phone:key}} references to contacts.yaml.
var refPattern = regexp.MustCompile(`\{\{(link|phone):([a-z0-9_]+)\}\}`)

// phoneLike matches a Japanese phone number (0120-..., 03-..., 090-..., +81 ...) after
// NFKC. Phone numbers may appear only in contacts.yaml.
var phoneLike = regexp.MustCompile(`(?:\+81[\s-]?|\b0)\d{1,4}[\s\-‐−ー()]{0,2}\d{1,4}[\s\-‐−ー()]{0,2}\d{3,4}\b`)

// speechSymbols are characters a text-to-speech voice would read aloud or stumble on.
const speechSymbols = "/\\:;@#%&*_=+<>[]{}()|~^$¥→←「」『』【】（）＜＞・"

// textProblems lists what is wrong with one customer-facing text (before references
// are expanded). The same rules hold for embedded data and an override directory.
func textProblems(lang, field, s string) []string {
	var out []string
	n := norm.NFKC.String(refPattern.ReplaceAllString(s, ""))
	if phoneLike.MatchString(n) {
		out = append(out, "phone numbers belong in contacts.yaml: "+phoneLike.FindString(n))
	}
	if lang == "ja" && hasHalfWidthKana(s) {
		out = append(out, "half-width katakana")
	}
	if field == "speech" {
		if strings.Contains(n, "http") || strings.Contains(n, "www.") || strings.Contains(n, ".co") {
			out = append(out, "a URL in speech")
		}
		if i := strings.IndexAny(s, speechSymbols); i >= 0 {
			out = append(out, "symbol "+string([]rune(s[i:])[:1])+" in speech")
		}
		if longDigitRun(n) {
			out = append(out, "a number of five or more digits in speech (write it digit by digit)")
		}
	}
	return out
}

func hasHalfWidthKana(s string) bool {
	for _, r := range s {
		if r >= 0xFF61 && r <= 0xFF9F {
			return true
		}
	}
	return false
}

func longDigitRun(s string) bool {
	run := 0
	for _, r := range s {
		if unicode.IsDigit(r) || r == ',' && run > 0 {
			run++
			if run >= 5 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// expand replaces {{link:key}} with the URL and {{phone:key}} with the number; in
// speech the number is spelled digit by digit.
func (s *Set) expand(text, lang string, speech bool) string {
	return refPattern.ReplaceAllStringFunc(text, func(m string) string {
		sub := refPattern.FindStringSubmatch(m)
		c := s.contacts[sub[2]]
		if sub[1] == "link" {
			return c.URL
		}
		if speech {
			return spellDigits(c.Phone)
		}
		return c.Phone
	})
}

func spellDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsDigit(r) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// tidySpeech trims a spoken text and, in Japanese, drops the spaces that YAML line
// folding leaves after 。 and 、 (Japanese does not separate sentences with spaces).
func tidySpeech(lang, s string) string {
	s = strings.TrimSpace(s)
	if lang == "ja" {
		s = strings.NewReplacer("。 ", "。", "、 ", "、", "？ ", "？").Replace(s)
	}
	return s
}
