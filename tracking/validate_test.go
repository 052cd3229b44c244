package tracking

import (
	"slices"
	"testing"
)

// Real numbers from CARRIERS.md §8: each must pass its carrier's rule.
func TestValidateRealNumbers(t *testing.T) {
	tests := []struct {
		number  string
		carrier string
	}{
		{"443496171020", "yamato"}, {"319721648466", "yamato"}, {"444413758703", "yamato"},
		{"435075176056", "sagawa"}, {"355785862681", "sagawa"}, {"512547514334", "sagawa"},
		{"405548424886", "japanpost"},
		{"13112383852", "japanpost"},
		{"131-12-38385-2", "japanpost"},
		{"EG725089303JP", "japanpost"}, {"EF719215461JP", "japanpost"}, {"CD126430535JP", "japanpost"},
		{"EG268774857JP", "japanpost"}, {"EE994353255CN", "chinapost"},
		{"4PX3001291278502CN", "4px"}, {"4PX3002735874120CN", "4px"}, {"4PX3002628128019CN", "4px"},
		{"4PX3002591138329CN", "4px"}, {"4PX3002300585543CN", "4px"},
		{"1Z6VB12H0164307427", "ups"},
		{"613664442788", "fedex"},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			if got := Validate(tt.number); !slices.Contains(got, tt.carrier) {
				t.Errorf("Validate(%q) = %v, want it to contain %q", tt.number, got, tt.carrier)
			}
		})
	}
}

// A 12-digit 7DR number is Yamato, Sagawa and Japan Post at once: the bot must ask.
func TestValidate7DRIsThreeCarriers(t *testing.T) {
	got := Validate("4434-9617-1020")
	want := []string{"yamato", "sagawa", "japanpost"}
	if !slices.Equal(got, want) {
		t.Errorf("Validate = %v, want %v", got, want)
	}
}

// Generated examples of CARRIERS.md §7: valid ones pass as the carrier, invalid ones do not.
func TestValidateGeneratedExamples(t *testing.T) {
	tests := []struct {
		carrier string
		valid   []string
		invalid []string
	}{
		{"yamato", []string{"9542-5550-3493", "106549121033", "5034 4663 7956"}, []string{"954255503490", "106549121038", "50344663795"}},
		{"sagawa", []string{"3094-5463-3821", "606058651671", "5019 9204 5380"}, []string{"309454633822", "606058651678", "50199204538"}},
		{"japanpost", []string{"5803-3558-6084", "214409749923", "1355 7760 1434"}, []string{"580335586087", "214409749928", "13557760143"}},
		{"japanpost", []string{"179-62-24908-2", "507-51-65614-1", "605-32-35269-4"}, []string{"17962249084", "50751656147", "60532352699"}},
		{"japanpost", []string{"EJ595641907JP", "RR697844366JP", "LX821448326JP", "CP653670304JP"}, []string{"EJ595641904JP", "RR97844366JP", "EJ12345678JP", "CP653670303JP"}},
		{"chinapost", []string{"LZ159259535CN", "RB876809090CN"}, []string{"LZ159259535C", "R876809090CN"}},
		{"ups", []string{"1Z6VB12H0164307427", "1ZBGR2A60152418572", "1ZPNGPD86695294072"}, []string{"1Z6VB12H0164307423", "2ZBGR2A60152418572", "1ZPNGPD8669529407"}},
		{"fedex", []string{"613664442788", "779558940916", "102086046920"}, []string{"613664442787", "77955894091", "1020860469200"}},
		{"fedex", []string{"441201701523970", "592174167885872", "177578199790534"}, []string{"441201701523978", "59217416788587", "177078199790534"}},
		{"fedex", []string{"9655885227783756237221", "9640328099707013430674", "9614587132318645983656"}, []string{"9655885227783756237223", "9540328099707013430674", "961458713231864598365"}},
		{"fedex", []string{"3852815423751807837500463202687491", "7510079068808605066000073053902500", "4740609556911361086700546144198010"}, []string{"3852815423751807837500463202687494", "9510079068808605066000073053902500", "474060955691136108670054614419801"}},
		{"dhl", []string{"5382551565", "7115066475", "5320885673"}, []string{"5382551569", "7115066479", "532088567"}},
		{"ups", []string{"K6639233215", "J4688197362", "V9935632720"}, []string{"K6639233211", "B4688197362", "V993563272"}},
		{"fedex", []string{"001817560480635813", "007839705232792824", "000102761612490654"}, []string{"001817560480635816", "00783970523279282", "000101761612490654"}},
		{"fedex", []string{"9663037486257029296100242262385735", "9641521840905366566600120567343411", "9653364717641845782400692469973652"}, []string{"9663037486257029296100242262385739", "9541521840905366566600120567343411", "965336471764184578240069246997365"}},
		{"fedex", []string{"35054324636560188308428734677889", "39430141900645899431662475232766", "38254347962797218378015715089840"}, []string{"35054324636560188308428734637889", "49430141900645899431662475232766", "3825434796279721837801571508984"}},
		{"dhl", []string{"JJD241688053052503051", "JJD 788915947449477573", "JD377804522437076357"}, []string{"XJD675543966187123242", "JJD", "JJD12AB"}},
		{"dhl", []string{"GM6422906005838427", "GM063317244518382581", "GM12228108625399925056"}, []string{"GM342127803", "GX6139791227545909", "GM6042204844176105295550649382046683286033"}},
		{"yunexpress", []string{"YT8454226089736195", "YT0238470411185185", "YT7613582482610522"}, []string{"YT754431148079920", "YU1505274758219118", "YT2059818114ABCDEF"}},
		{"4px", []string{"4PX3001096521728CN", "4PX3000509597213CN", "4PX3006902370569CN"}, []string{"4PX3001096521729CN", "4PX3000509597213", "4PZ3006902370569CN"}},
		{"sf", []string{"SF2955100829220", "SF9834464148998", "SF4470308925538"}, []string{"SF853587916179", "SX1821255434103", "SF80490272762AB"}},
		{"amazon", []string{"TBA514994769923", "TBC972976556852", "TBM027143588502"}, []string{"TBB233455206855", "TBA22790321408", "TBA14930938016A"}},
	}
	for _, tt := range tests {
		t.Run(tt.carrier, func(t *testing.T) {
			for _, v := range tt.valid {
				if got := Validate(v); !slices.Contains(got, tt.carrier) {
					t.Errorf("Validate(%q) = %v, want it to contain %q", v, got, tt.carrier)
				}
			}
			for _, v := range tt.invalid {
				if got := Validate(v); slices.Contains(got, tt.carrier) {
					t.Errorf("Validate(%q) = %v, must not contain %q", v, got, tt.carrier)
				}
			}
		})
	}
}

// The truncation pitfall of CARRIERS.md §0: a 12-digit number with its last digit
// dropped can pass the 11-digit Japan Post rule. Length alone is no proof, so the
// number is reported as Japan Post 11, never as the 12-digit carriers.
func TestValidateTruncatedTwelveDigits(t *testing.T) {
	got := Validate("50344663795")
	if slices.Contains(got, "yamato") || !slices.Contains(got, "japanpost") {
		t.Errorf("Validate(50344663795) = %v, want japanpost (11-digit rule) and not yamato", got)
	}
}

// Formats with neither check digit nor prefix are never claimed from the number alone,
// but are accepted once the carrier is named.
func TestValidForNamedCarrier(t *testing.T) {
	tests := []struct {
		carrier, number string
		want            bool
	}{
		{"sf", "123456789012", true},         // legacy SF 12 digits
		{"seino", "1234567890", true},        // large-item carrier, 10–12 digits (CARRIERS.md §2.6 guess)
		{"fukuyama", "12345678901", true},    // same
		{"seino", "12345", false},            // too short
		{"yamato", "443496171020", true},     // 7DR holds
		{"yamato", "443496171021", false},    // 7DR fails
		{"fedex", "443496171020", false},     // not FedEx's check digit
		{"japanpost", "EG725089303JP", true}, // Japan Post international
		{"chinapost", "EG725089303JP", false},
		{"sfc", "SFC1234567890", false}, // no known format
		{"nosuch", "443496171020", false},
		{"dhl", "0312345678", false}, // a phone number, not a DHL waybill
	}
	for _, tt := range tests {
		if got := ValidFor(tt.carrier, tt.number); got != tt.want {
			t.Errorf("ValidFor(%q, %q) = %v, want %v", tt.carrier, tt.number, got, tt.want)
		}
	}
	for _, n := range []string{"123456789012", "1234567890"} {
		if got := Validate(n); slices.Contains(got, "sf") || slices.Contains(got, "seino") {
			t.Errorf("Validate(%q) = %v: SF legacy and Seino must not be claimed from the number alone", n, got)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		in     string
		want   Match
		wantOK bool
	}{
		{"4434-9617-1020", Match{Raw: "4434-9617-1020", Number: "443496171020", Carriers: []string{"yamato", "sagawa", "japanpost"}, Valid: true}, true},
		{"44349617IO2O", Match{Raw: "44349617IO2O", Number: "443496171020", Carriers: []string{"yamato", "sagawa", "japanpost"}, Valid: true, Repaired: true}, true},
		{"４４３４\u200b９６１７−１〇２〇", Match{Raw: "４４３４\u200b９６１７−１〇２〇", Number: "443496171020", Carriers: []string{"yamato", "sagawa", "japanpost"}, Valid: true, Repaired: true}, true},
		{"954255503490", Match{Raw: "954255503490", Number: "954255503490", Carriers: []string{"yamato", "sagawa", "japanpost", "fedex"}}, true},
		{"RB123456785XX", Match{Raw: "RB123456785XX", Number: "RB123456785XX", Carriers: []string{"s10"}}, true},
		{"EJ12345678JP", Match{}, false},
		{"A443496171020A", Match{Raw: "A443496171020A", Number: "443496171020", Carriers: []string{"yamato", "sagawa", "japanpost"}, Valid: true}, true},
		{"090-1234-5678", Match{}, false},
		{"hello", Match{}, false},
	}
	for _, tt := range tests {
		got, ok := Check(tt.in)
		if ok != tt.wantOK || got.Raw != tt.want.Raw || got.Number != tt.want.Number || got.Valid != tt.want.Valid ||
			got.Repaired != tt.want.Repaired || !slices.Equal(got.Carriers, tt.want.Carriers) {
			t.Errorf("Check(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}
