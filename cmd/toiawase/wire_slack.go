package main

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/toiawase/toiawase/channels/slack"
	"github.com/toiawase/toiawase/faq"
)

// wireSlack turns on the Slack agent desk when SLACK_BOT_TOKEN is set: Socket Mode with
// SLACK_APP_TOKEN, otherwise the HTTP routes /slack/events, /slack/commands and
// /slack/interactions verified with SLACK_SIGNING_SECRET. Tickets go to
// SLACK_HANDOFF_CHANNEL. Optional: SLACK_TAKE_TIMEOUT (Go duration, default 5m),
// SLACK_DESK_LANG ("ja" default, or "en"), SLACK_API_URL (another Web API base URL, for
// tests). The desk becomes the engine's desk (m.Desk) and runs until Close. It never
// stops the server from starting when Slack cannot be reached: it retries in the background.
func (m *Main) wireSlack(ctx context.Context) error {
	cfg := slack.Config{
		BotToken:       m.Getenv("SLACK_BOT_TOKEN"),
		AppToken:       m.Getenv("SLACK_APP_TOKEN"),
		SigningSecret:  m.Getenv("SLACK_SIGNING_SECRET"),
		HandoffChannel: m.Getenv("SLACK_HANDOFF_CHANNEL"),
		APIURL:         m.Getenv("SLACK_API_URL"),
		Lang:           m.Getenv("SLACK_DESK_LANG"),
		Log:            m.Log,
	}
	if cfg.BotToken == "" {
		m.Log.Info("Slack desk off (SLACK_BOT_TOKEN not set): hand-offs show the official contact routes")
		return nil
	}
	if cfg.AppToken == "" && cfg.SigningSecret == "" {
		return errors.New("SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP events) is")
	}
	if cfg.HandoffChannel == "" {
		return errors.New("SLACK_BOT_TOKEN is set but SLACK_HANDOFF_CHANNEL (the channel id for hand-off tickets) is not")
	}
	if v := m.Getenv("SLACK_TAKE_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return fmt.Errorf("SLACK_TAKE_TIMEOUT %q: want a duration such as 5m", v)
		}
		cfg.TakeTimeout = d
	}
	if m.Engine == nil {
		return errors.New("the Slack desk needs the engine, which is not built")
	}
	faqs := &currentFAQ{}
	if set, err := loadFAQ(m.FAQDir); err != nil {
		m.Log.WithError(err).Warn("Slack desk: /toiawase faq is off until the FAQ loads")
	} else {
		faqs.set.Store(set)
	}
	cfg.FAQ = faqs
	m.onReload(func(ctx context.Context) error {
		set, err := loadFAQ(m.FAQDir)
		if err != nil {
			return err
		}
		faqs.set.Store(set)
		return nil
	})

	desk, err := slack.New(cfg, m.Engine)
	if err != nil {
		return err
	}
	if desk.SocketMode() {
		m.Log.Info("Slack desk: Socket Mode")
	} else {
		desk.Mount(m.mux)
		m.Log.Info("Slack desk: POST /slack/events, /slack/commands, /slack/interactions")
	}
	m.Desk.Set(desk)
	m.goBackground(ctx, desk.Run)
	return nil
}

// currentFAQ is the FAQ the Slack assist command searches; SIGHUP swaps it.
type currentFAQ struct{ set atomic.Pointer[faq.Set] }

// Search searches the current FAQ, or finds nothing when none is loaded.
func (f *currentFAQ) Search(query, lang string, k int) []faq.Hit {
	if s := f.set.Load(); s != nil {
		return s.Search(query, lang, k)
	}
	return nil
}
