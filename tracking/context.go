package tracking

import (
	"strings"
	"unicode/utf8"
)

// The rules that keep numbers of other kinds (phones, cards, prices, dates, postal
// codes) out of Extract's results. They look at a candidate or at the text around it.

// badContext reports whether the text around [start, end) shows the digits are
// something else: a price (¥, $, 円), part of a longer number (1,234 / 3.14 / 2024/06/11
// / 10:30), a postal code after 〒, or the local part of an e-mail address.
func (s *scanner) badContext(start, end int) bool {
	before, after := s.text[:start], s.text[end:]
	for _, p := range [...]string{"¥", "￥", "$", "〒", "＄"} {
		if strings.HasSuffix(strings.TrimRight(before, " "), p) {
			return true
		}
	}
	if strings.HasPrefix(strings.TrimLeft(after, " "), "円") || strings.HasPrefix(after, "@") {
		return true
	}
	if r, size := utf8.DecodeLastRuneInString(before); isNumberPunct(r) {
		if d, _ := utf8.DecodeLastRuneInString(before[:len(before)-size]); isAnyDigit(d) {
			return true
		}
	}
	if r, size := utf8.DecodeRuneInString(after); isNumberPunct(r) {
		if d, _ := utf8.DecodeRuneInString(after[size:]); isAnyDigit(d) {
			return true
		}
	}
	return false
}

func isNumberPunct(r rune) bool {
	switch r {
	case '.', ',', '/', ':', '．', '，', '／', '：':
		return true
	}
	return false
}

func isAnyDigit(r rune) bool { return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') }

// isIntlPhone reports whether g[i..j] is a Japanese phone number written with the
// country code but without "+": 81-90-1234-5678, 81 3 1234 5678.
func (s *scanner) isIntlPhone(i, j int, n string) bool {
	if j-i < 2 || s.g[i].b1-s.g[i].b0 != 2 || n[0] != '8' || n[1] != '1' || !allDigits(n) {
		return false
	}
	local := len(n) - 2
	return (local == 9 || local == 10) && n[2] != '0'
}

// isCardLike reports whether n looks like a payment card number: 15 digits starting
// 34 or 37 (American Express) or 16 digits starting 3–6, passing the Luhn check.
func isCardLike(n string) bool {
	switch {
	case len(n) == 15 && n[0] == '3' && (n[1] == '4' || n[1] == '7'):
	case len(n) == 16 && n[0] >= '3' && n[0] <= '6':
	default:
		return false
	}
	return allDigits(n) && luhn(n)
}

// isOrderNumber reports whether n is an Amazon order number without its hyphens:
// 17 digits, or D + 16 digits (digital orders, D01-...).
func isOrderNumber(n string) bool {
	return len(n) == 17 && (allDigits(n) || (n[0] == 'D' && allDigits(n[1:])))
}
