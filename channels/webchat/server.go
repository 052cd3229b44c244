package webchat

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gorilla/websocket"
	"github.com/sirupsen/logrus"
	"golang.org/x/text/language"

	"github.com/toiawase/toiawase/bot"
)

// ErrClosed is returned by Send after Shutdown began.
var ErrClosed = errors.New("webchat: server closed")

// ErrSlowClient is returned by Send when the customer's connection could not take the
// frame because its send queue was full; that connection is dropped and can resume.
var ErrSlowClient = errors.New("webchat: client too slow")

// Server is the web chat: the /ws websocket endpoint, the chat page and its embed
// script. It is a bot.Sender, so agent messages reach the customer's open connections.
type Server struct {
	cfg      Config
	h        bot.Handler
	log      *logrus.Entry
	text     *messages
	upgrader websocket.Upgrader

	// ctx is the parent of every engine call; cancel forces them to stop when a
	// graceful Shutdown runs out of time.
	ctx    context.Context
	cancel context.CancelFunc

	draining atomic.Bool // set by Shutdown: read no more frames

	mu       sync.Mutex
	closing  bool                          // no new connections
	conns    map[*conn]struct{}            // every live connection
	sessions map[string]map[*conn]struct{} // session id -> its connections
	wg       sync.WaitGroup                // one per connection goroutine
}

// New builds a Server that answers with h. h may also implement History.
func New(h bot.Handler, cfg Config) (*Server, error) {
	if h == nil {
		return nil, errors.New("webchat: new: nil handler")
	}
	text, err := loadMessages()
	if err != nil {
		return nil, fmt.Errorf("webchat: new: %w", err)
	}
	log := cfg.Log
	if log == nil {
		l := logrus.New()
		l.SetOutput(io.Discard)
		log = logrus.NewEntry(l)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{
		cfg: cfg, h: h, log: log.WithField("channel", bot.ChannelWebchat), text: text,
		ctx: ctx, cancel: cancel,
		conns: map[*conn]struct{}{}, sessions: map[string]map[*conn]struct{}{},
	}
	s.upgrader = websocket.Upgrader{
		ReadBufferSize:  1024,
		WriteBufferSize: 4096,
		WriteBufferPool: &sync.Pool{},
		CheckOrigin:     s.checkOrigin,
	}
	return s, nil
}

// ServeWS is the GET /ws handler. ?session=TOKEN resumes a conversation; ?lang=ja|en
// (or the Accept-Language header) picks the language of a new one.
func (s *Server) ServeWS(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	token := r.URL.Query().Get("session")
	if len(token) > 128 {
		token = ""
	}
	lang := requestLang(r)
	ws, err := s.upgrader.Upgrade(hijacker(w), r, nil)
	if err != nil {
		s.log.WithError(err).Debug("upgrade refused")
		return // the upgrader already answered with an HTTP error
	}
	c := newConn(s, ws, lang)
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		c.closeNow(websocket.CloseGoingAway)
		return
	}
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	s.mu.Unlock()
	started := c.open(token)
	// The read pump runs in its own goroutine so that this handler returns and net/http
	// releases the request, its buffers and this goroutine's stack: an idle connection
	// keeps only what it needs.
	go func() {
		defer s.wg.Done()
		c.run(started)
	}()
}

// hijacker unwraps middleware writers (metrics, logging) until one can be hijacked:
// gorilla/websocket needs an http.Hijacker and does not look through Unwrap itself.
func hijacker(w http.ResponseWriter) http.ResponseWriter {
	for {
		if _, ok := w.(http.Hijacker); ok {
			return w
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return w
		}
		w = u.Unwrap()
	}
}

// Send pushes an agent message or a system notice to every connection of the session.
// It returns bot.ErrNotConnected when the session has no connection here.
func (s *Server) Send(ctx context.Context, sessionID string, p bot.Push) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("webchat: send: %w", err)
	}
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		return fmt.Errorf("webchat: send: %w", errors.Join(ErrClosed, bot.ErrNotConnected))
	}
	targets := make([]*conn, 0, len(s.sessions[sessionID]))
	for c := range s.sessions[sessionID] {
		targets = append(targets, c)
	}
	s.mu.Unlock()
	if len(targets) == 0 {
		return fmt.Errorf("webchat: send: %w", bot.ErrNotConnected)
	}
	if p.Type != "agent" {
		p.Type = "system"
	}
	b, err := encode(p, nil)
	if err != nil {
		return fmt.Errorf("webchat: send: %w", err)
	}
	var delivered int
	var errs []error
	for _, c := range targets {
		if err := c.enqueue(b); err != nil {
			errs = append(errs, err)
			continue
		}
		delivered++
	}
	if delivered == 0 {
		return fmt.Errorf("webchat: send: %w", errors.Join(append(errs, bot.ErrNotConnected)...))
	}
	return nil
}

// Connections is the number of open websocket connections.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// Shutdown stops taking connections, lets every reply in flight reach its client, sends
// each client a "going away" close frame and waits for the connections to end. When ctx
// ends first, engine calls are cancelled and the remaining connections are cut.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	s.draining.Store(true)
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.stopReading()
	}
	done := make(chan struct{})
	go func() {
		s.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		s.cancel()
		return nil
	case <-ctx.Done():
	}
	s.cancel()
	s.mu.Lock()
	for c := range s.conns {
		c.kill()
	}
	s.mu.Unlock()
	<-done
	return fmt.Errorf("webchat: shutdown: %w", ctx.Err())
}

func (s *Server) register(c *conn, sessionID string) {
	s.mu.Lock()
	set := s.sessions[sessionID]
	if set == nil {
		set = map[*conn]struct{}{}
		s.sessions[sessionID] = set
	}
	set[c] = struct{}{}
	s.mu.Unlock()
}

// forget drops c from the live connections.
func (s *Server) forget(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
}

func (s *Server) unregister(c *conn, sessionID string) {
	s.mu.Lock()
	if set := s.sessions[sessionID]; set != nil {
		delete(set, c)
		if len(set) == 0 {
			delete(s.sessions, sessionID)
		}
	}
	s.mu.Unlock()
}

// checkOrigin allows requests without Origin, the server's own origin, and the
// configured allow-list.
func (s *Server) checkOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false
	}
	if strings.EqualFold(u.Host, r.Host) {
		return true
	}
	for _, a := range s.cfg.AllowedOrigins {
		if a == "*" || strings.EqualFold(strings.TrimSuffix(a, "/"), origin) {
			return true
		}
	}
	s.log.WithField("origin", origin).Info("websocket origin refused")
	return false
}

// requestLang is "ja" or "en" from ?lang=, else from Accept-Language, else "".
func requestLang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l == "ja" || l == "en" {
		return l
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil {
		return ""
	}
	for _, t := range tags {
		base, _ := t.Base()
		switch base.String() {
		case "ja":
			return "ja"
		case "en":
			return "en"
		}
	}
	return ""
}
