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
	// Raw is the text as it stood in the input.
	Raw string `json:"raw"`
	// Number is the order number in 3-7-7 form with hyphens, e.g. 249-1234567-1234567 or D01-...
	Number string `json:"number"`
	// Digital is true for digital orders (Kindle, apps, video), whose number starts with D.
	Digital bool `json:"digital,omitempty"`
}

// Found is everything Extract found in one text. Both slices are non-nil.
type Found struct {
	Tracking []Match `json:"tracking"`
	Orders   []Order `json:"orders"`
}
