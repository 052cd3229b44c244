package phone

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// MenuFile is the name of the menu file, embedded and in an override directory.
const MenuFile = "menu.yaml"

//go:embed menu.yaml
var embeddedMenu []byte

// ErrMenu marks a menu file that does not pass the tree check.
var ErrMenu = errors.New("phone: bad menu")

// Node types.
const (
	NodeMenu     = "menu"     // one key chooses an option
	NodeEntry    = "entry"    // digits of a tracking number, # to finish
	NodeCarrier  = "carrier"  // which carrier, asked only when the number fits several
	NodeAnswer   = "answer"   // speaks the FAQ answer of an intent, then offers options
	NodeOperator = "operator" // hands the call to a human and hangs up
	NodeGoodbye  = "goodbye"  // says goodbye and hangs up
)

// Option actions other than going to a node.
const (
	DoRepeat     = "repeat"      // say this node's prompt again
	DoSwitchLang = "switch_lang" // Japanese <-> English, back to the start
)

// Text is one prompt in every language, keyed by "ja" and "en".
type Text map[string]string

// LangFormat says how a language speaks numbers and lists.
type LangFormat struct {
	// Voice is the TwiML Say language, e.g. "ja-JP".
	Voice string `yaml:"voice"`
	// DigitSep goes between the digits of a group, GroupSep between groups of four.
	DigitSep string `yaml:"digit_sep"`
	GroupSep string `yaml:"group_sep"`
	// Join goes between the option phrases of a carrier menu, Space between sentences.
	Join  string `yaml:"join"`
	Space string `yaml:"space"`
}

// Option is one key of a node.
type Option struct {
	Key string `yaml:"key"`
	// Go names the node the key leads to; Do an action (repeat, switch_lang).
	Go string `yaml:"go,omitempty"`
	Do string `yaml:"do,omitempty"`
	// Carrier, Say and Name are for carrier nodes: the carrier id chosen, the phrase
	// offering it ("ヤマト運輸は1"), and its spoken name.
	Carrier string `yaml:"carrier,omitempty"`
	Say     Text   `yaml:"say,omitempty"`
	Name    Text   `yaml:"name,omitempty"`
}

// Node is one place in the tree.
type Node struct {
	Type  string `yaml:"type"`
	Title Text   `yaml:"title"`
	// Prompt is what the node says (after Lead and the answer, for answer nodes).
	// {number} and {carrier} are replaced by the entered number, read digit by digit,
	// and the carrier's name.
	Prompt Text `yaml:"prompt"`
	// Lead comes before the answer of an answer node; LeadNoCarrier when no carrier is known.
	Lead          Text `yaml:"lead,omitempty"`
	LeadNoCarrier Text `yaml:"lead_no_carrier,omitempty"`
	// Tail ends the offer of a carrier node ("を押してください。").
	Tail Text `yaml:"tail,omitempty"`
	// Intent is the FAQ intent of an answer node, and what a hand-off from here is about.
	Intent string `yaml:"intent,omitempty"`
	// LangHint: also offer the other language (message lang_hint, said in that language).
	LangHint bool `yaml:"lang_hint,omitempty"`
	// NumDigits ends an entry by itself; Timeout overrides the menu's timeout (seconds).
	NumDigits int `yaml:"num_digits,omitempty"`
	Timeout   int `yaml:"timeout,omitempty"`
	// Next is where an entry or carrier node goes once it has its value.
	Next string `yaml:"next,omitempty"`
	// OnTimeout, when set, is where silence leads instead of a re-prompt.
	OnTimeout string   `yaml:"on_timeout,omitempty"`
	Options   []Option `yaml:"options,omitempty"`
}

// Menu is the whole tree as loaded from menu.yaml.
type Menu struct {
	Start string `yaml:"start"`
	// Lang is the language a call starts in.
	Lang string `yaml:"lang"`
	// Operator and Goodbye name the nodes that too many failures and the end of a call use.
	Operator string `yaml:"operator"`
	Goodbye  string `yaml:"goodbye"`
	// MaxFailures in a row at one node hand the call to the operator.
	MaxFailures int `yaml:"max_failures"`
	// Timeout is the default silence, in seconds, that ends an entry.
	Timeout  int                   `yaml:"timeout"`
	Langs    map[string]LangFormat `yaml:"langs"`
	Messages map[string]Text       `yaml:"messages"`
	Nodes    map[string]*Node      `yaml:"nodes"`
	// NoOperatorDrop lists, per language, phrases of sentences to leave out of the spoken
	// alternative when no operator can take the call (the FAQ answer may offer one).
	NoOperatorDrop map[string][]string `yaml:"no_operator_drop"`
	// Shared holds YAML anchors used by several nodes; it is not read otherwise.
	Shared yaml.Node `yaml:"shared"`
}

// DefaultMenu returns the menu embedded in the binary.
func DefaultMenu() (*Menu, error) { return ParseMenu(embeddedMenu) }

// LoadMenu reads menu.yaml from dir; an empty dir means the embedded menu.
func LoadMenu(dir string) (*Menu, error) {
	if dir == "" {
		return DefaultMenu()
	}
	b, err := fs.ReadFile(os.DirFS(dir), MenuFile)
	if err != nil {
		return nil, fmt.Errorf("load menu %s: %w", filepath.Join(dir, MenuFile), err)
	}
	m, err := ParseMenu(b)
	if err != nil {
		return nil, fmt.Errorf("load menu %s: %w", filepath.Join(dir, MenuFile), err)
	}
	return m, nil
}

// ParseMenu decodes a menu and runs the tree check on it.
func ParseMenu(b []byte) (*Menu, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var m Menu
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMenu, err)
	}
	if err := m.Check(); err != nil {
		return nil, err
	}
	return &m, nil
}

// message returns a shared message in lang.
func (m *Menu) message(key, lang string) string { return m.Messages[key][lang] }

// timeout is the node's silence limit in seconds.
func (m *Menu) timeout(n *Node) int {
	if n.Timeout > 0 {
		return n.Timeout
	}
	return m.Timeout
}

// option finds the option for key.
func (n *Node) option(key string) (Option, bool) {
	for _, o := range n.Options {
		if o.Key == key {
			return o, true
		}
	}
	return Option{}, false
}
