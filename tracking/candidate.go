package tracking

import "strings"

// cand is one possible number: the groups g[i..j] of the current run.
type cand struct {
	i, j     int
	score    int
	order    bool
	valid    carrierSet
	shape    carrierSet
	repaired bool
	strip    bool // NW-7 start/stop letters removed
	suppress bool // a phone or card number: its groups are taken, nothing is reported
}

// Scores: an order number or a number with a letter prefix beats a bare-digit number,
// a valid number beats a repaired one, which beats a look-alike. Typical grouping
// (one chunk, or chunks of at most 7 characters) adds groupBonus.
const (
	scoreSuppress = 28 // above any bare-digit number, below a prefixed one (1Z ... 0164307427)
	scoreOrder    = 40
	scorePrefixed = 30
	scoreDigits   = 20
	scoreRepaired = 15
	scoreLook     = 10
	groupBonus    = 5
)

// evaluate finds the numbers of the current run and appends them to s.found.
func (s *scanner) evaluate() {
	digits := 0
	for k := 0; k < s.ng; k++ {
		digits += int(s.g[k].digits)
	}
	if digits < minDigits || s.phonePrefix() {
		return
	}
	var cands [maxCands]cand
	nc := 0
	for i := 0; i < s.ng; i++ {
		if (i > 0 && s.g[i-1].next == joinStrong) || (i == 0 && s.contd) {
			continue // not the start of a chunk
		}
		for j := i; j < s.ng; j++ {
			if s.g[j].b1-s.g[i].b0 > maxCand {
				break
			}
			if s.g[j].next == joinStrong {
				continue // not the end of a chunk
			}
			if c, ok := s.judge(i, j); ok && nc < maxCands {
				cands[nc] = c
				nc++
			}
		}
	}
	s.pick(cands[:nc])
}

// phonePrefix reports whether the run follows a "+", as in +81-90-1234-5678.
func (s *scanner) phonePrefix() bool {
	before := strings.TrimRight(s.text[:s.g[0].start], " ")
	return strings.HasSuffix(before, "+") || strings.HasSuffix(before, "＋")
}

// judge decides what the groups g[i..j] are, if anything.
func (s *scanner) judge(i, j int) (cand, bool) {
	c := cand{i: i, j: j}
	// Lower-case words around digits ("is 123456789 at") only count when the
	// number they make is fully valid, as in "ej 595 641 907 jp".
	lowerWords := false
	for k := i; k <= j && j > i; k++ {
		lowerWords = lowerWords || (s.g[k].digits == 0 && s.g[k].lower)
	}
	if s.badContext(s.g[i].start, s.g[j].end) {
		return c, false
	}
	n := string(s.buf[s.g[i].b0:s.g[j].b1])
	if isOrderNumber(n) {
		c.order, c.score = true, scoreOrder+groupBonus
		return c, true
	}
	if isPhoneLike(n) || isCardLike(n) || s.isIntlPhone(i, j, n) {
		c.suppress, c.score = true, scoreSuppress
		return c, true
	}
	m := stripCodabar(n)
	c.strip = len(m) != len(n)
	c.valid, c.shape = classify(m, true)
	if lowerWords && c.valid == 0 {
		return c, false
	}
	switch {
	case c.valid != 0 && !allDigits(m):
		c.score = scorePrefixed
	case c.valid != 0:
		c.score = scoreDigits
	case c.shape != 0:
		if !s.digitChunksAtLeast(i, j, 3) {
			return c, false // "2024 06 11 0930" is a date and a time, not a mistyped number
		}
		c.score = scoreLook
	default:
		if !s.repairable(i, j) {
			return c, false
		}
		r, ok := repairDigits(m)
		if !ok {
			return c, false
		}
		if c.valid = validDigits(r); c.valid == 0 {
			return c, false
		}
		c.repaired, c.score = true, scoreRepaired
	}
	if s.typicalGrouping(i, j) {
		c.score += groupBonus
	}
	return c, true
}

// repairable reports whether look-alike repair may be tried on g[i..j]: every group
// holds a digit, at least 8 digits in all, and at most 3 letters.
func (s *scanner) repairable(i, j int) bool {
	digits, letters := 0, 0
	for k := i; k <= j; k++ {
		g := &s.g[k]
		if g.digits == 0 {
			return false
		}
		digits += int(g.digits)
		letters += int(g.b1 - g.b0 - g.digits)
	}
	return digits >= 8 && letters >= 1 && letters <= 3
}

// digitChunksAtLeast reports whether every all-digit chunk of g[i..j] (parts
// joined by spaces) has at least min characters.
func (s *scanner) digitChunksAtLeast(i, j, min int) bool {
	start, digitsOnly := i, true
	for k := i; k <= j; k++ {
		digitsOnly = digitsOnly && s.g[k].digits == s.g[k].b1-s.g[k].b0
		if k < j && s.g[k].next != joinWeak {
			continue
		}
		if digitsOnly && int(s.g[k].b1-s.g[start].b0) < min {
			return false
		}
		start, digitsOnly = k+1, true
	}
	return true
}

// typicalGrouping: one chunk, or chunks (parts joined by spaces) of at most 7 characters.
func (s *scanner) typicalGrouping(i, j int) bool {
	chunks, long := 1, false
	start := i
	for k := i; k <= j; k++ {
		if k < j && s.g[k].next != joinWeak {
			continue
		}
		if s.g[k].b1-s.g[start].b0 > 7 {
			long = true
		}
		if k < j {
			chunks++
		}
		start = k + 1
	}
	return chunks == 1 || !long
}

// pick keeps the best candidates that do not overlap and appends them in text order.
func (s *scanner) pick(cands []cand) {
	// insertion sort: best score, then longest, then leftmost
	for a := 1; a < len(cands); a++ {
		for b := a; b > 0 && better(cands[b], cands[b-1], s); b-- {
			cands[b], cands[b-1] = cands[b-1], cands[b]
		}
	}
	var taken [maxGroups]bool
	var chosen [maxCands]int
	nc := 0
	for x := range cands {
		c := &cands[x]
		free := true
		for k := c.i; k <= c.j; k++ {
			free = free && !taken[k]
		}
		if !free {
			continue
		}
		for k := c.i; k <= c.j; k++ {
			taken[k] = true
		}
		chosen[nc] = x
		nc++
	}
	for a := 1; a < nc; a++ { // back into text order
		for b := a; b > 0 && cands[chosen[b]].i < cands[chosen[b-1]].i; b-- {
			chosen[b], chosen[b-1] = chosen[b-1], chosen[b]
		}
	}
	for _, x := range chosen[:nc] {
		s.emit(&cands[x])
	}
}

func better(a, b cand, s *scanner) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	la, lb := s.g[a.j].b1-s.g[a.i].b0, s.g[b.j].b1-s.g[b.i].b0
	if la != lb {
		return la > lb
	}
	return a.i < b.i
}

// emit turns a chosen candidate into a Match or an Order.
func (s *scanner) emit(c *cand) {
	if c.suppress {
		return
	}
	raw := s.text[s.g[c.i].start:s.g[c.j].end]
	n := string(s.buf[s.g[c.i].b0:s.g[c.j].b1])
	if c.order {
		o := Order{Raw: raw, Number: n[:3] + "-" + n[3:10] + "-" + n[10:], Digital: n[0] == 'D'}
		for _, seen := range s.found.Orders {
			if seen.Number == o.Number {
				return // the same order twice in one message is reported once
			}
		}
		s.found.Orders = append(s.found.Orders, o)
		return
	}
	if c.strip {
		n = n[1 : len(n)-1]
	}
	m := Match{Raw: raw, Number: n, Valid: c.valid != 0, Repaired: c.repaired}
	if c.repaired {
		m.Number, _ = repairDigits(n)
	}
	for _, seen := range s.found.Tracking {
		if seen.Number == m.Number {
			return // the same number twice in one message is reported once
		}
	}
	if m.Valid {
		m.Carriers = c.valid.ids()
	} else {
		m.Carriers = c.shape.ids()
	}
	s.found.Tracking = append(s.found.Tracking, m)
}
