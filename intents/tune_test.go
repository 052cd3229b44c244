package intents

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"testing"
	"time"
)

var tune = flag.String("tune", "", "JSON TrainConfig: run cross-validation on intents/data and print the report")

func TestTune(t *testing.T) {
	if *tune == "" {
		t.Skip("-tune not set")
	}
	var cfg TrainConfig
	if err := json.Unmarshal([]byte(*tune), &cfg); err != nil {
		t.Fatal(err)
	}
	exs, err := ReadDataset(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	m, err := Train(context.Background(), exs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("train %d lines: %v, rows %d, train loss %.4f", len(exs), time.Since(start), len(m.keys), m.logLoss(exs))
	if os.Getenv("NOCV") != "" {
		return
	}
	start = time.Now()
	r, err := CrossValidate(context.Background(), exs, 5, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cv %v: acc %.4f macroF1 %.4f oosR %.3f rej %.3f thr %.2f", time.Since(start), r.Accuracy, r.MacroF1, r.OutOfScopeRecall, r.InDomainRejected, r.Threshold)
	if os.Getenv("REPORT") != "" {
		r.WriteText(os.Stdout)
	}
}
