package phone

import (
	"strings"
	"testing"

	"github.com/toiawase/toiawase/faq"
)

// TestRealFAQIsSpoken: with the embedded FAQ, every answer the tree speaks exists in
// both languages, can be read aloud (no URL), and no branch falls back to "not available".
func TestRealFAQIsSpoken(t *testing.T) {
	set, err := faq.Default()
	if err != nil {
		t.Fatalf("faq.Default: %v", err)
	}
	m, err := DefaultMenu()
	if err != nil {
		t.Fatal(err)
	}
	intents := map[string]bool{contactIntent: true}
	for _, n := range m.Nodes {
		if n.Type == NodeAnswer {
			intents[n.Intent] = true
		}
	}
	for intent := range intents {
		for _, lang := range requiredLangs {
			a, ok := set.ForIntent(intent, lang)
			if !ok || !speakable(a.Speech) {
				t.Errorf("FAQ %s (%s): no speech the phone can read aloud: %q", intent, lang, a.Speech)
			}
		}
	}

	p, err := New(Config{Answers: set})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range requiredLangs {
		for _, keys := range []string{"1,443496171020#,1,2", "2", "3", "4,1", "4,2", "4,3", "5"} {
			got := simulate(t, p, caller, lang, keys)
			if strings.Contains(got, m.Messages["no_answer"][lang]) {
				t.Errorf("%s call %q fell back to no_answer:\n%s", lang, keys, got)
			}
		}
		// No desk: the alternative is spoken without offering the operator just refused.
		got := simulate(t, p, caller, lang, "0")
		inOrder(t, got, m.Messages["handoff_unavailable"][lang], m.Nodes["goodbye"].Prompt[lang])
		for _, phrase := range m.NoOperatorDrop[lang] {
			if strings.Contains(got, phrase) && !strings.Contains(m.Messages["handoff_unavailable"][lang], phrase) {
				t.Errorf("%s: after 'no operator' the caller is offered one:\n%s", lang, got)
			}
		}
		apology, bye := m.Messages["handoff_unavailable"][lang], m.Nodes["goodbye"].Prompt[lang]
		i, j := strings.Index(got, apology), strings.LastIndex(got, bye)
		if i < 0 || j < i || !strings.Contains(got[i+len(apology):j], "["+m.Langs[lang].Voice+"] ") {
			t.Errorf("%s: no spoken alternative between 'no operator' and goodbye:\n%s", lang, got)
		}
	}
}
