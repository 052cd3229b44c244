package loadtest

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// dialer keeps the client side small: thousands of sessions share one process. The
// read buffer holds a whole bot reply (up to a few KiB with its choices), as a
// browser's would: with 1 KiB, a long reply took the client two or three reads, a
// cost the short echo frames never paid.
func dialer() *websocket.Dialer {
	return &websocket.Dialer{HandshakeTimeout: 30 * time.Second, ReadBufferSize: 4096,
		WriteBufferSize: 1024, WriteBufferPool: &sync.Pool{}}
}

// dialAll opens n connections, at most conc at a time, each having read its welcome
// frames. On failure it closes what it opened.
func dialAll(ctx context.Context, url string, n, conc, welcome int) ([]*websocket.Conn, error) {
	d := dialer()
	conns := make([]*websocket.Conn, n)
	errs := make([]error, n)
	sem := make(chan struct{}, conc)
	var wg sync.WaitGroup
	for i := range n {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			closeAll(conns)
			return nil, fmt.Errorf("loadtest: dial: %w", ctx.Err())
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			conns[i], errs[i] = dialOne(ctx, d, url, welcome)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			closeAll(conns)
			return nil, fmt.Errorf("loadtest: dial session %d of %d: %w", i, n, err)
		}
	}
	return conns, nil
}

func dialOne(ctx context.Context, d *websocket.Dialer, url string, welcome int) (*websocket.Conn, error) {
	c, _, err := d.DialContext(ctx, url, nil)
	if err != nil {
		return nil, err
	}
	c.SetReadDeadline(time.Now().Add(30 * time.Second))
	for range welcome {
		if _, _, err := c.ReadMessage(); err != nil {
			c.Close()
			return nil, fmt.Errorf("welcome frame: %w", err)
		}
	}
	c.SetReadDeadline(time.Time{})
	return c, nil
}

func closeAll(conns []*websocket.Conn) {
	for _, c := range conns {
		if c != nil {
			c.Close()
		}
	}
}

// Idle is a set of open sessions that say nothing.
type Idle struct{ conns []*websocket.Conn }

// OpenIdle opens n sessions to url and leaves them idle; Close ends them.
func OpenIdle(ctx context.Context, url string, n, welcome int) (*Idle, error) {
	conns, err := dialAll(ctx, url, n, 64, welcome)
	if err != nil {
		return nil, err
	}
	return &Idle{conns: conns}, nil
}

// Len is the number of open sessions.
func (s *Idle) Len() int { return len(s.conns) }

// Close closes every session.
func (s *Idle) Close() { closeAll(s.conns) }
