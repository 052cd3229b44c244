package api

import (
	"context"
	"encoding/json"
	"errors"
	"mime"
	"net/http"

	"github.com/sirupsen/logrus"

	"github.com/toiawase/toiawase/bot"
)

// Path is where the handler is mounted.
const Path = "/api/v1/messages"

// DefaultMaxBody is the largest request body accepted when Config.MaxBody is zero.
const DefaultMaxBody = 16 << 10

// Config configures a Handler.
type Config struct {
	// Handler answers the messages; required.
	Handler bot.Handler
	// Log receives one entry per refused or failed request (code and status, never the
	// text); nil discards.
	Log *logrus.Entry
	// MaxBody is the largest request body in bytes; zero means DefaultMaxBody (16 KiB).
	MaxBody int64
}

// Handler serves POST /api/v1/messages.
type Handler struct {
	h       bot.Handler
	log     *logrus.Entry
	maxBody int64
}

// New returns the handler. It panics when cfg.Handler is nil (a wiring mistake).
func New(cfg Config) *Handler {
	if cfg.Handler == nil {
		panic("api: New without a Handler")
	}
	h := &Handler{h: cfg.Handler, log: cfg.Log, maxBody: cfg.MaxBody}
	if h.maxBody <= 0 {
		h.maxBody = DefaultMaxBody
	}
	return h
}

// request is the JSON body of POST /api/v1/messages.
type request struct {
	SessionID string `json:"session_id"`
	Text      string `json:"text"`
	Lang      string `json:"lang"`
	Action    string `json:"action"`
}

// response is a reply frame without reply_to: the reply object plus its type.
type response struct {
	Type string `json:"type"`
	bot.Reply
}

type errorBody struct {
	Error apiError `json:"error"`
}

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// ServeHTTP answers one message.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.fail(w, http.StatusMethodNotAllowed, "method_not_allowed", "use POST", nil)
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			h.fail(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "send application/json", nil)
			return
		}
	}
	var req request
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			h.fail(w, http.StatusRequestEntityTooLarge, "too_large", "the request body is larger than 16 KiB", nil)
			return
		}
		h.fail(w, http.StatusBadRequest, "bad_json", "the body must be a JSON object with text or action", nil)
		return
	}
	if dec.More() {
		h.fail(w, http.StatusBadRequest, "bad_json", "the body must hold one JSON object", nil)
		return
	}
	if req.Lang != "" && req.Lang != "ja" && req.Lang != "en" {
		h.fail(w, http.StatusBadRequest, "bad_lang", `lang must be "ja" or "en"`, nil)
		return
	}
	rep, err := h.h.Handle(r.Context(), bot.Inbound{SessionID: req.SessionID, Channel: bot.ChannelAPI,
		Text: req.Text, Action: req.Action, Lang: req.Lang})
	switch {
	case err == nil:
		writeJSON(w, http.StatusOK, response{Type: "reply", Reply: rep})
	case errors.Is(err, bot.ErrEmpty):
		h.fail(w, http.StatusBadRequest, "empty", or(rep.Text, "send text or an action"), nil)
	case errors.Is(err, bot.ErrTooLong):
		h.fail(w, http.StatusBadRequest, "too_long", or(rep.Text, "the text is too long"), nil)
	case errors.Is(err, bot.ErrUnknownSession):
		h.fail(w, http.StatusNotFound, "unknown_session", "no such session (it may have expired): send without session_id to start a new one", nil)
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		h.fail(w, http.StatusServiceUnavailable, "unavailable", "the request was cancelled", err)
	default:
		h.fail(w, http.StatusInternalServerError, "internal", "something went wrong; please try again", err)
	}
}

func (h *Handler) fail(w http.ResponseWriter, status int, code, msg string, err error) {
	if h.log != nil {
		e := h.log.WithFields(logrus.Fields{"status": status, "code": code})
		if err != nil {
			e.WithError(err).Error("api request failed")
		} else {
			e.Info("api request refused")
		}
	}
	writeJSON(w, status, errorBody{Error: apiError{Code: code, Message: msg}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func or(s, def string) string {
	if s != "" {
		return s
	}
	return def
}
