package tracking

// Validate returns the ids of every carrier whose full rule holds for s (after Normalize).
// It does not allocate when nothing matches.
//
// Formats with neither a check digit nor a distinguishing prefix (legacy SF 12 digits,
// Seino, Fukuyama ...) are never claimed here; see ValidFor. A 12-digit number that
// passes 7DR is valid for yamato, sagawa and japanpost at once: the number alone cannot
// tell them apart. Ten or eleven digits starting with 0 are read as a phone number.
func Validate(s string) []string {
	if isClean(s) {
		valid, _ := classify(stripCodabar(s), false)
		return valid.ids()
	}
	var buf [maxNumber]byte
	k, ascii := asciiNormalize(&buf, s)
	if !ascii {
		valid, _ := classify(stripCodabar(Normalize(s)), false)
		return valid.ids()
	}
	if k < 0 {
		return nil
	}
	// The conversion stays on the stack: classify keeps nothing of its argument.
	valid, _ := classify(stripCodabar(string(buf[:k])), false)
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
	kinds, nk := kindsFor(n)
	for _, k := range kinds[:nk] {
		f := &formats[k]
		if inText && f.notInText {
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

// kindsFor lists the formats (other than those accepted only when named) that a
// normalised number of n's length and first letters can have.
func kindsFor(n string) (k [5]formatKind, count int) {
	add := func(fs ...formatKind) {
		for _, f := range fs {
			k[count] = f
			count++
		}
	}
	switch len(n) {
	case 10:
		add(fDHL10)
	case 11:
		add(fJP11, fDHL11, fUPSWaybill)
	case 12:
		add(f7DR12, fFedEx12)
	case 13:
		add(fS10JP, fS10CN, fS10)
	case 15:
		add(fFedEx15, fSF15, fTBA)
	case 18:
		add(fUPS1Z, fSSCC18, fYunYT, f4PX)
	case 20, 21:
		add(fUSPS20, fDHLJD)
	case 22:
		add(fFedEx96, fUSPS22)
	case 26:
		add(fUSPS26)
	case 30, 38:
		add(fUSPS420)
	case 32:
		add(fFedExASTRA32)
	case 34:
		add(fFedEx34, fFedExGSN34, fUSPS420)
	}
	if len(n) >= 12 && n[0] == 'G' && n[1] == 'M' {
		add(fDHLGM)
	}
	return k, count
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

// normalizeInto normalises s for ValidFor: ASCII through asciiNormalize, anything
// else through Normalize. ok is false when the result is too long to be a number.
func normalizeInto(buf *[maxNumber]byte, s string) (string, bool) {
	if isClean(s) {
		return s, len(s) <= maxNumber
	}
	k, ascii := asciiNormalize(buf, s)
	if !ascii {
		n := Normalize(s)
		return n, len(n) <= maxNumber
	}
	if k < 0 {
		return "", false
	}
	return string(buf[:k]), true
}

// asciiNormalize does Normalize's work into buf for s made of ASCII, full-width
// letters and digits, spaces and dash look-alikes (what customers type), and returns
// the length, or -1 when the result does not fit. ascii is false when s holds any
// other character; the caller then uses Normalize.
func asciiNormalize(buf *[maxNumber]byte, s string) (k int, ascii bool) {
	for i := 0; i < len(s); {
		kind, b, _, size := classAt(s, i)
		c := s[i]
		switch {
		case kind == kAlnum:
			c = b
		case kind == kStrong || kind == kWeak || (c >= '\t' && c <= '\r'):
			i += size
			continue
		case c >= 0x80:
			return 0, false
		}
		if k == len(buf) {
			return -1, true
		}
		buf[k] = c
		k++
		i += size
	}
	return k, true
}
