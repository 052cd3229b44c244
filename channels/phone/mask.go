package phone

import (
	"strings"

	"github.com/toiawase/toiawase/tracking"
)

// MaskCaller hides a phone number for logs, keeping its first character and its last
// two digits: "+819012345678" -> "+**********78". Empty stays empty.
func MaskCaller(s string) string { return maskKeep(s, 2, 1) }

// maskAll hides tracking numbers for logs the shared way (tracking.Mask).
func maskAll(numbers []string) []string {
	out := make([]string, len(numbers))
	for i, n := range numbers {
		out[i] = tracking.Mask(n)
	}
	return out
}

// maskKeep replaces every character but the first head and last tail ones with '*'.
// Short strings are masked entirely.
func maskKeep(s string, tail, head int) string {
	r := []rune(s)
	if len(r) <= tail+head+2 {
		return strings.Repeat("*", len(r))
	}
	for i := head; i < len(r)-tail; i++ {
		r[i] = '*'
	}
	return string(r)
}
