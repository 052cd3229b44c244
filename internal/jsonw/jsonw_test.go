package jsonw

import (
	"encoding/json"
	"math"
	"testing"
)

func FuzzString(f *testing.F) {
	for _, s := range []string{"", "荷物", `a"b\c`, "<script>&", "\x00\x1f\x7f", "\xff\xfe", "\u2028\u2029", "🙂\n\t\r\b\f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := String(nil, s); string(got) != string(want) {
			t.Fatalf("String(%q) = %s, encoding/json writes %s", s, got, want)
		}
	})
}

func FuzzFloat(f *testing.F) {
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 0.9731, 1e-6, 9.99e-7, 1e-9, 1e20, 1e21, 3e21, -2.5e-7, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		if !Finite(x) {
			return
		}
		want, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		if got := Float(nil, x); string(got) != string(want) {
			t.Fatalf("Float(%v) = %s, encoding/json writes %s", x, got, want)
		}
	})
}

func TestStrings(t *testing.T) {
	for _, ss := range [][]string{nil, {}, {"a"}, {"荷物", "<&>", ""}} {
		want, _ := json.Marshal(ss)
		if got := Strings(nil, ss); string(got) != string(want) {
			t.Errorf("Strings(%q) = %s, encoding/json writes %s", ss, got, want)
		}
	}
}
