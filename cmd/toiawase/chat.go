package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/toiawase/toiawase/bot"
)

// runChat is `toiawase chat`: a conversation with the engine in the terminal. It reads
// one message per stdin line (so it can be scripted), shows quick replies as numbered
// choices (typing the number picks one), /en and /ja switch the language, /quit leaves.
// There is no agent desk here: asking for a person shows the official contact routes.
func runChat(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("chat", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	lang := fs.String("lang", "", "conversation language, ja or en (default: the language you write in)")
	faqDir := fs.String("faq", env.Getenv("TOIAWASE_FAQ_DIR"), "directory of FAQ files overriding the embedded ones (env TOIAWASE_FAQ_DIR)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *lang != "" && *lang != "ja" && *lang != "en" {
		return fmt.Errorf("%w: -lang must be ja or en", errUsage)
	}
	content, err := loadFAQ(*faqDir)
	if err != nil {
		return err
	}
	eng, err := bot.New(bot.Config{Content: content})
	if err != nil {
		return err
	}
	return chat(ctx, env, eng, *lang)
}

// chat runs the terminal conversation with h until stdin ends or the customer types /quit.
func chat(ctx context.Context, env Env, h bot.Handler, lang string) error {
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	fmt.Fprintln(out, "toiawase chat: type a message; a number picks a choice; /en or /ja switches language; /quit leaves.")
	c := &chatSession{h: h, out: out, stderr: env.Stderr, lang: lang}
	if err := c.send(ctx, bot.Inbound{Action: bot.ActionStart, Lang: lang}); err != nil {
		return err
	}
	interactive := isTerminal(env.Stdin)
	in := bufio.NewScanner(env.Stdin)
	in.Buffer(make([]byte, 0, 64<<10), 64<<10)
	for {
		fmt.Fprint(out, "> ")
		out.Flush()
		if !in.Scan() {
			fmt.Fprintln(out)
			return in.Err()
		}
		if err := ctx.Err(); err != nil {
			return nil
		}
		line := strings.TrimSpace(in.Text())
		msg := bot.Inbound{Text: line}
		switch {
		case line == "":
			continue
		case line == "/quit" || line == "/exit":
			return nil
		case line == "/en" || line == "/ja":
			msg = bot.Inbound{Action: bot.ActionLang + line[1:]}
		default:
			if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(c.choices) {
				msg = bot.Inbound{Action: c.choices[n-1].Value}
			}
		}
		if !interactive {
			fmt.Fprintln(out, line) // a script's lines, shown as if typed
		}
		if err := c.send(ctx, msg); err != nil {
			return err
		}
	}
}

// chatSession is the state of one terminal conversation.
type chatSession struct {
	h       bot.Handler
	out     io.Writer
	stderr  io.Writer
	lang    string
	id      string
	choices []bot.QuickReply
}

// send passes one message to the engine and prints the reply. A session that expired
// while the terminal sat idle is replaced by a new one, and the message sent again.
func (c *chatSession) send(ctx context.Context, in bot.Inbound) error {
	in.SessionID, in.Channel = c.id, bot.ChannelCLI
	rep, err := c.h.Handle(ctx, in)
	if errors.Is(err, bot.ErrUnknownSession) {
		c.id, in.SessionID, in.Lang = "", "", c.lang
		rep, err = c.h.Handle(ctx, in)
	}
	switch {
	case errors.Is(err, bot.ErrEmpty) || errors.Is(err, bot.ErrTooLong):
		fmt.Fprintf(c.out, "bot: %s\n", rep.Text)
		return nil
	case err != nil:
		if ctx.Err() != nil {
			return ctx.Err()
		}
		fmt.Fprintf(c.stderr, "toiawase chat: %v\n", err)
		fmt.Fprintln(c.out, "bot: (something went wrong; please try again)")
		return nil
	}
	c.id = rep.SessionID
	c.print(rep)
	return nil
}

// print shows a reply: its text, its links and its quick replies as numbered choices.
func (c *chatSession) print(rep bot.Reply) {
	c.choices = rep.QuickReplies
	if rep.Text != "" {
		fmt.Fprintf(c.out, "bot: %s\n", strings.ReplaceAll(rep.Text, "\n", "\n     "))
	}
	for _, l := range rep.Links {
		fmt.Fprintf(c.out, "     → %s %s\n", l.Label, l.URL)
	}
	for i, q := range rep.QuickReplies {
		fmt.Fprintf(c.out, "  [%d] %s\n", i+1, q.Label)
	}
	if rep.Handoff {
		fmt.Fprintln(c.out, "     (handed to a person: their messages appear in the web chat or Slack, not here)")
	}
}

// isTerminal reports whether r is a terminal (the typed line is already on screen).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
