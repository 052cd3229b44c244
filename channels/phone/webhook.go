package phone

import (
	"net/http"
	"strings"
)

// WebhookConfig configures the TwiML webhook. The zero value accepts unsigned requests
// and answers with actions on the path it was called on.
type WebhookConfig struct {
	// AuthToken, when set, makes every request carry a valid X-Twilio-Signature; requests
	// without one, or with a wrong one, get 403.
	AuthToken string
	// PublicURL is the scheme://host[/prefix] Twilio calls, when a proxy stands in front:
	// the signed URL is PublicURL + the request URI, and Gather actions point there too.
	// Empty: the URL is rebuilt from the request (Host, TLS).
	PublicURL string
	// MaxBody bounds a request body in bytes; zero means 64 KiB.
	MaxBody int64
}

// Webhook returns the handler of POST /voice/twiml: Twilio posts the form fields
// CallSid, From and, after a Gather, Digits; the answer is the TwiML of the next turn.
// The call's state lives in the Phone, keyed by CallSid. A webhook URL ending in
// ?lang=en (set on a number meant for English speakers) starts its calls in English.
func (p *Phone) Webhook(cfg WebhookConfig) http.Handler {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 64 << 10
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, cfg.MaxBody)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		if cfg.AuthToken != "" {
			u := requestURL(r, cfg.PublicURL)
			if !ValidSignature(cfg.AuthToken, u, r.PostForm, r.Header.Get("X-Twilio-Signature")) {
				p.log.WithField("path", r.URL.Path).Warn("twilio webhook: missing or wrong signature")
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
		}
		sid := r.PostForm.Get("CallSid")
		if sid == "" {
			http.Error(w, "CallSid missing", http.StatusBadRequest)
			return
		}
		ev := Digits(r.PostForm.Get("Digits"))
		if lang := r.URL.Query().Get("lang"); lang != "" {
			ev.Lang = lang // used only when the call is new
		}
		turn := p.Call(r.Context(), sid, r.PostForm.Get("From"), ev)
		action := r.URL.Path
		if cfg.PublicURL != "" {
			action = strings.TrimRight(cfg.PublicURL, "/") + r.URL.Path
		}
		body, err := RenderTwiML(turn, action)
		if err != nil {
			p.log.WithError(err).WithField("call", sid).Error("twilio webhook")
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.Write(body)
	})
}

// requestURL is the URL Twilio signed: PublicURL + the request URI, or rebuilt from the
// request itself.
func requestURL(r *http.Request, publicURL string) string {
	if publicURL != "" {
		return strings.TrimRight(publicURL, "/") + r.URL.RequestURI()
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + r.URL.RequestURI()
}
