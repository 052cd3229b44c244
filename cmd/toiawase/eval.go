package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/toiawase/toiawase/intents"
)

// runEval reports how the intent classifier does:
//
//	toiawase eval --data FILE.jsonl [--json]   the embedded model on labelled lines
//	toiawase eval --cv 5 [--dir intents/data]  k-fold cross-validation of training
func runEval(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	data := fs.String("data", "", "JSON lines {\"intent\",\"text\"[,\"lang\"]} to evaluate the embedded model on")
	asJSON := fs.Bool("json", false, "print one JSON object instead of the text report")
	folds := fs.Int("cv", 0, "cross-validate training with this many folds instead (on --data, or on --dir)")
	dir := fs.String("dir", "intents/data", "training data directory for --cv")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: toiawase eval --data FILE.jsonl [--json]\n       toiawase eval --cv K [--dir intents/data] [--json]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if fs.NArg() > 0 || (*data == "" && *folds == 0) {
		fs.Usage()
		return fmt.Errorf("%w: need --data FILE or --cv K", errUsage)
	}
	if *folds == 1 || *folds < 0 {
		return fmt.Errorf("%w: --cv needs at least 2 folds", errUsage)
	}

	var examples []intents.Example
	var err error
	if *data != "" {
		examples, err = readExamplesFile(*data)
	} else {
		examples, err = intents.ReadDataset(os.DirFS(*dir))
	}
	if err != nil {
		return err
	}
	var r intents.Report
	if *folds > 0 {
		r, err = intents.CrossValidate(ctx, examples, *folds, intents.TrainConfig{})
	} else {
		var m *intents.Model
		if m, err = intents.Load(); err == nil {
			r, err = m.Evaluate(examples)
		}
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("eval: write: %w", err)
		}
		return nil
	}
	if err := r.WriteText(env.Stdout); err != nil {
		return fmt.Errorf("eval: write: %w", err)
	}
	return nil
}

func readExamplesFile(path string) ([]intents.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	exs, err := intents.ReadExamples(f, path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return exs, nil
}
