package tracking

import "strings"

// Carrier describes one carrier of the table.
type Carrier struct {
	// ID is the fixed carrier id of DESIGN.md ("yamato", "sagawa", ...).
	ID     string
	NameJA string
	NameEN string
	// URLTemplate is the public tracking page with {number} in place of the number; may be empty.
	// Only official https pages are listed; where the page is not known for sure it is empty.
	URLTemplate string
	// CountsForRate reports whether the carrier counts toward the seller valid-tracking rate:
	// Amazon can follow its numbers, so a shipment with a valid number counts as tracked.
	CountsForRate bool
	// RateExempt reports whether shipments with this carrier are left out of the
	// valid-tracking rate altogether (the large-item carriers of the seller help page).
	RateExempt bool

	// aliases are other names sellers and customers use, separated by "|".
	aliases string
}

// URL returns the tracking page for number, or "" when the carrier has none.
func (c Carrier) URL(number string) string { return c.URLIn(number, "ja") }

// URLIn is URL for a reader of lang ("ja" or "en"): templates that know the page's
// language ({lang}) get it; any lang but Japanese gets English.
func (c Carrier) URLIn(number, lang string) string {
	if c.URLTemplate == "" || number == "" {
		return ""
	}
	if !strings.HasPrefix(lang, "ja") {
		lang = "en"
	} else {
		lang = "ja"
	}
	return strings.NewReplacer("{number}", number, "{lang}", lang).Replace(c.URLTemplate)
}

// Name returns the display name in lang ("ja" or "en"); any other lang gets English.
func (c Carrier) Name(lang string) string {
	if strings.HasPrefix(lang, "ja") {
		return c.NameJA
	}
	return c.NameEN
}

// Lookup returns the carrier with the given id.
func Lookup(id string) (Carrier, bool) {
	for _, c := range carrierTable {
		if c.ID == id {
			return c, true
		}
	}
	return Carrier{}, false
}

// Carriers returns the whole carrier table, in a stable order (the DESIGN.md ids
// first, then the large-item carriers). The slice is a fresh copy.
func Carriers() []Carrier {
	out := make([]Carrier, len(carrierTable))
	copy(out, carrierTable[:])
	return out
}

// CarrierByName finds a carrier by its id, Japanese or English name, or a common
// alias ("クロネコヤマト", "ゆうパック", "日通" ...), ignoring case, width and spaces.
func CarrierByName(name string) (Carrier, bool) {
	key := nameKey(name)
	if key == "" {
		return Carrier{}, false
	}
	for _, c := range carrierTable {
		if key == nameKey(c.ID) || key == nameKey(c.NameJA) || key == nameKey(c.NameEN) {
			return c, true
		}
		for _, a := range strings.Split(c.aliases, "|") {
			if a != "" && key == nameKey(a) {
				return c, true
			}
		}
	}
	return Carrier{}, false
}

// nameKey folds a carrier name for comparison: NFKC, lower case, no spaces, dashes or dots.
func nameKey(s string) string {
	s = strings.ToLower(nfkc(s))
	return strings.Map(func(r rune) rune {
		if isSeparator(r) || r == '.' || r == '・' || r == '(' || r == ')' {
			return -1
		}
		return r
	}, s)
}
