package slack

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/sirupsen/logrus"
	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// acker acknowledges Socket Mode envelopes (*socketmode.Client; a fake in tests).
type acker interface {
	AckCtx(ctx context.Context, envelopeID string, payload any) error
}

// runSocket keeps a Socket Mode connection open until ctx is done, reconnecting with
// back-off when Slack cannot be reached, and dispatches what arrives.
func (d *Desk) runSocket(ctx context.Context) {
	smc := socketmode.New(d.client, socketmode.OptionLog(logOutput{d.log}))
	var wg sync.WaitGroup
	wg.Go(func() {
		wait := d.cfg.RetryMin
		for {
			err := smc.RunContext(ctx)
			if ctx.Err() != nil {
				return
			}
			d.log.WithError(err).Warn("Socket Mode connection ended; reconnecting")
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
			wait = min(2*wait, time.Minute)
		}
	})
	for {
		select {
		case <-ctx.Done():
			wg.Wait()
			return
		case evt := <-smc.Events:
			d.onSocketEvent(ctx, evt, smc)
		}
	}
}

// onSocketEvent acknowledges a Socket Mode request once its work is queued (a request
// left unacknowledged is sent again by Slack) and queues the work.
func (d *Desk) onSocketEvent(ctx context.Context, evt socketmode.Event, ack acker) {
	var key string
	var job func(context.Context)
	switch evt.Type {
	case socketmode.EventTypeConnected:
		d.log.Info("Socket Mode connected")
		return
	case socketmode.EventTypeConnectionError:
		if ce, ok := evt.Data.(*slackgo.ConnectionErrorEvent); ok {
			d.log.WithError(ce.ErrorObj).Warn("Socket Mode cannot connect yet; retrying")
		} else {
			d.log.Warn("Socket Mode cannot connect yet; retrying")
		}
		return
	case socketmode.EventTypeInvalidAuth:
		d.log.Error("Slack refused the app token (SLACK_APP_TOKEN)")
		return
	case socketmode.EventTypeEventsAPI:
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok {
			return
		}
		if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok && cb.EventID != "" {
			key = "event:" + cb.EventID
		}
		job = func(ctx context.Context) { d.handleEvent(ctx, ev) }
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slackgo.InteractionCallback)
		if !ok {
			return
		}
		key = interactionKey(cb)
		job = func(ctx context.Context) { d.handleInteraction(ctx, cb) }
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slackgo.SlashCommand)
		if !ok {
			return
		}
		job = func(ctx context.Context) {
			d.tell(ctx, cmd.ChannelID, cmd.UserID, d.command(cmd.Text))
		}
	default:
		return
	}
	if evt.Request == nil {
		return
	}
	if key == "" {
		key = "envelope:" + evt.Request.EnvelopeID
	}
	if !d.accept(key, job) {
		return // not acknowledged: Slack sends it again
	}
	if err := ack.AckCtx(ctx, evt.Request.EnvelopeID, nil); err != nil {
		d.log.WithError(err).Warn("could not acknowledge a Socket Mode request")
	}
}

// logOutput sends slack-go's own log lines to the desk's log at debug level.
type logOutput struct{ log *logrus.Entry }

func (l logOutput) Output(_ int, s string) error {
	l.log.Debug(fmt.Sprint("slack-go: ", s))
	return nil
}
