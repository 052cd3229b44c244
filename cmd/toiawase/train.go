package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/toiawase/toiawase/intents"
)

// runTrain retrains the intent model from intents/data and writes the artefact that the
// binary embeds (intents/model/model.bin). Run it from the repository root, then rebuild.
func runTrain(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	data := fs.String("data", "intents/data", "directory of the training JSON lines")
	out := fs.String("out", "intents/model", "directory the model artefact is written to")
	folds := fs.Int("folds", 5, "cross-validation folds that choose the out_of_scope threshold")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: toiawase train [--data intents/data] [--out intents/model]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 || *folds < 2 {
		fs.Usage()
		return fmt.Errorf("%w: unexpected arguments", errUsage)
	}
	// Training allocates many small short-lived matrices; a lazier collector halves its time.
	defer debug.SetGCPercent(debug.SetGCPercent(400))

	start := time.Now()
	fit, err := intents.Fit(ctx, os.DirFS(*data), *folds, intents.TrainConfig{})
	if err != nil {
		return err
	}
	path := filepath.Join(*out, "model.bin")
	if err := writeModel(fit.Model, path); err != nil {
		return err
	}
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	cv := fit.CV
	fmt.Fprintf(env.Stdout, "trained on %d lines in %s; %d-fold CV: accuracy %.4f, macro-F1 %.4f, threshold %.2f, out_of_scope bias %+.2f (out_of_scope recall %.4f, in-domain rejected %.4f)\nwrote %s (%d bytes, data %s)\n",
		cv.Examples, time.Since(start).Round(time.Millisecond), cv.Folds, cv.Accuracy, cv.MacroF1, cv.Threshold, cv.OutOfScopeBias,
		cv.OutOfScopeRecall, cv.InDomainRejected, path, info.Size(), fit.Model.DataHash()[:12])
	return nil
}

// writeModel writes the artefact next to path and renames it into place, so a failed run
// leaves the old model whole.
func writeModel(m *intents.Model, path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*.tmp")
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := m.Encode(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("train: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	return nil
}
