package phone

import "testing"

func TestWithoutSentences(t *testing.T) {
	tests := []struct {
		in, sep string
		drop    []string
		want    string
	}{
		{"公式サイトから問い合わせできます。 電話番号は公式サイトでご確認ください。 担当者におつなぎすることもできます。", "", []string{"担当者におつなぎ"},
			"公式サイトから問い合わせできます。電話番号は公式サイトでご確認ください。"},
		{"Use the official site. Check numbers there. I can also connect you with our team.", " ", []string{"connect you"},
			"Use the official site. Check numbers there."},
		{"Version 1.5 is out. Bye", " ", []string{"Bye"}, "Version 1.5 is out."},
		{"そのまま。", "", nil, "そのまま。"},
	}
	for _, tt := range tests {
		if got := withoutSentences(tt.in, tt.sep, tt.drop); got != tt.want {
			t.Errorf("withoutSentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
