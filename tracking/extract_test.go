package tracking

import (
	"slices"
	"strings"
	"testing"
)

// What must never come back as a tracking number, each next to nothing else.
func TestExtractIgnoresNonNumbers(t *testing.T) {
	tests := []struct{ name, text string }{
		{"free dial", "お電話は0120-123-456まで"},
		{"landline", "03-1234-5678 に連絡ください"},
		{"mobile", "携帯090-1234-5678"},
		{"mobile spaced", "call 090 1234 5678"},
		{"international phone", "+81-90-1234-5678"},
		{"international phone spaced", "+81 3 1234 5678"},
		{"international phone without plus", "81-90-1234-5678"},
		{"international landline without plus", "81 3 1234 5678"},
		{"postal code", "〒123-4567 東京都"},
		{"postal code spaced", "〒 150-0001"},
		{"date", "2024-06-11に注文"},
		{"date and time", "2024/06/11 10:30"},
		{"spaced date and time", "2024 06 11 0930"},
		{"compact date", "20240611"},
		{"price yen sign", "¥12,800"},
		{"price 円 after a number", "443496171020円"},
		{"price dollar", "$443496171020"},
		{"PIN", "認証コード 123456"},
		{"inside a longer digit run", "会員番号99443496171020123456"},
		{"inside letters", "ABC443496171020XYZ"},
		{"decimal", "3.443496171020"},
		{"thousands", "1,443496171020"},
		{"card", "4111 1111 1111 1111"},
		{"amex", "3782 822463 10005"},
		{"mail local part", "443496171020@example.com"},
		{"S10 shape in words", "it is 123456789 ok"},
		{"S10 shape in words, bad check digit", "to ab 595641904 jp"},
		{"no digits", "荷物が届きません。Where is my parcel?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(tt.text); len(got.Tracking) != 0 {
				t.Errorf("Extract(%q) = %+v, want no tracking number", tt.text, got.Tracking)
			}
		})
	}
}

func TestExtractFinds(t *testing.T) {
	tests := []struct {
		text     string
		raw      string
		number   string
		carriers []string
		valid    bool
	}{
		{"伝票番号:4434-9617-1020", "4434-9617-1020", "443496171020", []string{"yamato", "sagawa", "japanpost"}, true},
		{"「４４３４ー９６１７ー１０２０」です", "４４３４ー９６１７ー１０２０", "443496171020", []string{"yamato", "sagawa", "japanpost"}, true},
		{"伝票 4434─9617\u00ad1020", "4434─9617\u00ad1020", "443496171020", []string{"yamato", "sagawa", "japanpost"}, true},
		{"No.443496171020", "443496171020", "443496171020", []string{"yamato", "sagawa", "japanpost"}, true},
		{"https://example.jp/track/443496171020", "443496171020", "443496171020", []string{"yamato", "sagawa", "japanpost"}, true},
		{"書留131-12-38385-2です", "131-12-38385-2", "13112383852", []string{"japanpost", "dhl"}, true},
		{"EMS ej595641904jp", "ej595641904jp", "EJ595641904JP", []string{"japanpost"}, false},
		{"scan: A443496171020A", "A443496171020A", "443496171020", []string{"yamato", "sagawa", "japanpost"}, true},
		{"my tracking is ej 595 641 907 jp", "ej 595 641 907 jp", "EJ595641907JP", []string{"japanpost"}, true},
		{"TBA 514994769923", "TBA 514994769923", "TBA514994769923", []string{"amazon"}, true},
		{"tel 090-1234-5678 / 319721648466", "319721648466", "319721648466", []string{"yamato", "sagawa", "japanpost"}, true},
	}
	for _, tt := range tests {
		got := Extract(tt.text)
		if len(got.Tracking) != 1 {
			t.Errorf("Extract(%q) = %+v, want one number", tt.text, got.Tracking)
			continue
		}
		m := got.Tracking[0]
		if m.Raw != tt.raw || m.Number != tt.number || m.Valid != tt.valid || !slices.Equal(m.Carriers, tt.carriers) {
			t.Errorf("Extract(%q) = %+v, want raw %q number %q carriers %v valid %v", tt.text, m, tt.raw, tt.number, tt.carriers, tt.valid)
		}
		if !strings.Contains(tt.text, m.Raw) {
			t.Errorf("Raw %q not in %q", m.Raw, tt.text)
		}
	}
}

// Orders are reported apart from tracking numbers; 17 bare digits are an order too.
func TestExtractOrders(t *testing.T) {
	got := Extract("注文 250-7391856-7851426、Kindle D01-9144668-0069582、番号50365513056240565")
	want := []Order{
		{Raw: "250-7391856-7851426", Number: "250-7391856-7851426"},
		{Raw: "D01-9144668-0069582", Number: "D01-9144668-0069582", Digital: true},
		{Raw: "50365513056240565", Number: "503-6551305-6240565"},
	}
	if !slices.Equal(got.Orders, want) || len(got.Tracking) != 0 {
		t.Errorf("Extract = %+v, want orders %+v and no tracking", got, want)
	}
}

// A run longer than the scanner holds is cut; what follows the cut is not read as
// the start of a number. A group longer than any number is dropped whole.
func TestExtractLongRuns(t *testing.T) {
	// 48 spaced digits fill the scanner; the number glued on by a space could be the
	// tail of the same run, so it is not read.
	text := strings.Repeat("1 ", maxGroups) + "4434 9617 1020"
	if got := Extract(text).Tracking; len(got) != 0 {
		t.Errorf("long spaced run: %+v, want nothing", got)
	}
	if got := Extract(text + "\n4434 9617 1020").Tracking; len(got) != 1 || got[0].Raw != "4434 9617 1020" {
		t.Errorf("number on the next line: %+v, want 4434 9617 1020", got)
	}
	for _, n := range []int{maxCand, maxCand + 1, 300, 400} {
		text := "x " + strings.Repeat("1", n) + " 4434-9617-1020"
		if got := Extract(text).Tracking; len(got) != 1 || got[0].Number != "443496171020" {
			t.Errorf("number after a %d-digit group: %+v", n, got)
		}
	}
}

// A number written twice (or in two forms) in one message is reported once, where it first stands.
func TestExtractReportsEachNumberOnce(t *testing.T) {
	got := Extract("伝票番号 4434-9617-1020（443496171020）、注文 250-7391856-7851426 / 25073918567851426")
	if len(got.Tracking) != 1 || got.Tracking[0].Raw != "4434-9617-1020" || len(got.Orders) != 1 {
		t.Errorf("Extract = %+v, want one tracking number and one order", got)
	}
}
