package tracking

import (
	"os"
	"strings"
	"testing"
)

// benchText is a realistic mixed corpus: the customer messages of testdata/messages.jsonl
// (most with a number) each followed by three lines of ordinary Japanese or English prose
// from testdata/prose.txt, so that most of the bytes hold no number at all.
func benchText(b *testing.B) string {
	b.Helper()
	prose, err := os.ReadFile("testdata/prose.txt")
	if err != nil {
		b.Fatal(err)
	}
	para := strings.Split(strings.TrimSpace(string(prose)), "\n")
	var sb strings.Builder
	for i, l := range readCorpus(b) {
		sb.WriteString(l.Text)
		sb.WriteByte('\n')
		for k := 0; k < 3; k++ {
			sb.WriteString(para[(3*i+k)%len(para)])
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

// BenchmarkExtract measures Extract throughput (MB/s) over the mixed corpus, one
// message (line) per call as the bot does.
func BenchmarkExtract(b *testing.B) {
	lines := strings.Split(benchText(b), "\n")
	total := 0
	for _, l := range lines {
		total += len(l)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			Extract(l)
		}
	}
}

// BenchmarkExtractOneText is Extract over the whole corpus as one text.
func BenchmarkExtractOneText(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(text)
	}
}

func BenchmarkValidate(b *testing.B) {
	cases := []struct{ name, in string }{
		{"hit-7DR", "443496171020"},
		{"hit-S10", "EG725089303JP"},
		{"hit-hyphens", "4434-9617-1020"},
		{"miss-checkdigit", "443496171021"},
		{"miss-word", "hello world"},
		{"miss-hyphens", "4434-9617-1028"},
		{"miss-fullwidth", "４４３４－９６１７－１０２８"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Validate(c.in)
			}
		})
	}
}

// TestValidateMissDoesNotAllocate holds the no-allocation promise of Validate on a miss.
func TestValidateMissDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"443496171021", "hello world", "4434-9617-1028", "EJ595641904JP"} {
		if n := testing.AllocsPerRun(100, func() { Validate(s) }); n != 0 {
			t.Errorf("Validate(%q) allocates %.0f times on a miss, want 0", s, n)
		}
	}
}
