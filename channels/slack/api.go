package slack

import (
	"context"
	"errors"
	"fmt"
	"time"

	slackgo "github.com/slack-go/slack"
)

// message is one Slack message as the desk builds it.
type message struct {
	Text     string // notification / fallback text
	Blocks   []slackgo.Block
	ThreadTS string // reply in this thread when set
}

func (m message) options() []slackgo.MsgOption {
	opts := []slackgo.MsgOption{slackgo.MsgOptionText(m.Text, false)}
	if len(m.Blocks) > 0 {
		opts = append(opts, slackgo.MsgOptionBlocks(m.Blocks...))
	}
	if m.ThreadTS != "" {
		opts = append(opts, slackgo.MsgOptionTS(m.ThreadTS))
	}
	return opts
}

// slackAPI is the part of the Slack Web API the desk calls. webAPI puts it in front of
// a *slackgo.Client; tests put a fake in its place.
type slackAPI interface {
	AuthTestContext(ctx context.Context) (*slackgo.AuthTestResponse, error)
	PostMessageContext(ctx context.Context, channelID string, m message) (ts string, err error)
	UpdateMessageContext(ctx context.Context, channelID, ts string, m message) error
	PostEphemeralContext(ctx context.Context, channelID, userID string, m message) error
}

// webAPI is the real Slack Web API.
type webAPI struct{ c *slackgo.Client }

func (w webAPI) AuthTestContext(ctx context.Context) (*slackgo.AuthTestResponse, error) {
	return w.c.AuthTestContext(ctx)
}

func (w webAPI) PostMessageContext(ctx context.Context, channelID string, m message) (string, error) {
	_, ts, err := w.c.PostMessageContext(ctx, channelID, m.options()...)
	return ts, err
}

func (w webAPI) UpdateMessageContext(ctx context.Context, channelID, ts string, m message) error {
	m.ThreadTS = ""
	_, _, _, err := w.c.UpdateMessageContext(ctx, channelID, ts, m.options()...)
	return err
}

func (w webAPI) PostEphemeralContext(ctx context.Context, channelID, userID string, m message) error {
	_, err := w.c.PostEphemeralContext(ctx, channelID, userID, m.options()...)
	return err
}

// retry runs op until it succeeds, fails for good, or attempts run out, waiting longer
// each time (first, 2*first, ... up to limit; Slack's Retry-After when it rate-limits).
// attempts <= 0 means until ctx is done.
func retry(ctx context.Context, attempts int, first, limit time.Duration, op func(context.Context) error) error {
	wait := first
	for i := 1; ; i++ {
		err := op(ctx)
		if err == nil || permanent(err) {
			return err
		}
		if attempts > 0 && i >= attempts {
			return err
		}
		d := wait
		var rl *slackgo.RateLimitedError
		if errors.As(err, &rl) && rl.RetryAfter > d {
			d = rl.RetryAfter
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%w (last error: %w)", ctx.Err(), err)
		case <-t.C:
		}
		wait = min(2*wait, limit)
	}
}

// permanent reports errors that a retry cannot fix: Slack understood and refused the
// call (channel_not_found, invalid_auth, ...), or the context ended.
func permanent(err error) bool {
	var se slackgo.SlackErrorResponse
	return errors.As(err, &se) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
