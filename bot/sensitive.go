package bot

import (
	"regexp"
	"strings"
)

// Kinds of secret a customer may offer; the bot never wants any of them.
const (
	secretCard     = "card"
	secretPassword = "password"
	secretCode     = "code"
)

// redactedMark replaces a secret in stored and forwarded text.
const redactedMark = "****"

// secretPatterns are the compiled patterns of redactSecrets. They are built once per
// Engine (no package-level state) and are safe for concurrent use.
type secretPatterns struct {
	password *regexp.Regexp
	code     *regexp.Regexp
	cardWord *regexp.Regexp

	// Keywords, in lower case, one of which each pattern needs: redactSecrets runs a
	// pattern only when the text (ASCII letters lowered) contains one of them. Most
	// messages name none, and a substring search costs a fraction of a case-insensitive
	// regexp scan. Every alternative of a pattern's keyword group starts with one of
	// them; FuzzRedactSecrets checks that skipping never changes the result.
	passwordWords, codeWords, cardWords []string
}

func newSecretPatterns() *secretPatterns {
	return &secretPatterns{
		// a password keyword, an optional "is"/"は"/":" and an ASCII token
		password: regexp.MustCompile(`(?i)(パスワード|暗証番号|password|passcode|passwd|\bpin\b)(\s*(?:は|が|:|=|is|→)?\s*)([!-~]{4,})`),
		// a one-time-code keyword followed closely by 4 to 8 digits
		code: regexp.MustCompile(`(?i)(認証コード|認証番号|確認コード|確認番号|ワンタイム\S{0,6}|セキュリティコード|検証コード|one[- ]?time\s*(?:password|passcode|code)?|\botp\b|verification\s*code|security\s*code|auth\w*\s*code|\bcvv\b|\bcvc\b|sms\s*code|2fa\s*code)([^0-9]{0,8}?)(\d{4,8})\b`),
		// "card number" followed by digits, whatever their count
		cardWord: regexp.MustCompile(`(?i)(カード番号|クレジットカード|card\s*(?:number|no\.?|#))([^0-9]{0,8}?)((?:\d[ -]?){11,18}\d)`),

		passwordWords: []string{"パスワード", "暗証番号", "pass", "pin"},
		codeWords:     []string{"認証", "確認", "ワンタイム", "セキュリティ", "検証", "one", "otp", "verification", "security", "auth", "cvv", "cvc", "sms", "2fa"},
		cardWords:     []string{"カード", "card"},
	}
}

// redactSecrets returns text with card numbers, passwords and one-time codes replaced by
// redactedMark, and the kinds it found (nil when none).
func (p *secretPatterns) redactSecrets(text string) (string, []string) {
	digits, digitRun, asciiRun := runs(text)
	card, code, password := digits >= 12, digitRun >= 4, asciiRun >= 4
	if card || code || password {
		lower := lowerASCII(text)
		card = card && containsAny(lower, p.cardWords)
		code = code && containsAny(lower, p.codeWords)
		password = password && containsAny(lower, p.passwordWords)
	}
	return p.redact(text, card, code, password)
}

// runs counts what the patterns need at the least: a card number has twelve digits or
// more, a one-time code a run of four, a password four printable ASCII characters
// (runes of !-~) in a row.
func runs(text string) (digits, longestDigitRun, longestASCIIRun int) {
	d, a := 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= '0' && c <= '9' {
			digits++
			d++
			longestDigitRun = max(longestDigitRun, d)
		} else {
			d = 0
		}
		if c >= '!' && c <= '~' {
			a++
			longestASCIIRun = max(longestASCIIRun, a)
		} else {
			a = 0
		}
	}
	return digits, longestDigitRun, longestASCIIRun
}

// redact runs the card, code and password patterns that are switched on.
func (p *secretPatterns) redact(text string, card, code, password bool) (string, []string) {
	var kinds []string
	add := func(k string) {
		for _, x := range kinds {
			if x == k {
				return
			}
		}
		kinds = append(kinds, k)
	}
	if card && p.cardWord.MatchString(text) {
		text = p.cardWord.ReplaceAllString(text, "${1}${2}"+redactedMark)
		add(secretCard)
	}
	if out, ok := redactCards(text); ok {
		text = out
		add(secretCard)
	}
	if code && p.code.MatchString(text) {
		text = p.code.ReplaceAllString(text, "${1}${2}"+redactedMark)
		add(secretCode)
	}
	found := false
	if !password {
		return text, kinds
	}
	text = p.password.ReplaceAllStringFunc(text, func(m string) string {
		sub := p.password.FindStringSubmatch(m)
		sep, val := strings.TrimSpace(sub[2]), sub[3]
		if val == redactedMark || !(strings.ContainsAny(sep, ":=") || strings.ContainsAny(val, "0123456789!#$%&*+-./=?@^_~")) {
			return m
		}
		found = true
		return sub[1] + sub[2] + redactedMark
	})
	if found {
		add(secretPassword)
	}
	return text, kinds
}

// redactCards replaces every run of digits (spaces and hyphens allowed between them)
// that looks like a payment card number: 14 to 16 digits, a card-network prefix and a
// valid Luhn check. Tracking numbers do not have these lengths, except FedEx Ground's 15
// digits, which never start with 34 or 37 (the 15-digit card prefixes).
func redactCards(text string) (string, bool) {
	b := []byte(text)
	var out strings.Builder
	found := false
	last := 0
	for i := 0; i < len(b); {
		if !isDigit(rune(b[i])) {
			i++
			continue
		}
		j, digits := i, make([]byte, 0, 20)
		end := i
		for j < len(b) && (isDigit(rune(b[j])) || b[j] == ' ' || b[j] == '-') {
			if isDigit(rune(b[j])) {
				digits = append(digits, b[j])
				end = j + 1
			}
			j++
		}
		if looksLikeCard(string(digits)) {
			out.Write(b[last:i])
			out.WriteString(redactedMark)
			last = end
			found = true
		}
		i = j
	}
	if !found {
		return text, false
	}
	out.Write(b[last:])
	return out.String(), true
}

func looksLikeCard(d string) bool {
	switch len(d) {
	case 14:
		if !strings.HasPrefix(d, "30") && !strings.HasPrefix(d, "36") && !strings.HasPrefix(d, "38") {
			return false
		}
	case 15:
		if !strings.HasPrefix(d, "34") && !strings.HasPrefix(d, "37") {
			return false
		}
	case 16:
		if d[0] < '2' || d[0] > '6' {
			return false
		}
	default:
		return false
	}
	return luhn(d)
}

// luhn reports whether the digit string passes the Luhn (mod 10) check.
func luhn(d string) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		n := int(d[i] - '0')
		if double {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
		double = !double
	}
	return sum%10 == 0
}

// lowerASCII returns s with its ASCII capitals lowered (the text is NFKC-normalised
// already, so no other letter folds to an ASCII one); s itself when it has none.
func lowerASCII(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}
