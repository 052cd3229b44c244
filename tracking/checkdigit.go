package tracking

// Check-digit algorithms of CARRIERS.md §6. Every function takes the normalised
// number (ASCII digits and upper-case letters) and reports whether its check digit
// holds. None of them allocates; callers have already checked the shape.

// digit returns the value of an ASCII digit.
func digit(c byte) int { return int(c - '0') }

// mod7 reports whether the last digit of n equals the number formed by all the
// digits before it, modulo 7. This is 7DR (Yamato, Sagawa, Japan Post 12 digits),
// the Japan Post 11-digit 書留 rule and DHL Express (10 and 11 digits).
func mod7(n string) bool {
	var v uint64 // at most 11 digits before the check digit: no overflow
	for i := 0; i < len(n)-1; i++ {
		v = v*10 + uint64(n[i]-'0')
	}
	return int(v%7) == digit(n[len(n)-1])
}

// gs1 reports whether the last digit of n is the GS1 mod-10 check digit of the
// digits before it: weight 3 on the rightmost data digit, then 1, 3, 1 ... leftwards.
// Used by FedEx Ground 15, SSCC-18, USPS 20/22/26 and (inferred) 4PX.
func gs1(n string) bool {
	return gs1Digit(n[:len(n)-1]) == digit(n[len(n)-1])
}

// gs1Digit computes the GS1 mod-10 check digit of body.
func gs1Digit(body string) int {
	t := 0
	for i := 0; i < len(body); i++ {
		d := digit(body[len(body)-1-i])
		if i%2 == 0 {
			d *= 3
		}
		t += d
	}
	return (10 - t%10) % 10
}

// gs1Prefixed is gs1 over prefix+n without building the string (USPS legacy
// numbers printed without their "91" application identifier).
func gs1Prefixed(prefix, n string) bool {
	t, w := 0, 0
	for i := len(n) - 2; i >= 0; i-- {
		t += weigh(digit(n[i]), w)
		w++
	}
	for i := len(prefix) - 1; i >= 0; i-- {
		t += weigh(digit(prefix[i]), w)
		w++
	}
	return (10-t%10)%10 == digit(n[len(n)-1])
}

func weigh(d, pos int) int {
	if pos%2 == 0 {
		return 3 * d
	}
	return d
}

// weighted11 reports whether the last digit of n is (Σ body[i]·w[i] mod 11) mod 10,
// where body is everything before the check digit. FedEx Express 12 uses weights
// 3,1,7,...; FedEx 34 and GSN 34 use 1,7,3,... over digits 21–33.
func weighted11(body, w string, cd byte) bool {
	t, k := 0, 0
	for i := 0; i < len(body); i++ {
		t += digit(body[i]) * digit(w[k])
		if k++; k == len(w) {
			k = 0
		}
	}
	return t%11%10 == digit(cd)
}

// Weight patterns, as digit strings so that they are constants.
const (
	w317 = "317"
	w173 = "173"
	wS10 = "86423597"
)

// s10 reports whether the 8 serial digits n[2:10] carry the UPU S10 check digit n[10]:
// weights 8,6,4,2,3,5,9,7; C = 11 − Σ mod 11, with 10→0 and 11→5.
func s10(n string) bool {
	t := 0
	for i := 0; i < 8; i++ {
		t += digit(n[2+i]) * digit(wS10[i])
	}
	c := 11 - t%11
	switch c {
	case 10:
		c = 0
	case 11:
		c = 5
	}
	return c == digit(n[10])
}

// upsValue maps a 1Z body character to its checksum value: digits as they are,
// letters (ord − 3) mod 10 (A=2 … H=9, I=0 …).
func upsValue(c byte) int {
	if c >= '0' && c <= '9' {
		return digit(c)
	}
	return (int(c) - 3) % 10
}

// ups1Z reports whether the 18-character 1Z number carries its check digit:
// over the 15 characters after "1Z", odd positions count once and even ones twice.
func ups1Z(n string) bool {
	t := 0
	for i := 0; i < 15; i++ {
		v := upsValue(n[2+i])
		if i%2 == 1 {
			v *= 2
		}
		t += v
	}
	return (10-t%10)%10 == digit(n[17])
}

// upsWaybill reports whether the 11-character UPS waybill ([AHJKTV] + 10 digits)
// carries its check digit: mod 10 over the 9 serial digits with the 2nd, 4th,
// 6th and 8th doubled (the digits themselves, not their digit sums).
func upsWaybill(n string) bool {
	t := 0
	for i := 0; i < 9; i++ {
		d := digit(n[1+i])
		if i%2 == 1 {
			d *= 2
		}
		t += d
	}
	return (10-t%10)%10 == digit(n[10])
}

// luhn reports whether n passes the Luhn check used by payment card numbers.
// The extractor uses it to keep card numbers out of its results.
func luhn(n string) bool {
	t := 0
	for i := 0; i < len(n); i++ {
		d := digit(n[len(n)-1-i])
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		t += d
	}
	return t%10 == 0
}
