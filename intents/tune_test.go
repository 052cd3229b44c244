package intents

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"sync"
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

var fastTune = flag.String("fasttune", "", "JSON lines of TrainConfig, separated by ';': quick CV with fastTrain")

func TestFastTune(t *testing.T) {
	if *fastTune == "" {
		t.Skip("-fasttune not set")
	}
	exs, err := ReadDataset(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	for _, js := range strings.Split(*fastTune, ";") {
		var cfg TrainConfig
		if err := json.Unmarshal([]byte(js), &cfg); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		r := fastCV(exs, 5, cfg)
		t.Logf("%s  %v: acc %.4f F1 %.4f oosR %.3f rej %.3f thr %.2f bias %.2f", js, time.Since(start).Round(time.Millisecond), r.Accuracy, r.MacroF1, r.OutOfScopeRecall, r.InDomainRejected, r.Threshold, r.OutOfScopeBias)
		if os.Getenv("REPORT") != "" {
			r.WriteText(os.Stdout)
		}
	}
}

func fastCV(examples []Example, k int, cfg TrainConfig) Report {
	cfg = cfg.withDefaults()
	fold := assignFolds(examples, k, cfg.Seed)
	probs := make([][]float64, len(examples))
	var wg sync.WaitGroup
	for f := 0; f < k; f++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var train []Example
			for i, ex := range examples {
				if fold[i] != f {
					train = append(train, ex)
				}
			}
			m := fastTrain(train, cfg)
			s := &scratch{probs: make([]float64, len(m.labels))}
			for i, ex := range examples {
				if fold[i] == f {
					probs[i] = slices.Clone(m.probabilities(ex.Text, s))
				}
			}
		}()
	}
	wg.Wait()
	return reportAt(examples, probs, ChooseRejection(examples, probs))
}
