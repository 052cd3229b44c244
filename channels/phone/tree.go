package phone

import (
	"strings"

	"github.com/toiawase/toiawase/faq"
	"github.com/toiawase/toiawase/tracking"
)

// Answers gives the curated answer of an intent; *faq.Set is one.
type Answers interface {
	ForIntent(intent, lang string) (faq.Answer, bool)
}

// Validator checks a number typed on the keypad; tracking.Check is the real one.
type Validator func(number string) (tracking.Match, bool)

// contactIntent is the FAQ answer spoken when no operator can take the call.
const contactIntent = "contact_support"

// Hand-off reasons.
const (
	ReasonAsked    = "caller_asked"
	ReasonFailures = "too_many_failures"
)

// Tree is the phone tree as a pure state machine: Step maps a call's State and what
// happened on the line to the next State and what to say and gather. The simulator and
// the TwiML webhook both drive it, so they behave the same. A Tree is immutable and safe
// for concurrent use.
type Tree struct {
	menu     *Menu
	answers  Answers
	validate Validator
}

// NewTree builds a tree over a checked menu. A nil answers speaks the no_answer message
// for every answer; a nil validate means tracking.Check.
func NewTree(m *Menu, answers Answers, validate Validator) *Tree {
	if validate == nil {
		validate = tracking.Check
	}
	return &Tree{menu: m, answers: answers, validate: validate}
}

// Menu returns the tree's menu. It must not be changed.
func (t *Tree) Menu() *Menu { return t.menu }

// Step is the whole tree: (state, event) -> (new state, turn).
func (t *Tree) Step(st State, ev Event) (State, Turn) {
	st, turn := t.step(st, ev)
	for i := range turn.Say {
		turn.Say[i].Voice = t.menu.Langs[turn.Say[i].Lang].Voice
	}
	return st, turn
}

func (t *Tree) step(st State, ev Event) (State, Turn) {
	if st.Done {
		return st, Turn{Hangup: true}
	}
	if ev.Kind == EventStart || st.Node == "" {
		st = State{Lang: t.menu.Lang}
		if _, ok := t.menu.Langs[ev.Lang]; ok && ev.Kind == EventStart {
			st.Lang = ev.Lang
		}
		return t.goTo(st, t.menu.Start, []Utterance{t.msg("greeting", st.Lang)})
	}
	n, ok := t.menu.Nodes[st.Node]
	if !ok {
		// The menu was reloaded without this node: start over from the top.
		st.Node, st.Failures = "", 0
		return t.goTo(st, t.menu.Start, nil)
	}
	if ev.Kind == EventHandoff {
		return t.afterHandoff(st, ev.Handoff)
	}
	switch n.Type {
	case NodeEntry:
		return t.entry(st, n, ev)
	case NodeMenu, NodeAnswer, NodeCarrier:
		return t.choose(st, n, ev)
	}
	// Operator and goodbye nodes wait for nothing; say their part again.
	return t.say(st, n, nil)
}

func (t *Tree) msg(key, lang string) Utterance {
	return Utterance{Lang: lang, Text: t.menu.message(key, lang)}
}

// goTo moves the call to node id and says its prompt after pre.
func (t *Tree) goTo(st State, id string, pre []Utterance) (State, Turn) {
	if id != st.Node {
		st.Failures = 0
	}
	st.Node = id
	n := t.menu.Nodes[id]
	if n.Type != NodeOperator && n.Type != NodeGoodbye {
		st.Intent = n.Intent
	}
	if n.Intent != "" && n.Type == NodeEntry {
		st.Number, st.Carriers, st.Carrier = "", nil, ""
	}
	return t.say(st, n, pre)
}

// say renders node n's prompt for the state, after pre.
func (t *Tree) say(st State, n *Node, pre []Utterance) (State, Turn) {
	lang := st.Lang
	out := append([]Utterance(nil), pre...)
	gather := &Gather{NumDigits: 1, Timeout: t.menu.timeout(n)}
	switch n.Type {
	case NodeOperator:
		if st.Reason == "" {
			st.Reason = ReasonAsked
		}
		h := &Handoff{Reason: st.Reason, Intent: st.Intent, Path: append([]string(nil), st.Path...)}
		if st.Number != "" {
			h.Tracking = []string{st.Number}
		}
		return st, Turn{Say: out, Handoff: h}
	case NodeGoodbye:
		st.Done = true
		out = append(out, Utterance{Lang: lang, Text: t.fill(st, n.Prompt[lang])})
		return st, Turn{Say: out, Hangup: true}
	case NodeEntry:
		gather = &Gather{NumDigits: n.NumDigits, FinishOnKey: "#", Timeout: t.menu.timeout(n)}
	case NodeCarrier:
		offered := t.offered(st, n)
		if len(offered) < 2 {
			// Nothing to ask: name the carrier only when the number fits just one.
			if len(st.Carriers) == 1 {
				st.Carrier = st.Carriers[0]
			}
			return t.goTo(st, n.Next, pre)
		}
		phrases := make([]string, 0, len(offered))
		for _, o := range offered {
			phrases = append(phrases, o.Say[lang])
		}
		f := t.menu.Langs[lang]
		text := t.fill(st, n.Prompt[lang]) + f.Space + strings.Join(phrases, f.Join) + n.Tail[lang]
		out = append(out, Utterance{Lang: lang, Text: strings.TrimSpace(text)})
		return st, Turn{Say: out, Gather: gather}
	case NodeAnswer:
		if n.Lead != nil && st.Number != "" {
			lead := n.Lead[lang]
			if st.Carrier == "" {
				lead = n.LeadNoCarrier[lang]
			}
			out = append(out, Utterance{Lang: lang, Text: t.fill(st, lead)})
		}
		out = append(out, t.answer(n.Intent, lang, "no_answer"))
	}
	out = append(out, Utterance{Lang: lang, Text: t.fill(st, n.Prompt[lang])})
	if n.LangHint {
		other := t.otherLang(lang)
		out = append(out, t.msg("lang_hint", other))
	}
	return st, Turn{Say: out, Gather: gather}
}

// answer is the spoken FAQ answer for intent, or the message fallback.
func (t *Tree) answer(intent, lang, fallback string) Utterance {
	if t.answers != nil {
		if a, ok := t.answers.ForIntent(intent, lang); ok && speakable(a.Speech) {
			return Utterance{Lang: lang, Text: strings.TrimSpace(a.Speech)}
		}
	}
	return t.msg(fallback, lang)
}

// choose handles one key at a menu, answer or carrier node.
func (t *Tree) choose(st State, n *Node, ev Event) (State, Turn) {
	if ev.Kind == EventTimeout {
		if n.OnTimeout != "" {
			return t.goTo(st, n.OnTimeout, nil)
		}
		return t.fail(st, n, "no_input")
	}
	o, ok := n.option(ev.Digits)
	if ok && o.Carrier != "" && !t.isOffered(st, n, o.Carrier) {
		ok = false
	}
	if !ok || len(ev.Digits) != 1 {
		return t.fail(st, n, "invalid_key")
	}
	switch {
	case o.Carrier != "":
		st.Carrier = o.Carrier
		return t.goTo(st, n.Next, nil)
	case o.Do == DoRepeat:
		return t.say(st, n, nil)
	case o.Do == DoSwitchLang:
		st.Lang = t.otherLang(st.Lang)
		st.Failures = 0
		return t.goTo(st, t.menu.Start, []Utterance{t.msg("greeting", st.Lang)})
	}
	if next := t.menu.Nodes[o.Go]; next != nil {
		st.Path = append(st.Path, next.Title[st.Lang])
		if len(st.Path) > maxPath {
			st.Path = st.Path[len(st.Path)-maxPath:]
		}
	}
	return t.goTo(st, o.Go, nil)
}

// fail counts one failure at node n: say why and ask again, or, at the limit, hand over.
func (t *Tree) fail(st State, n *Node, why string) (State, Turn) {
	st.Failures++
	if st.Failures >= t.menu.MaxFailures {
		st.Reason = ReasonFailures
		return t.goTo(st, t.menu.Operator, []Utterance{t.msg(why, st.Lang), t.msg("too_many", st.Lang)})
	}
	return t.say(st, n, []Utterance{t.msg(why, st.Lang)})
}

// afterHandoff tells the caller what became of the hand-off and ends the call.
func (t *Tree) afterHandoff(st State, r HandoffResult) (State, Turn) {
	lang := st.Lang
	var out []Utterance
	switch r {
	case HandoffOpened:
		out = append(out, t.msg("handoff_opened", lang))
	default:
		key := "handoff_unavailable"
		if r == HandoffNoCaller {
			key = "handoff_no_caller"
		}
		out = append(out, t.msg(key, lang))
		if c := t.answer(contactIntent, lang, ""); c.Text != "" {
			sep := " "
			if lang == "ja" {
				sep = ""
			}
			c.Text = withoutSentences(c.Text, sep, t.menu.NoOperatorDrop[lang])
			if c.Text != "" {
				out = append(out, c)
			}
		}
		g := t.menu.Nodes[t.menu.Goodbye]
		out = append(out, Utterance{Lang: lang, Text: g.Prompt[lang]})
	}
	st.Done = true
	st.Node = t.menu.Goodbye
	return st, Turn{Say: out, Hangup: true}
}

// offered lists the carrier options that fit the entered number.
func (t *Tree) offered(st State, n *Node) []Option {
	var out []Option
	for _, o := range n.Options {
		if o.Carrier != "" && contains(st.Carriers, o.Carrier) {
			out = append(out, o)
		}
	}
	return out
}

func (t *Tree) isOffered(st State, n *Node, carrier string) bool {
	for _, o := range t.offered(st, n) {
		if o.Carrier == carrier {
			return true
		}
	}
	return false
}

// fill replaces {number} and {carrier} for the state.
func (t *Tree) fill(st State, s string) string {
	if st.Number == "" {
		return s
	}
	return fill(s, map[string]string{
		"number":  SpokenNumber(st.Number, t.menu.Langs[st.Lang]),
		"carrier": t.carrierName(st.Carrier, st.Lang),
	})
}

// carrierName is the spoken name of a carrier: the menu's, else the carrier table's.
func (t *Tree) carrierName(id, lang string) string {
	if id == "" {
		return ""
	}
	for _, n := range t.menu.Nodes {
		for _, o := range n.Options {
			if o.Carrier == id && o.Name[lang] != "" {
				return o.Name[lang]
			}
		}
	}
	if c, ok := tracking.Lookup(id); ok {
		return c.Name(lang)
	}
	return id
}

func (t *Tree) otherLang(lang string) string {
	if lang == "en" {
		return "ja"
	}
	return "en"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
