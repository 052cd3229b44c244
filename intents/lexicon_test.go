package intents

import "testing"

// TestLexiconFindsOtherShops: a text naming another shop or service gets the feature,
// whatever its script or width; a name inside a longer Latin word, or a carrier that
// brings Amazon orders, does not.
func TestLexiconFindsOtherShops(t *testing.T) {
	f := TrainConfig{}.withDefaults().features()
	id := uint32(hashString(kindNumber, "#elsewhere") % uint64(f.Buckets))
	tests := []struct {
		text string
		want bool
	}{
		{"my Rakuten package is out for delivery, when will it come?", true},
		{"楽天で買った靴を返品したい", true},
		{"ﾒﾙｶﾘで売ったものが届いてないと言われた", true},
		{"how to return shoes to ZARA", true},
		{"where's my Uber Eats order", true},
		{"Qoo10 order never arrived", true},
		{"thanks for your cooperation, I read Zarathustra while waiting", false},
		{"ヤマトの再配達をお願いしたい", false},
		{"where is my amazon parcel", false},
	}
	for _, tt := range tests {
		ids := f.extract(tt.text, nil, nil, nil, nil)
		got := false
		for _, x := range ids {
			got = got || x == id
		}
		if got != tt.want {
			t.Errorf("%q: other-shop feature %v, want %v", tt.text, got, tt.want)
		}
	}
}
