package tracking

import "unicode/utf8"

// Mask hides all but the last four characters of number with '*', for logs and
// summaries: Mask("443496171020") == "********1020". Numbers of four characters or
// fewer are hidden entirely. The result has as many characters as number.
func Mask(number string) string {
	n := utf8.RuneCountInString(number)
	keep := 4
	if n <= 4 {
		keep = 0
	}
	b := make([]byte, 0, len(number))
	for i, j := 0, 0; j < len(number); i++ {
		_, size := utf8.DecodeRuneInString(number[j:])
		if i < n-keep {
			b = append(b, '*')
		} else {
			b = append(b, number[j:j+size]...)
		}
		j += size
	}
	return string(b)
}
