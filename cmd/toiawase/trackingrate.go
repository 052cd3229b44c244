package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/toiawase/toiawase/tracking"
)

// runTrackingRate reads a seller's shipment CSV and prints the valid-tracking-rate report.
func runTrackingRate(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("tracking-rate", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	seller := fs.String("seller", "jp", "where the seller is: jp (packages from ¥2,000 count) or cn (from ¥1,000)")
	threshold := fs.Int64("threshold", 0, "minimum package amount in yen (overrides -seller)")
	days := fs.Int("days", 30, "length of the window in days")
	until := fs.String("until", "", "last day of the window, YYYY-MM-DD (default: the latest ship_date in the file)")
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, `usage: toiawase tracking-rate [flags] FILE.csv   (FILE "-" reads stdin)

Valid-tracking rate of a seller's shipment confirmations, as the seller help page
defines it: packages of ¥2,000 or more (¥1,000 for sellers in China), tax excluded
and shipping included, over 30 days, target 95%%. Large-item carriers (Seino,
Fukuyama, Nippon Express ...) and digital goods are left out. A package counts as
tracked when Amazon can track its carrier and the number is valid for that carrier
(check digit where one is known). Numbers in the report are masked but for their
last 4 characters. Rows that cannot be read are listed with their line numbers;
the command then exits with status 1 after printing the report.

CSV: a header line, then one package per line. Columns:
%s

flags:
`, tracking.ShipmentColumns)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h: the usage is the answer
		}
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: give exactly one CSV file (or - for stdin)", errUsage)
	}
	p := tracking.RatePolicy{Days: *days, Threshold: *threshold}
	if p.Days <= 0 {
		return fmt.Errorf("%w: -days must be positive", errUsage)
	}
	if p.Threshold == 0 {
		switch *seller {
		case "jp":
			p.Threshold = tracking.JapanSellerThreshold
		case "cn":
			p.Threshold = tracking.ChinaSellerThreshold
		default:
			return fmt.Errorf("%w: -seller is jp or cn, not %q", errUsage, *seller)
		}
	}
	if *until != "" {
		t, err := time.Parse("2006-01-02", *until)
		if err != nil {
			return fmt.Errorf("%w: -until %q is not a date like 2024-06-11", errUsage, *until)
		}
		p.Until = t
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	in, name := env.Stdin, "stdin"
	if path := fs.Arg(0); path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("open shipments: %w", err)
		}
		defer f.Close()
		in, name = f, path
	}
	return trackingRate(in, name, p, env.Stdout)
}

// trackingRate reads, computes and prints; bad rows become an error after the report.
func trackingRate(in io.Reader, name string, p tracking.RatePolicy, out io.Writer) error {
	ships, bad, err := tracking.ReadShipments(in)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	r := tracking.Rate(ships, p)
	r.BadRows = bad
	if err := r.WriteText(out); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if len(bad) > 0 {
		return fmt.Errorf("%s: %d row(s) could not be read and were left out (listed above)", name, len(bad))
	}
	return nil
}
