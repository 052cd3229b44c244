package main

import (
	"context"

	"github.com/toiawase/toiawase/channels/phone"
)

// wirePhone builds the phone tree and mounts POST /voice/twiml. Twilio signatures are
// checked when TWILIO_AUTH_TOKEN is set; TOIAWASE_PUBLIC_URL is the scheme://host[/prefix]
// Twilio calls when a proxy stands in front (the signed URL, and where Gathers post).
// TOIAWASE_PHONE_MENU_DIR overrides the embedded menu; SIGHUP re-reads it and the FAQ.
func (m *Main) wirePhone(ctx context.Context) error {
	answers, err := loadFAQ(m.FAQDir)
	if err != nil {
		return err
	}
	cfg := phone.Config{
		MenuDir: m.Getenv("TOIAWASE_PHONE_MENU_DIR"),
		Answers: answers,
		Log:     m.Log,
	}
	if m.Desk != nil {
		cfg.Desk = m.Desk
	}
	p, err := phone.New(cfg)
	if err != nil {
		return err
	}
	token := m.Getenv("TWILIO_AUTH_TOKEN")
	m.mux.Handle("POST /voice/twiml", p.Webhook(phone.WebhookConfig{
		AuthToken: token,
		PublicURL: m.Getenv("TOIAWASE_PUBLIC_URL"),
	}))
	m.onReload(func(ctx context.Context) error {
		a, err := loadFAQ(m.FAQDir)
		if err != nil {
			return err
		}
		return p.Reload(a)
	})
	m.Log.WithField("twilio_signature", token != "").Info("phone: POST /voice/twiml")
	return nil
}
