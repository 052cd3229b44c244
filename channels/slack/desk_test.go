package slack

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/toiawase/toiawase/bot"
	"github.com/toiawase/toiawase/bot/store"
)

var opened = time.Date(2026, 11, 23, 2, 30, 0, 0, time.UTC)

func webTicket() bot.Ticket {
	return bot.Ticket{
		SessionID: "s1", Channel: bot.ChannelWebchat, Lang: "ja", Intent: "missing_package",
		Reason: bot.ReasonRequested, Tracking: []string{"481234567893"}, At: opened,
		Recent: []store.Turn{
			{From: "customer", Text: "荷物が届きません。番号は 4812-3456-7893 です"},
			{From: "bot", Text: "お問い合わせ番号 481234567893 の配達状況を確認しました。"},
			{From: "customer", Text: "カードは 4111 1111 1111 1111、認証コードは 482913 です。090-1234-5678 か taro@example.jp に連絡ください"},
			{From: "customer", Text: "人と話したい"},
		},
	}
}

// press sends a signed button press to the desk and runs the work it queued.
func press(t *testing.T, d *Desk, trigger, action, session, userID, userName string) {
	t.Helper()
	r := signed(t, "/slack/interactions", "application/x-www-form-urlencoded", actionBody(trigger, action, ticketID(d, session), userID, userName), time.Now())
	if w := serve(d, r); w.Code != http.StatusOK {
		t.Fatalf("%s: got %d", action, w.Code)
	}
	drain(t, d)
}

// reply sends a signed message event in a thread of the hand-off channel.
func reply(t *testing.T, d *Desk, id, user, threadTS, text string) {
	t.Helper()
	inner, _ := json.Marshal(map[string]string{"type": "message", "channel": testChannel, "channel_type": "channel",
		"user": user, "text": text, "ts": "1700000500." + id, "thread_ts": threadTS})
	if w := serve(d, signed(t, "/slack/events", "application/json", eventBody(id, string(inner)), time.Now())); w.Code != http.StatusOK {
		t.Fatalf("event %s: got %d", id, w.Code)
	}
	drain(t, d)
}

func lastOf(t *testing.T, api *fakeAPI, method string) sent {
	t.Helper()
	c := api.of(method)
	if len(c) == 0 {
		t.Fatalf("no %s call", method)
	}
	return c[len(c)-1]
}

func TestHandoffFlow(t *testing.T) {
	d, api, eng := newTestDesk(t, "ja")
	ctx := context.Background()

	// The ticket: masked, with Take and Close.
	if err := d.Open(ctx, webTicket()); err != nil {
		t.Fatal(err)
	}
	post := lastOf(t, api, "post")
	if post.Channel != testChannel {
		t.Errorf("ticket went to %q", post.Channel)
	}
	golden(t, "ticket_waiting_ja", post.Msg)
	raw, _ := json.Marshal(post.Msg.Blocks)
	for _, secret := range []string{"481234567893", "4812-3456-7893", "4111", "482913", "1234-5678", "taro@example.jp"} {
		if strings.Contains(string(raw), secret) {
			t.Errorf("the ticket shows %q unmasked", secret)
		}
	}
	if strings.Contains(string(raw), `"s1"`) {
		t.Error("the ticket carries the session id, which would let a reader resume the customer's chat")
	}
	if !strings.Contains(string(raw), "7893") {
		t.Error("the ticket does not show the last 4 digits of the tracking number")
	}
	ts := post.TS

	// Before anyone takes it, a reply in the thread does not reach the customer.
	reply(t, d, "Ev10", "U_AOI", ts, "hello?")
	if got := eng.got(); len(got) != 0 {
		t.Errorf("engine called before Take: %q", got)
	}
	if e := lastOf(t, api, "ephemeral"); e.User != "U_AOI" || e.Msg.Text != d.tx.get("take_first") {
		t.Errorf("the agent was not told to take it first: %+v", e)
	}

	// Take.
	press(t, d, "tr1", actionTake, "s1", "U_AOI", "aoi")
	if got := eng.got(); len(got) != 1 || got[0] != "take s1 aoi" {
		t.Fatalf("engine got %q, want take s1 aoi", got)
	}
	up := lastOf(t, api, "update")
	if up.TS != ts || up.Channel != testChannel {
		t.Errorf("updated %s/%s, want the ticket %s/%s", up.Channel, up.TS, testChannel, ts)
	}
	golden(t, "ticket_taken_ja", up.Msg)

	// A second agent cannot take it, and a double click changes nothing.
	press(t, d, "tr2", actionTake, "s1", "U_REN", "ren")
	if e := lastOf(t, api, "ephemeral"); e.User != "U_REN" || !strings.Contains(e.Msg.Text, "<@U_AOI>") {
		t.Errorf("second agent not told who has it: %+v", e)
	}
	press(t, d, "tr3", actionTake, "s1", "U_AOI", "aoi")
	if n := len(api.of("update")); n != 1 {
		t.Errorf("ticket updated %d times, want 1", n)
	}

	// The agent's reply goes to the customer as plain text; another agent's does not.
	reply(t, d, "Ev11", "U_AOI", ts, "確認します。&lt;少々&gt; お待ちください <https://www.kuronekoyamato.co.jp/|ヤマト>")
	reply(t, d, "Ev12", "U_REN", ts, "internal note")
	inner, _ := json.Marshal(map[string]string{"type": "message", "subtype": "thread_broadcast", "channel": testChannel,
		"channel_type": "channel", "user": "U_AOI", "text": "also in the channel", "ts": "1700000600.1", "thread_ts": ts})
	sendEvent(t, d, "Ev14", string(inner))
	want := []string{"take s1 aoi", "say s1 aoi: 確認します。<少々> お待ちください ヤマト (https://www.kuronekoyamato.co.jp/)",
		"say s1 aoi: also in the channel"}
	if got := eng.got(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("engine got\n%q\nwant\n%q", got, want)
	}

	// The customer's messages go to the thread, masked.
	if err := d.Forward(ctx, "s1", "電話番号は０９０－１２３４－５６７８です"); err != nil {
		t.Fatal(err)
	}
	fw := lastOf(t, api, "post")
	if fw.Msg.ThreadTS != ts || fw.Msg.Text != "*お客様：* 電話番号は•••-••••-5678です" {
		t.Errorf("forwarded %+v", fw)
	}

	// Show numbers: only the agent holding the ticket sees them.
	press(t, d, "tr4", actionNumbers, "s1", "U_REN", "ren")
	if e := lastOf(t, api, "ephemeral"); e.User != "U_REN" || strings.Contains(e.Msg.Text, "481234567893") {
		t.Errorf("another agent saw the numbers: %+v", e)
	}
	press(t, d, "tr5", actionNumbers, "s1", "U_AOI", "aoi")
	if e := lastOf(t, api, "ephemeral"); e.User != "U_AOI" || !strings.Contains(e.Msg.Text, "`481234567893`") {
		t.Errorf("the agent holding the ticket did not get the numbers: %+v", e)
	}

	// Close: only the holder; the customer goes back to the bot.
	press(t, d, "tr6", actionClose, "s1", "U_REN", "ren")
	if strings.Contains(strings.Join(eng.got(), "|"), "release") {
		t.Fatal("another agent closed the ticket")
	}
	press(t, d, "tr7", actionClose, "s1", "U_AOI", "aoi")
	if got := eng.got(); got[len(got)-1] != "release s1" {
		t.Errorf("engine got %q, want release s1 last", got)
	}
	golden(t, "ticket_closed_ja", lastOf(t, api, "update").Msg)

	// After Close, thread replies and Forward go nowhere.
	reply(t, d, "Ev13", "U_AOI", ts, "still there?")
	if got := eng.got(); strings.HasPrefix(got[len(got)-1], "say") {
		t.Error("a reply after Close reached the customer")
	}
	if err := d.Forward(ctx, "s1", "hello"); !errors.Is(err, ErrNoTicket) {
		t.Errorf("Forward after Close: %v, want ErrNoTicket", err)
	}
}

func TestPressOnUnknownTicket(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	r := signed(t, "/slack/interactions", "application/x-www-form-urlencoded", actionBody("tr1", actionTake, "T9999", "U_AOI", "aoi"), time.Now())
	if w := serve(d, r); w.Code != http.StatusOK {
		t.Fatalf("got %d", w.Code)
	}
	drain(t, d)
	if e := lastOf(t, api, "ephemeral"); e.User != "U_AOI" || e.Msg.Text != d.tx.get("ended") {
		t.Errorf("agent told %+v", e)
	}
	if len(eng.got()) != 0 {
		t.Errorf("engine called: %q", eng.got())
	}
}

func TestTicketExpiresWhenNobodyTakesIt(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	d.now = func() time.Time { return opened }
	if err := d.Open(context.Background(), webTicket()); err != nil {
		t.Fatal(err)
	}
	d.expireDue(context.Background(), opened.Add(4*time.Minute))
	if len(eng.got()) != 0 {
		t.Fatalf("expired before the timeout: %q", eng.got())
	}
	d.expireDue(context.Background(), opened.Add(5*time.Minute))
	if got := eng.got(); len(got) != 1 || got[0] != "expire s1" {
		t.Fatalf("engine got %q, want expire s1", got)
	}
	golden(t, "ticket_expired_en", lastOf(t, api, "update").Msg)
	press(t, d, "tr1", actionTake, "s1", "U_AOI", "aoi")
	if e := lastOf(t, api, "ephemeral"); e.Msg.Text != d.tx.get("ended") {
		t.Errorf("Take after expiry: %+v", e)
	}
	d.expireDue(context.Background(), opened.Add(time.Hour))
	if n := len(eng.got()); n != 1 {
		t.Errorf("expired %d times", n)
	}
}

func TestPhoneTicketIsACallBack(t *testing.T) {
	d, api, _ := newTestDesk(t, "en")
	tk := bot.Ticket{SessionID: "p1", Channel: bot.ChannelPhone, Lang: "ja", Intent: "redelivery",
		Reason: bot.ReasonRequested, Caller: "+81 90-1234-5678", At: opened}
	if err := d.Open(context.Background(), tk); err != nil {
		t.Fatal(err)
	}
	m := lastOf(t, api, "post").Msg
	golden(t, "ticket_phone_en", m)
	raw, _ := json.Marshal(m)
	if strings.Contains(string(raw), "1234-5678") {
		t.Error("caller number shown unmasked")
	}
	press(t, d, "tr1", actionTake, "p1", "U_AOI", "aoi")
	golden(t, "ticket_phone_taken_en", lastOf(t, api, "update").Msg)
	press(t, d, "tr2", actionNumbers, "p1", "U_AOI", "aoi")
	if e := lastOf(t, api, "ephemeral"); !strings.Contains(e.Msg.Text, "+81 90-1234-5678") {
		t.Errorf("the agent holding the call-back did not get the number: %q", e.Msg.Text)
	}
}

func TestOpenFromSlackItselfIsRefused(t *testing.T) {
	d, api, _ := newTestDesk(t, "en")
	tk := webTicket()
	tk.Channel = bot.ChannelSlack
	if err := d.Open(context.Background(), tk); !errors.Is(err, ErrAgentConversation) {
		t.Errorf("got %v, want ErrAgentConversation", err)
	}
	if len(api.calls) != 0 {
		t.Error("a ticket was posted for an agent's own conversation")
	}
}

func TestPanickingJobDoesNotStopTheWorker(t *testing.T) {
	d, _, _ := newTestDesk(t, "en")
	ran := false
	d.run(context.Background(), func(context.Context) { panic("boom") })
	d.run(context.Background(), func(context.Context) { ran = true })
	if !ran {
		t.Error("the job after a panic did not run")
	}
}

func TestOpenTwiceNotesTheThread(t *testing.T) {
	d, api, _ := newTestDesk(t, "en")
	ctx := context.Background()
	if err := d.Open(ctx, webTicket()); err != nil {
		t.Fatal(err)
	}
	if err := d.Open(ctx, webTicket()); err != nil {
		t.Fatal(err)
	}
	posts := api.of("post")
	if len(posts) != 2 || posts[1].Msg.ThreadTS != posts[0].TS || posts[1].Msg.Text != d.tx.get("asked_again") {
		t.Errorf("second Open: %+v", posts)
	}
}

func TestOpenFailsWhenSlackCannotBeReached(t *testing.T) {
	d, api, _ := newTestDesk(t, "en")
	api.postErr = errors.New("dial tcp: connection refused")
	if err := d.Open(context.Background(), webTicket()); err == nil {
		t.Fatal("Open succeeded without Slack")
	}
	if err := d.Forward(context.Background(), "s1", "hi"); !errors.Is(err, ErrNoTicket) {
		t.Errorf("Forward to a ticket never posted: %v", err)
	}
}

func TestTakeRefusedByEngineLeavesTicketWaiting(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	eng.take = func(string, string) error { return errors.New("store down") }
	if err := d.Open(context.Background(), webTicket()); err != nil {
		t.Fatal(err)
	}
	press(t, d, "tr1", actionTake, "s1", "U_AOI", "aoi")
	if e := lastOf(t, api, "ephemeral"); e.Msg.Text != d.tx.get("failed") {
		t.Errorf("agent not told: %+v", e)
	}
	if tk, _ := d.tickets.get("s1"); tk.State != stateWaiting {
		t.Errorf("ticket state %v, want waiting", tk.State)
	}
	eng.take = nil
	press(t, d, "tr2", actionTake, "s1", "U_REN", "ren")
	if tk, _ := d.tickets.get("s1"); tk.State != stateTaken || tk.AgentID != "U_REN" {
		t.Errorf("second try: %+v", tk)
	}
}

func TestTakePostsWhatTheCustomerWroteWhileWaiting(t *testing.T) {
	d, api, eng := newTestDesk(t, "en")
	d.now = func() time.Time { return opened }
	eng.turns = []store.Turn{
		{At: opened.Add(-time.Minute), From: "customer", Text: "before the ticket"},
		{At: opened.Add(time.Minute), From: "customer", Text: "are you there? my code is 123456"},
	}
	if err := d.Open(context.Background(), webTicket()); err != nil {
		t.Fatal(err)
	}
	press(t, d, "tr1", actionTake, "s1", "U_AOI", "aoi")
	p := lastOf(t, api, "post")
	raw, _ := json.Marshal(p.Msg.Blocks)
	if !strings.Contains(string(raw), "are you there? my code is ••••••") || strings.Contains(string(raw), "before the ticket") {
		t.Errorf("posted %s", raw)
	}
}

func TestNumbersGolden(t *testing.T) {
	d, _, _ := newTestDesk(t, "ja")
	tk := ticket{Ticket: bot.Ticket{SessionID: "p1", Tracking: []string{"481234567892", "EJ123456785JP"}, Caller: "+81 90-1234-5678"}, TS: "1.1"}
	golden(t, "numbers_ja", numbersMessage(d.tx, "ja", tk))
}
