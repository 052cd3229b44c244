package intents

import (
	"strings"
	"unicode"

	"github.com/toiawase/toiawase/tracking"
)

// trackingNumbers is the production numberFunc: what tracking.Extract finds in text.
func trackingNumbers(text string) numberFlags {
	return numberFlagsOf(text, tracking.Extract(text))
}

// numberFlagsOf says what found, tracking.Extract's answer for text, holds.
func numberFlagsOf(text string, found tracking.Found) numberFlags {
	var f numberFlags
	rest := text
	for _, m := range found.Tracking {
		if m.Valid {
			f |= hasValidTracking
		} else {
			f |= hasLookAlike
		}
		rest = strings.Replace(rest, m.Raw, " ", 1)
	}
	for _, o := range found.Orders {
		f |= hasOrder
		if o.Digital {
			f |= hasDigitalOrder
		}
		rest = strings.Replace(rest, o.Raw, " ", 1)
	}
	if f != 0 && letterCount(rest) <= 2 {
		f |= isBareNumber
	}
	return f
}

// letterCount counts the letters of s (kana and kanji are letters).
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
