package webchat

import (
	"embed"
	"net/http"
	"strings"
)

//go:embed static
var assets embed.FS

// Mount registers the chat routes on mux:
//
//	GET /                  the chat page
//	GET /ws                the websocket
//	GET /widget.js         the embed script: <script src="https://HOST/widget.js" defer></script>
//	GET /webchat/{file}    the widget's style sheet and UI strings
func (s *Server) Mount(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", s.servePage)
	mux.HandleFunc("GET /ws", s.ServeWS)
	mux.HandleFunc("GET /widget.js", s.serveAsset("widget.js"))
	mux.HandleFunc("GET /webchat/widget.css", s.serveAsset("widget.css"))
	mux.HandleFunc("GET /webchat/i18n.json", s.serveAsset("i18n.json"))
	mux.HandleFunc("GET /webchat/icon.svg", s.serveAsset("icon.svg"))
}

// Handler is a mux with only the chat routes (Mount), for tests and standalone use.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.Mount(mux)
	return mux
}

func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy(r.Host))
	setCommonHeaders(h)
	http.ServeFileFS(w, r, assets, "static/index.html")
}

// serveAsset serves a widget file. They are public and loaded by other sites' pages
// (the embed script), so the UI strings may be fetched from any origin.
func (s *Server) serveAsset(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		setCommonHeaders(h)
		h.Set("Content-Security-Policy", "default-src 'none'")
		h.Set("Access-Control-Allow-Origin", "*")
		http.ServeFileFS(w, r, assets, "static/"+name)
	}
}

func setCommonHeaders(h http.Header) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-cache")
}

// contentSecurityPolicy allows only the server's own scripts, styles and websocket: no
// inline script, no third-party anything.
func contentSecurityPolicy(host string) string {
	connect := "'self'"
	if validHost(host) {
		connect += " ws://" + host + " wss://" + host
	}
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src 'self' data:",
		"connect-src " + connect,
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors 'self'",
	}, "; ")
}

// validHost reports whether the Host header is safe to repeat in a header value.
func validHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	for _, r := range h {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			strings.ContainsRune(".-:[]", r)
		if !ok {
			return false
		}
	}
	return true
}
