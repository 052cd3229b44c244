package tracking

import (
	"sort"
	"time"
)

// Thresholds of the seller help page (seeds/004): packages below the amount are not
// counted. The amount is per package, tax excluded and shipping included.
const (
	JapanSellerThreshold = 2000 // yen, sellers in Japan
	ChinaSellerThreshold = 1000 // yen, sellers in China and Hong Kong
)

// RatePolicy is how Rate counts. Zero values take the seller help page's figures.
type RatePolicy struct {
	// Threshold is the minimum package amount in yen; zero means JapanSellerThreshold.
	Threshold int64
	// Days is the length of the window; zero means 30.
	Days int
	// Until is the last day of the window; zero means the latest ship date in the data.
	Until time.Time
	// Target is the rate a seller must keep; zero means 0.95.
	Target float64
}

func (p RatePolicy) withDefaults(ships []Shipment) RatePolicy {
	if p.Threshold == 0 {
		p.Threshold = JapanSellerThreshold
	}
	if p.Days == 0 {
		p.Days = 30
	}
	if p.Target == 0 {
		p.Target = 0.95
	}
	if p.Until.IsZero() {
		for _, s := range ships {
			if s.ShipDate.After(p.Until) {
				p.Until = s.ShipDate
			}
		}
	}
	return p
}

// Verdict is what Rate decided about one package.
type Verdict string

// The verdicts. Only VerdictValid and VerdictUnchecked count as tracked; the
// Excluded ones are left out of the rate altogether.
const (
	VerdictValid       Verdict = "valid"
	VerdictUnchecked   Verdict = "unchecked" // the carrier counts but its format is unknown (SFC, Yanwen)
	VerdictNoNumber    Verdict = "no tracking number"
	VerdictBadChars    Verdict = "full-width or special characters"
	VerdictBadNumber   Verdict = "not a valid number for this carrier"
	VerdictWrongCarr   Verdict = "number fits another carrier"
	VerdictUnsupported Verdict = "carrier Amazon cannot track"
	VerdictExempt      Verdict = "large-item carrier (excluded)"
	VerdictDigital     Verdict = "digital goods (excluded)"
	VerdictBelow       Verdict = "below the amount threshold (excluded)"
	VerdictOutside     Verdict = "outside the window (excluded)"
)

// CarrierCount is the per-carrier line of a RateReport.
type CarrierCount struct {
	ID      string // carrier id, or the name as written when unknown
	Name    string // English display name
	Counted int
	Tracked int
}

// InvalidRow is a counted package without a valid tracking number.
type InvalidRow struct {
	Line     int
	OrderID  string
	Carrier  string
	Masked   string // the number with all but its last 4 characters hidden
	Verdict  Verdict
	Suggests []string // carriers the number does fit, for VerdictWrongCarr
}

// RateReport is the valid-tracking rate of a set of shipments.
type RateReport struct {
	Policy      RatePolicy
	From, Until time.Time
	Counted     int // packages in the rate
	Tracked     int // of which with a valid (or unchecked) number
	Unchecked   int
	Rate        float64 // Tracked / Counted; 1 when nothing is counted
	MeetsTarget bool
	Excluded    map[Verdict]int
	ByCarrier   []CarrierCount
	Invalid     []InvalidRow
	BadRows     []RowError
}

// Rate computes the valid-tracking rate of ships under p, following the seller help page:
// packages below the amount threshold, digital goods and large-item carriers are left
// out; a package counts as tracked when its carrier is one Amazon can track and its
// number is valid for that carrier. Amazon itself checks numbers against carrier scans;
// this is the offline part of that check.
func Rate(ships []Shipment, p RatePolicy) RateReport {
	p = p.withDefaults(ships)
	r := RateReport{Policy: p, Until: p.Until, From: p.Until.AddDate(0, 0, 1-p.Days), Excluded: map[Verdict]int{}}
	by := map[string]*CarrierCount{}
	for _, s := range ships {
		v, suggests := judgeShipment(s, p, r.From)
		switch v {
		case VerdictExempt, VerdictDigital, VerdictBelow, VerdictOutside:
			r.Excluded[v]++
			continue
		}
		key, name := s.CarrierID, s.Carrier
		if c, ok := Lookup(s.CarrierID); ok {
			name = c.NameEN
		} else {
			key = s.Carrier
		}
		cc := by[key]
		if cc == nil {
			cc = &CarrierCount{ID: key, Name: name}
			by[key] = cc
		}
		r.Counted++
		cc.Counted++
		if v == VerdictValid || v == VerdictUnchecked {
			r.Tracked++
			cc.Tracked++
			if v == VerdictUnchecked {
				r.Unchecked++
			}
			continue
		}
		r.Invalid = append(r.Invalid, InvalidRow{Line: s.Line, OrderID: s.OrderID, Carrier: s.Carrier,
			Masked: Mask(s.Number), Verdict: v, Suggests: suggests})
	}
	r.Rate = 1
	if r.Counted > 0 {
		r.Rate = float64(r.Tracked) / float64(r.Counted)
	}
	r.MeetsTarget = r.Rate >= p.Target
	for _, cc := range by {
		r.ByCarrier = append(r.ByCarrier, *cc)
	}
	sort.Slice(r.ByCarrier, func(i, j int) bool {
		a, b := r.ByCarrier[i], r.ByCarrier[j]
		if a.Counted != b.Counted {
			return a.Counted > b.Counted
		}
		return a.ID < b.ID
	})
	return r
}

// judgeShipment decides one package; suggests lists the carriers a number fits when
// the seller picked another one (the help page's "wrong carrier selected" case).
func judgeShipment(s Shipment, p RatePolicy, from time.Time) (Verdict, []string) {
	c, known := Lookup(s.CarrierID)
	switch {
	case s.ShipDate.Before(from) || s.ShipDate.After(p.Until):
		return VerdictOutside, nil
	case s.Digital:
		return VerdictDigital, nil
	case s.HasTotal && s.OrderTotal < p.Threshold:
		return VerdictBelow, nil
	case known && c.RateExempt:
		return VerdictExempt, nil
	case !known || !c.CountsForRate:
		return VerdictUnsupported, nil
	case s.Number == "":
		return VerdictNoNumber, nil
	case !plainASCII(s.Number):
		return VerdictBadChars, nil
	case ValidFor(c.ID, s.Number):
		return VerdictValid, nil
	case !hasFormat(c.ID):
		return VerdictUnchecked, nil
	}
	if others := Validate(s.Number); len(others) > 0 {
		return VerdictWrongCarr, others
	}
	return VerdictBadNumber, nil
}

// plainASCII reports whether a number as entered holds only ASCII letters, digits,
// spaces and hyphens: Amazon reports anything else (full-width characters,
// punctuation) as InvalidId.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigit(c) && !isUpper(c) && !(c >= 'a' && c <= 'z') && c != '-' && c != ' ' {
			return false
		}
	}
	return true
}

// hasFormat reports whether any format of the table belongs to carrier id.
func hasFormat(id string) bool {
	c := indexOf(id)
	for k := formatKind(0); k < numFormats; k++ {
		if formats[k].carriers.has(c) {
			return true
		}
	}
	return false
}
