package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
)

// Main is the server: it reads flags and environment, builds the store, the engine and
// the channels, and serves them on one listener. End-to-end tests start it on port :0.
type Main struct {
	// Settings, from ParseFlags (or set directly by tests).
	Addr     string // listen address; default 127.0.0.1:8080
	DataDir  string // where the SQLite file lives; empty: in memory
	FAQDir   string // overrides the embedded FAQ when set
	Getenv   func(string) string
	LogLevel string
	LogOut   io.Writer

	// Built by Open.
	Log     *logrus.Entry
	Store   store.Store
	Engine  *bot.Engine
	Handler bot.Handler // what the channels call; the engine unless a test replaces it
	Senders *SenderSet  // every channel that can push to a customer registers here
	Desk    *LateDesk   // the Slack desk, once it is wired

	mux      *http.ServeMux
	metrics  *metrics
	ln       net.Listener
	srv      *http.Server
	mu       sync.Mutex
	closers  []func(context.Context) error // run in reverse order on Close
	reloads  []func(context.Context) error // run on SIGHUP
	bg       sync.WaitGroup
	bgCancel context.CancelFunc
	ready    chan struct{}
}

// NewMain returns a Main with its defaults.
func NewMain() *Main {
	return &Main{Addr: "127.0.0.1:8080", Getenv: os.Getenv, LogLevel: "info", LogOut: os.Stderr,
		ready: make(chan struct{})}
}

// ParseFlags reads the serve flags; the environment gives the defaults.
func (m *Main) ParseFlags(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := m.Addr
	if v := m.Getenv("TOIAWASE_ADDR"); v != "" {
		addr = v
	}
	fs.StringVar(&m.Addr, "addr", addr, "listen address HOST:PORT (env TOIAWASE_ADDR)")
	data := m.Getenv("TOIAWASE_DATA")
	if data == "" {
		if dir, err := os.UserCacheDir(); err == nil {
			data = filepath.Join(dir, "toiawase")
		}
	}
	fs.StringVar(&m.DataDir, "data", data, "directory of the SQLite session store (env TOIAWASE_DATA; \"\": in memory)")
	fs.StringVar(&m.FAQDir, "faq", m.Getenv("TOIAWASE_FAQ_DIR"), "directory of FAQ files overriding the embedded ones (env TOIAWASE_FAQ_DIR)")
	fs.StringVar(&m.LogLevel, "log-level", "info", "debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	return nil
}

// Open builds every part and starts listening, but does not serve yet.
func (m *Main) Open(ctx context.Context) error {
	if m.ready == nil {
		m.ready = make(chan struct{})
	}
	if m.Getenv == nil {
		m.Getenv = os.Getenv
	}
	m.Log = newLogger(m.LogOut, m.LogLevel)
	m.Senders = &SenderSet{}
	m.Desk = &LateDesk{}
	m.mux = http.NewServeMux()
	bgctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	m.bgCancel = cancel

	steps := []struct {
		name string
		fn   func(context.Context) error
	}{
		{"store", m.openStore},
		{"engine", m.wireEngine},
		{"webchat", m.wireWebchat},
		{"phone", m.wirePhone},
		{"slack", m.wireSlack},
	}
	for _, s := range steps {
		if err := s.fn(bgctx); err != nil {
			m.Close()
			return fmt.Errorf("open %s: %w", s.name, err)
		}
	}
	m.metrics = newMetrics()
	m.mux.Handle("GET /metrics", m.metrics)
	m.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-m.ready:
			io.WriteString(w, "ok\n")
		default:
			http.Error(w, "starting", http.StatusServiceUnavailable)
		}
	})
	ln, err := net.Listen("tcp", m.Addr)
	if err != nil {
		m.Close()
		return fmt.Errorf("listen %s: %w", m.Addr, err)
	}
	m.ln = ln
	m.srv = &http.Server{Handler: m.metrics.wrap(m.mux), ReadHeaderTimeout: 10 * time.Second}
	return nil
}

// URL is the base URL the server listens on, once Open returned.
func (m *Main) URL() string { return "http://" + m.ln.Addr().String() }

// Run serves until ctx is done, then shuts down gracefully.
func (m *Main) Run(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- m.srv.Serve(m.ln) }()
	close(m.ready)
	m.Log.WithField("addr", m.ln.Addr().String()).Info("serving")
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-hup:
			m.Reload(ctx)
		case err := <-errc:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return fmt.Errorf("serve: %w", err)
		case <-ctx.Done():
			return m.Close()
		}
	}
}

// Reload re-reads the content files (SIGHUP). Sessions are kept.
func (m *Main) Reload(ctx context.Context) {
	m.mu.Lock()
	reloads := append([]func(context.Context) error(nil), m.reloads...)
	m.mu.Unlock()
	for _, r := range reloads {
		if err := r(ctx); err != nil {
			m.Log.WithError(err).Error("reload failed; keeping the content already loaded")
			continue
		}
	}
	m.Log.Info("reloaded content")
}

// Close shuts the server down: stop accepting, let replies in flight finish, close the
// channels (they say "going away" to their clients) and then the store.
func (m *Main) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var errs []error
	if m.srv != nil {
		if err := m.srv.Shutdown(ctx); err != nil {
			errs = append(errs, err)
		}
	} else if m.ln != nil {
		m.ln.Close()
	}
	if m.bgCancel != nil {
		m.bgCancel()
	}
	m.mu.Lock()
	closers := m.closers
	m.closers = nil
	m.mu.Unlock()
	for i := len(closers) - 1; i >= 0; i-- {
		if err := closers[i](ctx); err != nil {
			errs = append(errs, err)
		}
	}
	m.bg.Wait()
	return errors.Join(errs...)
}

// onClose registers fn to run on Close, after the listener stopped; last registered runs first.
func (m *Main) onClose(fn func(context.Context) error) {
	m.mu.Lock()
	m.closers = append(m.closers, fn)
	m.mu.Unlock()
}

// onReload registers fn to run on SIGHUP.
func (m *Main) onReload(fn func(context.Context) error) {
	m.mu.Lock()
	m.reloads = append(m.reloads, fn)
	m.mu.Unlock()
}

// goBackground runs fn until Close; fn must return when ctx is done.
func (m *Main) goBackground(ctx context.Context, fn func(context.Context)) {
	m.bg.Add(1)
	go func() {
		defer m.bg.Done()
		fn(ctx)
	}()
}

func newLogger(w io.Writer, level string) *logrus.Entry {
	l := logrus.New()
	l.SetOutput(w)
	l.SetFormatter(newLogFormat())
	if lv, err := logrus.ParseLevel(level); err == nil {
		l.SetLevel(lv)
	}
	return logrus.NewEntry(l).WithField("app", "toiawase")
}

func runServe(ctx context.Context, env Env, args []string) error {
	m := NewMain()
	m.Getenv = env.Getenv
	m.LogOut = env.Stderr
	if err := m.ParseFlags(args, env.Stderr); err != nil {
		return err
	}
	tuneGC(env.Getenv)
	if err := m.Open(ctx); err != nil {
		return err
	}
	return m.Run(ctx)
}
