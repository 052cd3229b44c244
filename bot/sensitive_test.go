package bot

import (
	"slices"
	"testing"
)

// FuzzRedactSecrets checks the keyword pre-filter of redactSecrets: on any normalised
// text it must redact exactly what running every pattern redacts.
func FuzzRedactSecrets(f *testing.F) {
	for _, s := range []string{
		"PASSWORD: hunter2", "my PIN is 4821", "Passcode=ab12cd", "passwd 99xx!!",
		"ONE-TIME CODE 123456", "One time password 998877", "OTP: 4455", "CVV 123 4567",
		"Verification Code is 12345678", "Auth code: 5555", "SMS code 9876", "2FA code 1111",
		"Card Number 4111 1111 1111 1111", "CARD # 5555-5555-5555-4444", "クレジットカード 4111111111111111",
		"暗証番号は 1234abcd", "認証コード：482913", "確認番号 123456", "ワンタイムパスワード 000111",
		"セキュリティコード 123", "検証コード 9999", "荷物が届かない 443496171020", "ſecurity code 1234",
		"security\u212a code 1234",
	} {
		f.Add(s)
	}
	p := newSecretPatterns()
	f.Fuzz(func(t *testing.T, s string) {
		text := Normalize(s)
		got, gotKinds := p.redactSecrets(text)
		want, wantKinds := p.redact(text, true, true, true)
		if got != want || !slices.Equal(gotKinds, wantKinds) {
			t.Fatalf("redactSecrets(%q) = %q %v; every pattern run gives %q %v", text, got, gotKinds, want, wantKinds)
		}
	})
}

func BenchmarkRedactSecrets(b *testing.B) {
	p := newSecretPatterns()
	lines := []string{
		"荷物が届かないのですが、どうなっていますか",
		"Where is my package? I ordered it last week and it still has not arrived.",
		"お問い合わせ番号 4434-9617-1020 を調べてください",
		"パスワードを忘れました",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p.redactSecrets(lines[i%len(lines)])
	}
}
