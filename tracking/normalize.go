package tracking

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize applies NFKC, removes spaces and dash look-alikes and upper-cases s.
//
// Removed: every Unicode space, the zero-width characters (U+200B–U+200D, U+2060,
// U+FEFF) and the soft hyphen, "-" and its look-alikes (U+2010–U+2015, U+2043, U+2212,
// U+2500 ─, U+FE63, U+FF0D)
// and the long-vowel marks ー (U+30FC) and ｰ (U+FF70) that IME users type as hyphens.
// Look-alike letters (O for 0 ...) are left alone: see Check for that repair.
// ASCII input that needs no change is returned as it is, without allocating.
func Normalize(s string) string {
	if isClean(s) {
		return s
	}
	s = nfkc(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isSeparator(r) || unicode.IsSpace(r) {
			continue
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether s is ASCII with no lower-case letter, space or dash,
// so that Normalize would return it unchanged.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c <= ' ' || c == '-' || (c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// nfkc returns the NFKC form of s, skipping the work for ASCII.
func nfkc(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFKC.String(s)
		}
	}
	return s
}

// isSeparator reports whether r is deleted inside a number: a space, a zero-width
// character or a dash look-alike, including ー typed as a hyphen.
func isSeparator(r rune) bool {
	switch r {
	case ' ', '\t', '-', 0xA0, 0x3000, // spaces
		0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD, // zero-width, soft hyphen
		0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0x2500, 0xFE63, 0xFF0D, // dashes, ─
		0x30FC, 0xFF70: // long-vowel marks typed as hyphens
		return true
	}
	return r >= 0x2000 && r <= 0x200A // en quad … hair space
}

// lookAlike maps a character people type for a digit to that digit (CARRIERS.md §0
// step 5), or returns 0. The input is already upper-cased.
func lookAlike(r rune) byte {
	switch r {
	case 'O', 'Q', 'D', 0x3007, lookMarker: // 〇
		return '0'
	case 'I', 'L', '|':
		return '1'
	case 'Z':
		return '2'
	case 'S':
		return '5'
	case 'B':
		return '8'
	}
	return 0
}

// repairDigits replaces look-alike letters in n with digits. It returns ok=false
// when n holds anything else that is not a digit, or when nothing was replaced.
func repairDigits(n string) (string, bool) {
	var b []byte
	replaced := false
	for _, r := range n {
		switch {
		case r >= '0' && r <= '9':
			b = append(b, byte(r))
		case lookAlike(r) != 0:
			b = append(b, lookAlike(r))
			replaced = true
		default:
			return "", false
		}
	}
	return string(b), replaced
}
