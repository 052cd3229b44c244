package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/toiawase/toiawase/tracking"
)

// maxExtractLine is the longest input line extract accepts.
const maxExtractLine = 8 << 20

// extractResult is one output line of toiawase extract (DESIGN.md, command line).
type extractResult struct {
	Tracking []tracking.Match `json:"tracking"`
	Orders   []string         `json:"orders"`
}

// runExtract reads one text per stdin line and writes one JSON object per line:
// {"tracking":[{"raw":"...","number":"...","carriers":["..."],"valid":true}],"orders":["..."]}.
func runExtract(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprint(env.Stderr, `usage: toiawase extract < messages.txt

One text per stdin line (up to 8 MiB); one JSON object per line on stdout:
  {"tracking":[{"raw":"...","number":"...","carriers":["..."],"valid":true}],"orders":["..."]}
raw is the number as written, number the normalised form, carriers the carrier ids whose
rule holds (or, with valid false, whose shape matched while the check digit failed);
"repaired":true marks a number read with look-alike letters (O for 0 ...). orders are
Amazon order numbers in 3-7-7 form.
`)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h: the usage is the answer
		}
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: extract reads stdin and takes no arguments", errUsage)
	}
	sc := bufio.NewScanner(env.Stdin)
	sc.Buffer(make([]byte, 0, 64*1024), maxExtractLine+2)
	out := bufio.NewWriter(env.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	line := 0
	for sc.Scan() {
		line++
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := enc.Encode(extractLine(strings.TrimSuffix(sc.Text(), "\r"))); err != nil {
			return fmt.Errorf("write stdout: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("read stdin: line %d is longer than %d bytes: %w", line+1, maxExtractLine, err)
		}
		return fmt.Errorf("read stdin: %w", err)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write stdout: %w", err)
	}
	return nil
}

// extractLine is Extract in the command's form: orders as strings, no null arrays.
func extractLine(text string) extractResult {
	f := tracking.Extract(text)
	r := extractResult{Tracking: f.Tracking, Orders: make([]string, 0, len(f.Orders))}
	for i := range r.Tracking {
		if r.Tracking[i].Carriers == nil {
			r.Tracking[i].Carriers = []string{}
		}
	}
	if r.Tracking == nil {
		r.Tracking = []tracking.Match{}
	}
	for _, o := range f.Orders {
		r.Orders = append(r.Orders, o.Number)
	}
	return r
}
