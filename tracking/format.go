package tracking

// formatKind is one number format of CARRIERS.md: a shape and, where known, a check digit.
type formatKind uint8

const (
	f7DR12        formatKind = iota // 12 digits, 7DR: Yamato, Sagawa, Japan Post
	fFedEx12                        // 12 digits, weights 3-1-7 mod 11
	fJP11                           // 11 digits 書留/特定記録, type digit 1–8, first 10 mod 7
	fDHL10                          // 10 digits, first 9 mod 7
	fDHL11                          // 11 digits, first 10 mod 7
	fS10JP                          // UPU S10 ending JP: Japan Post international
	fS10CN                          // UPU S10 ending CN: China Post
	fS10                            // UPU S10, any other ISO country
	fUPS1Z                          // 1Z + 15 + check digit
	fUPSWaybill                     // [AHJKTV] + 9 + check digit
	fFedEx15                        // 15 digits, GS1 mod 10
	fFedEx96                        // 96 + 20 digits, GS1 over digits 8–21
	fSSCC18                         // 18 digits, GS1 mod 10
	fFedEx34                        // [0-8] + 33 digits, weights 1-7-3 over digits 21–33
	fFedExGSN34                     // 96 + 32 digits, as FedEx 34
	fFedExASTRA32                   // 3 + 31 digits, embedded Express 12 at digits 17–28
	fUSPS20                         // 20 digits, GS1 (with or without the 91 identifier)
	fUSPS22                         // 9[1-5] + 20 digits, GS1
	fUSPS26                         // 9[2-5] + 24 digits, GS1
	fUSPS420                        // 420 + ZIP (5 or 9) + a USPS 22 or 26
	fYunYT                          // YT + 16 digits, no check digit
	f4PX                            // 4PX + 13 digits + CN, GS1 (inferred)
	fSF15                           // SF + 13 digits, no check digit
	fTBA                            // TB[ACM] + 12 digits, no check digit
	fDHLJD                          // JD or JJD + 18 digits, no check digit
	fDHLGM                          // GM + 10–39 letters and digits (at least 8 digits)
	fSFLegacy12                     // 12 digits, no check digit: only when SF is named
	fYDH                            // 10–40 letters and digits: only when YDH is named
	fLargeItem                      // 10–12 digits: only when the large-item carrier is named
	numFormats
)

// claim says how much a format may say from the number alone.
type claim uint8

const (
	// claimCheck: the check digit decides.
	claimCheck claim = iota
	// claimPrefix: no check digit, but a prefix that no other format has.
	claimPrefix
	// claimNamed: neither; the number is only accepted once its carrier is named.
	claimNamed
)

// formatInfo is the data part of a format.
type formatInfo struct {
	carriers carrierSet
	claim    claim
	// lookalike: a number of this shape whose check digit fails is still reported
	// (valid:false). Off for shapes that ordinary numbers take (10 digits, 18 digits ...).
	lookalike bool
	// digits: all-digit format, so look-alike repair (O→0 ...) may be tried.
	digits bool
	// notInText: not reported by Extract. US barcode formats of bare digits (SSCC-18,
	// USPS 20) that lot, member and card-like numbers in Japanese messages pass one
	// time in ten; Validate and Check still accept them.
	notInText bool
}

// formats is the format table, indexed by formatKind.
var formats = [numFormats]formatInfo{
	f7DR12:        {carriers: set(cYamato, cSagawa, cJapanPost), lookalike: true, digits: true},
	fFedEx12:      {carriers: set(cFedEx), lookalike: true, digits: true},
	fJP11:         {carriers: set(cJapanPost), lookalike: true, digits: true},
	fDHL10:        {carriers: set(cDHL), digits: true},
	fDHL11:        {carriers: set(cDHL), digits: true},
	fS10JP:        {carriers: set(cJapanPost), lookalike: true},
	fS10CN:        {carriers: set(cChinaPost), lookalike: true},
	fS10:          {carriers: set(cS10), lookalike: true},
	fUPS1Z:        {carriers: set(cUPS), lookalike: true},
	fUPSWaybill:   {carriers: set(cUPS)},
	fFedEx15:      {carriers: set(cFedEx), digits: true},
	fFedEx96:      {carriers: set(cFedEx), digits: true},
	fSSCC18:       {carriers: set(cFedEx), digits: true, notInText: true},
	fFedEx34:      {carriers: set(cFedEx), digits: true},
	fFedExGSN34:   {carriers: set(cFedEx), digits: true},
	fFedExASTRA32: {carriers: set(cFedEx), digits: true},
	fUSPS20:       {carriers: set(cUSPS), digits: true, notInText: true},
	fUSPS22:       {carriers: set(cUSPS), digits: true},
	fUSPS26:       {carriers: set(cUSPS), digits: true},
	fUSPS420:      {carriers: set(cUSPS), digits: true},
	fYunYT:        {carriers: set(cYunExpress), claim: claimPrefix},
	f4PX:          {carriers: set(c4PX), lookalike: true},
	fSF15:         {carriers: set(cSF), claim: claimPrefix},
	fTBA:          {carriers: set(cAmazon), claim: claimPrefix},
	fDHLJD:        {carriers: set(cDHL), claim: claimPrefix},
	fDHLGM:        {carriers: set(cDHL), claim: claimPrefix},
	fSFLegacy12:   {carriers: set(cSF), claim: claimNamed},
	fYDH:          {carriers: set(cYDH), claim: claimNamed},
	fLargeItem:    {carriers: set(cSeino, cFukuyama, cNittsu), claim: claimNamed},
}

// match reports whether n (normalised) has the format's shape and whether its
// check digit holds (ok is shape for formats without one).
func (k formatKind) match(n string) (shape, ok bool) {
	switch k {
	case f7DR12:
		shape = len(n) == 12 && allDigits(n)
		return shape, shape && mod7(n)
	case fFedEx12:
		shape = len(n) == 12 && allDigits(n)
		return shape, shape && weighted11(n[:11], w317, n[11])
	case fJP11:
		shape = len(n) == 11 && n[0] >= '1' && n[0] <= '8' && allDigits(n)
		return shape, shape && mod7(n)
	case fDHL10:
		shape = len(n) == 10 && allDigits(n)
		return shape, shape && mod7(n)
	case fDHL11:
		shape = len(n) == 11 && allDigits(n)
		return shape, shape && mod7(n)
	case fS10JP, fS10CN, fS10:
		if !isS10Shape(n) {
			return false, false
		}
		cc := n[11:]
		switch {
		case k == fS10JP && cc == "JP", k == fS10CN && cc == "CN":
			return true, s10(n)
		case k == fS10 && cc != "JP" && cc != "CN":
			return true, s10(n) && isCountry(cc)
		}
		return false, false
	case fUPS1Z:
		shape = len(n) == 18 && n[0] == '1' && n[1] == 'Z' && allAlnum(n[2:17]) && isDigit(n[17])
		return shape, shape && ups1Z(n)
	case fUPSWaybill:
		shape = len(n) == 11 && isByteIn(n[0], "AHJKTV") && allDigits(n[1:])
		return shape, shape && upsWaybill(n)
	case fFedEx15:
		shape = len(n) == 15 && allDigits(n)
		return shape, shape && gs1(n)
	case fFedEx96:
		shape = len(n) == 22 && n[0] == '9' && n[1] == '6' && allDigits(n)
		return shape, shape && gs1(n[7:])
	case fSSCC18:
		shape = len(n) == 18 && allDigits(n)
		return shape, shape && gs1(n)
	case fFedEx34:
		shape = len(n) == 34 && n[0] >= '0' && n[0] <= '8' && allDigits(n)
		return shape, shape && weighted11(n[20:33], w173, n[33])
	case fFedExGSN34:
		shape = len(n) == 34 && n[0] == '9' && n[1] == '6' && allDigits(n)
		return shape, shape && weighted11(n[20:33], w173, n[33])
	case fFedExASTRA32:
		shape = len(n) == 32 && n[0] == '3' && allDigits(n)
		return shape, shape && weighted11(n[16:27], w317, n[27])
	case fUSPS20:
		shape = len(n) == 20 && allDigits(n)
		return shape, shape && (gs1(n) || gs1Prefixed("91", n))
	case fUSPS22, fUSPS26:
		shape = isUSPSBody(n) && (len(n) == 22) == (k == fUSPS22)
		return shape, shape && gs1(n)
	case fUSPS420:
		shape = len(n) >= 30 && n[0] == '4' && n[1] == '2' && n[2] == '0' && allDigits(n) &&
			(isUSPSBody(n[8:]) || isUSPSBody(n[12:]))
		return shape, shape && ((isUSPSBody(n[8:]) && gs1(n[8:])) || (isUSPSBody(n[12:]) && gs1(n[12:])))
	case fYunYT:
		shape = len(n) == 18 && n[0] == 'Y' && n[1] == 'T' && allDigits(n[2:])
		return shape, shape
	case f4PX:
		shape = len(n) == 18 && n[:3] == "4PX" && n[16:] == "CN" && allDigits(n[3:16])
		return shape, shape && gs1(n[3:16])
	case fSF15:
		shape = len(n) == 15 && n[0] == 'S' && n[1] == 'F' && allDigits(n[2:])
		return shape, shape
	case fTBA:
		shape = len(n) == 15 && n[0] == 'T' && n[1] == 'B' && isByteIn(n[2], "ACM") && allDigits(n[3:])
		return shape, shape
	case fDHLJD:
		shape = (len(n) == 20 && n[:2] == "JD" && allDigits(n[2:])) ||
			(len(n) == 21 && n[:3] == "JJD" && allDigits(n[3:]))
		return shape, shape
	case fDHLGM:
		shape = len(n) >= 12 && len(n) <= 41 && n[0] == 'G' && n[1] == 'M' && allAlnum(n[2:]) && countDigits(n[2:]) >= 8
		return shape, shape
	case fSFLegacy12:
		shape = len(n) == 12 && allDigits(n)
		return shape, shape
	case fYDH:
		shape = len(n) >= 10 && len(n) <= 40 && allAlnum(n) && countDigits(n) > 0
		return shape, shape
	case fLargeItem:
		shape = len(n) >= 10 && len(n) <= 12 && allDigits(n)
		return shape, shape
	}
	return false, false
}

// isS10Shape reports whether n is two letters, nine digits, two letters.
func isS10Shape(n string) bool {
	return len(n) == 13 && isUpper(n[0]) && isUpper(n[1]) && allDigits(n[2:11]) && isUpper(n[11]) && isUpper(n[12])
}

// isUSPSBody reports whether n is a USPS IMpb tracking number without routing
// prefix: 22 digits starting 91–95, or 26 digits starting 92–95.
func isUSPSBody(n string) bool {
	switch len(n) {
	case 22:
		return n[0] == '9' && n[1] >= '1' && n[1] <= '5' && allDigits(n)
	case 26:
		return n[0] == '9' && n[1] >= '2' && n[1] <= '5' && allDigits(n)
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

func allAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && !isUpper(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

func isByteIn(c byte, set string) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}
