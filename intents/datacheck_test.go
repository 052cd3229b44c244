package intents

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// maxTextRunes is the longest utterance the data may hold.
const maxTextRunes = 300

// checkExamples lists what is wrong with a dataset: unknown labels or languages, empty or
// overlong texts, and texts that occur twice (after trimming), whatever their labels.
func checkExamples(exs []Example) []string {
	var problems []string
	seen := map[string]string{}
	for _, ex := range exs {
		text := trimText(ex.Text)
		switch {
		case !validLabel(ex.Intent):
			problems = append(problems, fmt.Sprintf("%s: unknown label %q", ex.Source, ex.Intent))
		case ex.Lang != "ja" && ex.Lang != "en":
			problems = append(problems, fmt.Sprintf("%s: unknown lang %q", ex.Source, ex.Lang))
		}
		if text == "" {
			problems = append(problems, fmt.Sprintf("%s: empty text", ex.Source))
			continue
		}
		if n := utf8.RuneCountInString(text); n > maxTextRunes {
			problems = append(problems, fmt.Sprintf("%s: text of %d characters, over %d", ex.Source, n, maxTextRunes))
		}
		if first, ok := seen[text]; ok {
			problems = append(problems, fmt.Sprintf("%s: duplicate of %s: %q", ex.Source, first, text))
			continue
		}
		seen[text] = ex.Source
	}
	return problems
}

// countTable is the number of lines per label and language, for the test log.
func countTable(exs []Example) string {
	counts := map[string]map[string]int{}
	for _, ex := range exs {
		if counts[ex.Intent] == nil {
			counts[ex.Intent] = map[string]int{}
		}
		counts[ex.Intent][ex.Lang]++
	}
	labels := make([]string, 0, len(counts))
	for l := range counts {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	var b strings.Builder
	fmt.Fprintf(&b, "%-18s %5s %5s\n", "intent", "ja", "en")
	for _, l := range labels {
		fmt.Fprintf(&b, "%-18s %5d %5d\n", l, counts[l]["ja"], counts[l]["en"])
	}
	fmt.Fprintf(&b, "%-18s %11d", "total", len(exs))
	return b.String()
}

func TestDataCheck(t *testing.T) {
	exs, err := ReadDataset(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range checkExamples(exs) {
		t.Error(p)
	}
	t.Logf("lines per intent and language:\n%s", countTable(exs))
}

func TestDataCheckCatchesBadLines(t *testing.T) {
	exs, err := ReadDataset(os.DirFS("testdata/bad"))
	if err != nil {
		t.Fatal(err)
	}
	got := checkExamples(exs)
	want := []string{
		"mixed.jsonl:2: duplicate of mixed.jsonl:1",
		`mixed.jsonl:3: unknown label "where_is_it"`,
		`mixed.jsonl:4: unknown lang "fr"`,
		"mixed.jsonl:5: empty text",
		"mixed.jsonl:6: text of 321 characters, over 300",
	}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d of them", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q, want it to start with %q", i, got[i], want[i])
		}
	}
}
