package tracking

import "testing"

// An English reader gets Japan Post's English tracking page; carriers whose page has
// one language get it whatever the reader's.
func TestCarrierURLIn(t *testing.T) {
	tests := []struct {
		carrier, number, lang, want string
	}{
		{"japanpost", "EJ595641907JP", "en", "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=EJ595641907JP&searchKind=S002&locale=en"},
		{"japanpost", "EJ595641907JP", "ja", "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=EJ595641907JP&searchKind=S002&locale=ja"},
		{"japanpost", "443496171020", "", "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=443496171020&searchKind=S002&locale=en"},
		{"sagawa", "443496171020", "en", "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=443496171020"},
		{"amazon", "443496171020", "ja", ""},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.carrier)
		if !ok {
			t.Fatalf("Lookup(%q) failed", tt.carrier)
		}
		if got := c.URLIn(tt.number, tt.lang); got != tt.want {
			t.Errorf("%s.URLIn(%q, %q) = %q, want %q", tt.carrier, tt.number, tt.lang, got, tt.want)
		}
	}
	c, _ := Lookup("japanpost")
	if got, want := c.URL("EJ595641907JP"), c.URLIn("EJ595641907JP", "ja"); got != want {
		t.Errorf("URL = %q, want the Japanese page %q", got, want)
	}
}
