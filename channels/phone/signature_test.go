package phone

import (
	"net/url"
	"testing"
)

// Twilio's published request-validation example (its helper libraries test against it).
func TestSignatureMatchesTwiliosExample(t *testing.T) {
	const token = "12345"
	const u = "https://mycompany.com/myapp.php?foo=1&bar=2"
	form := url.Values{
		"CallSid": {"CA1234567890ABCDE"}, "Caller": {"+14158675309"}, "Digits": {"1234"},
		"From": {"+14158675309"}, "To": {"+18005551212"},
	}
	const want = "RSOYDt4T1cUTdK1PDd93/VVr8B8="
	if got := Signature(token, u, form); got != want {
		t.Errorf("Signature = %q, want %q", got, want)
	}
	tests := []struct {
		name string
		url  string
		sig  string
		want bool
	}{
		{"valid", u, want, true},
		{"with the default port added", "https://mycompany.com:443/myapp.php?foo=1&bar=2", want, true},
		{"another query", u + "&x=1", want, false},
		{"wrong", u, "RSOYDt4T1cUTdK1PDd93/VVr8B8X", false},
		{"missing", u, "", false},
	}
	for _, tt := range tests {
		if got := ValidSignature(token, tt.url, form, tt.sig); got != tt.want {
			t.Errorf("%s: ValidSignature = %v, want %v", tt.name, got, tt.want)
		}
	}
	if ValidSignature("", u, form, want) {
		t.Error("an empty token validated a request")
	}
}

// Repeated parameters are signed name+value for each value, values sorted (Twilio's
// helper libraries' example).
func TestSignatureRepeatedParams(t *testing.T) {
	form := url.Values{"Sid": {"CA123"}, "SidAccount": {"AC123"}, "Digits": {"5678", "1234", "1234"}}
	if got, want := Signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form), "IK+Dwps556ElfBT0I3Rgjkr1wJU="; got != want {
		t.Errorf("Signature = %q, want %q", got, want)
	}
}
