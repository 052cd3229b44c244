package slack

import "testing"

func TestMask(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"tracking number keeps its last 4", "番号は481234567893です", "番号は••••••••7893です"},
		{"hyphenated tracking number", "4812-3456-7893", "••••-••••-7893"},
		{"full-width digits and dash", "０９０－１２３４－５６７８", "•••-••••-5678"},
		{"katakana long mark as dash", "090ー1234ー5678", "•••ー••••ー5678"},
		{"card number loses every digit", "card 4111 1111 1111 1111 thanks", "card •••• •••• •••• •••• thanks"},
		{"card number without spaces", "4111111111111111", "••••••••••••••••"},
		{"one-time code", "認証コードは482913です", "認証コードは••••••です"},
		{"PIN of 4 digits", "my pin 1234", "my pin ••••"},
		{"e-mail", "mail me at taro.yamada+x@example.co.jp please", "mail me at [e-mail] please"},
		{"password after a colon", "password: hunter2 ok", "password: •••• ok"},
		{"Japanese password", "パスワードは abc123 です", "パスワードは •••• です"},
		{"password mentioned without a value stays", "パスワードを忘れました", "パスワードを忘れました"},
		{"S10 postal number keeps letters around the last 4", "EJ123456789JP", "EJ•••••6789JP"},
		{"order number stays", "注文番号 249-1234567-1234567", "注文番号 249-1234567-1234567"},
		{"digital order number stays", "D01-1234567-1234567", "D01-1234567-1234567"},
		{"year and price stay", "2026年に3000円", "2026年に3000円"},
		{"short numbers stay", "3 boxes on the 12th", "3 boxes on the 12th"},
		{"international phone", "+81 90 1234 5678", "+•• •• •••• 5678"},
		{"nothing to hide", "荷物が届かない", "荷物が届かない"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mask(tt.in); got != tt.want {
				t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskKeep4(t *testing.T) {
	for in, want := range map[string]string{
		"481234567893":       "••••••••7893",
		"1Z999AA10123456784": "••••••••••••••6784",
		"123":                "123",
	} {
		if got := MaskKeep4(in); got != want {
			t.Errorf("MaskKeep4(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLuhn(t *testing.T) {
	for s, want := range map[string]bool{"4111111111111111": true, "4111111111111112": false, "79927398713": true, "": false} {
		if got := luhn(s); got != want {
			t.Errorf("luhn(%q) = %v", s, got)
		}
	}
}

func FuzzMaskHidesCards(f *testing.F) {
	f.Add("4111 1111 1111 1111")
	f.Add("カード番号：5555-5555-5555-4444 です")
	f.Fuzz(func(t *testing.T, s string) {
		out := Mask(s)
		for _, loc := range digitsRE.FindAllStringIndex(out, -1) {
			run := out[loc[0]:loc[1]]
			n := 0
			for _, r := range run {
				if r >= '0' && r <= '9' {
					n++
				}
			}
			if n >= 9 && !orderRE.MatchString(run) {
				t.Fatalf("Mask(%q) left %q", s, run)
			}
		}
	})
}
