package webchat

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/toiawase/toiawase/bot"
)

// chromiumPath finds the browser, or ends the test: it fails, saying how to install
// it, unless this is a -short run outside CI.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "" && testing.Short() {
		t.Skip("chromium not installed; `make deps` installs it")
	}
	t.Fatal("chromium not found: `make deps` installs it (Debian packages chromium and chromium-driver); `make test` runs it first")
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile for this test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "ja-JP"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1024, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc(); cancel() })
	return bctx
}

// consoleErrors collects the page's errors and exceptions (a CSP violation is one).
type consoleErrors struct {
	mu   sync.Mutex
	msgs []string
}

func watchConsole(ctx context.Context) *consoleErrors {
	ce := &consoleErrors{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				ce.mu.Lock()
				ce.msgs = append(ce.msgs, m.Text)
				ce.mu.Unlock()
			}
		}
	}()
	return ce
}

func (ce *consoleErrors) list() []string {
	ce.mu.Lock()
	defer ce.mu.Unlock()
	return append([]string(nil), ce.msgs...)
}

// waitFor polls a JavaScript condition in the page for up to 20 s.
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		dump, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.tw-log') ? document.querySelector('.tw-log').innerText : document.body.innerText`))
		t.Fatalf("waiting for %s: %v\npage shows:\n%s", what, err, dump)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// screenshot saves the page once the newest message has scrolled into view.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	waitFor(t, ctx, "the newest message in view", `(() => { const l = document.querySelector('.tw-log'); return l.scrollTop + l.clientHeight >= l.scrollHeight - 2; })()`)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if dir := os.Getenv("WEBCHAT_SCREENSHOT_DIR"); dir != "" {
		path = filepath.Join(dir, name)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// lastBot is a JS expression: the text of the newest bot bubble.
const lastBot = `(() => { const b = document.querySelectorAll('.tw-bot .tw-text'); return b.length ? b[b.length-1].textContent : ''; })()`

// TestBrowserConversationAndResume drives the real page in headless Chromium: the
// customer types that the parcel has not arrived, gives the tracking number, presses a
// quick reply, reloads, and finds the conversation where it was.
func TestBrowserConversationAndResume(t *testing.T) {
	srv, err := New(newFakeEngine(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	defer srv.Shutdown(context.Background())

	ctx := newBrowser(t)
	console := watchConsole(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?lang=ja")); err != nil {
		t.Fatalf("load the page: %v", err)
	}
	waitFor(t, ctx, "the greeting", `document.querySelector('.tw-chat[data-state="online"]') && `+lastBot+`.includes('こんにちは')`)
	if got := eval[string](t, ctx, `document.querySelector('.tw-log').getAttribute('aria-live')`); got != "polite" {
		t.Fatalf("message list aria-live=%q, want polite so screen readers read new messages", got)
	}

	// The customer types with the keyboard and presses Enter.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(".tw-input"), "荷物が届かない\r")); err != nil {
		t.Fatalf("type: %v", err)
	}
	waitFor(t, ctx, "the question for the tracking number", lastBot+`.includes('12桁')`)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(".tw-input"), "481234567893\r")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the tracking result", `document.querySelector('.tw-track .tw-number') && document.querySelectorAll('.tw-quick .tw-chip').length === 2`)
	if got := eval[string](t, ctx, `document.querySelector('.tw-track .tw-number').textContent + ' ' + document.querySelector('.tw-track .tw-carriers').textContent`); got != "481234567893 ヤマト運輸" {
		t.Fatalf("tracking card shows %q", got)
	}

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".tw-quick .tw-chip"))); err != nil {
		t.Fatalf("click the quick reply: %v", err)
	}
	waitFor(t, ctx, "the redelivery answer with its link", `document.querySelector('.tw-links a') !== null`)
	link := eval[[]string](t, ctx, `(() => { const a = document.querySelector('.tw-links a'); return [a.href, a.target, a.rel]; })()`)
	if fmt.Sprint(link) != "[https://www.kuronekoyamato.co.jp/ _blank noopener noreferrer]" {
		t.Fatalf("link %v: want the official page in a new tab without opener", link)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.tw-quick').length`); n != 0 {
		t.Fatalf("%d quick-reply groups still shown after one was used", n)
	}

	// Customer text is shown as text, never run as HTML.
	evil := `<img src=x onerror="document.title='pwned'">`
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(".tw-input"), evil), chromedp.Click(chromedp.CSS(".tw-send"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the answer to the odd message", lastBot+`.includes('理解できません')`)
	if got := eval[string](t, ctx, `(() => { const c = document.querySelectorAll('.tw-customer .tw-text'); return c[c.length-1].textContent; })()`); got != evil {
		t.Fatalf("customer bubble shows %q, want the typed text verbatim", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.tw-log img').length`); n != 0 {
		t.Fatal("customer text was rendered as HTML")
	}

	// An agent's message, pushed through the Sender, is shown as the agent's.
	sid := eval[string](t, ctx, `sessionStorage.getItem('toiawase.session')`)
	if err := srv.Send(context.Background(), sid, bot.Push{Type: "agent", Text: "担当の佐藤です。お調べします。", Agent: "佐藤"}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	waitFor(t, ctx, "the agent's message", `(() => { const a = document.querySelector('.tw-agent'); return a && a.querySelector('.tw-who').textContent === '担当者 · 佐藤' && a.querySelector('.tw-text').textContent.includes('お調べします'); })()`)
	screenshot(t, ctx, "webchat.png")

	// Reload: the same session comes back with its history.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the resumed conversation", `document.querySelector('.tw-chat[data-state="online"]') && `+lastBot+`.includes('おかえりなさい')`)
	customer := eval[[]string](t, ctx, `[...document.querySelectorAll('.tw-customer .tw-text')].map(e => e.textContent)`)
	if strings.Join(customer, "|") != "荷物が届かない|481234567893|再配達を依頼したい|"+evil {
		t.Fatalf("after reload the customer's messages are %q, want the whole conversation", customer)
	}
	if !eval[bool](t, ctx, `[...document.querySelectorAll('.tw-system .tw-text')].some(e => e.textContent.includes('再開'))`) {
		t.Fatal("no notice that the previous conversation was resumed")
	}

	// 360 px wide phone: nothing sticks out sideways.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740), chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page at 360 px", lastBot+`.includes('おかえりなさい')`)
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 360 {
		t.Fatalf("page is %d px wide on a 360 px screen", w)
	}
	if !eval[bool](t, ctx, `(() => { const r = document.querySelector('.tw-send').getBoundingClientRect(); return r.right <= 360 && r.bottom <= 740; })()`) {
		t.Fatal("the send button is off screen at 360 px")
	}
	screenshot(t, ctx, "webchat-360.png")

	// The language button switches the interface to English.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".tw-lang"))); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `document.querySelector('.tw-title').textContent + '|' + document.querySelector('.tw-send').textContent`); got != "Customer support chat|Send" {
		t.Fatalf("after switching to English the header and button read %q", got)
	}

	if errs := console.list(); len(errs) > 0 {
		t.Fatalf("the page logged errors (CSP violations count): %q", errs)
	}
}

// TestBrowserEmbeddedWidget: a shop's page on another origin embeds the chat with one
// script tag; the customer opens it from the launcher button and talks.
func TestBrowserEmbeddedWidget(t *testing.T) {
	shop := httptest.NewUnstartedServer(nil)
	shopOrigin := "http://" + shop.Listener.Addr().String()
	// The engine takes a moment over the first question, long enough to see "typing".
	fake := newFakeEngine()
	slow := bot.HandlerFunc(func(ctx context.Context, in bot.Inbound) (bot.Reply, error) {
		if in.Text == "荷物が届かない" {
			time.Sleep(700 * time.Millisecond)
		}
		return fake.Handle(ctx, in)
	})
	srv, err := New(slow, Config{AllowedOrigins: []string{shopOrigin}})
	if err != nil {
		t.Fatal(err)
	}
	chat := httptest.NewServer(srv.Handler())
	defer chat.Close()
	defer srv.Shutdown(context.Background())
	shop.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Example shop</h1><script src="%s/widget.js" defer></script></body></html>`, chat.URL)
	})
	shop.Start()
	defer shop.Close()

	ctx := newBrowser(t)
	console := watchConsole(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(shop.URL)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the launcher button", `document.querySelector('.tw-launcher') && document.querySelector('.tw-launcher').textContent.length > 0`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".tw-launcher"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the greeting in the panel", `document.querySelector('.tw-floating:not([hidden])') && `+lastBot+`.includes('こんにちは')`)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(".tw-input"), "荷物が届かない\r")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the typing indicator", `!document.querySelector('.tw-typing').hidden`)
	waitFor(t, ctx, "the answer in the panel", lastBot+`.includes('12桁')`)
	if eval[bool](t, ctx, `!document.querySelector('.tw-typing').hidden`) {
		t.Fatal("typing indicator still shown after the answer")
	}
	if v := eval[string](t, ctx, `document.querySelector('.tw-input').value`); v != "" {
		t.Fatalf("input holds %q after sending, want it empty", v)
	}
	screenshot(t, ctx, "webchat-embedded.png")
	if errs := console.list(); len(errs) > 0 {
		t.Fatalf("the shop page logged errors: %q", errs)
	}
}

// TestBrowserReconnectsAfterGoingAway: the server the page talks to shuts down (a
// deploy); the page gets "going away", reconnects to the new one, sends what was typed
// during the outage and carries on with the same conversation.
func TestBrowserReconnectsAfterGoingAway(t *testing.T) {
	engine := newFakeEngine()
	var current atomic.Pointer[http.Handler]
	newServer := func() *Server {
		srv, err := New(engine, Config{})
		if err != nil {
			t.Fatal(err)
		}
		h := srv.Handler()
		current.Store(&h)
		return srv
	}
	old := newServer()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		(*current.Load()).ServeHTTP(w, r)
	}))
	defer ts.Close()

	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?lang=ja")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the greeting", lastBot+`.includes('こんにちは')`)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(".tw-input"), "荷物が届かない\r")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the question", lastBot+`.includes('12桁')`)

	// The old server goes away and for a moment nothing answers: the customer types
	// the number meanwhile; the page keeps it and sends it once it is back.
	outage := http.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "deploying", http.StatusServiceUnavailable)
	}))
	current.Store(&outage)
	if err := old.Shutdown(context.Background()); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	waitFor(t, ctx, "the page noticing it is offline", `!document.querySelector('.tw-chat[data-state="online"]')`)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(".tw-input"), "481234567893\r")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the message marked as not sent yet", `document.querySelector('.tw-customer.tw-pending') !== null`)

	next := newServer() // new connections now reach the new server
	defer next.Shutdown(context.Background())
	waitFor(t, ctx, "the tracking answer from the new server", `document.querySelector('.tw-chat[data-state="online"]') && document.querySelector('.tw-track .tw-number') !== null`)
	if next.Connections() != 1 {
		t.Fatalf("new server has %d connections, want the page's one", next.Connections())
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.tw-customer.tw-pending').length`); n != 0 {
		t.Fatalf("%d messages still marked as not sent", n)
	}
	customer := eval[[]string](t, ctx, `[...document.querySelectorAll('.tw-customer .tw-text')].map(e => e.textContent)`)
	if strings.Join(customer, "|") != "荷物が届かない|481234567893" {
		t.Fatalf("customer messages after the reconnect: %q, want each once", customer)
	}
}
