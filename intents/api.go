// Package intents classifies a customer message into one of the fixed intent labels of
// DESIGN.md: a fastText-style model (hashed character n-grams, Latin words and tracking
// number features, averaged embeddings, one linear layer) trained with spago on the
// curated utterances of intents/data and embedded in the binary. spago is used only
// inside this package. See README.md for the evaluation figures.
package intents

// The intent labels of DESIGN.md.
const (
	FindNumber      = "find_number"
	NotTracking     = "not_tracking"
	TrackPackage    = "track_package"
	Redelivery      = "redelivery"
	Returns         = "returns"
	OrderVsTracking = "order_vs_tracking"
	Prime           = "prime"
	Kindle          = "kindle"
	AmazonPay       = "amazon_pay"
	ContactSupport  = "contact_support"
	Phishing        = "phishing"
	SellerTracking  = "seller_tracking"
	MissingPackage  = "missing_package"
	Greeting        = "greeting"
	Goodbye         = "goodbye"
	OutOfScope      = "out_of_scope"
)

// Labels returns every label, in the order above.
func Labels() []string {
	return []string{FindNumber, NotTracking, TrackPackage, Redelivery, Returns, OrderVsTracking,
		Prime, Kindle, AmazonPay, ContactSupport, Phishing, SellerTracking, MissingPackage,
		Greeting, Goodbye, OutOfScope}
}

// Scored is one label with its probability.
type Scored struct {
	Intent     string  `json:"intent"`
	Confidence float64 `json:"confidence"`
}

// Prediction is the classifier's answer for one text. Intent is OutOfScope when the best
// label's confidence is below the model's threshold; Top still lists the best three.
type Prediction struct {
	Intent     string   `json:"intent"`
	Confidence float64  `json:"confidence"`
	Top        []Scored `json:"top"`
}
