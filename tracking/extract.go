package tracking

// Extract finds every tracking number and order number in free text.
//
// Numbers may be written with hyphens, spaces, full-width characters or ー as a hyphen,
// after labels such as 伝票番号: or inside 「」. Phone numbers, postal codes, dates,
// times, prices, PINs and digit runs inside longer runs are not reported. A number whose
// shape fits a carrier but whose check digit fails comes back with Valid false; one that
// needed look-alike repair (O for 0 ...) comes back with Repaired true. Every Raw is a
// substring of text and every Number is built only from Raw's characters.
func Extract(text string) Found {
	if !hasDigits(text, minDigits) {
		return Found{Tracking: []Match{}, Orders: []Order{}}
	}
	s := scanner{text: text}
	s.found = Found{Tracking: []Match{}, Orders: []Order{}}
	s.scan()
	return s.found
}

// Limits of one run of groups; a longer run is cut, which only costs matches that
// would be longer than any format.
const (
	maxGroups   = 48
	maxRunBytes = 320
	maxSepRun   = 3  // more separators in a row end the run
	maxWord     = 4  // a letters-only group longer than this is a word and ends the run
	maxCand     = 41 // longest normalised candidate (GM + 39)
	maxCands    = 64
)

// join says how a group is attached to the next one.
type join uint8

const (
	joinNone   join = iota // last group of the run
	joinStrong             // dash or zero-width: the same number
	joinWeak               // spaces only: perhaps the same number
)

// group is a maximal run of letters and digits.
type group struct {
	start, end int   // raw byte offsets in the text
	b0, b1     int16 // normalised bytes in scanner.buf (maxRunBytes fits)
	digits     int16
	next       join
	lower      bool // a lower-case letter was typed
}

// scanner holds the state of one Extract call; it lives on the caller's stack.
type scanner struct {
	text string
	buf  [maxRunBytes]byte
	nb   int
	g    [maxGroups]group
	ng   int
	// contd is true when the run continues one that was cut for length: its first
	// group may be the middle of something longer, so no candidate starts there.
	contd bool
	found Found
}

// scan walks the text once, cutting it into runs of groups joined by separators.
func (s *scanner) scan() {
	t := s.text
	inGroup, skipping := false, false
	seps, sepJoin := 0, joinWeak
	for i := 0; i < len(t); {
		if s.ng == 0 && !inGroup && !skipping {
			if skip := skipPlain(t, i); skip > 0 {
				i += skip
				continue
			}
		}
		k, b, lower, size := classAt(t, i)
		switch k {
		case kAlnum, kLook:
			if skipping {
				break
			}
			if !inGroup {
				if k == kLook {
					s.flush()
					break
				}
				if s.ng == maxGroups || s.nb+maxCand+1 > maxRunBytes {
					s.flush()
					s.contd = true
				}
				if s.ng > 0 {
					s.g[s.ng-1].next = sepJoin
				}
				s.g[s.ng] = group{start: i, b0: int16(s.nb)}
				s.ng++
				inGroup = true
			}
			g := &s.g[s.ng-1]
			if g.b1-g.b0 == maxCand { // longer than any number: drop it, it ends the run
				s.ng--
				s.nb = int(g.b0)
				s.flush()
				inGroup, skipping = false, true
				break
			}
			s.buf[s.nb] = b
			s.nb++
			g.end, g.b1 = i+size, int16(s.nb)
			if b >= '0' && b <= '9' {
				g.digits++
			}
			g.lower = g.lower || lower
		case kStrong, kWeak:
			if inGroup {
				s.endGroup()
				inGroup = false
				seps, sepJoin = 0, joinWeak
			}
			skipping = false
			if s.ng > 0 {
				seps++
				if k == kStrong {
					sepJoin = joinStrong
				}
				if seps > maxSepRun {
					s.flush()
				}
			}
		default:
			if inGroup {
				s.endGroup()
				inGroup = false
			}
			skipping = false
			s.flush()
		}
		i += size
	}
	if inGroup {
		s.endGroup()
	}
	s.flush()
}

// minDigits is the fewest digits any number has (S10: 9) less one for a look-alike.
const minDigits = 8

// hasDigits reports whether text holds at least min ASCII or full-width digits: a
// quick pass that lets Extract skip texts that cannot hold a number.
func hasDigits(text string, min int) bool {
	n := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if (c >= '0' && c <= '9') ||
			(c == 0xEF && i+2 < len(text) && text[i+1] == 0xBC && text[i+2] >= 0x90 && text[i+2] <= 0x99) {
			if n++; n >= min {
				return true
			}
		}
	}
	return false
}

// skipPlain returns how many bytes at t[i] can be skipped outright when no run is
// open: an ASCII character that is not a letter or digit, or a whole well-formed
// multi-byte character that is not full-width (the ＡＢＣ/０１２ block starts with 0xEF).
// It returns 0 when classAt must look.
func skipPlain(t string, i int) int {
	c := t[i]
	switch {
	case c < 0x80:
		if isDigit(c) {
			return 0
		}
		if isUpper(c) || (c >= 'a' && c <= 'z') {
			return skipWord(t, i)
		}
		return 1
	case c >= 0xE0 && c < 0xF0 && c != 0xEF:
		if i+2 < len(t) && t[i+1]&0xC0 == 0x80 && t[i+2]&0xC0 == 0x80 {
			return 3
		}
	case c >= 0xC2 && c < 0xE0:
		if i+1 < len(t) && t[i+1]&0xC0 == 0x80 {
			return 2
		}
	}
	return 0
}

// skipWord returns the length of the ASCII word at t[i] when it is longer than
// maxWord and stands alone (no digit or non-ASCII letter glued to its end): such a
// word could only end a run, so it need not be read. Otherwise it returns 0.
func skipWord(t string, i int) int {
	j := i
	for j < len(t) && (isUpper(t[j]) || (t[j] >= 'a' && t[j] <= 'z')) {
		j++
	}
	if j-i <= maxWord || (j < len(t) && (isDigit(t[j]) || t[j] >= 0x80)) {
		return 0
	}
	return j - i
}

// endGroup closes the last group; a letters-only word longer than maxWord ends the run.
func (s *scanner) endGroup() {
	g := &s.g[s.ng-1]
	if g.digits == 0 && g.b1-g.b0 > maxWord {
		s.ng--
		s.nb = int(g.b0)
		s.flush()
	}
}

// flush evaluates the current run and starts a new one.
func (s *scanner) flush() {
	if s.ng > 0 {
		s.g[s.ng-1].next = joinNone
		s.evaluate()
	}
	s.ng, s.nb, s.contd = 0, 0, false
}
