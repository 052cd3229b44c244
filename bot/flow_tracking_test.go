package bot

import "testing"

// TestLooksLikePhone: a mobile number typed where a tracking number was asked for is
// recognised with or without hyphens, and tracking or order numbers are not taken for one.
func TestLooksLikePhone(t *testing.T) {
	for text, want := range map[string]bool{
		"090-1234-5678":       true,
		"08012345678です":       true,
		"電話は070-1111-2222":    true,
		"4434-9617-1020":      false,
		"249-1234567-1234567": false,
		"TBA123456789012":     false,
		"0901234567":          false, // ten digits: not a mobile number
		"1090123456789":       false, // inside a longer number
		"番号は 360-090-1234 ではありません": false,
	} {
		if got := looksLikePhone(text); got != want {
			t.Errorf("looksLikePhone(%q) = %v, want %v", text, got, want)
		}
	}
}
