package phone

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// Signature is Twilio's request signature (X-Twilio-Signature): HMAC-SHA1 keyed with the
// auth token over the full request URL followed by every POST parameter, sorted by name,
// as name then value with nothing between (a repeated name once per distinct value, values
// sorted); base64 (standard, padded).
func Signature(authToken, fullURL string, form url.Values) string {
	names := make([]string, 0, len(form))
	for k := range form {
		names = append(names, k)
	}
	sort.Strings(names)
	mac := hmac.New(sha1.New, []byte(authToken))
	mac.Write([]byte(fullURL))
	for _, k := range names {
		// Each distinct value once, sorted, as Twilio's helper libraries do.
		vals := append([]string(nil), form[k]...)
		sort.Strings(vals)
		vals = slices.Compact(vals)
		for _, v := range vals {
			mac.Write([]byte(k))
			mac.Write([]byte(v))
		}
	}
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// ValidSignature reports whether sig signs the request. Like Twilio's own helpers it also
// accepts the URL with its default port added or removed, since Twilio may sign either.
func ValidSignature(authToken, fullURL string, form url.Values, sig string) bool {
	if sig == "" || authToken == "" {
		return false
	}
	for _, u := range urlVariants(fullURL) {
		want := Signature(authToken, u, form)
		if hmac.Equal([]byte(want), []byte(sig)) {
			return true
		}
	}
	return false
}

// urlVariants is the URL as given, and with the scheme's default port toggled.
func urlVariants(raw string) []string {
	out := []string{raw}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return out
	}
	port := map[string]string{"http": "80", "https": "443"}[strings.ToLower(u.Scheme)]
	if port == "" {
		return out
	}
	v := *u
	switch u.Port() {
	case "":
		v.Host = u.Host + ":" + port
	case port:
		v.Host = u.Hostname()
	default:
		return out
	}
	return append(out, v.String())
}
