package phone

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/toiawase/toiawase/bot"
)

// The phone's own log never holds the caller's number or the tracking number unmasked;
// the ticket to the desk does (the desk masks what it shows).
func TestHandoffLogIsMasked(t *testing.T) {
	for _, desk := range []*fakeDesk{{}, {err: errTestDesk}} {
		var logs bytes.Buffer
		l := logrus.New()
		l.SetOutput(&logs)
		l.SetFormatter(&logrus.JSONFormatter{})
		p, err := New(Config{Answers: newTestAnswers(), Desk: desk, Log: logrus.NewEntry(l)})
		if err != nil {
			t.Fatal(err)
		}
		simulate(t, p, caller, "", "1,443496171020#,0")
		got := logs.String()
		if got == "" {
			t.Fatal("no log line for the hand-off")
		}
		for _, secret := range []string{"443496171020", caller, "9012345678", "34961710"} {
			if strings.Contains(got, secret) {
				t.Errorf("log holds %q:\n%s", secret, got)
			}
		}
		if !strings.Contains(got, "********1020") || !strings.Contains(got, "+**********78") {
			t.Errorf("log does not show the masked numbers:\n%s", got)
		}
		if tk := desk.opened(); desk.err == nil && (len(tk) != 1 || tk[0].Caller != caller || tk[0].Tracking[0] != "443496171020") {
			t.Errorf("the desk should get the numbers unmasked: %+v", tk)
		}
	}
}

var errTestDesk = errors.New("no agent desk configured")

func TestMaskCaller(t *testing.T) {
	tests := []struct{ in, want string }{
		{"+819012345678", "+**********78"},
		{"09012345678", "0********78"},
		{"", ""},
		{"12345", "*****"},
	}
	for _, tt := range tests {
		if got := MaskCaller(tt.in); got != tt.want {
			t.Errorf("MaskCaller(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// slowDesk answers only when its context ends.
type slowDesk struct{ fakeDesk }

func (d *slowDesk) Open(ctx context.Context, t bot.Ticket) error {
	<-ctx.Done()
	return ctx.Err()
}

func TestSlowDeskCountsAsNoOperator(t *testing.T) {
	p, err := New(Config{Answers: newTestAnswers(), Desk: &slowDesk{}, HandoffTimeout: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	got := simulate(t, p, caller, "", "0")
	inOrder(t, got, menuText(t, "handoff_unavailable", "ja"), "(hang up)")
}
