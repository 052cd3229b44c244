package phone

// State is where one call stands in the tree. It is a small value: the store keeps one
// per CallSid and Tree.Step turns it into the next one. The zero State is a call that
// has not been answered yet.
type State struct {
	// Node is the id of the node whose prompt the caller last heard.
	Node string `json:"node,omitempty"`
	// Lang is "ja" or "en".
	Lang string `json:"lang,omitempty"`
	// Failures counts no-input and invalid entries in a row at Node.
	Failures int `json:"failures,omitempty"`
	// Number is the tracking number the caller entered (normalised), Carriers the
	// carriers whose rule it passes, Carrier the one chosen (may stay empty).
	Number   string   `json:"number,omitempty"`
	Carriers []string `json:"carriers,omitempty"`
	Carrier  string   `json:"carrier,omitempty"`
	// Partial holds the digits keyed after a * when the entry was cut by its length
	// before the caller finished: the next keys continue it.
	Partial string `json:"partial,omitempty"`
	// Intent is what the caller was asking about at the last menu (for a hand-off).
	Intent string `json:"intent,omitempty"`
	// Reason says why the call is being handed to an operator, while it is.
	Reason string `json:"reason,omitempty"`
	// Path lists the titles of the last menu choices (for the operator's ticket).
	Path []string `json:"path,omitempty"`
	// Done is set once the call has been told goodbye: nothing more happens.
	Done bool `json:"done,omitempty"`
}

// maxPath bounds State.Path.
const maxPath = 6

// EventKind names what happened on the line.
type EventKind int

const (
	// EventStart: the call was answered.
	EventStart EventKind = iota
	// EventDigits: a Gather finished with keys (Digits holds them, without the #).
	EventDigits
	// EventTimeout: a Gather finished without any key.
	EventTimeout
	// EventHandoff: the driver opened (or failed to open) the ticket a Turn asked for.
	EventHandoff
)

// Event is one thing that happened on the line.
type Event struct {
	Kind   EventKind
	Digits string
	// Handoff is the outcome of opening the ticket, for EventHandoff.
	Handoff HandoffResult
	// Lang optionally picks the language of a new call, for EventStart.
	Lang string
}

// HandoffResult is what became of a hand-off request.
type HandoffResult int

const (
	// HandoffOpened: the desk took the ticket; someone will call back.
	HandoffOpened HandoffResult = iota
	// HandoffUnavailable: no desk is configured or it refused the ticket.
	HandoffUnavailable
	// HandoffNoCaller: the caller's number is withheld, so nobody can call back.
	HandoffNoCaller
)

// Digits is the keys of one Gather, as an Event.
func Digits(keys string) Event {
	if keys == "" {
		return Event{Kind: EventTimeout}
	}
	return Event{Kind: EventDigits, Digits: keys}
}

// Utterance is one sentence group said in one language.
type Utterance struct {
	Lang  string // "ja" or "en"
	Voice string // the TwiML Say language, e.g. "ja-JP"
	Text  string
}

// Gather says how the next keys are collected.
type Gather struct {
	// NumDigits ends the entry by itself once that many keys were pressed.
	NumDigits int
	// FinishOnKey ends the entry early ("#"); empty means only NumDigits or the timeout do.
	FinishOnKey string
	// Timeout is the silence, in seconds, after which the entry ends.
	Timeout int
}

// Handoff asks the driver to open an operator ticket, then to Step again with an
// EventHandoff carrying the outcome.
type Handoff struct {
	Reason   string
	Intent   string
	Tracking []string
	Path     []string
}

// Turn is what the line does next: say something, then gather keys, hand off, or hang up.
type Turn struct {
	Say     []Utterance
	Gather  *Gather  // nil together with Hangup false only while Handoff is set
	Handoff *Handoff // the driver must act on it before the caller hears anything
	Hangup  bool
}

// Text returns everything the turn says, one utterance per line.
func (t Turn) Text() string {
	s := ""
	for i, u := range t.Say {
		if i > 0 {
			s += "\n"
		}
		s += u.Text
	}
	return s
}
