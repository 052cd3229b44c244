package bot

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// phrasesYAML is the phrase data of the policy's own checks.
//
//go:embed phrases.yaml
var phrasesYAML []byte

// phrases are the small checks the policy makes next to the classifier: what must not
// depend on a model's guess (an explicit request for a person, a yes or a no). The
// words are data, in phrases.yaml.
type phrases struct {
	AsksForPerson []string `yaml:"asks_for_person"`
	WantsHuman    []string `yaml:"wants_human"`
	No            answer   `yaml:"no"`
	Yes           answer   `yaml:"yes"`
}

// answer is how one short answer can be worded.
type answer struct {
	Contains   []string `yaml:"contains"`
	Equals     []string `yaml:"equals"`
	StartsWith []string `yaml:"starts_with"`
}

func (a answer) matches(s string) bool {
	if containsAny(s, a.Contains) {
		return true
	}
	for _, w := range a.Equals {
		if s == w {
			return true
		}
	}
	for _, w := range a.StartsWith {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func (a answer) empty() bool { return len(a.Contains)+len(a.Equals)+len(a.StartsWith) == 0 }

// loadPhrases reads phrases.yaml and checks that no list is missing.
func loadPhrases() (*phrases, error) {
	var p phrases
	if err := yaml.Unmarshal(phrasesYAML, &p); err != nil {
		return nil, fmt.Errorf("phrases.yaml: %w", err)
	}
	if len(p.AsksForPerson) == 0 || len(p.WantsHuman) == 0 || p.Yes.empty() || p.No.empty() {
		return nil, errors.New("phrases.yaml: asks_for_person, wants_human, yes and no must each hold phrases")
	}
	return &p, nil
}

// wantsHuman reports whether a contact_support message asks for a person rather than
// for the phone number or opening hours.
func (p *phrases) wantsHuman(text string) bool {
	return containsAny(lowerASCII(text), p.WantsHuman)
}

// asksForPerson reports whether the text asks for a person in so many words, whatever
// else it says.
func (p *phrases) asksForPerson(text string) bool {
	return containsAny(lowerASCII(text), p.AsksForPerson)
}

// yesNo reads a short answer: 1 yes, -1 no, 0 neither.
func (p *phrases) yesNo(text string) int {
	s := lowerASCII(strings.Trim(text, " 。.!！"))
	switch {
	case p.No.matches(s):
		return -1
	case p.Yes.matches(s):
		return 1
	}
	return 0
}
