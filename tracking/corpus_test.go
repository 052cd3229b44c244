package tracking

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// corpusLine is one customer message of testdata/messages.jsonl with what the bot must find.
type corpusLine struct {
	Text     string `json:"text"`
	Tracking []struct {
		Number   string   `json:"number"`
		Carriers []string `json:"carriers"`
		Valid    bool     `json:"valid"`
		Repaired bool     `json:"repaired"`
	} `json:"tracking"`
	Orders []string `json:"orders"`
}

func readCorpus(t testing.TB) []corpusLine {
	t.Helper()
	f, err := os.Open("testdata/messages.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []corpusLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l corpusLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("messages.jsonl line %d: %v", len(lines)+1, err)
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// TestCorpus runs Extract over realistic customer messages (Japanese and English) and
// compares every tracking number, carrier list, verdict and order number.
func TestCorpus(t *testing.T) {
	lines := readCorpus(t)
	if len(lines) < 200 {
		t.Fatalf("corpus has %d messages, want at least 200", len(lines))
	}
	for i, l := range lines {
		got := Extract(l.Text)
		ok := len(got.Tracking) == len(l.Tracking) && len(got.Orders) == len(l.Orders)
		for k := 0; ok && k < len(l.Tracking); k++ {
			g, w := got.Tracking[k], l.Tracking[k]
			ok = g.Number == w.Number && g.Valid == w.Valid && g.Repaired == w.Repaired && slices.Equal(g.Carriers, w.Carriers)
		}
		for k := 0; ok && k < len(l.Orders); k++ {
			ok = got.Orders[k].Number == l.Orders[k]
		}
		if !ok {
			gb, _ := json.Marshal(got)
			wb, _ := json.Marshal(struct {
				T any `json:"tracking"`
				O any `json:"orders"`
			}{l.Tracking, l.Orders})
			t.Errorf("line %d %q:\n got %s\nwant %s", i+1, l.Text, gb, wb)
		}
	}
}
