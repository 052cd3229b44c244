// Package tracking finds and validates parcel tracking numbers and Amazon order numbers.
// It is pure: functions over strings and a carrier table, no state, and it imports
// nothing else of this module. (STUB: the signatures are the contract; issue #2 fills them.)
package tracking

// Match is one tracking number found in text or checked on its own.
type Match struct {
	// Raw is the text as it stood in the input (for Extract); the input for Check.
	Raw string `json:"raw"`
	// Number is the normalised number (ASCII upper case, no separators).
	Number string `json:"number"`
	// Carriers are the carrier ids whose full rule holds when Valid, otherwise the ids whose
	// shape matched but whose check digit failed.
	Carriers []string `json:"carriers"`
	// Valid is true only when at least one carrier's full rule (shape and check digit) holds.
	Valid bool `json:"valid"`
	// Repaired is true when look-alike letters (O for 0, I for 1 ...) were replaced to get
	// Number: the customer must be asked to confirm it.
	Repaired bool `json:"repaired,omitempty"`
}

// Order is an Amazon order number found in text.
type Order struct {
	Raw     string `json:"raw"`
	Number  string `json:"number"` // 3-7-7 with hyphens, e.g. 249-1234567-1234567 or D01-...
	Digital bool   `json:"digital,omitempty"`
}

// Found is everything Extract found in one text.
type Found struct {
	Tracking []Match `json:"tracking"`
	Orders   []Order `json:"orders"`
}

// Carrier describes one carrier of the table.
type Carrier struct {
	ID     string
	NameJA string
	NameEN string
	// URLTemplate is the public tracking page with {number} in place of the number; may be empty.
	URLTemplate string
	// CountsForRate reports whether the carrier counts toward the seller valid-tracking rate.
	CountsForRate bool
}

// URL returns the tracking page for number, or "" when the carrier has none.
func (c Carrier) URL(number string) string { panic("stub") }

// Name returns the display name in lang ("ja" or "en").
func (c Carrier) Name(lang string) string { panic("stub") }

// Normalize applies NFKC, removes spaces and dash look-alikes and upper-cases s.
func Normalize(s string) string { panic("stub") }

// Validate returns the ids of every carrier whose full rule holds for s (after Normalize).
// It does not allocate when nothing matches.
func Validate(s string) []string { panic("stub") }

// Check validates one number the customer typed on its own, reporting shape-only
// matches and look-alike repair as Extract does.
func Check(s string) (Match, bool) { panic("stub") }

// Extract finds every tracking number and order number in free text.
func Extract(text string) Found { panic("stub") }

// Lookup returns the carrier with the given id.
func Lookup(id string) (Carrier, bool) { panic("stub") }

// Carriers returns the whole carrier table, in a stable order.
func Carriers() []Carrier { panic("stub") }
