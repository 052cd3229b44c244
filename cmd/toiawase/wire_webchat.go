package main

import (
	"context"
	"errors"
	"strings"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/channels/webchat"
)

// errNoEngine answers the web chat while no engine is wired; customers see the polite
// "unavailable" error frame.
var errNoEngine = errors.New("no dialogue engine configured")

// wireWebchat builds the web chat and mounts GET / (the page), GET /ws, GET /widget.js
// and GET /webchat/*. TOIAWASE_WEBCHAT_ORIGINS is a comma-separated list of extra
// browser origins allowed to open /ws (sites that embed the widget); "*" allows any.
// The chat pushes agent messages (it is one of m.Senders) and says "going away" to
// every client on Close.
func (m *Main) wireWebchat(ctx context.Context) error {
	h := m.Handler
	if h == nil {
		h = bot.HandlerFunc(func(context.Context, bot.Inbound) (bot.Reply, error) {
			return bot.Reply{}, errNoEngine
		})
	}
	var origins []string
	for _, o := range strings.Split(m.Getenv("TOIAWASE_WEBCHAT_ORIGINS"), ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	srv, err := webchat.New(h, webchat.Config{AllowedOrigins: origins, Log: m.Log})
	if err != nil {
		return err
	}
	srv.Mount(m.mux)
	m.Senders.Add(srv)
	m.onClose(srv.Shutdown)
	m.Log.WithField("extra_origins", len(origins)).Info("webchat: GET / and /ws")
	return nil
}
