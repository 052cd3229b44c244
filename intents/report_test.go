package intents

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// fixedOutcomes are answers chosen by hand, so the report's figures can be checked.
func fixedOutcomes() []outcome {
	ans := func(source, lang, text, want, got string, conf float64) outcome {
		return outcome{ex: Example{Intent: want, Lang: lang, Text: text, Source: source}, pred: Prediction{Intent: got, Confidence: conf}}
	}
	return []outcome{
		ans("a:1", "ja", "荷物どこ", TrackPackage, TrackPackage, 0.9),
		ans("a:2", "en", "where is my parcel", TrackPackage, TrackPackage, 0.8),
		ans("a:3", "ja", "不在票が入ってた", Redelivery, TrackPackage, 0.6),
		ans("a:4", "en", "redeliver please", Redelivery, Redelivery, 0.7),
		ans("a:5", "", "今日の天気", OutOfScope, OutOfScope, 0.5),
		ans("a:6", "", "tell me a joke", OutOfScope, Greeting, 0.4),
		ans("a:7", "en", "hello", Greeting, OutOfScope, 0.3),
	}
}

func TestReportFigures(t *testing.T) {
	r := newReport(fixedOutcomes(), Rejection{Threshold: 0.25})
	if r.Accuracy != 4.0/7 {
		t.Errorf("accuracy = %v, want 4/7", r.Accuracy)
	}
	// track_package P 2/3 R 1 F1 .8; redelivery P 1 R .5 F1 2/3; out_of_scope P .5 R .5;
	// greeting P 0 R 0.
	want := (0.8 + 2.0/3 + 0.5 + 0) / 4
	if diff := r.MacroF1 - want; diff > 1e-12 || diff < -1e-12 {
		t.Errorf("macro-F1 = %v, want %v", r.MacroF1, want)
	}
	if r.OutOfScopeRecall != 0.5 || r.InDomainRejected != 0.2 {
		t.Errorf("out_of_scope recall %v, in-domain rejected %v; want 0.5 and 1/5", r.OutOfScopeRecall, r.InDomainRejected)
	}
	if len(r.Misclassified) != 3 {
		t.Errorf("%d misclassified lines, want 3", len(r.Misclassified))
	}
}

func TestReportTextGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := newReport(fixedOutcomes(), Rejection{Threshold: 0.25, Bias: -1}).WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("report text differs from %s (rerun with -update if intended):\n%s", golden, buf.String())
	}
}
