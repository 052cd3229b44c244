package webchat

import (
	"encoding/json"
	"fmt"
)

// messages holds the server's error texts from static/i18n.json, the same file the
// page reads its UI strings from.
type messages struct {
	errors map[string]map[string]string // lang -> code -> text
}

func loadMessages() (*messages, error) {
	b, err := assets.ReadFile("static/i18n.json")
	if err != nil {
		return nil, fmt.Errorf("load messages: %w", err)
	}
	var raw map[string]struct {
		Errors map[string]string `json:"errors"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("load messages: %w", err)
	}
	m := &messages{errors: map[string]map[string]string{}}
	for lang, v := range raw {
		m.errors[lang] = v.Errors
	}
	for _, lang := range []string{"ja", "en"} {
		for _, code := range errorCodes() {
			if m.errors[lang][code] == "" {
				return nil, fmt.Errorf("load messages: no %s text for error %q", lang, code)
			}
		}
	}
	return m, nil
}

// errorCodes lists every code an error frame may carry; each needs a text in both languages.
func errorCodes() []string {
	return []string{codeTooLarge, codeBadJSON, codeBadUTF8, codeBinary, codeUnknownType,
		codeRateLimited, codeEmpty, codeBadID, codeSessionExpired, codeUnavailable}
}

// errorText is the customer-facing text of code, in lang (Japanese when unknown).
func (m *messages) errorText(lang, code string) string {
	if lang != "en" {
		lang = "ja"
	}
	return m.errors[lang][code]
}
