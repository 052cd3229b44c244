package tracking

import "testing"

// The normalisation demo of CARRIERS.md §0.
func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"４４３４－９６１７－１０２０", "443496171020"},
		{"4434ー9617ー1020", "443496171020"},
		{"4434‐9617‐1020", "443496171020"},
		{" 4434 9617 1020 ", "443496171020"},
		{"4434\u200b9617\ufeff1020", "443496171020"},
		{"4434ｰ9617−1020", "443496171020"},
		{"4434─9617\u00ad1020", "443496171020"},
		{"4434\u30009617\u00a01020", "443496171020"},
		{"ｅｇ７２５０８９３０３ｊｐ", "EG725089303JP"},
		{"1z 6vb 12h 0164307427", "1Z6VB12H0164307427"},
		{"EG725089303JP", "EG725089303JP"},
		{"44349617IO2O", "44349617IO2O"}, // look-alikes are left for Check to repair
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMask(t *testing.T) {
	tests := []struct{ in, want string }{
		{"443496171020", "********1020"},
		{"EG725089303JP", "*********03JP"},
		{"1234", "****"},
		{"", ""},
		{"４４３４９６１７", "****９６１７"},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCarrierTable(t *testing.T) {
	design := []string{"yamato", "sagawa", "japanpost", "amazon", "dhl", "fedex", "ups", "sf", "4px",
		"chinapost", "sfc", "yanwen", "ydh", "yunexpress", "usps", "s10", "seino", "fukuyama", "nittsu"}
	for _, id := range design {
		c, ok := Lookup(id)
		if !ok {
			t.Errorf("Lookup(%q): missing", id)
			continue
		}
		if c.NameJA == "" || c.NameEN == "" {
			t.Errorf("%s: display names missing: %+v", id, c)
		}
	}
	seen := map[string]bool{}
	for _, c := range Carriers() {
		if seen[c.ID] {
			t.Errorf("carrier id %q twice", c.ID)
		}
		seen[c.ID] = true
		if c.URLTemplate != "" && (len(c.URLTemplate) < 8 || c.URLTemplate[:8] != "https://") {
			t.Errorf("%s: tracking page %q is not https", c.ID, c.URLTemplate)
		}
		if c.CountsForRate && c.RateExempt {
			t.Errorf("%s: both counts for the rate and is exempt from it", c.ID)
		}
	}
	y, _ := Lookup("yamato")
	if got := y.URL("443496171020"); got != "https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=443496171020" {
		t.Errorf("yamato URL = %q", got)
	}
	if got := y.Name("ja"); got != "ヤマト運輸" {
		t.Errorf("yamato ja name = %q", got)
	}
	if a, _ := Lookup("amazon"); a.URL("TBA514994769923") != "" {
		t.Errorf("amazon has no public tracking page, got %q", a.URL("TBA514994769923"))
	}
}

func TestCarrierByName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"yamato", "yamato"}, {"ヤマト運輸", "yamato"}, {"YAMATO TRANSPORT", "yamato"}, {"クロネコヤマト", "yamato"},
		{"Sagawa Express", "sagawa"}, {"佐川急便", "sagawa"}, {"日本郵便", "japanpost"}, {"ゆうパック", "japanpost"},
		{"Japan Post", "japanpost"}, {"ＤＨＬ", "dhl"}, {"China Post", "chinapost"}, {"Yun Express", "yunexpress"},
		{"西濃運輸", "seino"}, {"日本通運", "nittsu"}, {"福山通運", "fukuyama"}, {"名鉄運輸", "meitetsu"},
	}
	for _, tt := range tests {
		c, ok := CarrierByName(tt.name)
		if !ok || c.ID != tt.want {
			t.Errorf("CarrierByName(%q) = %q, %v; want %q", tt.name, c.ID, ok, tt.want)
		}
	}
	if c, ok := CarrierByName("ペリカン便"); ok {
		t.Errorf("CarrierByName(ペリカン便) = %q, want not found", c.ID)
	}
}

// The extractor's character classes agree with Normalize for every BMP character:
// what it reads as a letter or digit normalises to that ASCII character, and what it
// reads as a separator normalises to nothing.
func TestScannerAgreesWithNormalize(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		k, b, _, size := classAt(s, 0)
		if size != len(s) {
			t.Fatalf("classAt(%U) size %d, want %d", r, size, len(s))
		}
		switch k {
		case kAlnum:
			if got := Normalize(s); got != string(b) {
				t.Errorf("%U read as %q but normalises to %q", r, b, got)
			}
		case kStrong, kWeak:
			if got := Normalize(s); got != "" {
				t.Errorf("%U read as a separator but normalises to %q", r, got)
			}
		}
	}
}
