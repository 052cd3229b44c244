package intents

import (
	"context"
	"encoding/json"
	"flag"
	"math"
	"os"
	"strings"
	"testing"
	"time"
)

var tune = flag.String("tune", "", "JSON TrainConfig: run cross-validation on intents/data and print the report")

// TestTune cross-validates the configuration of -tune. With PROBS=file it also writes
// the held-out probabilities, which COMBINE=file,file,... averages (as logits) into
// one report: an ensemble measured without training it again.
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
	if os.Getenv("NOTRAIN") == "" {
		start := time.Now()
		m, err := Train(context.Background(), exs, cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("train %d lines: %v, rows %d, train loss %.4f", len(exs), time.Since(start), len(m.keys), m.logLoss(exs))
	}
	if os.Getenv("NOCV") != "" {
		return
	}
	start := time.Now()
	probs, err := heldOutProbabilities(context.Background(), exs, 5, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if f := os.Getenv("PROBS"); f != "" {
		b, _ := json.Marshal(probs)
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := reportAt(exs, probs, ChooseRejection(exs, probs))
	t.Logf("cv %v: acc %.4f macroF1 %.4f oosR %.3f rej %.3f thr %.2f bias %.2f", time.Since(start), r.Accuracy, r.MacroF1, r.OutOfScopeRecall, r.InDomainRejected, r.Threshold, r.OutOfScopeBias)
	if os.Getenv("REPORT") != "" {
		r.WriteText(os.Stdout)
	}
}

func TestCombine(t *testing.T) {
	files := os.Getenv("COMBINE")
	if files == "" {
		t.Skip("COMBINE not set")
	}
	dir := "data"
	if d := os.Getenv("DATA"); d != "" {
		dir = d // the data the probabilities were taken on
	}
	exs, err := ReadDataset(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	sum := make([][]float64, len(exs))
	for i := range sum {
		sum[i] = make([]float64, len(Labels()))
	}
	n := 0
	for _, f := range strings.Split(files, ",") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var probs [][]float64
		if err := json.Unmarshal(b, &probs); err != nil {
			t.Fatal(err)
		}
		for i, p := range probs {
			for j, v := range p {
				sum[i][j] += math.Log(max(v, 1e-12))
			}
		}
		n++
	}
	for _, s := range sum {
		var z float64
		for j := range s {
			s[j] = math.Exp(s[j] / float64(n))
			z += s[j]
		}
		for j := range s {
			s[j] /= z
		}
	}
	raw := reportAt(exs, sum, Rejection{})
	t.Logf("no rule: acc %.4f macroF1 %.4f oosR %.3f rej %.3f", raw.Accuracy, raw.MacroF1, raw.OutOfScopeRecall, raw.InDomainRejected)
	r := reportAt(exs, sum, ChooseRejection(exs, sum))
	if os.Getenv("REPORT") != "" {
		r.WriteText(os.Stdout)
	}
	t.Logf("combined %d: acc %.4f macroF1 %.4f oosR %.3f rej %.3f thr %.2f bias %.2f", n, r.Accuracy, r.MacroF1, r.OutOfScopeRecall, r.InDomainRejected, r.Threshold, r.OutOfScopeBias)
}
