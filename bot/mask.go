package bot

import "strings"

// MaskNumber hides all but the last four characters of a tracking or order number, for
// logs and agent summaries: "443496171020" -> "********1020". Short values are hidden whole.
func MaskNumber(n string) string {
	r := []rune(n)
	if len(r) <= 6 {
		return strings.Repeat("*", len(r))
	}
	return strings.Repeat("*", len(r)-4) + string(r[len(r)-4:])
}

// shortID is the part of a session id that logs carry: enough to follow a conversation,
// too little to take it over (the id is a bearer token).
func shortID(id string) string {
	if len(id) > 6 {
		return id[:6]
	}
	return id
}
