package bot

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"４４３４－９６１７－１０２０", "4434-9617-1020"},
		{"4434ー9617ー1020", "4434-9617-1020"},
		{"  荷物が\u3000届かない  ", "荷物が 届かない"},
		{"コーヒー", "コーヒー"}, // a long-vowel mark in a word stays
		{"4434\u200b9617", "44349617"},
		{"ＥＪ５９５６４１９０７ＪＰ", "EJ595641907JP"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Fatalf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzNormalize: the fast path (text already normal comes back as it is) never skips
// a change the full pass would make.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"4434ー9617", "a  b", " a", "a ", "a\tb", "荷物－届く", "１ー２", "コーヒー", "x\u200by", "1〜2", "ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = norm.NFKC.String(s)
		if isNormal(s) {
			if full := normalizeRunes(s); full != s {
				t.Fatalf("isNormal(%q), but the full pass gives %q", s, full)
			}
		}
	})
}

func TestDetectLang(t *testing.T) {
	tests := []struct {
		in    string
		lang  string
		clear bool
	}{
		{"荷物はどこ", "ja", true},
		{"配達", "ja", false},
		{"Where is my parcel", "en", true},
		{"hello", "en", false},
		{"EJ595641907JP", "", false},
		{"4434-9617-1020", "", false},
		{"Amazon の注文", "ja", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			lang, clear := detectLang(tt.in)
			if lang != tt.lang || clear != tt.clear {
				t.Fatalf("detectLang(%q) = %q, %v; want %q, %v", tt.in, lang, clear, tt.lang, tt.clear)
			}
		})
	}
}

func TestRedactSecrets(t *testing.T) {
	p := newSecretPatterns()
	tests := []struct {
		in, want string
		kinds    []string
	}{
		{"4111 1111 1111 1111", "****", []string{secretCard}},
		{"card 5555-5555-5555-4444 please", "card **** please", []string{secretCard}},
		{"パスワードは abc12345 です", "パスワードは **** です", []string{secretPassword}},
		{"password: hunter", "password: ****", []string{secretPassword}},
		{"認証コード 123456", "認証コード ****", []string{secretCode}},
		{"ワンタイムパスワードは 482913 です", "ワンタイムパスワードは **** です", []string{secretCode}},
		// not secrets
		{"パスワードを忘れました", "パスワードを忘れました", nil},
		{"受取用の認証番号とは何ですか", "受取用の認証番号とは何ですか", nil},
		{"443496171020", "443496171020", nil},
		{"441201701523970", "441201701523970", nil}, // FedEx Ground, 15 digits
		{"注文番号 249-1234567-1234567", "注文番号 249-1234567-1234567", nil},
		{"4111 1111 1111 1112", "4111 1111 1111 1112", nil}, // fails Luhn
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, kinds := p.redactSecrets(tt.in)
			if got != tt.want || !slices.Equal(kinds, tt.kinds) {
				t.Fatalf("redactSecrets(%q) = %q %v, want %q %v", tt.in, got, kinds, tt.want, tt.kinds)
			}
		})
	}
}
