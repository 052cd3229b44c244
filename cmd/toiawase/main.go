// Command toiawase is the one binary of toiawase: the server and its command-line tools.
//
//	toiawase serve         the HTTP server: chat page, /ws, /api/v1/messages, /voice/twiml, /slack/*
//	toiawase chat          a conversation with the engine in the terminal
//	toiawase phone         the phone tree in the terminal
//	toiawase extract       tracking and order numbers in text, one JSON object per line
//	toiawase classify      intents of text, one JSON object per line
//	toiawase eval          evaluation report of the intent classifier
//	toiawase train         retrain the embedded intent model
//	toiawase tracking-rate valid-tracking-rate report for a seller's shipment CSV
//	toiawase loadgen       websocket load generator (make bench-ws)
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Env is what a subcommand may touch of the outside world. Tests build their own.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, env Env, args []string) error
}

// errUsage marks a command-line mistake: exit status 2.
var errUsage = errors.New("usage")

func commands() map[string]command {
	return map[string]command{
		"serve":         {"run the HTTP server", runServe},
		"chat":          {"talk to the bot in this terminal", runChat},
		"phone":         {"call the phone tree in this terminal", runPhone},
		"extract":       {"tracking and order numbers in text (stdin), JSON lines out", runExtract},
		"classify":      {"intent of each stdin line, JSON lines out", runClassify},
		"eval":          {"evaluate the intent classifier", runEval},
		"train":         {"retrain the embedded intent model from intents/data", runTrain},
		"tracking-rate": {"valid-tracking-rate report for a shipment CSV", runTrackingRate},
		"loadgen":       {"websocket load generator", runLoadgen},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	code := run(ctx, env, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand and returns the process exit status.
func run(ctx context.Context, env Env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.Stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "toiawase: unknown command %q\n\n", args[0])
		usage(env.Stderr, cmds)
		return 2
	}
	if err := c.run(ctx, env, args[1:]); err != nil {
		if errors.Is(err, errUsage) {
			fmt.Fprintf(env.Stderr, "toiawase %s: %v\n", args[0], err)
			return 2
		}
		fmt.Fprintf(env.Stderr, "toiawase %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: toiawase COMMAND [flags]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-14s %s\n", n, cmds[n].summary)
	}
	io.WriteString(w, b.String())
}
