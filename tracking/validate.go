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
	ks, gm := kindsFor(n)
	for i := 0; i < len(ks); i++ {
		valid, shape = formatKind(ks[i]).add(n, inText, valid, shape)
	}
	if gm {
		valid, shape = fDHLGM.add(n, inText, valid, shape)
	}
	return valid, shape &^ valid
}

// add matches n against format k and adds its carriers to valid (rule holds) or to
// shape (shape only, for formats that report look-alikes).
func (k formatKind) add(n string, inText bool, valid, shape carrierSet) (carrierSet, carrierSet) {
	f := &formats[k]
	if inText && f.notInText {
		return valid, shape
	}
	switch sh, ok := k.match(n); {
	case ok:
		valid |= f.carriers
	case sh && f.lookalike:
		shape |= f.carriers
	}
	return valid, shape
}

// Format lists by normalised length, one formatKind per byte (constant strings).
const (
	kinds10 = string(rune(fDHL10))
	kinds11 = string(rune(fJP11)) + string(rune(fDHL11)) + string(rune(fUPSWaybill))
	kinds12 = string(rune(f7DR12)) + string(rune(fFedEx12))
	kinds13 = string(rune(fS10JP)) + string(rune(fS10CN)) + string(rune(fS10))
	kinds15 = string(rune(fFedEx15)) + string(rune(fSF15)) + string(rune(fTBA))
	kinds18 = string(rune(fUPS1Z)) + string(rune(fSSCC18)) + string(rune(fYunYT)) + string(rune(f4PX))
	kinds20 = string(rune(fUSPS20)) + string(rune(fDHLJD))
	kinds22 = string(rune(fFedEx96)) + string(rune(fUSPS22))
	kinds26 = string(rune(fUSPS26))
	kinds30 = string(rune(fUSPS420))
	kinds32 = string(rune(fFedExASTRA32))
	kinds34 = string(rune(fFedEx34)) + string(rune(fFedExGSN34)) + string(rune(fUSPS420))
)

// kindsFor lists the formats (other than those accepted only when named) that a
// normalised number of n's length can have; gm is true when n may be DHL eCommerce.
func kindsFor(n string) (k string, gm bool) {
	switch len(n) {
	case 10:
		k = kinds10
	case 11:
		k = kinds11
	case 12:
		k = kinds12
	case 13:
		k = kinds13
	case 15:
		k = kinds15
	case 18:
		k = kinds18
	case 20, 21:
		k = kinds20
	case 22:
		k = kinds22
	case 26:
		k = kinds26
	case 30, 38:
		k = kinds30
	case 32:
		k = kinds32
	case 34:
		k = kinds34
	}
	return k, len(n) >= 12 && n[0] == 'G' && n[1] == 'M'
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
