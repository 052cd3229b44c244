package tracking

import (
	"slices"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"伝票番号: 4434-9617-1020 です",
	"４４３４－９６１７－１０２０",
	"44349617IO2O と 4434ー9617ー1020",
	"EG 725 089 303 JP / 1Z 6VB 12H 0164307427",
	"order 250-7391856-7851426 and D01-9144668-0069582",
	"090-1234-5678 +81-90-1234-5678 〒123-4567 ¥12,800 2024/06/11 10:30",
	"A443496171020A 4PX3001291278502CN TBA514994769923",
	"４４３４\u200b９６１７−１〇２〇",
	"",
}

// FuzzExtract: Extract never panics and returns only what is in the input.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		found := Extract(text)
		if found.Tracking == nil || found.Orders == nil {
			t.Fatalf("Extract(%q) returned a nil slice", text)
		}
		for _, m := range found.Tracking {
			if m.Raw == "" || !strings.Contains(text, m.Raw) {
				t.Fatalf("Extract(%q): Raw %q is not in the input", text, m.Raw)
			}
			n := stripCodabar(Normalize(m.Raw))
			if m.Repaired {
				n, _ = repairDigits(n)
			}
			if m.Number != n {
				t.Fatalf("Extract(%q): Number %q is not the normalised Raw %q (%q)", text, m.Number, m.Raw, n)
			}
			if len(m.Carriers) == 0 {
				t.Fatalf("Extract(%q): match %+v without carriers", text, m)
			}
		}
		for _, o := range found.Orders {
			if o.Raw == "" || !strings.Contains(text, o.Raw) {
				t.Fatalf("Extract(%q): order Raw %q is not in the input", text, o.Raw)
			}
			if strings.ReplaceAll(o.Number, "-", "") != Normalize(o.Raw) {
				t.Fatalf("Extract(%q): order Number %q is not the normalised Raw %q", text, o.Number, o.Raw)
			}
		}
	})
}

// FuzzValidate: Validate never panics, names only carriers of the table, and agrees with Check.
func FuzzValidate(f *testing.F) {
	for _, s := range append(fuzzSeeds, "443496171020", "EG725089303JP", "RB123456785XX", "1ZXX3150YW44070023") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Validate(s)
		for _, id := range got {
			if _, ok := Lookup(id); !ok {
				t.Fatalf("Validate(%q) named unknown carrier %q", s, id)
			}
		}
		if len(got) == 0 {
			return
		}
		m, ok := Check(s)
		if !ok || !m.Valid || m.Repaired || !slices.Equal(m.Carriers, got) {
			t.Fatalf("Validate(%q) = %v but Check = %+v, %v", s, got, m, ok)
		}
		if !strings.Contains(Normalize(s), m.Number) {
			t.Fatalf("Check(%q).Number = %q is not from the input", s, m.Number)
		}
	})
}
