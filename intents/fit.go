package intents

import (
	"context"
	"fmt"
	"io/fs"
)

// Fitted is the outcome of Fit: the model to embed and the cross-validation report its
// out_of_scope rule (threshold and bias) was chosen from.
type Fitted struct {
	Model *Model
	CV    Report
}

// Fit is what `toiawase train` does: read the dataset of fsys, choose the out_of_scope
// rule (threshold and bias of the out_of_scope logit) by k-fold cross-validation (k zero
// means 5, negative means none), then train on all of it and record the data's hash in
// the model.
func Fit(ctx context.Context, fsys fs.FS, k int, cfg TrainConfig) (Fitted, error) {
	examples, err := ReadDataset(fsys)
	if err != nil {
		return Fitted{}, fmt.Errorf("fit: %w", err)
	}
	hash, err := DataHash(fsys)
	if err != nil {
		return Fitted{}, fmt.Errorf("fit: %w", err)
	}
	var out Fitted
	if k == 0 {
		k = 5
	}
	if k > 0 {
		out.CV, err = CrossValidate(ctx, examples, k, cfg)
		if err != nil {
			return Fitted{}, fmt.Errorf("fit: %w", err)
		}
		cfg.Threshold, cfg.OutOfScopeBias = out.CV.Threshold, out.CV.OutOfScopeBias
	}
	out.Model, err = Train(ctx, examples, cfg)
	if err != nil {
		return Fitted{}, fmt.Errorf("fit: %w", err)
	}
	out.Model.dataHash = hash
	return out, nil
}
