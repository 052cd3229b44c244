package slack

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

// Through a whole hand-off, with failures on the way, the log at debug level carries no
// customer text, number or session id.
func TestLogsCarryNoCustomerData(t *testing.T) {
	var buf bytes.Buffer
	l := logrus.New()
	l.SetOutput(&buf)
	l.SetLevel(logrus.DebugLevel)
	d, api, eng := newTestDesk(t, "en")
	d.log = logrus.NewEntry(l)
	eng.say = func(string, string, string) error { return errors.New("store down") }
	eng.handle = func(bot.Inbound) (bot.Reply, error) { return bot.Reply{}, errors.New("engine down") }
	ctx := context.Background()

	tk := webTicket()
	tk.SessionID = "sess-SECRET-TOKEN"
	if err := d.Open(ctx, tk); err != nil {
		t.Fatal(err)
	}
	ts := lastOf(t, api, "post").TS
	press(t, d, "tr1", actionTake, tk.SessionID, "U_AOI", "aoi")
	reply(t, d, "E1", "U_AOI", ts, "your number 481234567893 is fine")
	press(t, d, "tr2", actionNumbers, tk.SessionID, "U_AOI", "aoi")
	if err := d.Forward(ctx, tk.SessionID, "card 4111 1111 1111 1111"); err != nil {
		t.Fatal(err)
	}
	sendEvent(t, d, "E2", `{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"track 481234567893 please","ts":"1.1"}`)
	sendEvent(t, d, "E2", `{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"track 481234567893 please","ts":"1.1"}`)
	press(t, d, "tr3", actionClose, tk.SessionID, "U_AOI", "aoi")
	d.expireDue(ctx, time.Now().Add(time.Hour))

	logs := buf.String()
	if !strings.Contains(logs, "ticket opened") {
		t.Fatalf("nothing logged: %s", logs)
	}
	for _, secret := range []string{"4812", "4111", "482913", "5678", "taro", "荷物", "your number", "track", "SECRET-TOKEN"} {
		if strings.Contains(logs, secret) {
			t.Errorf("the log carries %q:\n%s", secret, logs)
		}
	}
}
