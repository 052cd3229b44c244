package webchat

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
	"golang.org/x/time/rate"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/internal/jsonw"
)

// conn is one websocket connection. Its read pump (run) owns the connection and closes
// it; the write pump (flush) runs only while frames wait to be written: in the read
// pump for its own replies, in a goroutine of its own for pushes.
type conn struct {
	s       *Server
	ws      *websocket.Conn
	limiter *rate.Limiter
	ping    *time.Timer

	// Read pump only (and open before it).
	session      string
	lang         string
	callCtx      context.Context // engine calls; see callContext
	callCancel   context.CancelFunc
	callDeadline time.Time
	frames       frameReader
	// readDeadlineSet is when extendDeadline last moved the read deadline.
	readDeadlineSet time.Time
	// encoded is the buffer send encodes reply frames into, when the frame it last
	// held was written at once (not queued).
	encoded []byte

	mu      sync.Mutex
	flushed sync.Cond // signalled when writing turns false
	queue   []outFrame
	writing bool // a goroutine is in flush
	// writeDeadlineSet is when write last moved the write deadline; only the
	// goroutine that set writing touches it.
	writeDeadlineSet time.Time
	closed           bool // no more frames are queued
	dead             bool // the network connection failed or was cut
}

func newConn(s *Server, ws *websocket.Conn, lang string) *conn {
	c := &conn{
		s: s, ws: ws, lang: lang,
		limiter: rate.NewLimiter(rate.Limit(s.cfg.messagesPerSecond()), s.cfg.burst()),
	}
	c.flushed.L = &c.mu
	return c
}

// open prepares the connection and starts (or resumes) the session. It runs in the
// HTTP handler's goroutine, so that the stack the engine call grows is dropped with
// that goroutine and an idle read pump stays small. It reports whether to go on.
func (c *conn) open(token string) bool {
	c.ws.SetReadLimit(int64(c.s.cfg.hardLimitBytes()))
	c.extendDeadline()
	c.ws.SetPongHandler(func(string) error { c.extendDeadline(); return nil })
	c.mu.Lock()
	c.ping = time.AfterFunc(c.s.cfg.pingInterval(), c.sendPing)
	c.mu.Unlock()
	ok := c.start(token)
	c.encoded = nil // a connection that stays idle keeps no buffer
	return ok
}

// run is the read pump: it reads frames and answers them one at a time until the
// client leaves, fails, or the server drains; then it closes the connection (finish).
func (c *conn) run(started bool) {
	code := websocket.CloseNormalClosure
	defer func() { c.finish(code) }()
	if !started {
		return
	}
	for !c.s.draining.Load() {
		typ, r, err := c.ws.NextReader()
		if err != nil {
			if errors.Is(err, websocket.ErrReadLimit) {
				code = websocket.CloseMessageTooBig
			}
			break
		}
		c.extendDeadline()
		data, tooLarge, err := c.frames.read(r, c.s.cfg.maxMessageBytes())
		if err != nil {
			if errors.Is(err, websocket.ErrReadLimit) {
				code = websocket.CloseMessageTooBig // gorilla has sent the close frame
			}
			break
		}
		if !c.limiter.Allow() {
			c.sendError(codeRateLimited, frameID(typ, data))
			continue
		}
		switch {
		case typ == websocket.BinaryMessage:
			c.sendError(codeBinary, "")
		case tooLarge:
			c.sendError(codeTooLarge, "")
		case !utf8.Valid(data):
			c.sendError(codeBadUTF8, "")
		default:
			c.handleFrame(data)
		}
	}
	if c.s.draining.Load() {
		code = websocket.CloseGoingAway
	}
}

// start asks the engine for the session (new or resumed), sends the session frame, the
// history of a resumed session, then the greeting. It reports whether to go on.
func (c *conn) start(token string) bool {
	reply, err := c.call(bot.Inbound{SessionID: token, Action: bot.ActionStart, Lang: c.lang})
	if errors.Is(err, bot.ErrUnknownSession) && token != "" {
		token = ""
		reply, err = c.call(bot.Inbound{Action: bot.ActionStart, Lang: c.lang})
	}
	if err != nil || reply.SessionID == "" {
		c.s.log.WithError(err).Error("engine could not start a session")
		c.sendError(codeUnavailable, "")
		return false
	}
	c.session = reply.SessionID
	resumed := token != "" && token == reply.SessionID
	c.send(sessionFrame{Type: typeSession, SessionID: c.session, Resumed: resumed})
	if resumed {
		c.sendHistory()
	}
	// Pushes may come from now on: after the history, so an agent's message is never
	// drawn above the conversation it belongs to.
	c.s.register(c, c.session)
	c.sendReply("", reply)
	c.s.log.WithField("session", c.session).WithField("resumed", resumed).Debug("connected")
	return true
}

func (c *conn) sendHistory() {
	hist, ok := c.s.h.(History)
	n := c.s.cfg.historyTurns()
	if !ok || n < 0 {
		return
	}
	ctx, cancel := context.WithTimeout(c.s.ctx, c.s.cfg.handleTimeout())
	defer cancel()
	turns, err := hist.Transcript(ctx, c.session, n)
	if err != nil {
		c.s.log.WithError(err).WithField("session", c.session).Warn("no history for resumed session")
		return
	}
	if len(turns) > 0 {
		c.send(historyFrame{Type: typeHistory, Turns: turns})
	}
}

// handleFrame answers one well-formed text frame.
func (c *conn) handleFrame(data []byte) {
	f, err := decodeClientFrame(data)
	if err != nil {
		c.sendError(codeBadJSON, "")
		return
	}
	if len(f.ID) > maxIDBytes {
		c.sendError(codeBadID, "")
		return
	}
	in := bot.Inbound{SessionID: c.session}
	if f.Lang == "ja" || f.Lang == "en" {
		in.Lang = f.Lang
	}
	switch f.Type {
	case typeMessage:
		in.Text = strings.TrimSpace(f.Text)
		if in.Text == "" {
			c.sendError(codeEmpty, f.ID)
			return
		}
	case typeAction:
		in.Action = f.Value
		if in.Action == "" {
			c.sendError(codeEmpty, f.ID)
			return
		}
	default:
		c.sendError(codeUnknownType, f.ID)
		return
	}
	reply, err := c.call(in)
	switch {
	case err == nil:
		c.sendReply(f.ID, reply)
	case errors.Is(err, bot.ErrUnknownSession):
		c.sendError(codeSessionExpired, f.ID)
		c.s.unregister(c, c.session)
		c.start("")
	case errors.Is(err, bot.ErrEmpty):
		c.sendErrorText(codeEmpty, f.ID, reply.Text)
	case errors.Is(err, bot.ErrTooLong):
		c.sendErrorText(codeTooLarge, f.ID, reply.Text)
	default:
		c.s.log.WithError(err).WithField("session", c.session).Error("engine failed")
		c.sendError(codeUnavailable, f.ID)
	}
}

func (c *conn) call(in bot.Inbound) (bot.Reply, error) {
	in.Channel = bot.ChannelWebchat
	r, err := c.s.h.Handle(c.callContext(), in)
	if err != nil {
		return r, fmt.Errorf("webchat: handle: %w", err)
	}
	if r.Lang == "ja" || r.Lang == "en" {
		c.lang = r.Lang
	}
	return r, nil
}

// callContext is the context of an engine call: the server's, with a deadline at least
// half the handle timeout away. A new one (and its timer) is made only when less time
// remains, not for every message of a conversation. Calls are one at a time, from the
// read pump; finish cancels the last context.
func (c *conn) callContext() context.Context {
	timeout := c.s.cfg.handleTimeout()
	if c.callCtx == nil || time.Until(c.callDeadline) < timeout/2 {
		if c.callCancel != nil {
			c.callCancel()
		}
		c.callDeadline = time.Now().Add(timeout)
		c.callCtx, c.callCancel = context.WithDeadline(c.s.ctx, c.callDeadline)
	}
	return c.callCtx
}

// sendReply sends a reply frame, or only an ack when the engine has nothing to say
// (an agent holds the conversation).
func (c *conn) sendReply(id string, r bot.Reply) {
	if r.Text == "" {
		if id != "" {
			c.send(ackFrame{Type: typeAck, ReplyTo: id, Mode: r.Mode})
		}
		return
	}
	r.SessionID = ""
	c.send(replyFrame{Type: typeReply, ReplyTo: id, Reply: r})
}

func (c *conn) sendError(code, id string) { c.sendErrorText(code, id, "") }

// sendErrorText sends an error frame with text, or with the code's own text when empty
// (the engine explains some refusals itself, in the session's language).
func (c *conn) sendErrorText(code, id, text string) {
	if text == "" {
		text = c.s.text.errorText(c.lang, code)
	}
	c.send(errorFrame{Type: typeError, Code: code, Message: text, ReplyTo: id})
}

// frameID is the id of a text frame, when it has a readable one, so that an error
// frame can say which message was dropped.
func frameID(typ int, data []byte) string {
	if typ != websocket.TextMessage || !utf8.Valid(data) {
		return ""
	}
	var f struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(data, &f) != nil || len(f.ID) > maxIDBytes {
		return ""
	}
	return f.ID
}

// frameReader reads frames into a buffer it reuses: a frame is read for every message,
// and a fresh buffer for each was a few allocations a message. Buffers that grew past
// keepFrameBuffer are dropped, so a connection keeps no large buffer while idle.
type frameReader struct{ buf []byte }

const keepFrameBuffer = 1024

// read reads a frame of at most max bytes; a longer one is read to its end and reported
// as too large. data is valid until the next read.
func (fr *frameReader) read(r io.Reader, max int) (data []byte, tooLarge bool, err error) {
	buf := fr.buf[:0]
	if buf == nil {
		buf = make([]byte, 0, 512)
	}
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > max {
			if err == nil {
				_, err = io.Copy(io.Discard, r)
			}
			if err == io.EOF {
				err = nil
			}
			return nil, true, err
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, err
		}
	}
	if cap(buf) <= keepFrameBuffer {
		fr.buf = buf
	} else {
		fr.buf = nil
	}
	return buf, false, nil
}

// encode is the JSON of a frame; a reply frame is appended to buf (which may be nil).
func encode(v any, buf []byte) ([]byte, error) {
	if f, ok := v.(replyFrame); ok && jsonw.Finite(f.Confidence) {
		if buf == nil {
			buf = make([]byte, 0, 1024)
		}
		return f.appendJSON(buf[:0]), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %T: %w", v, err)
	}
	return b, nil
}
