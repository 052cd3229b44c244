package webchat

import (
	"errors"
	"time"

	"github.com/gorilla/websocket"
)

// The write side of a conn: its bounded queue, the write pump, pings and the close.

// errConnClosed: the connection takes no more frames.
var errConnClosed = errors.New("webchat: connection closed")

// outFrame is one frame waiting for the write pump: data, or a close frame when close != 0.
type outFrame struct {
	data  []byte
	close int
}

// send queues a frame of the read pump's own (a reply, an error) and, when no write is
// in progress, writes it at once from the read pump: a goroutine hand-off per message
// costs more than the write itself. A slow client then holds up only its own read pump,
// for at most WriteTimeout.
func (c *conn) send(v any) {
	b, err := encode(v, c.encoded)
	if err != nil {
		c.s.log.WithError(err).Error("encode frame")
		return
	}
	c.mu.Lock()
	if c.writing || len(c.queue) > 0 || c.closed || c.dead {
		_ = c.queueLocked(outFrame{data: b}) // a failure has already cut the connection
		c.mu.Unlock()
		c.encoded = nil // the queue holds it now
		return
	}
	c.writing = true
	c.mu.Unlock()
	if err := c.write(outFrame{data: b}); err != nil {
		c.kill()
	}
	if cap(b) <= keepFrameBuffer*4 {
		c.encoded = b // written: the next reply may reuse it
	}
	c.flush() // whatever a push queued meanwhile; it also clears c.writing
}

// enqueue queues a frame from outside the read pump (Send) and starts the write pump
// when none runs. It never blocks.
func (c *conn) enqueue(b []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.queueLocked(outFrame{data: b}); err != nil {
		return err
	}
	if !c.writing {
		c.writing = true
		go c.flush()
	}
	return nil
}

// queueLocked appends f to the queue. A full queue means the client is too slow: the
// connection is cut so it never holds anyone up.
func (c *conn) queueLocked(f outFrame) error {
	if c.closed || c.dead {
		return errConnClosed
	}
	if len(c.queue) >= c.s.cfg.sendQueue() {
		c.s.log.Warn("client too slow; disconnected")
		c.dead = true
		c.queue = nil
		c.ws.UnderlyingConn().Close()
		return ErrSlowClient
	}
	c.queue = append(c.queue, f)
	return nil
}

// flush is the write pump: it writes queued frames until the queue is empty, then
// returns. Only the goroutine that set c.writing runs it.
func (c *conn) flush() {
	for {
		c.mu.Lock()
		if len(c.queue) == 0 || c.dead {
			c.queue = nil
			c.writing = false
			c.flushed.Broadcast()
			c.mu.Unlock()
			return
		}
		batch := c.queue
		c.queue = nil
		c.mu.Unlock()
		for _, f := range batch {
			if err := c.write(f); err != nil {
				c.kill()
				break
			}
		}
	}
}

// write writes one frame. Only the goroutine that set c.writing calls it. The write
// deadline is moved only when a 64th of WriteTimeout has passed since it was last set
// (so each write gets at least 63/64 of it): moving it costs a timer update, and
// under load messages come far more often than that.
func (c *conn) write(f outFrame) error {
	now := time.Now()
	timeout := c.s.cfg.writeTimeout()
	if f.close != 0 {
		msg := websocket.FormatCloseMessage(f.close, closeReason(f.close))
		return c.ws.WriteControl(websocket.CloseMessage, msg, now.Add(timeout))
	}
	if now.Sub(c.writeDeadlineSet) >= timeout/64 {
		if err := c.ws.SetWriteDeadline(now.Add(timeout)); err != nil {
			return err
		}
		c.writeDeadlineSet = now
	}
	return c.ws.WriteMessage(websocket.TextMessage, f.data)
}

func (c *conn) sendPing() {
	if err := c.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(c.s.cfg.writeTimeout())); err != nil {
		c.kill()
		return
	}
	c.mu.Lock()
	if !c.closed && !c.dead {
		c.ping.Reset(c.s.cfg.pingInterval())
	}
	c.mu.Unlock()
}

// extendDeadline gives the client IdleTimeout more; while draining it keeps the read
// deadline in the past so the read pump stops.
// It runs in the read pump (and in open before it) and, like write, moves the deadline
// only when a 64th of IdleTimeout has passed since it last did.
func (c *conn) extendDeadline() {
	if c.s.draining.Load() {
		_ = c.ws.SetReadDeadline(time.Now())
		return
	}
	now := time.Now()
	idle := c.s.cfg.idleTimeout()
	if now.Sub(c.readDeadlineSet) < idle/64 {
		return
	}
	c.readDeadlineSet = now
	_ = c.ws.SetReadDeadline(now.Add(idle))
}

// stopReading makes a blocked read return, so the read pump finishes (Shutdown).
func (c *conn) stopReading() { _ = c.ws.SetReadDeadline(time.Now()) }

// kill cuts the network connection; the read pump then finishes.
func (c *conn) kill() {
	c.mu.Lock()
	c.dead = true
	c.queue = nil
	c.mu.Unlock()
	c.ws.UnderlyingConn().Close()
}

// finish runs once, at the end of the read pump: the connection leaves the session,
// the queue is flushed behind a close frame, then the network connection is closed.
func (c *conn) finish(code int) {
	if c.callCancel != nil {
		c.callCancel()
	}
	c.s.unregister(c, c.session)
	c.s.forget(c)
	c.mu.Lock()
	if c.ping != nil {
		c.ping.Stop()
	}
	if c.queueLocked(outFrame{close: code}) == nil && !c.writing {
		c.writing = true
		c.closed = true
		c.mu.Unlock()
		c.flush()
		c.mu.Lock()
	}
	c.closed = true
	for c.writing {
		c.flushed.Wait() // bounded: every write has a deadline
	}
	c.mu.Unlock()
	c.ws.Close()
	c.s.log.WithField("session", c.session).WithField("code", code).Debug("disconnected")
}

// closeNow refuses a connection that was upgraded while the server began to close.
func (c *conn) closeNow(code int) {
	msg := websocket.FormatCloseMessage(code, closeReason(code))
	_ = c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
	c.ws.Close()
}

func closeReason(code int) string {
	switch code {
	case websocket.CloseGoingAway:
		return "going away"
	case websocket.CloseMessageTooBig:
		return "message too big"
	}
	return ""
}
