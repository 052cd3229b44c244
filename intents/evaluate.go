package intents

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// Evaluate classifies every example with m and reports how it did.
func (m *Model) Evaluate(examples []Example) (Report, error) {
	outs := make([]outcome, len(examples))
	for i, ex := range examples {
		if !validLabel(ex.Intent) {
			return Report{}, fmt.Errorf("evaluate %s: %w %q", ex.Source, ErrUnknownLabel, ex.Intent)
		}
		outs[i] = outcome{ex: ex, pred: m.Classify(ex.Text)}
	}
	return newReport(outs, m.threshold), nil
}

// MaxInDomainRejection is the share of in-domain lines the threshold may turn into
// out_of_scope during cross-validation (the target is 3%; the margin is for customers'
// text being less tidy than ours).
const MaxInDomainRejection = 0.02

// CrossValidate trains k models, each on all folds but one, and reports on the answers
// each gave for its held-out fold. Folds are stratified by label and fixed by cfg.Seed.
// The out_of_scope threshold of the report is the one ChooseThreshold picks from the
// held-out answers; cfg.Threshold is ignored.
func CrossValidate(ctx context.Context, examples []Example, k int, cfg TrainConfig) (Report, error) {
	if k < 2 {
		return Report{}, fmt.Errorf("cross-validate: %d folds, need at least 2", k)
	}
	cfg = cfg.withDefaults()
	cfg.Threshold = 0
	fold := assignFolds(examples, k, cfg.Seed)
	probs := make([][]float64, len(examples))
	labels := Labels()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make([]error, k)
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	for f := 0; f < k; f++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				errs[f] = ctx.Err()
				return
			}
			defer func() { <-sem }()
			var train []Example
			var test []int
			for i, ex := range examples {
				if fold[i] == f {
					test = append(test, i)
				} else {
					train = append(train, ex)
				}
			}
			m, err := Train(ctx, train, cfg)
			if err != nil {
				errs[f] = fmt.Errorf("fold %d: %w", f+1, err)
				cancel()
				return
			}
			s := &scratch{probs: make([]float64, len(labels))}
			for _, i := range test {
				probs[i] = slices.Clone(m.probabilities(examples[i].Text, s))
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return Report{}, fmt.Errorf("cross-validate: %w", err)
		}
	}
	t := ChooseThreshold(examples, probs)
	r := reportAt(examples, probs, t)
	r.Folds = k
	return r, nil
}

// reportAt reports on precomputed probabilities with threshold t.
func reportAt(examples []Example, probs [][]float64, t float64) Report {
	m := &Model{labels: Labels()}
	outs := make([]outcome, len(examples))
	for i, ex := range examples {
		outs[i] = outcome{ex: ex, pred: m.predict(probs[i], t)}
	}
	return newReport(outs, t)
}

// ChooseThreshold picks the out_of_scope confidence threshold from held-out answers: the
// one with the best macro-F1 among those that turn at most MaxInDomainRejection of the
// in-domain lines into out_of_scope; ties go to the higher threshold, which rejects more
// of the text nobody wrote a line like.
func ChooseThreshold(examples []Example, probs [][]float64) float64 {
	best, bestF1 := 0.0, -1.0
	for step := 0; step <= 90; step++ {
		t := float64(step) / 100
		r := reportAt(examples, probs, t)
		if r.InDomainRejected > MaxInDomainRejection && step > 0 {
			break // rejection only grows with t
		}
		if r.MacroF1 >= bestF1-1e-9 {
			best, bestF1 = t, r.MacroF1
		}
	}
	return best
}

// assignFolds deals the examples of each label round-robin into k folds, after a seeded
// shuffle, so every fold holds every label in proportion.
func assignFolds(examples []Example, k int, seed uint64) []int {
	byLabel := map[string][]int{}
	for i, ex := range examples {
		byLabel[ex.Intent] = append(byLabel[ex.Intent], i)
	}
	rng := rand.New(rand.NewPCG(seed, 0x666f6c6473))
	fold := make([]int, len(examples))
	next := 0
	for _, l := range append(Labels(), unknownLabels(byLabel)...) {
		idx := byLabel[l]
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx {
			fold[i] = next % k
			next++
		}
	}
	return fold
}

// unknownLabels are the labels of byLabel outside Labels, sorted (Train rejects them;
// folds still place them deterministically).
func unknownLabels(byLabel map[string][]int) []string {
	var out []string
	for l := range byLabel {
		if !validLabel(l) {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}
