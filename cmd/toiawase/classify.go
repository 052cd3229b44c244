package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/toiawase/toiawase/intents"
)

// runClassify answers one JSON object per stdin line:
// {"intent":"...","confidence":0.0,"top":[{"intent":"...","confidence":0.0}, ...]}.
func runClassify(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: toiawase classify < lines.txt\n\nOne text per stdin line; one JSON object per line on stdout.")
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: classify reads stdin and takes no arguments", errUsage)
	}
	m, err := intents.Load()
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(env.Stdin)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	out := bufio.NewWriter(env.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := enc.Encode(m.Classify(sc.Text())); err != nil {
			return fmt.Errorf("classify: write: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("classify: read stdin: %w", err)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("classify: write: %w", err)
	}
	return nil
}
