package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runTrackingRateOn(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	err := runTrackingRate(context.Background(), env, args)
	return out.String(), errOut.String(), err
}

const rateCSV = `order_id,ship_date,carrier,tracking_number,order_total
249-1000001-0000001,2024-06-11,yamato,4434-9617-1020,3980
249-1000001-0000002,2024-06-10,佐川急便,355785862681,2500
249-1000001-0000003,2024-06-10,ヤマト運輸,443496171021,2600
249-1000001-0000004,2024-06-09,西濃運輸,1234567890,58000
249-1000001-0000005,2024-06-09,yamato,319721648466,1500
`

func TestTrackingRateCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ship.csv")
	if err := os.WriteFile(path, []byte(rateCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, err := runTrackingRateOn(t, "", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"rate:     66.7% (2 of 3 packages tracked), target 95%: NOT met",
		"1 below the amount threshold, 1 large-item carrier",
		"********1021",
		"Sagawa Express",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "443496171021") {
		t.Errorf("report shows an unmasked number:\n%s", out)
	}
	// a seller in China counts the ¥1,500 package too
	out, _, err = runTrackingRateOn(t, rateCSV, "-seller", "cn", "-")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "(3 of 4 packages tracked)") {
		t.Errorf("-seller cn report:\n%s", out)
	}
}

// Bad rows are reported with their line numbers after a full report, and fail the command.
func TestTrackingRateCommandBadRows(t *testing.T) {
	csv := rateCSV + "249-1000001-0000006,June 1,yamato,319721648466,3000\n"
	out, _, err := runTrackingRateOn(t, csv, "-")
	if err == nil || !strings.Contains(err.Error(), "1 row(s) could not be read") {
		t.Errorf("err = %v, want the count of unreadable rows", err)
	}
	if !strings.Contains(out, `line 7: ship_date "June 1" is not a date`) || !strings.Contains(out, "(2 of 3 packages tracked)") {
		t.Errorf("report must list line 7 and still count the good rows:\n%s", out)
	}
}

func TestTrackingRateCommandErrors(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		usage bool
	}{
		{"no file", nil, true},
		{"bad seller", []string{"-seller", "us", "-"}, true},
		{"bad until", []string{"-until", "yesterday", "-"}, true},
		{"missing file", []string{filepath.Join(t.TempDir(), "none.csv")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runTrackingRateOn(t, "", tt.args...)
			if err == nil || errors.Is(err, errUsage) != tt.usage {
				t.Errorf("err = %v, usage error wanted: %v", err, tt.usage)
			}
		})
	}
	_, stderr, err := runTrackingRateOn(t, "", "-h")
	if err != nil || !strings.Contains(stderr, "tracking_number required") {
		t.Errorf("-h does not document the CSV columns:\n%s", stderr)
	}
}
