package loadtest

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

//go:embed messages.json
var messagesJSON []byte

// Messages returns the realistic customer messages the sessions send, in order.
func Messages() ([]string, error) {
	var m []string
	if err := json.Unmarshal(messagesJSON, &m); err != nil {
		return nil, fmt.Errorf("loadtest: messages: %w", err)
	}
	if len(m) == 0 {
		return nil, errors.New("loadtest: messages: none")
	}
	return m, nil
}

// Options shape a Run.
type Options struct {
	// Sessions is the number of concurrent websocket sessions. Zero means 1.
	Sessions int
	// Messages is how many messages each session sends. Zero means 1.
	Messages int
	// Think is the time from one message of a session to its next, spread ±50% at
	// random and offset at the start so sessions do not send in step: Sessions/Think
	// messages a second are offered however long the answers take, as long as they
	// take less than that. A session never sends before its last answer came; a later
	// one sends at once. Zero: a session sends its next message as soon as the answer
	// to the last one arrived (saturation).
	Think time.Duration
	// Welcome is how many frames the server sends on connect before the session may
	// talk (2 for the chat: session + greeting; 0 for an echo server).
	Welcome int
	// DialConcurrency bounds concurrent handshakes. Zero means 64.
	DialConcurrency int
	// ReplyTimeout bounds the wait for one answer. Zero means 30s.
	ReplyTimeout time.Duration
	// Texts are the messages to send; empty means Messages().
	Texts []string

	start time.Time // set by Run: when the timed exchanges began
}

// Result is what a Run measured.
type Result struct {
	Sessions int           // sessions that connected
	Replies  int           // answers received (a reply, an ack, or an echo)
	Errors   int           // error frames received instead of an answer
	Elapsed  time.Duration // from the first message sent to the last answer
	P50, P99 time.Duration // answer latency
	Max      time.Duration
	// Steady is the answers per second while every session was under way: from the
	// moment the last session got its first answer to the moment the first session got
	// its last one. Paced runs start and end staggered; this leaves the ramps out.
	// Zero when that window is empty.
	Steady float64
}

// Rate is the answers per second.
func (r Result) Rate() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Replies) / r.Elapsed.Seconds()
}

// Run connects opt.Sessions sessions to url (ws://.../ws), lets each send opt.Messages
// messages one at a time, waiting for each answer, and measures the answers.
func Run(ctx context.Context, url string, opt Options) (Result, error) {
	opt = opt.withDefaults()
	texts := opt.Texts
	if len(texts) == 0 {
		var err error
		if texts, err = Messages(); err != nil {
			return Result{}, err
		}
	}
	conns, err := dialAll(ctx, url, opt.Sessions, opt.DialConcurrency, opt.Welcome)
	if err != nil {
		return Result{}, err
	}
	defer closeAll(conns)

	// Warm-up: one untimed exchange per session, so that first-message costs (buffers,
	// stack growth, engine caches) stay out of the figures.
	warm := opt
	warm.Messages, warm.Think = 1, 0
	if _, _, err := talkAll(ctx, conns, texts, warm); err != nil {
		return Result{}, fmt.Errorf("loadtest: warm-up: %w", err)
	}
	start := time.Now()
	opt.start = start
	lat, errs, err := talkAll(ctx, conns, texts, opt)
	elapsed := time.Since(start)
	if err != nil {
		return Result{}, fmt.Errorf("loadtest: run: %w", err)
	}
	r := Result{Sessions: len(conns), Elapsed: elapsed, Steady: steadyRate(lat)}
	all := make([]time.Duration, 0, len(conns)*opt.Messages)
	for _, l := range lat {
		for _, a := range l {
			all = append(all, a.took)
		}
	}
	slices.Sort(all)
	r.Replies = len(all)
	for _, e := range errs {
		r.Errors += e
	}
	if len(all) > 0 {
		r.P50 = all[len(all)*50/100]
		r.P99 = all[min(len(all)-1, len(all)*99/100)]
		r.Max = all[len(all)-1]
	}
	return r, nil
}

// answer is one answer a session got: when (since the run started) and how long after
// its message.
type answer struct{ at, took time.Duration }

// steadyRate is Result.Steady of the sessions' answers.
func steadyRate(sessions [][]answer) float64 {
	var from, to time.Duration
	first := true
	for _, s := range sessions {
		if len(s) == 0 {
			return 0
		}
		if first {
			from, to, first = s[0].at, s[len(s)-1].at, false
		}
		from, to = max(from, s[0].at), min(to, s[len(s)-1].at)
	}
	if first || to <= from {
		return 0
	}
	n := 0
	for _, s := range sessions {
		for _, a := range s {
			if a.at >= from && a.at <= to {
				n++
			}
		}
	}
	return float64(n) / (to - from).Seconds()
}

// talkAll runs every session at once and collects their answers and error counts.
func talkAll(ctx context.Context, conns []*websocket.Conn, texts []string, opt Options) ([][]answer, []int, error) {
	lat := make([][]answer, len(conns))
	errs := make([]int, len(conns))
	failures := make([]error, len(conns))
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat[i], errs[i], failures[i] = talk(ctx, c, i, texts, opt)
		}()
	}
	wg.Wait()
	return lat, errs, errors.Join(failures...)
}

func (o Options) withDefaults() Options {
	o.Sessions = max(o.Sessions, 1)
	o.Messages = max(o.Messages, 1)
	if o.DialConcurrency <= 0 {
		o.DialConcurrency = 64
	}
	if o.ReplyTimeout <= 0 {
		o.ReplyTimeout = 30 * time.Second
	}
	return o
}

// outFrame is what a session sends.
type outFrame struct {
	Type string `json:"type"`
	ID   string `json:"id"`
	Text string `json:"text"`
}

// An answer is a frame with "reply_to":ID (the chat) or "id":ID (an echo server sends
// the frame back); the chat's error frames start with errorPrefix.
const errorPrefix = `{"type":"error"`

// talk is one session: send, wait for the answer, think, repeat.
func talk(ctx context.Context, c *websocket.Conn, n int, texts []string, opt Options) ([]answer, int, error) {
	lat := make([]answer, 0, opt.Messages)
	errCount := 0
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	// One timer and one read buffer per session: the generator shares the process
	// with the servers, and garbage of its own would make their collector run more.
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	sleep := func(d time.Duration) bool {
		if d <= 0 {
			return ctx.Err() == nil
		}
		timer.Reset(d)
		select {
		case <-ctx.Done():
			return false
		case <-timer.C:
			return true
		}
	}
	var buf bytes.Buffer
	if opt.Think > 0 && !sleep(time.Duration(rng.Int64N(int64(opt.Think)))) {
		return lat, errCount, ctx.Err()
	}
	var sent time.Time
	for i := range opt.Messages {
		if i > 0 && opt.Think > 0 {
			gap := opt.Think/2 + time.Duration(rng.Int64N(int64(opt.Think)))
			if !sleep(pause(gap, time.Since(sent))) {
				return lat, errCount, ctx.Err()
			}
		}
		id := fmt.Sprintf("m%d", i)
		replyTo := []byte(`"reply_to":"` + id + `"`)
		echoID := []byte(`"id":"` + id + `"`)
		b, _ := json.Marshal(outFrame{Type: "message", ID: id, Text: texts[(n+i)%len(texts)]})
		sent = time.Now()
		if err := c.WriteMessage(websocket.TextMessage, b); err != nil {
			return lat, errCount, fmt.Errorf("session %d: send: %w", n, err)
		}
		c.SetReadDeadline(time.Now().Add(opt.ReplyTimeout))
		for {
			_, r, err := c.NextReader()
			if err == nil {
				buf.Reset()
				_, err = buf.ReadFrom(r)
			}
			if err != nil {
				return lat, errCount, fmt.Errorf("session %d: wait for answer %d: %w", n, i, err)
			}
			data := buf.Bytes()
			// A byte search, not a JSON decode: the generator must not charge the bigger
			// chat replies with its own parsing cost.
			if !bytes.Contains(data, replyTo) && !bytes.Contains(data, echoID) {
				continue
			}
			if bytes.HasPrefix(data, []byte(errorPrefix)) {
				errCount++
			} else {
				now := time.Now()
				lat = append(lat, answer{at: now.Sub(opt.start), took: now.Sub(sent)})
			}
			break
		}
	}
	return lat, errCount, nil
}

// pause is how long a session waits after an answer before its next message: what is
// left of gap once took (the time since the last message was sent) has passed, or
// nothing when the answer took longer than gap. Counting the gap from the send keeps the offered rate what
// Options.Think says, instead of lowering it by the server's own latency.
func pause(gap, took time.Duration) time.Duration {
	return max(gap-took, 0)
}
