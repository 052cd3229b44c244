package phone

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Langs every prompt must have.
var requiredLangs = [...]string{"ja", "en"}

// requiredMessages are the shared messages Tree.Step says.
var requiredMessages = [...]string{
	"greeting", "lang_hint", "invalid_key", "no_input", "cleared", "bad_number",
	"too_many", "no_answer", "handoff_opened", "handoff_unavailable", "handoff_no_caller",
}

// urlish finds things that must never be read aloud.
var urlish = regexp.MustCompile(`(?i)https?:|www\.|\.(com|jp|net|org)\b|@`)

// placeholder finds {name} in prompts.
var placeholder = regexp.MustCompile(`\{[^}]*\}`)

const validKeys = "0123456789*"

// Check is the tree check: every node reachable from the start, every key leading to a
// node or a known action, no node from which the call cannot end, every prompt present
// in Japanese and English, nothing URL-like to be read aloud. It returns every problem
// found, wrapped in ErrMenu.
func (m *Menu) Check() error {
	var p []string
	bad := func(format string, a ...any) { p = append(p, fmt.Sprintf(format, a...)) }
	text := func(where string, t Text, vars bool) {
		for _, l := range requiredLangs {
			s := strings.TrimSpace(t[l])
			if s == "" {
				bad("%s: no %s text", where, l)
				continue
			}
			if urlish.MatchString(s) {
				bad("%s (%s): looks like a URL or address, which must not be read aloud", where, l)
			}
			for _, ph := range placeholder.FindAllString(s, -1) {
				if !vars || (ph != "{number}" && ph != "{carrier}") {
					bad("%s (%s): unknown placeholder %s", where, l, ph)
				}
			}
		}
	}

	for _, l := range requiredLangs {
		if m.Langs[l].Voice == "" {
			bad("langs: %s has no voice", l)
		}
	}
	if _, ok := m.Langs[m.Lang]; !ok || m.Lang == "" {
		bad("lang %q is not one of the languages", m.Lang)
	}
	if m.MaxFailures < 1 {
		bad("max_failures must be at least 1")
	}
	if m.Timeout < 1 {
		bad("timeout must be at least 1 second")
	}
	for _, k := range requiredMessages {
		text("message "+k, m.Messages[k], false)
	}
	for _, ref := range []struct{ name, id, typ string }{
		{"start", m.Start, ""}, {"operator", m.Operator, NodeOperator}, {"goodbye", m.Goodbye, NodeGoodbye},
	} {
		n, ok := m.Nodes[ref.id]
		switch {
		case !ok:
			bad("%s: no node %q", ref.name, ref.id)
		case ref.typ != "" && n.Type != ref.typ:
			bad("%s: node %q is a %s, not a %s", ref.name, ref.id, n.Type, ref.typ)
		}
	}

	ids := m.nodeIDs()
	for _, id := range ids {
		m.checkNode(id, m.Nodes[id], bad, text)
	}
	if len(p) == 0 {
		m.checkGraph(ids, bad)
	}
	if len(p) > 0 {
		return fmt.Errorf("%w: %s", ErrMenu, strings.Join(p, "; "))
	}
	return nil
}

func (m *Menu) nodeIDs() []string {
	ids := make([]string, 0, len(m.Nodes))
	for id := range m.Nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func (m *Menu) checkNode(id string, n *Node, bad func(string, ...any), text func(string, Text, bool)) {
	where := "node " + id
	if n == nil {
		bad("%s: empty", where)
		return
	}
	text(where+" title", n.Title, false)
	ref := func(field, target string) {
		if _, ok := m.Nodes[target]; !ok {
			bad("%s: %s leads to missing node %q", where, field, target)
		}
	}
	switch n.Type {
	case NodeMenu, NodeAnswer, NodeCarrier, NodeEntry, NodeGoodbye:
		text(where+" prompt", n.Prompt, true)
	case NodeOperator:
	default:
		bad("%s: unknown type %q", where, n.Type)
		return
	}
	if n.OnTimeout != "" {
		ref("on_timeout", n.OnTimeout)
	}
	switch n.Type {
	case NodeEntry, NodeCarrier:
		if n.Next == "" {
			bad("%s: no next", where)
		} else {
			ref("next", n.Next)
		}
	}
	switch n.Type {
	case NodeEntry:
		if n.NumDigits < 0 {
			bad("%s: num_digits must not be negative", where)
		}
	case NodeAnswer:
		if n.Intent == "" {
			bad("%s: answer without intent", where)
		}
		if n.Lead != nil || n.LeadNoCarrier != nil {
			text(where+" lead", n.Lead, true)
			text(where+" lead_no_carrier", n.LeadNoCarrier, true)
		}
	case NodeCarrier:
		for l, s := range n.Tail {
			if urlish.MatchString(s) {
				bad("%s tail (%s): looks like a URL or address, which must not be read aloud", where, l)
			}
		}
	}

	needsOptions := n.Type == NodeMenu || n.Type == NodeAnswer || n.Type == NodeCarrier
	if needsOptions && len(n.Options) == 0 {
		bad("%s: no options", where)
	}
	if !needsOptions && len(n.Options) > 0 {
		bad("%s: a %s takes no options", where, n.Type)
	}
	seen := map[string]bool{}
	for _, o := range n.Options {
		ow := fmt.Sprintf("%s key %q", where, o.Key)
		if len(o.Key) != 1 || !strings.Contains(validKeys, o.Key) {
			bad("%s: not a phone key", ow)
		}
		if seen[o.Key] {
			bad("%s: used twice", ow)
		}
		seen[o.Key] = true
		if o.Carrier != "" || (n.Type == NodeCarrier && o.Go == "" && o.Do == "") {
			if n.Type != NodeCarrier {
				bad("%s: carrier option outside a carrier node", ow)
			}
			if o.Go != "" || o.Do != "" {
				bad("%s: a carrier option neither goes nor does", ow)
			}
			text(ow+" say", o.Say, false)
			text(ow+" name", o.Name, false)
			continue
		}
		switch {
		case o.Go != "" && o.Do != "":
			bad("%s: both go and do", ow)
		case o.Go != "":
			ref("key "+o.Key, o.Go)
		case o.Do == DoRepeat || o.Do == DoSwitchLang:
		case o.Do != "":
			bad("%s: unknown action %q", ow, o.Do)
		default:
			bad("%s: leads nowhere", ow)
		}
	}
}

// edges lists the nodes a node can lead to by the caller's keys, its next and its
// timeout; with failures, also where too many failures lead.
func (m *Menu) edges(id string, failures bool) []string {
	n := m.Nodes[id]
	var out []string
	add := func(s string) {
		if s != "" {
			out = append(out, s)
		}
	}
	add(n.Next)
	add(n.OnTimeout)
	for _, o := range n.Options {
		add(o.Go)
		if o.Do == DoSwitchLang {
			add(m.Start)
		}
	}
	if failures && n.Type != NodeOperator && n.Type != NodeGoodbye {
		add(m.Operator)
	}
	return out
}

func (m *Menu) checkGraph(ids []string, bad func(string, ...any)) {
	reached := map[string]bool{m.Start: true}
	queue := []string{m.Start}
	back := map[string][]string{}
	for _, id := range ids {
		// A dead end is judged without the failure path: a caller pressing valid
		// keys must always be able to end the call or reach a person.
		for _, to := range m.edges(id, false) {
			back[to] = append(back[to], id)
		}
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, to := range m.edges(id, true) {
			if !reached[to] {
				reached[to] = true
				queue = append(queue, to)
			}
		}
	}
	// Walk back from the nodes that end a call: whatever is not met cannot end.
	ends := map[string]bool{}
	for _, id := range ids {
		if t := m.Nodes[id].Type; t == NodeOperator || t == NodeGoodbye {
			ends[id] = true
			queue = append(queue, id)
		}
	}
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, from := range back[id] {
			if !ends[from] {
				ends[from] = true
				queue = append(queue, from)
			}
		}
	}
	for _, id := range ids {
		if !reached[id] {
			bad("node %s: unreachable from %s", id, m.Start)
		}
		if !ends[id] {
			bad("node %s: dead end, the call cannot end from there", id)
		}
	}
}
