package slack

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Mask hides personal data in text before an agent (or a log) sees it:
//   - e-mail addresses become "[e-mail]";
//   - card numbers (13 to 19 digits that pass the Luhn check) lose every digit;
//   - any other number of 9 digits or more (tracking numbers, phone numbers, account
//     numbers) keeps only its last 4 digits;
//   - numbers of 4 to 8 digits (one-time codes, PINs, postcodes) lose every digit, unless
//     a unit follows them (2026年, 3000円) or they are an Amazon order number;
//   - a password typed after "password" / "パスワード" is hidden.
//
// Separators stay, so "090-1234-5678" reads "•••-••••-5678". The text is NFKC-normalised
// first, so full-width digits are caught as well. Mask is pure and safe for concurrent use.
func Mask(text string) string {
	s := norm.NFKC.String(text)
	s = emailRE.ReplaceAllString(s, "[e-mail]")
	s = passwordRE.ReplaceAllString(s, "${1}••••")
	var b strings.Builder
	last := 0
	for _, loc := range digitsRE.FindAllStringIndex(s, -1) {
		start, end := loc[0], loc[1]
		b.WriteString(s[last:start])
		b.WriteString(maskNumber(s[start:end], s[end:]))
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// MaskKeep4 hides every letter and digit of a number but the last four; separators stay.
// It is the form tracking numbers and caller numbers take in a ticket.
func MaskKeep4(number string) string {
	return hideAlnum(number, 4)
}

const bullet = '•'

var (
	emailRE    = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+`)
	passwordRE = regexp.MustCompile(`(?i)((?:password|passcode|パスワード|暗証番号)\s*(?:is|は|:)\s*)[^\s、。,.]+`)
	// digitsRE is a run of digits, possibly split by spaces or dash look-alikes.
	digitsRE = regexp.MustCompile(`\d+(?:[\-‐‑‒–—―−ー ]\d+)*`)
	orderRE  = regexp.MustCompile(`^\d{2,3}-\d{7}-\d{7}$`)
)

// maskNumber masks one run of digits; rest is the text after it.
func maskNumber(run, rest string) string {
	n := 0
	for _, r := range run {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	switch {
	case orderRE.MatchString(run):
		return run
	case n >= 13 && n <= 19 && luhn(run):
		return hideAlnum(run, 0)
	case n >= 9:
		return hideAlnum(run, 4)
	case n >= 4 && !followedByUnit(rest):
		return hideAlnum(run, 0)
	}
	return run
}

func followedByUnit(rest string) bool {
	for _, u := range []string{"年", "円", "月", "日", "時", "分", "個", "件", "点", "yen", " yen"} {
		if strings.HasPrefix(rest, u) {
			return true
		}
	}
	return false
}

// hideAlnum replaces letters and digits by bullets, keeping the last keep of them.
func hideAlnum(s string, keep int) string {
	total := 0
	for _, r := range s {
		if isAlnum(r) {
			total++
		}
	}
	var b strings.Builder
	seen := 0
	for _, r := range s {
		if isAlnum(r) {
			seen++
			if seen <= total-keep {
				b.WriteRune(bullet)
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isAlnum: an ASCII letter or any digit (not kana, whose long mark ー is a dash here).
func isAlnum(r rune) bool {
	return unicode.IsDigit(r) || (r < 0x80 && unicode.IsLetter(r))
}

// luhn reports whether the digits of s pass the Luhn check used by card numbers.
func luhn(s string) bool {
	var digits []int
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits = append(digits, int(r-'0'))
		}
	}
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := digits[i]
		if (len(digits)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return len(digits) > 0 && sum%10 == 0
}
