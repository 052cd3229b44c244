package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestAgentDeskLifecycle(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, nil)
	c := r.conv(t)
	c.press("human")
	if err := r.e.Take(ctx, c.id, "佐藤"); err != nil {
		t.Fatal(err)
	}
	if err := r.e.AgentSay(ctx, c.id, "佐藤", "お待たせしました。"); err != nil {
		t.Fatal(err)
	}
	rep := c.say("ありがとうございます")
	if rep.Text != "" || rep.Mode != ModeAgent {
		t.Fatalf("reply while an agent holds the conversation = %+v, want silence", rep)
	}
	if err := r.e.Release(ctx, c.id); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(r.sender.pushes)
	want := fmt.Sprint([]Push{
		{Type: "system", Text: "ja:agent_joined agent=佐藤", Mode: ModeAgent},
		{Type: "agent", Text: "お待たせしました。", Agent: "佐藤", Mode: ModeAgent},
		{Type: "system", Text: "ja:agent_left", Mode: ModeBot},
	})
	if got != want {
		t.Fatalf("pushes:\n got %s\nwant %s", got, want)
	}
	rep = c.say("荷物はどこ")
	if rep.Mode != ModeBot || rep.Text == "" {
		t.Fatalf("after Release the bot answers again: %+v", rep)
	}
	turns, err := r.e.Transcript(ctx, c.id, 0)
	if err != nil {
		t.Fatal(err)
	}
	var from []string
	for _, tr := range turns {
		from = append(from, tr.From)
	}
	wantFrom := []string{"customer", "bot", "system", "agent", "customer", "system", "customer", "bot"}
	if !slices.Equal(from, wantFrom) {
		t.Fatalf("transcript speakers = %v, want %v", from, wantFrom)
	}
	if err := r.e.AgentSay(ctx, c.id, "佐藤", "まだいますか"); !errors.Is(err, ErrNotHandedOff) {
		t.Fatalf("AgentSay after Release: err = %v, want ErrNotHandedOff", err)
	}
}

func TestExpireOnlyWhenWaiting(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, nil)
	c := r.conv(t)
	c.press("human")
	if err := r.e.Expire(ctx, c.id); err != nil {
		t.Fatal(err)
	}
	if s := c.session(); s.Mode != ModeBot {
		t.Fatalf("mode after Expire = %q", s.Mode)
	}
	if len(r.sender.pushes) != 1 || r.sender.pushes[0].Text != "ja:nobody_answered" {
		t.Fatalf("pushes = %+v", r.sender.pushes)
	}
	// taken before it expired: Expire does nothing
	c2 := r.conv(t)
	c2.press("human")
	r.e.Take(ctx, c2.id, "a")
	if err := r.e.Expire(ctx, c2.id); err != nil {
		t.Fatal(err)
	}
	if s := c2.session(); s.Mode != ModeAgent {
		t.Fatalf("Expire changed a taken conversation to %q", s.Mode)
	}
}

func TestPushErrors(t *testing.T) {
	ctx := context.Background()
	r := newRig(t, nil)
	c := r.conv(t)
	c.press("human")
	r.sender.err = fmt.Errorf("ws: %w", ErrNotConnected)
	if err := r.e.Take(ctx, c.id, "a"); err != nil {
		t.Fatalf("Take with the customer away: %v, want nil (kept in the transcript)", err)
	}
	r.sender.err = errors.New("broken pipe")
	if err := r.e.AgentSay(ctx, c.id, "a", "hi"); err == nil {
		t.Fatal("AgentSay hid a delivery failure")
	}
	for _, fn := range []func() error{
		func() error { return r.e.Take(ctx, "nope", "a") },
		func() error { return r.e.Release(ctx, "nope") },
		func() error { _, err := r.e.Transcript(ctx, "nope", 5); return err },
		func() error { _, err := r.e.Session(ctx, "nope"); return err },
	} {
		if err := fn(); !errors.Is(err, ErrUnknownSession) {
			t.Fatalf("unknown session: err = %v, want ErrUnknownSession", err)
		}
	}
}

func TestDeskFailureWhileWaitingFallsBackToTheBot(t *testing.T) {
	r := newRig(t, nil)
	c := r.conv(t)
	c.press("human")
	r.desk.err = errors.New("slack down")
	rep := c.say("まだですか")
	wantText(t, rep, "ja:handoff_unavailable")
	if rep.Mode != ModeBot || len(rep.Links) == 0 {
		t.Fatalf("reply = %+v, want the bot back with the contact routes", rep)
	}
}

func TestSecretWhileWaitingIsForwardedRedacted(t *testing.T) {
	r := newRig(t, nil)
	c := r.conv(t)
	c.press("human")
	rep := c.say("カード番号は 4111-1111-1111-1111")
	wantText(t, rep, "ja:sensitive_refused")
	if len(r.desk.forwards) != 1 || r.desk.forwards[0] != "カード番号は ****" {
		t.Fatalf("forwarded %q", r.desk.forwards)
	}
}
