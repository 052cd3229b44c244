package phone

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
)

// Simulator is a call to the phone tree in a terminal: it prints what would be spoken and
// reads the keys of each Gather as one line. It drives the same Phone.Call as the webhook.
type Simulator struct {
	Phone *Phone
	Out   io.Writer
	// From is the caller's number given to a hand-off.
	From string
	// Lang starts the call in that language ("ja" or "en"); empty: the menu's.
	Lang string
	// CallSid names the call; empty: "SIM".
	CallSid string
}

// Interactive runs a call reading one line of keys per prompt from in. An empty line is
// silence (the prompt times out). The call ends at hang-up, or when in ends.
func (s *Simulator) Interactive(ctx context.Context, in io.Reader) error {
	sc := bufio.NewScanner(in)
	return s.run(ctx, func(g *Gather) (string, bool) {
		fmt.Fprintf(s.Out, "%s> ", describe(g))
		if !sc.Scan() {
			fmt.Fprintln(s.Out)
			return "", false
		}
		return sc.Text(), true
	})
}

// Script runs a call on prepared key lines (one per prompt, "" for silence) and prints
// the keys as it goes. The caller hangs up when the lines run out.
func (s *Simulator) Script(ctx context.Context, lines []string) error {
	i := 0
	return s.run(ctx, func(g *Gather) (string, bool) {
		if i >= len(lines) {
			return "", false
		}
		line := lines[i]
		i++
		shown := line
		if shown == "" {
			shown = "(no input)"
		}
		fmt.Fprintf(s.Out, "%s> %s\n", describe(g), shown)
		return line, true
	})
}

// ParseKeys splits a --keys script: comma-separated key lines, an empty element is silence.
func ParseKeys(s string) []string { return strings.Split(s, ",") }

func (s *Simulator) run(ctx context.Context, next func(*Gather) (string, bool)) error {
	sid := s.CallSid
	if sid == "" {
		sid = "SIM"
	}
	turn := s.Phone.Call(ctx, sid, s.From, Event{Kind: EventStart, Lang: s.Lang})
	var ahead, finish string // keys typed past the end of the last gather, and its finish key
	for {
		s.print(turn)
		if turn.Hangup || turn.Gather == nil {
			fmt.Fprintln(s.Out, "(hang up)")
			return nil
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("phone simulator: %w", err)
		}
		var line string
		if len(turn.Say) == 0 && ahead != "" {
			// A silent gather continues an entry: the keys already typed go on into it.
			line, ahead = ahead, ""
		} else {
			if ahead != "" && ahead != finish {
				fmt.Fprintf(s.Out, "(keys pressed after the entry ended are not heard: %s)\n", ahead)
			}
			var ok bool
			if line, ok = next(turn.Gather); !ok {
				fmt.Fprintln(s.Out, "(caller hung up)")
				s.Phone.calls.Delete(sid)
				return nil
			}
		}
		var keys string
		keys, ahead = Collect(line, *turn.Gather)
		finish = turn.Gather.FinishOnKey
		turn = s.Phone.Call(ctx, sid, s.From, Digits(keys))
	}
}

func (s *Simulator) print(t Turn) {
	for _, u := range t.Say {
		fmt.Fprintf(s.Out, "[%s] %s\n", u.Voice, u.Text)
	}
}

// Collect does what Twilio's <Gather> does with keys pressed in a row: it stops at the
// finish key (which is not kept) or once NumDigits keys were pressed. It returns the keys
// Twilio would post as Digits, and what was pressed after the entry ended. Characters
// that are not phone keys are skipped.
func Collect(line string, g Gather) (digits, dropped string) {
	var b strings.Builder
	for i, r := range line {
		if !strings.ContainsRune("0123456789*#", r) {
			continue
		}
		if g.FinishOnKey != "" && string(r) == g.FinishOnKey {
			return b.String(), keysOnly(line[i+1:])
		}
		b.WriteRune(r)
		if g.NumDigits > 0 && b.Len() >= g.NumDigits {
			return b.String(), keysOnly(line[i+1:])
		}
	}
	return b.String(), ""
}

func keysOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("0123456789*#", r) {
			return r
		}
		return -1
	}, s)
}

// describe says how a Gather takes keys, for the simulator's prompt.
func describe(g *Gather) string {
	var parts []string
	switch {
	case g.NumDigits == 1:
		parts = append(parts, "1 key")
	case g.NumDigits > 1:
		parts = append(parts, fmt.Sprintf("up to %d keys", g.NumDigits))
	default:
		parts = append(parts, "keys")
	}
	if g.FinishOnKey != "" {
		parts = append(parts, g.FinishOnKey+" to finish, * to clear")
	}
	parts = append(parts, "Enter alone = no input")
	return "keys (" + strings.Join(parts, ", ") + ")"
}
