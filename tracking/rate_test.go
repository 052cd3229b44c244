package tracking

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestRateGolden: the report a seller reads for testdata/rate/shipments.csv.
func TestRateGolden(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "rate", "shipments.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ships, bad, err := ReadShipments(f)
	if err != nil {
		t.Fatal(err)
	}
	r := Rate(ships, RatePolicy{})
	r.BadRows = bad
	var got bytes.Buffer
	if err := r.WriteText(&got); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "rate", "report.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestRateGolden -update to create it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("report differs from %s (go test -update to accept):\n%s", golden, got.String())
	}
	if strings.Contains(got.String(), "443496171021") || strings.Contains(got.String(), "3197216") {
		t.Error("the report shows an unmasked tracking number")
	}
}

func TestRateCounts(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "rate", "shipments.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ships, bad, err := ReadShipments(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) != 3 {
		t.Errorf("bad rows = %v, want the lines 22 (date), 23 (amount) and 26 (no order id)", bad)
	}
	for _, want := range []int{22, 23, 26} {
		found := false
		for _, b := range bad {
			found = found || b.Line == want
		}
		if !found {
			t.Errorf("line %d not reported as bad: %v", want, bad)
		}
	}
	r := Rate(ships, RatePolicy{})
	// Counted: 24 good rows − 1 outside the window − 1 below ¥2,000 − 1 large item − 1 digital = 18.
	// Not tracked: typo, wrong carrier, empty, full-width, JP number as China Post, unknown carrier, Amazon = 7.
	if r.Counted != 18 || r.Tracked != 11 || r.Unchecked != 1 {
		t.Errorf("counted %d tracked %d unchecked %d, want 18, 11, 1", r.Counted, r.Tracked, r.Unchecked)
	}
	if r.MeetsTarget {
		t.Errorf("rate %.3f reported as meeting the 95%% target", r.Rate)
	}
	china := Rate(ships, RatePolicy{Threshold: ChinaSellerThreshold})
	if china.Counted != r.Counted+1 {
		t.Errorf("China seller threshold counts %d packages, want %d (the ¥1,500 one joins)", china.Counted, r.Counted+1)
	}
}

func TestReadShipmentsErrors(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty", ""},
		{"no tracking column", "order_id,ship_date,carrier\n1,2024-06-01,yamato\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadShipments(strings.NewReader(tt.in))
			if !errors.Is(err, ErrBadCSV) {
				t.Errorf("err = %v, want ErrBadCSV", err)
			}
		})
	}
	ships, bad, err := ReadShipments(strings.NewReader("\ufeffOrder_ID,Ship_Date,Carrier,Tracking_Number\n249-1-1,2024/06/01,ヤマト,443496171020\n249-1-2,2024-06-01\n"))
	if err != nil || len(ships) != 1 || len(bad) != 1 || bad[0].Line != 3 {
		t.Errorf("BOM header and a short row: ships %v bad %v err %v; want 1 ship and line 3 bad", ships, bad, err)
	}
	if len(ships) == 1 && ships[0].CarrierID != "yamato" {
		t.Errorf("carrier ヤマト resolved to %q, want yamato", ships[0].CarrierID)
	}
}
