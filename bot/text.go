package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize prepares customer text for the engine: NFKC (full-width letters and digits
// become ASCII), every dash look-alike becomes "-", a long-vowel mark between digits
// (typed as a hyphen in Japanese input methods) becomes "-", zero-width characters go,
// runs of white space become one space, and the ends are trimmed.
func Normalize(s string) string {
	s = norm.NFKC.String(s)
	if isNormal(s) {
		return s // most messages: no copy
	}
	return normalizeRunes(s)
}

// normalizeRunes is Normalize after NFKC.
func normalizeRunes(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range rs {
		switch {
		case r == '\u200b' || r == '\ufeff' || r == '\u200c' || r == '\u200d':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case isDash(r):
			r = '-'
		case r == 'ー' || r == 'ｰ' || r == '〜':
			if i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]) {
				r = '-'
			}
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isNormal reports whether Normalize would leave the NFKC string s as it is: no
// zero-width characters, white space only as single ASCII spaces between words, no
// dash but '-', no long-vowel mark or wave dash between digits.
func isNormal(s string) bool {
	prev := rune(-1)
	for i, r := range s {
		switch {
		case r == '\u200b' || r == '\ufeff' || r == '\u200c' || r == '\u200d' || r == utf8.RuneError:
			return false // (the full pass turns invalid UTF-8 into U+FFFD)
		case r == ' ':
			if i == 0 || i == len(s)-1 || prev == ' ' {
				return false
			}
		case unicode.IsSpace(r):
			return false
		case r != '-' && isDash(r):
			return false
		case (r == 'ー' || r == 'ｰ' || r == '〜') && isDigit(prev):
			if next, _ := utf8.DecodeRuneInString(s[i+len(string(r)):]); isDigit(next) {
				return false
			}
		}
		prev = r
	}
	return true
}

func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2043', '\ufe63', '\uff0d':
		return true
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// Languages the engine speaks.
const (
	LangJA = "ja"
	LangEN = "en"
)

// validLang reports whether lang is one the engine speaks.
func validLang(lang string) bool { return lang == LangJA || lang == LangEN }

// detectLang guesses the language of text: "ja" when it has any kana or kanji, "en" when
// it has Latin letters and no Japanese, "" when it cannot tell (digits and symbols only).
// clear is true when the guess is strong enough to switch an ongoing conversation:
// any kana for Japanese; three or more Latin words and no Japanese for English.
func detectLang(text string) (lang string, clear bool) {
	var jaRunes, kana, words int
	letters, digits := 0, 0
	endWord := func() {
		if letters > 0 && digits == 0 { // "EJ595641907JP" is a number, not a word
			words++
		}
		letters, digits = 0, 0
	}
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
			jaRunes++
			endWord()
		case unicode.Is(unicode.Han, r):
			jaRunes++
			endWord()
		case r < 128 && unicode.IsLetter(r):
			letters++
		case isDigit(r):
			digits++
		case r == '\'':
			// keep "don't" one word
		default:
			endWord()
		}
	}
	endWord()
	switch {
	case jaRunes > 0:
		return LangJA, kana > 0
	case words > 0:
		return LangEN, words >= 3
	}
	return "", false
}

// containsAny reports whether s (already lower-cased) contains any of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
