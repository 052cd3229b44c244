package main

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

const tinyData = "../../intents/testdata/tiny"

func TestEvalPrintsJSONWithAccuracyAndMacroF1(t *testing.T) {
	env, out, _ := testEnv("")
	if err := runEval(context.Background(), env, []string{"--data", tinyData + "/tiny.jsonl", "--json"}); err != nil {
		t.Fatal(err)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out.String()), &r); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out.String())
	}
	for _, k := range []string{"accuracy", "macro_f1", "intents", "languages", "confusion", "misclassified"} {
		if _, ok := r[k]; !ok {
			t.Errorf("JSON report lacks %q", k)
		}
	}
	if r["examples"] != float64(32) {
		t.Errorf("examples = %v, want the 32 lines of the file", r["examples"])
	}
}

func TestEvalPrintsTextReport(t *testing.T) {
	env, out, _ := testEnv("")
	if err := runEval(context.Background(), env, []string{"--data", tinyData + "/tiny.jsonl"}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"accuracy", "macro-F1", "precision", "recall", "confusion", "misclassified", "lang"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("text report lacks %q:\n%s", s, out.String())
		}
	}
}

func TestEvalCrossValidates(t *testing.T) {
	env, out, _ := testEnv("")
	if err := runEval(context.Background(), env, []string{"--cv", "2", "--dir", tinyData, "--json"}); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Folds    int      `json:"folds"`
		Examples int      `json:"examples"`
		Accuracy *float64 `json:"accuracy"`
		Recall   *float64 `json:"out_of_scope_recall"`
		Rejected *float64 `json:"in_domain_rejected"`
	}
	if err := json.Unmarshal([]byte(out.String()), &r); err != nil {
		t.Fatal(err)
	}
	if r.Folds != 2 || r.Examples != 32 || r.Accuracy == nil || r.Recall == nil || r.Rejected == nil {
		t.Errorf("cross-validation report = %+v, want 2 folds over 32 lines with accuracy and out_of_scope figures", r)
	}
}

func TestEvalUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"--cv", "1"}, {"--bogus"}} {
		env, _, _ := testEnv("")
		if err := runEval(context.Background(), env, args); !errors.Is(err, errUsage) {
			t.Errorf("eval %v: err = %v, want a usage error", args, err)
		}
	}
}
