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

// sentences splits spoken text after each 。 ! ? or . that ends a sentence.
func sentences(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i, r := range rs {
		end := r == '。' || ((r == '.' || r == '!' || r == '?') && (i+1 == len(rs) || rs[i+1] == ' '))
		if end {
			if t := strings.TrimSpace(string(rs[start : i+1])); t != "" {
				out = append(out, t)
			}
			start = i + 1
		}
	}
	if t := strings.TrimSpace(string(rs[start:])); t != "" {
		out = append(out, t)
	}
	return out
}

// withoutSentences drops the sentences of s that contain any of phrases.
func withoutSentences(s, sep string, phrases []string) string {
	if len(phrases) == 0 {
		return s
	}
	var keep []string
	for _, sent := range sentences(s) {
		drop := false
		for _, p := range phrases {
			if p != "" && strings.Contains(sent, p) {
				drop = true
				break
			}
		}
		if !drop {
			keep = append(keep, sent)
		}
	}
	return strings.Join(keep, sep)
}
