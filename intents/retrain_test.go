package intents

import (
	"context"
	"flag"
	"os"
	"runtime/debug"
	"testing"
)

// TEMPORARY: the same as `go run ./cmd/toiawase train`, for while cmd/toiawase does not
// build because of work in progress elsewhere.
var retrain = flag.Bool("retrain", false, "retrain on data/ and write model/model.bin")

func TestRetrain(t *testing.T) {
	if !*retrain {
		t.Skip("-retrain not set")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	fit, err := Fit(context.Background(), os.DirFS("data"), 5, TrainConfig{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create("model/model.bin")
	if err != nil {
		t.Fatal(err)
	}
	if err := fit.Model.Encode(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	cv := fit.CV
	t.Logf("CV: acc %.4f F1 %.4f thr %.2f oosR %.4f rej %.4f", cv.Accuracy, cv.MacroF1, cv.Threshold, cv.OutOfScopeRecall, cv.InDomainRejected)
}
