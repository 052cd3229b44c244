package phone

import "strings"

// SpokenNumber writes a number so that a voice reads it digit by digit, in groups of
// four from the left: "443496171020" -> "4 4 3 4、9 6 1 7、1 0 2 0" with the Japanese
// format, "4 4 3 4, 9 6 1 7, 1 0 2 0" with the English one.
func SpokenNumber(number string, f LangFormat) string {
	var b strings.Builder
	for i, r := range number {
		switch {
		case i == 0:
		case i%4 == 0:
			b.WriteString(f.GroupSep)
		default:
			b.WriteString(f.DigitSep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fill replaces the placeholders of a prompt.
func fill(s string, vars map[string]string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	for k, v := range vars {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// speakable reports whether an FAQ speech text may be read aloud as it is.
func speakable(s string) bool {
	return strings.TrimSpace(s) != "" && !urlish.MatchString(s)
}
