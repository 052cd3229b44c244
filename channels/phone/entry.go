package phone

import "strings"

// entry handles the keys of a tracking-number entry.
func (t *Tree) entry(st State, n *Node, ev Event) (State, Turn) {
	partial := st.Partial
	st.Partial = ""
	if ev.Kind == EventTimeout {
		if partial == "" {
			return t.fail(st, n, "no_input")
		}
		return t.number(st, n, partial)
	}
	keys := partial + ev.Digits
	i := strings.LastIndexByte(keys, '*')
	if i < 0 {
		return t.number(st, n, keys)
	}
	// Star clears what came before it.
	tail := keys[i+1:]
	if want := n.NumDigits - len(partial); n.NumDigits > 0 && cutByLength(ev.Digits, want) && len(tail) < n.NumDigits {
		// The gather stopped at its length while the caller was still keying the number
		// after the star: keep listening, silently, for the rest.
		st.Partial = tail
		return st, Turn{Gather: &Gather{NumDigits: n.NumDigits - len(tail), FinishOnKey: "#", Timeout: t.menu.timeout(n)}}
	}
	if tail == "" {
		return t.say(st, n, []Utterance{t.msg("cleared", st.Lang)})
	}
	return t.number(st, n, tail)
}

// cutByLength reports whether a gather expecting want keys ended because it had them
// (Twilio may or may not count * toward numDigits; either way the count was reached).
func cutByLength(keys string, want int) bool {
	return len(keys) >= want || len(keys)-strings.Count(keys, "*") >= want
}

// number checks an entered number and moves on, or asks again.
func (t *Tree) number(st State, n *Node, keys string) (State, Turn) {
	if keys == "" || strings.Trim(keys, "0123456789") != "" {
		return t.fail(st, n, "bad_number")
	}
	m, ok := t.validate(keys)
	if !ok || !m.Valid {
		return t.fail(st, n, "bad_number")
	}
	st.Number, st.Carriers, st.Carrier = m.Number, append([]string(nil), m.Carriers...), ""
	return t.goTo(st, n.Next, nil)
}
