package faq

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestCatalogGolden renders every answer and message as a customer would read them,
// one file per language, so that a reviewer sees any change to the wording in the diff.
// Run `go test ./faq -run Golden -update` after editing the data.
func TestCatalogGolden(t *testing.T) {
	s := mustDefault(t)
	for _, lang := range Langs() {
		t.Run(lang, func(t *testing.T) {
			got := renderCatalog(t, s, lang)
			path := filepath.Join("testdata", "catalog_"+lang+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("catalog differs from %s; run with -update and review the diff", path)
			}
		})
	}
}

func renderCatalog(t *testing.T, s *Set, lang string) string {
	t.Helper()
	var b strings.Builder
	intent := ""
	for _, a := range s.Entries(lang) {
		if a.Intent != intent {
			intent = a.Intent
			fmt.Fprintf(&b, "\n######## intent %s\n", intent)
		}
		fmt.Fprintf(&b, "\n=== %s: %s\n%s\n", a.ID, a.Title, a.Text)
		fmt.Fprintf(&b, "[speech] %s\n", a.Speech)
		for _, l := range a.Links {
			fmt.Fprintf(&b, "[link] %s <%s>\n", l.Label, l.URL)
		}
		for _, c := range a.Choices {
			fmt.Fprintf(&b, "[choice] %s -> %s\n", c.Label, c.Value)
		}
	}
	fmt.Fprintf(&b, "\n######## messages\n")
	for _, id := range s.MessageIDs() {
		m, err := s.Message(id, lang, fakeArgs(s, id))
		if err != nil {
			t.Fatalf("message %s: %v", id, err)
		}
		fmt.Fprintf(&b, "\n=== %s\n%s\n", id, m)
	}
	return b.String()
}
