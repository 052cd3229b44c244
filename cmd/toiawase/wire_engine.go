package main

import (
	"context"
	"fmt"
	"os"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/channels/api"
	"github.com/toiawase/toiawase/faq"
	"github.com/toiawase/toiawase/intents"
)

// wireEngine builds the dialogue engine on the embedded intent model, the FAQ (m.FAQDir
// or the embedded files) and the session store (m.Store, or memory when no store was
// opened); pushes go through m.Senders and hand-offs to m.Desk. It sets m.Engine and
// m.Handler (unless a test set one), mounts POST /api/v1/messages, and on SIGHUP reloads
// the FAQ into the running engine: sessions are kept.
func (m *Main) wireEngine(ctx context.Context) error {
	content, err := loadFAQ(m.FAQDir)
	if err != nil {
		return err
	}
	model, err := intents.Load()
	if err != nil {
		return fmt.Errorf("intent model: %w", err)
	}
	if m.Store == nil {
		mem := store.NewMemory(store.MemoryConfig{})
		m.Store = mem
		m.onClose(func(context.Context) error { return mem.Close() })
	}
	cfg := bot.Config{Classifier: model, Content: content, Store: m.Store, Log: m.Log.WithField("part", "bot")}
	if m.Senders != nil {
		cfg.Sender = m.Senders
	}
	if m.Desk != nil {
		cfg.Desk = m.Desk
	}
	eng, err := bot.New(cfg)
	if err != nil {
		return err
	}
	m.Engine = eng
	if m.Handler == nil {
		m.Handler = eng
	}
	m.mux.Handle(api.Path, api.New(api.Config{Handler: m.Handler, Log: m.Log.WithField("part", "api")}))
	m.onReload(func(ctx context.Context) error {
		set, err := loadFAQ(m.FAQDir)
		if err != nil {
			return err
		}
		return eng.SetContent(set)
	})
	m.Log.WithField("faq_dir", m.FAQDir != "").Info("engine ready; POST " + api.Path)
	return nil
}

// loadFAQ loads the curated content from dir, or the files embedded in the binary.
func loadFAQ(dir string) (*faq.Set, error) {
	var (
		set *faq.Set
		err error
	)
	if dir != "" {
		set, err = faq.Load(os.DirFS(dir))
	} else {
		set, err = faq.Default()
	}
	if err != nil {
		return nil, fmt.Errorf("faq: %w", err)
	}
	return set, nil
}
