package tracking

// Check validates one number the customer typed on its own, reporting shape-only
// matches and look-alike repair as Extract does.
//
// ok is false when s is not recognisable as a tracking number at all. Otherwise the
// Match says which carriers' full rule holds (Valid), or which carriers' shape matched
// although the check digit failed (Valid false: "please check the last digit"), or that
// look-alike letters were replaced to get a valid number (Repaired: ask to confirm).
func Check(s string) (Match, bool) {
	n := stripCodabar(Normalize(s))
	valid, shape := classify(n, false)
	switch {
	case valid != 0:
		return Match{Raw: s, Number: n, Carriers: valid.ids(), Valid: true}, true
	case shape != 0:
		return Match{Raw: s, Number: n, Carriers: shape.ids()}, true
	}
	if r, ok := repairDigits(n); ok {
		if v := validDigits(r); v != 0 {
			return Match{Raw: s, Number: r, Carriers: v.ids(), Valid: true, Repaired: true}, true
		}
	}
	return Match{}, false
}

// validDigits is classify's valid set restricted to all-digit formats, the only
// ones look-alike repair may reach.
func validDigits(n string) carrierSet {
	if len(n) < 10 || len(n) > maxNumber || isPhoneLike(n) {
		return 0
	}
	var v carrierSet
	for k := formatKind(0); k < numFormats; k++ {
		f := &formats[k]
		if f.claim != claimCheck || !f.digits {
			continue
		}
		if _, ok := k.match(n); ok {
			v |= f.carriers
		}
	}
	return v
}
