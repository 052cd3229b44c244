package bot

import "testing"

func TestPhrases(t *testing.T) {
	p, err := loadPhrases()
	if err != nil {
		t.Fatal(err)
	}
	yesNo := []struct {
		in   string
		want int
	}{
		{"はい", 1}, {"はい、合ってます", 1}, {"Yes!", 1}, {"OK", 1}, {"that's right", 1},
		{"いいえ", -1}, {"違います", -1}, {"No", -1}, {"no thanks", -1}, {"Nope.", -1},
		{"わかりません", 0}, {"maybe", 0}, {"north", 0},
	}
	for _, tt := range yesNo {
		if got := p.yesNo(tt.in); got != tt.want {
			t.Errorf("yesNo(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	person := []struct {
		in          string
		asks, wants bool
	}{
		{"EJ595641907JP の荷物について担当者と話したい", true, true},
		{"I want to TALK TO A HUMAN", true, true},
		{"オペレーターにつないで", true, true},
		{"スタッフの方に見てほしい", false, true},
		{"カスタマーサービスの電話番号は？", false, false},
		{"What are your opening hours?", false, false},
	}
	for _, tt := range person {
		if got := p.asksForPerson(tt.in); got != tt.asks {
			t.Errorf("asksForPerson(%q) = %v, want %v", tt.in, got, tt.asks)
		}
		if got := p.wantsHuman(tt.in); got != tt.wants {
			t.Errorf("wantsHuman(%q) = %v, want %v", tt.in, got, tt.wants)
		}
	}
}
