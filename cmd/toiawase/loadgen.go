package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/channels/webchat"
	"github.com/toiawase/toiawase/channels/webchat/loadtest"
)

// runLoadgen is `toiawase loadgen` (make bench-ws). Default: N sessions each send M
// realistic messages, first as fast as answers come (throughput), then paced like
// people typing (latency), against the in-process web chat and against a bare gorilla
// echo server, and prints the ratio. With -idle N: N idle sessions to a web chat in a
// child process, and that process's RSS per session.
func runLoadgen(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	sessions := fs.Int("sessions", 1000, "concurrent websocket sessions")
	messages := fs.Int("messages", 20, "messages each session sends")
	think := fs.Duration("think", time.Second, "mean pause between a session's messages in the paced run (0: no paced run); people pause far longer")
	trials := fs.Int("trials", 3, "runs of each kind; the median run is reported")
	idle := fs.Int("idle", 0, "open this many idle sessions and report the server's RSS per session instead")
	engine := fs.String("engine", "auto", "auto (the real engine when it answers, else a fake), real, or fake")
	timeout := fs.Duration("timeout", 15*time.Minute, "give up after this long")
	serveIdle := fs.Bool("serve-idle", false, "internal: the server side of -idle, driven through stdin")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the run to this file")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *sessions < 1 || *messages < 1 || *trials < 1 || *idle < 0 || *think < 0 {
		return fmt.Errorf("%w: -sessions, -messages and -trials must be positive, -idle and -think not negative", errUsage)
	}
	if *engine != "auto" && *engine != "real" && *engine != "fake" {
		return fmt.Errorf("%w: -engine is auto, real or fake", errUsage)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	tuneGC(env.Getenv) // the bot runs in this process as it would in serve
	if _, err := loadtest.RaiseFileLimit(); err != nil {
		return err
	}
	if *idle > 0 {
		return loadgenIdle(ctx, env, *idle, *engine)
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	h, name, closeEngine, err := loadgenEngine(ctx, *engine)
	if err != nil {
		return err
	}
	defer closeEngine()
	if *serveIdle {
		return loadgenServeIdle(ctx, env, h, name)
	}
	if err := loadgenThroughput(ctx, env.Stdout, h, name, *sessions, *messages, *trials, *think); err != nil {
		return err
	}
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err != nil {
			return fmt.Errorf("heap profile: %w", err)
		}
		defer f.Close()
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			return fmt.Errorf("heap profile: %w", err)
		}
	}
	return nil
}

// loadgenEngine builds the real engine the way `serve` does and checks that it answers;
// otherwise (in auto mode) it falls back to the fake, saying why.
func loadgenEngine(ctx context.Context, mode string) (bot.Handler, string, func(), error) {
	if mode == "fake" {
		return &loadtest.FakeEngine{}, "fake engine (-engine fake)", func() {}, nil
	}
	m := NewMain()
	m.Addr = "127.0.0.1:0"
	m.LogOut = io.Discard
	m.Getenv = func(string) string { return "" }
	err := m.Open(ctx)
	if err == nil && m.Handler == nil {
		err = errors.New("no engine wired")
	}
	if err == nil {
		pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		_, err = m.Handler.Handle(pctx, bot.Inbound{Channel: bot.ChannelWebchat, Action: "start"})
		cancel()
	}
	if err != nil {
		m.Close()
		if mode == "real" {
			return nil, "", nil, fmt.Errorf("real engine: %w", err)
		}
		return &loadtest.FakeEngine{}, fmt.Sprintf("FAKE engine (the real one is not available: %v)", err), func() {}, nil
	}
	name := fmt.Sprintf("real engine (wired as by serve without a data directory; store %T)", m.Store)
	return m.Handler, name, func() { m.Close() }, nil
}

// serveLoopback serves h on 127.0.0.1 at a free port and returns its ws:// base URL.
func serveLoopback(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "ws://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// benchChat starts a web chat with cfg on a loopback port and returns its /ws URL.
func benchChat(h bot.Handler, cfg webchat.Config) (*webchat.Server, string, func(), error) {
	srv, err := webchat.New(h, cfg)
	if err != nil {
		return nil, "", nil, err
	}
	url, stop, err := serveLoopback(srv.Handler())
	if err != nil {
		return nil, "", nil, err
	}
	return srv, url + "/ws", func() {
		stop()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}

func loadgenThroughput(ctx context.Context, out io.Writer, h bot.Handler, name string, sessions, messages, trials int, think time.Duration) error {
	_, chatURL, stopChat, err := benchChat(h, webchat.Config{MessagesPerSecond: 1e9, Burst: 1 << 30})
	if err != nil {
		return err
	}
	defer stopChat()
	echoURL, stopEcho, err := serveLoopback(loadtest.Echo())
	if err != nil {
		return err
	}
	defer stopEcho()

	fmt.Fprintf(out, "webchat load: %d sessions x %d messages, loopback, GOMAXPROCS=%d, %s\n", sessions, messages, runtime.GOMAXPROCS(0), name)
	fmt.Fprintf(out, "machine load average (1, 5, 15 min): %s — other processes share the cores\n", loadAverage())
	// The per-connection rate limit is lifted: the run measures the channel and the
	// engine, not the limiter.
	fmt.Fprintln(out, "(client, servers and engine share this process; per-connection rate limit lifted for the run)")
	line := func(label string, r loadtest.Result) {
		fmt.Fprintf(out, "  %-12s %8.0f msg/s (steady %6.0f)  p50 %8s  p99 %8s  max %8s  answers %d  errors %d\n", label, r.Rate(), r.Steady,
			r.P50.Round(10*time.Microsecond), r.P99.Round(10*time.Microsecond), r.Max.Round(10*time.Microsecond), r.Replies, r.Errors)
	}
	// phase runs echo and bot alternately, trials times each, and returns the median
	// run of each (by throughput when saturated, by p99 when paced): other processes
	// share these 2 cores, so single runs are noisy.
	phase := func(think time.Duration) (echo, chat loadtest.Result, err error) {
		var echoes, chats []loadtest.Result
		for i := range trials {
			for _, t := range []struct {
				label   string
				url     string
				welcome int
				into    *[]loadtest.Result
			}{{"echo", echoURL, 0, &echoes}, {"bot", chatURL, 2, &chats}} {
				runtime.GC()
				r, err := loadtest.Run(ctx, t.url, loadtest.Options{Sessions: sessions, Messages: messages, Welcome: t.welcome, Think: think})
				if err != nil {
					return echo, chat, fmt.Errorf("%s: %w", t.label, err)
				}
				line(fmt.Sprintf("%s #%d", t.label, i+1), r)
				*t.into = append(*t.into, r)
			}
		}
		key := func(r loadtest.Result) float64 { return r.Rate() }
		if think > 0 {
			key = func(r loadtest.Result) float64 { return float64(r.P99) }
		}
		return median(echoes, key), median(chats, key), nil
	}

	fmt.Fprintln(out, "throughput (each session sends its next message as soon as the answer arrives):")
	echo, chat, err := phase(0)
	if err != nil {
		return err
	}
	line("echo median", echo)
	line("bot median", chat)
	ratio := chat.Rate() / echo.Rate()
	fmt.Fprintf(out, "  ratio bot/echo %.2f (target >= 0.50: %s)\n", ratio, verdict(ratio >= 0.5))

	// The target is to sustain half the echo's throughput with p99 under 10 ms: the
	// sessions are paced to offer a little more than half of the echo's median rate
	// (1/0.97 of it: the steady window counts 1-2% fewer answers than were offered), and
	// the bot must answer at least half with that p99, counted while all sessions are
	// under way (their paced starts and ends are staggered).
	half := time.Duration(float64(sessions) / (0.5 / 0.97 * echo.Rate()) * float64(time.Second))
	fmt.Fprintf(out, "at half the echo's throughput (each session sends a message every %v on average, about %.0f msg/s offered):\n",
		half.Round(10*time.Microsecond), float64(sessions)/half.Seconds())
	_, held, err := phase(half)
	if err != nil {
		return err
	}
	line("bot median", held)
	share := held.Steady / echo.Rate()
	fmt.Fprintf(out, "  bot answers %.2f of the echo's throughput (steady) with p99 %v (target >= 0.50 with p99 < 10ms: %s)\n",
		share, held.P99.Round(10*time.Microsecond), verdict(share >= 0.5 && held.P99 < 10*time.Millisecond))
	if think == 0 {
		return nil
	}
	fmt.Fprintf(out, "paced (each session sends a message every %v on average, about %.0f msg/s offered):\n", think, float64(sessions)/think.Seconds())
	echo, chat, err = phase(think)
	if err != nil {
		return err
	}
	line("echo median", echo)
	line("bot median", chat)
	fmt.Fprintf(out, "  bot p99 %v (target < 10ms: %s)\n", chat.P99.Round(10*time.Microsecond), verdict(chat.P99 < 10*time.Millisecond))
	return nil
}

// median is the run with the median key.
func median(rs []loadtest.Result, key func(loadtest.Result) float64) loadtest.Result {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b loadtest.Result) int { return cmp.Compare(key(a), key(b)) })
	return rs[len(rs)/2]
}

// loadAverage is the first three fields of /proc/loadavg, or "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

// loadgenIdle runs the web chat in a child process (this binary, loadgen -serve-idle),
// opens n idle sessions to it and reports the child's RSS growth per session. A child
// keeps the client's memory and file descriptors out of the figure.
func loadgenIdle(ctx context.Context, env Env, n int, engine string) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("idle: %w", err)
	}
	cmd := exec.CommandContext(ctx, exe, "loadgen", "-serve-idle", "-engine", engine)
	cmd.Stderr = env.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("idle: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("idle: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("idle: start server: %w", err)
	}
	defer func() { stdin.Close(); cmd.Wait() }()
	lines := bufio.NewScanner(stdout)
	next := func() (string, error) {
		if !lines.Scan() {
			return "", fmt.Errorf("idle: server process ended early: %v", lines.Err())
		}
		return lines.Text(), nil
	}
	ready, err := next()
	if err != nil {
		return err
	}
	url, name, _ := strings.Cut(strings.TrimPrefix(ready, "ready "), " ")
	measure := func() (rss int64, conns int, goroutines int, err error) {
		fmt.Fprintln(stdin, "rss")
		l, err := next()
		if err != nil {
			return 0, 0, 0, err
		}
		_, err = fmt.Sscanf(l, "rss %d %d %d", &rss, &conns, &goroutines)
		return rss, conns, goroutines, err
	}
	before, _, g0, err := measure()
	if err != nil {
		return err
	}
	start := time.Now()
	set, err := loadtest.OpenIdle(ctx, url, n, 2)
	if err != nil {
		return err
	}
	defer set.Close()
	opened := time.Since(start)
	after, conns, g1, err := measure()
	if err != nil {
		return err
	}
	per := float64(after-before) / float64(n)
	fmt.Fprintf(env.Stdout, "machine load average (1, 5, 15 min): %s\n", loadAverage())
	fmt.Fprintf(env.Stdout, "webchat idle: %d sessions (server reports %d open; opened in %v), server in a child process, %s\n", n, conns, opened.Round(time.Millisecond), name)
	fmt.Fprintf(env.Stdout, "  server RSS %.1f MiB before, %.1f MiB after (after GC); goroutines %d -> %d\n",
		float64(before)/(1<<20), float64(after)/(1<<20), g0, g1)
	fmt.Fprintf(env.Stdout, "  %.1f KiB per idle session (target <= 16 KiB: %s)\n", per/1024, verdict(per <= 16*1024))
	return nil
}

// loadgenServeIdle is the child of -idle: a web chat with default settings; it prints
// "ready URL ENGINE", then answers each "rss" line on stdin with its RSS after a GC.
func loadgenServeIdle(ctx context.Context, env Env, h bot.Handler, name string) error {
	srv, url, stop, err := benchChat(h, webchat.Config{})
	if err != nil {
		return err
	}
	defer stop()
	fmt.Fprintf(env.Stdout, "ready %s %s\n", url, name)
	lines := bufio.NewScanner(env.Stdin)
	for lines.Scan() && ctx.Err() == nil {
		if lines.Text() != "rss" {
			continue
		}
		runtime.GC()
		debug.FreeOSMemory()
		rss, err := loadtest.RSS("self")
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "rss %d %d %d\n", rss, srv.Connections(), runtime.NumGoroutine())
	}
	return nil
}
