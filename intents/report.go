package intents

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Report is an evaluation of the classifier on labelled examples: what `toiawase eval`
// prints, as text or JSON.
type Report struct {
	Examples int     `json:"examples"`
	Folds    int     `json:"folds,omitempty"` // cross-validation folds; zero for a plain evaluation
	Accuracy float64 `json:"accuracy"`
	MacroF1  float64 `json:"macro_f1"`
	// Threshold is the confidence under which the answer was out_of_scope.
	Threshold float64 `json:"threshold"`
	// OutOfScopeBias was added to the out_of_scope logit.
	OutOfScopeBias float64 `json:"out_of_scope_bias"`
	// OutOfScopeRecall is the share of out_of_scope lines answered out_of_scope.
	OutOfScopeRecall float64 `json:"out_of_scope_recall"`
	// InDomainRejected is the share of in-domain lines answered out_of_scope.
	InDomainRejected float64       `json:"in_domain_rejected"`
	Intents          []IntentScore `json:"intents"`
	Languages        []LangScore   `json:"languages"`
	// Confusion[i][j] counts lines of Labels[i] answered Labels[j].
	Labels        []string `json:"labels"`
	Confusion     [][]int  `json:"confusion"`
	Misclassified []Miss   `json:"misclassified"`
}

// IntentScore is the precision, recall and F1 of one label.
type IntentScore struct {
	Intent    string  `json:"intent"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
}

// LangScore is the accuracy on the lines of one language.
type LangScore struct {
	Lang     string  `json:"lang"`
	Accuracy float64 `json:"accuracy"`
	Lines    int     `json:"lines"`
}

// Miss is one misclassified line.
type Miss struct {
	Source     string  `json:"source,omitempty"`
	Lang       string  `json:"lang"`
	Text       string  `json:"text"`
	Want       string  `json:"want"`
	Got        string  `json:"got"`
	Confidence float64 `json:"confidence"`
}

// outcome is one example with the model's answer.
type outcome struct {
	ex   Example
	pred Prediction
}

// newReport tallies outcomes.
func newReport(outs []outcome, rule Rejection) Report {
	labels := Labels()
	li := labelIndex()
	r := Report{Examples: len(outs), Threshold: rule.Threshold, OutOfScopeBias: rule.Bias, Labels: labels}
	r.Confusion = make([][]int, len(labels))
	for i := range r.Confusion {
		r.Confusion[i] = make([]int, len(labels))
	}
	type tally struct{ ok, n int }
	langs := map[string]*tally{}
	correct, oos, oosHit, in, inRejected := 0, 0, 0, 0, 0
	for _, o := range outs {
		want, got := li[o.ex.Intent], li[o.pred.Intent]
		r.Confusion[want][got]++
		lang := o.ex.Lang
		if lang == "" {
			lang = guessLang(o.ex.Text)
		}
		t := langs[lang]
		if t == nil {
			t = &tally{}
			langs[lang] = t
		}
		t.n++
		if o.ex.Intent == OutOfScope {
			oos++
			if o.pred.Intent == OutOfScope {
				oosHit++
			}
		} else {
			in++
			if o.pred.Intent == OutOfScope {
				inRejected++
			}
		}
		if want == got {
			correct++
			t.ok++
			continue
		}
		r.Misclassified = append(r.Misclassified, Miss{Source: o.ex.Source, Lang: lang, Text: o.ex.Text,
			Want: o.ex.Intent, Got: o.pred.Intent, Confidence: o.pred.Confidence})
	}
	r.Accuracy = ratio(correct, len(outs))
	r.OutOfScopeRecall = ratio(oosHit, oos)
	r.InDomainRejected = ratio(inRejected, in)
	var f1sum float64
	counted := 0
	for i, l := range labels {
		tp, support, predicted := r.Confusion[i][i], 0, 0
		for j := range labels {
			support += r.Confusion[i][j]
			predicted += r.Confusion[j][i]
		}
		if support == 0 && predicted == 0 {
			continue
		}
		s := IntentScore{Intent: l, Support: support, Precision: ratio(tp, predicted), Recall: ratio(tp, support)}
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		r.Intents = append(r.Intents, s)
		f1sum += s.F1
		counted++
	}
	if counted > 0 {
		r.MacroF1 = f1sum / float64(counted)
	}
	for l, t := range langs {
		r.Languages = append(r.Languages, LangScore{Lang: l, Lines: t.n, Accuracy: ratio(t.ok, t.n)})
	}
	sort.Slice(r.Languages, func(i, j int) bool { return r.Languages[i].Lang < r.Languages[j].Lang })
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// WriteText prints the report for a person: summary, per-intent and per-language tables,
// the confusion matrix and the misclassified lines.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	if r.Folds > 0 {
		fmt.Fprintf(&b, "%d-fold cross-validation, %d lines\n", r.Folds, r.Examples)
	} else {
		fmt.Fprintf(&b, "%d lines\n", r.Examples)
	}
	fmt.Fprintf(&b, "accuracy   %.4f\nmacro-F1   %.4f\nthreshold  %.2f (out_of_scope bias %+.2f)\n", r.Accuracy, r.MacroF1, r.Threshold, r.OutOfScopeBias)
	fmt.Fprintf(&b, "out_of_scope recall  %.4f\nin-domain rejected   %.4f\n\n", r.OutOfScopeRecall, r.InDomainRejected)

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "intent\tprecision\trecall\tF1\tsupport\t")
	for _, s := range r.Intents {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t\n", s.Intent, s.Precision, s.Recall, s.F1, s.Support)
	}
	fmt.Fprintln(tw, "\t\t\t\t\t")
	fmt.Fprintln(tw, "lang\taccuracy\tlines\t")
	for _, s := range r.Languages {
		fmt.Fprintf(tw, "%s\t%.3f\t%d\t\n", s.Lang, s.Accuracy, s.Lines)
	}
	tw.Flush()

	b.WriteString("\nconfusion (rows: expected, columns: answered; labels numbered as below)\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "\t")
	for j := range r.Labels {
		fmt.Fprintf(tw, "%d\t", j)
	}
	fmt.Fprintln(tw)
	for i, l := range r.Labels {
		fmt.Fprintf(tw, "%d %s\t", i, l)
		for j := range r.Labels {
			if r.Confusion[i][j] == 0 {
				fmt.Fprint(tw, ".\t")
			} else {
				fmt.Fprintf(tw, "%d\t", r.Confusion[i][j])
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()

	fmt.Fprintf(&b, "\nmisclassified (%d)\n", len(r.Misclassified))
	for _, m := range r.Misclassified {
		src := ""
		if m.Source != "" {
			src = m.Source + " "
		}
		fmt.Fprintf(&b, "%s[%s] want %s, got %s (%.2f): %s\n", src, m.Lang, m.Want, m.Got, m.Confidence, m.Text)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
