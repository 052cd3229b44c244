package intents

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func featureIDs(c featureConfig, text string, numbers numberFunc) []uint32 {
	ids := c.extract(text, numbers, nil, nil, nil)
	slices.Sort(ids)
	return ids
}

func TestFeaturesSeeThroughWidthCaseAndDigits(t *testing.T) {
	c := TrainConfig{}.withDefaults().features()
	tests := []struct{ a, b string }{
		{"ＷＨＥＲＥ　ＩＳ　ＭＹ　ＰＡＣＫＡＧＥ", "where is my package"},
		{"4434-9617-1020", "1234-5678-9012"},
		{"ニモツ  どこ", "にもつ どこ"},
	}
	for _, tt := range tests {
		if a, b := featureIDs(c, tt.a, nil), featureIDs(c, tt.b, nil); !slices.Equal(a, b) {
			t.Errorf("%q and %q have different features", tt.a, tt.b)
		}
	}
	if a, b := featureIDs(c, "荷物どこ", nil), featureIDs(c, "返品したい", nil); slices.Equal(a, b) {
		t.Error("two different texts have the same features")
	}
}

func TestFeaturesCarryTheNumberFlags(t *testing.T) {
	c := TrainConfig{}.withDefaults().features()
	valid := func(string) numberFlags { return hasValidTracking | isBareNumber }
	plain := featureIDs(c, "4434-9617-1020", nil)
	with := featureIDs(c, "4434-9617-1020", valid)
	if got, want := len(with)-len(plain), 2*c.NumberWeight; got != want {
		t.Errorf("a valid bare number adds %d features, want %d (two flags, %d times each)", got, want, c.NumberWeight)
	}
}

func TestTrackingNumbersReadsExtract(t *testing.T) {
	tests := []struct {
		text string
		want numberFlags
	}{
		{"4434-9617-1020", hasValidTracking | isBareNumber},
		{"注文番号 249-1234567-1234567 の件で", hasOrder},
		{"荷物が届きません", 0},
	}
	for _, tt := range tests {
		if got := trackingNumbers(tt.text); got != tt.want {
			t.Errorf("trackingNumbers(%q) = %05b, want %05b", tt.text, got, tt.want)
		}
	}
}

func TestUniqueKeepsFirstPlaces(t *testing.T) {
	var sc extractScratch
	ids := []uint32{9, 5, 7, 7, 0, 5, 9, 1 << 18, 0, 3}
	got := sc.unique(append([]uint32{42, 42}, ids...), 2)
	want := []uint32{42, 42, 9, 5, 7, 0, 1 << 18, 3}
	if !slices.Equal(got, want) {
		t.Fatalf("unique = %v, want %v", got, want)
	}
	long := make([]uint32, 0, 1000)
	for i := range 1000 {
		long = append(long, uint32(i%300)*4099)
	}
	if got := sc.unique(long, 0); len(got) != 300 {
		t.Fatalf("unique of 300 ids repeated: %d left", len(got))
	}
}

// FuzzNormalize: text the fast path keeps as it is is text the full pass would not change.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Hello World", "a  b", " a", "a ", "a\tb", "ÄÖ", "荷物 どこ", "ǅ", "\xa0", "ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = norm.NFKC.String(s)
		if isNormal(s) {
			if full := lowerCollapse(s); full != s {
				t.Fatalf("isNormal(%q), but the full pass gives %q", s, full)
			}
		}
	})
}
