package tracking

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// peerFormat says how a jkeen/tracking_number_data format maps onto ours.
type peerFormat struct {
	carrier string // our carrier id; "" when we do not support the format
	why     string // why not, from CARRIERS.md
}

// peerFormats maps courier_code/format id (or name, where the file has no id).
var peerFormats = map[string]peerFormat{
	"ups/ups":                     {carrier: "ups"},
	"ups/UPS Waybill":             {carrier: "ups"},
	"fedex/fedex_12":              {carrier: "fedex"},
	"fedex/fedex_34":              {carrier: "fedex"},
	"fedex/fedex_astra_32":        {carrier: "fedex"},
	"fedex/fedex_ground":          {carrier: "fedex"},
	"fedex/fedex_ground_sscc_18":  {carrier: "fedex"},
	"fedex/fedex_ground_96":       {carrier: "fedex"},
	"fedex/fedex_ground_gsn":      {carrier: "fedex"},
	"dhl/dhl_express":             {carrier: "dhl"},
	"dhl/dhl_ecommerce":           {carrier: "dhl"},
	"dhl/dhl_express_piece_id":    {why: "CARRIERS.md §3.3 keeps the JD/JJD+18 licence plate; jkeen's looser J[A-Z]{2,3}+9–10 digits would claim words like JAL or JPY followed by digits"},
	"dhl/dhl_ecommerce_14":        {why: "CARRIERS.md: 14 digits with no check digit and no prefix is never claimed from the number alone"},
	"s10/s10":                     {carrier: "s10"}, // JP → japanpost, CN → chinapost, see s10Carrier
	"yunexpress/yunexpress":       {carrier: "yunexpress"},
	"amazon/amazon_logistics":     {carrier: "amazon"},
	"amazon/amazon_international": {why: "CARRIERS.md §2.5: Amazon EU numbers, not Japanese, Low confidence and no prefix beyond one letter"},
	"usps/usps_20":                {carrier: "usps"},
	"usps/usps_impb_n":            {carrier: "usps"},
	"usps/usps_legacy":            {carrier: "usps"},
	"usps/usps_impb_c":            {carrier: "usps"},
}

func peerDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "peer", "tracking_number_data", "couriers")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("peer vectors not found at %s (../shared is not checked out next to the repository): %v", p, err)
	}
	return p
}

// s10Carrier is the carrier our table gives an S10 number: by its country suffix.
func s10Carrier(n string) string {
	switch {
	case strings.HasSuffix(n, "JP"):
		return "japanpost"
	case strings.HasSuffix(n, "CN"):
		return "chinapost"
	}
	return "s10"
}

func TestPeerConformance(t *testing.T) {
	dir := peerDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no courier files in %s: %v", dir, err)
	}
	checked := 0
	for _, file := range files {
		var c struct {
			Code    string `json:"courier_code"`
			Formats []struct {
				ID    string `json:"id"`
				Name  string `json:"name"`
				Tests struct {
					Valid   []string `json:"valid"`
					Invalid []string `json:"invalid"`
				} `json:"test_numbers"`
			} `json:"tracking_numbers"`
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &c); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, f := range c.Formats {
			key := c.Code + "/" + f.ID
			if f.ID == "" {
				key = c.Code + "/" + f.Name
			}
			pf, known := peerFormats[key]
			if !known || pf.carrier == "" {
				continue // not a carrier of ours, or excluded with a reason above
			}
			t.Run(key, func(t *testing.T) {
				for _, v := range f.Tests.Valid {
					want := pf.carrier
					if want == "s10" {
						want = s10Carrier(Normalize(v))
					}
					if got := Validate(v); !slices.Contains(got, want) {
						t.Errorf("valid vector %q: Validate = %v, want it to contain %q", v, got, want)
					}
					checked++
				}
				for _, v := range f.Tests.Invalid {
					want := pf.carrier
					if want == "s10" {
						want = s10Carrier(Normalize(v))
					}
					if got := Validate(v); slices.Contains(got, want) {
						t.Errorf("invalid vector %q: Validate = %v, must not contain %q", v, got, want)
					}
					checked++
				}
			})
		}
	}
	if checked < 100 {
		t.Errorf("only %d peer vectors checked; the files changed shape?", checked)
	}
}
