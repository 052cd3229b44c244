package faq

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// The shapes of the YAML files. They are unexported: the files are the public format,
// documented in data/README.md.

// entryFile is one file under entries/.
type entryFile struct {
	Entries []entrySpec `yaml:"entries"`
}

type entrySpec struct {
	ID      string       `yaml:"id"`
	Intent  string       `yaml:"intent"`
	Links   []string     `yaml:"links"`
	Choices []choiceSpec `yaml:"choices"`
	JA      *langSpec    `yaml:"ja"`
	EN      *langSpec    `yaml:"en"`
}

func (e entrySpec) lang(l string) *langSpec {
	switch l {
	case "ja":
		return e.JA
	case "en":
		return e.EN
	}
	return nil
}

type langSpec struct {
	Title    string   `yaml:"title"`
	Text     string   `yaml:"text"`
	Speech   string   `yaml:"speech"`
	Keywords []string `yaml:"keywords"`
}

// choiceSpec is either a bare value ("faq:find_number_app": the label is the target's
// title) or a mapping {value, ja, en}.
type choiceSpec struct {
	Value string `yaml:"value"`
	JA    string `yaml:"ja"`
	EN    string `yaml:"en"`
}

func (c *choiceSpec) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		c.Value = n.Value
		return nil
	}
	type plain choiceSpec
	var p plain
	if err := n.Decode(&p); err != nil {
		return fmt.Errorf("choice: %w", err)
	}
	*c = choiceSpec(p)
	return nil
}

func (c choiceSpec) label(l string) string {
	if l == "ja" {
		return c.JA
	}
	return c.EN
}

// contactsFile is contacts.yaml.
type contactsFile struct {
	Links  map[string]contactSpec `yaml:"links"`
	Phones map[string]contactSpec `yaml:"phones"`
}

type contactSpec struct {
	URL    string            `yaml:"url"`
	Number string            `yaml:"number"`
	Hours  map[string]string `yaml:"hours"`
	JA     string            `yaml:"ja"`
	EN     string            `yaml:"en"`
}

// messagesFile is messages.yaml: id -> lang -> text.
type messagesFile map[string]map[string]string
