package tracking

// Validate returns the ids of every carrier whose full rule holds for s (after Normalize).
// It does not allocate when nothing matches.
//
// Formats with neither a check digit nor a distinguishing prefix (legacy SF 12 digits,
// Seino, Fukuyama ...) are never claimed here; see ValidFor. A 12-digit number that
// passes 7DR is valid for yamato, sagawa and japanpost at once: the number alone cannot
// tell them apart. Ten or eleven digits starting with 0 are read as a phone number.
func Validate(s string) []string {
	var buf [maxNumber]byte
	n, ok := normalizeInto(&buf, s)
	if !ok {
		return nil
	}
	valid, _ := classify(stripCodabar(n), false)
	return valid.ids()
}

// ValidFor reports whether s is a well-formed number of the carrier with the given id,
// now that the carrier is known: the check digit holds where the carrier has one, and
// the shape fits for formats that are only accepted once the carrier is named.
// Carriers with no known format (SFC, Yanwen) are never valid here.
func ValidFor(carrierID, s string) bool {
	c := indexOf(carrierID)
	if c < 0 {
		return false
	}
	var buf [maxNumber]byte
	n, ok := normalizeInto(&buf, s)
	if !ok {
		return false
	}
	n = stripCodabar(n)
	if isPhoneLike(n) {
		return false
	}
	for k := formatKind(0); k < numFormats; k++ {
		if !formats[k].carriers.has(c) {
			continue
		}
		if _, ok := k.match(n); ok {
			return true
		}
	}
	return false
}

// maxNumber bounds the normalised length of anything that can be a number.
const maxNumber = 48

// classify returns the carriers whose full rule holds for the normalised n (valid)
// and those whose shape matched but whose check digit failed, limited to formats that
// report look-alikes (shape). Formats only accepted when named are left out, and
// with inText so are the formats Extract does not report.
func classify(n string, inText bool) (valid, shape carrierSet) {
	if len(n) < 10 || len(n) > maxNumber || isPhoneLike(n) {
		return 0, 0
	}
	for k := formatKind(0); k < numFormats; k++ {
		f := &formats[k]
		if f.claim == claimNamed || (inText && f.notInText) {
			continue
		}
		sh, ok := k.match(n)
		switch {
		case ok:
			valid |= f.carriers
		case sh && f.lookalike:
			shape |= f.carriers
		}
	}
	return valid, shape &^ valid
}

// isPhoneLike reports whether n looks like a Japanese phone number: 10 or 11 digits
// starting with 0 (landlines, 0120 free dial, 070/080/090 mobiles).
func isPhoneLike(n string) bool {
	return (len(n) == 10 || len(n) == 11) && n[0] == '0' && allDigits(n)
}

// stripCodabar removes the NW-7 start and stop letters (A–D) that a scanned Yamato
// label carries around its 12 digits.
func stripCodabar(n string) string {
	if len(n) == 14 && n[0] >= 'A' && n[0] <= 'D' && n[13] >= 'A' && n[13] <= 'D' && allDigits(n[1:13]) {
		return n[1:13]
	}
	return n
}

// normalizeInto normalises s into buf without allocating when s is ASCII (the
// common case); other input goes through Normalize. ok is false when the result
// cannot be a number (too long).
func normalizeInto(buf *[maxNumber]byte, s string) (string, bool) {
	if isClean(s) {
		return s, len(s) <= maxNumber
	}
	k := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			n := Normalize(s)
			return n, len(n) <= maxNumber
		case c == ' ' || c == '-' || (c >= '\t' && c <= '\r'): // what Normalize deletes
			continue
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		}
		if k == len(buf) {
			return "", false
		}
		buf[k] = c
		k++
	}
	return string(buf[:k]), true
}
