package intents

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"sync"

	"github.com/toiawase/toiawase/tracking"
)

// embeddedModel is the artefact `toiawase train` writes to intents/model/.
//
//go:embed model/model.bin
var embeddedModel []byte

// maxDim bounds the members and the embedding size of each that training takes.
const maxDim = 256

// maxLabels bounds the labels a model may have, so inference keeps its logits on the
// stack.
const maxLabels = 64

// Model is a trained classifier. It is immutable and safe for concurrent use.
//
// The weights come from spago's training (see Train); Load turns them into plain float32
// arrays so Classify is a hand-written forward pass: average the embeddings of the hashed
// features, one linear layer, softmax — computed as the average of each feature's
// logits (its embedding times the layer, worked out when the model was exported). No
// autodiff graph is built per call.
type Model struct {
	labels    []string
	feat      featureConfig
	threshold float64
	oosBias   float64 // added to the out_of_scope logit (chosen by cross-validation)
	oosIndex  int     // position of out_of_scope in labels, -1 when absent
	dataHash  string
	numbers   numberFunc
	tokens    tokenFunc // nil in a loaded model: word tokens were evaluated, not kept

	members int // networks averaged into the model (for the record)
	dim     int // embedding size of each (for the record)

	rowOf []int32   // bucket -> row, -1 when training never saw the bucket
	keys  []uint32  // bucket of each row, ascending (kept for encoding)
	q     []int8    // logit rows as the artefact stores them, len(keys) x len(labels)
	scale []float32 // the largest magnitude of each row: value = scale/127 * q
	// logits is q as float32, what inference adds up: each feature's embedding times
	// the output layer (the layer is linear, so the mean of these is the layer applied
	// to the mean of the embeddings). A row of 16 labels is one 64-byte cache line.
	logits []float32
	b      []float32 // output bias, len(labels)

	scratch sync.Pool // *scratch
}

type scratch struct {
	rows    []int32 // embedding rows of ids
	touched float32 // keeps the cache-line touches of probabilities from being optimised away
	ids     []uint32
	extract extractScratch
	probs   []float64
}

// Load returns the model embedded in the binary. Its number features come from
// tracking.Extract. Each call decodes a new copy (about 10 MB: the artefact's int8
// logit rows, their float32 values and the bucket index): load once and share it.
func Load() (*Model, error) {
	m, err := Decode(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded model: %w", err)
	}
	return m, nil
}

// Labels returns the labels of the model, in the order of its output layer.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Threshold is the confidence under which Classify answers out_of_scope.
func (m *Model) Threshold() float64 { return m.threshold }

// OutOfScopeBias is what the model adds to the out_of_scope logit before the softmax,
// chosen with the threshold by cross-validation to trade out_of_scope recall against
// in-domain lines answered out_of_scope.
func (m *Model) OutOfScopeBias() float64 { return m.oosBias }

// DataHash is the DataHash of the training data the model was trained on.
func (m *Model) DataHash() string { return m.dataHash }

// Classify predicts the intent of text. Intent is out_of_scope when the best label's
// probability is below the model's threshold; Confidence is always the best label's
// probability and Top lists the best three labels.
func (m *Model) Classify(text string) Prediction {
	s := m.getScratch()
	defer m.scratch.Put(s)
	probs := m.probabilities(text, s, m.numbers)
	return m.predict(probs, m.threshold)
}

// ClassifyFound is Classify for a caller that has run tracking.Extract on text already:
// the number features come from found instead of a second Extract.
func (m *Model) ClassifyFound(text string, found tracking.Found) Prediction {
	s := m.getScratch()
	defer m.scratch.Put(s)
	probs := m.probabilities(text, s, func(string) numberFlags { return numberFlagsOf(text, found) })
	return m.predict(probs, m.threshold)
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.scratch.Get().(*scratch); ok {
		return s
	}
	return &scratch{probs: make([]float64, len(m.labels))}
}

// predict turns probabilities into a Prediction with the given threshold.
func (m *Model) predict(probs []float64, threshold float64) Prediction {
	const topN = 3
	var idx [topN]int
	n := 0
	for i := range probs {
		// insertion into the short top list, ties to the earlier label
		j := n
		if j < topN {
			n++
		} else if probs[i] <= probs[idx[topN-1]] {
			continue
		} else {
			j = topN - 1
		}
		for j > 0 && probs[i] > probs[idx[j-1]] {
			idx[j] = idx[j-1]
			j--
		}
		idx[j] = i
	}
	p := Prediction{Top: make([]Scored, n)}
	for k := 0; k < n; k++ {
		p.Top[k] = Scored{Intent: m.labels[idx[k]], Confidence: probs[idx[k]]}
	}
	if n == 0 {
		p.Intent = OutOfScope
		return p
	}
	p.Intent, p.Confidence = p.Top[0].Intent, p.Top[0].Confidence
	if p.Confidence < threshold {
		p.Intent = OutOfScope
	}
	return p
}

// probabilities runs the forward pass and returns s.probs filled with the softmax.
func (m *Model) probabilities(text string, s *scratch, numbers numberFunc) []float64 {
	s.ids = m.feat.extract(text, numbers, m.tokens, s.ids[:0], &s.extract)
	nl := len(m.labels)
	var zv [maxLabels]float32
	z := zv[:nl]
	// Three passes, so that the memory loads of one pass do not wait on each other:
	// the rows of the features, a touch of each row's cache lines, then the sums. On a
	// busy server the model is mostly out of the CPU caches; a load per row in the
	// middle of the arithmetic would wait for memory once per feature.
	rows := s.rows[:0]
	for _, id := range s.ids {
		if r := m.rowOf[id]; r >= 0 {
			rows = append(rows, r)
		}
	}
	s.rows = rows
	var touch float32
	for _, r := range rows {
		row := m.logits[int(r)*nl : int(r+1)*nl]
		for k := 0; k < len(row); k += 16 { // 16 float32 are a 64-byte cache line
			touch += row[k]
		}
		touch += row[len(row)-1]
	}
	s.touched = touch
	for _, r := range rows {
		addRow(z, m.logits[int(r)*nl:int(r+1)*nl])
	}
	inv := float32(1)
	if len(s.ids) > 0 {
		inv = 1 / float32(len(s.ids))
	}
	probs := s.probs[:nl]
	maxLogit := math.Inf(-1)
	for l := range probs {
		probs[l] = float64(z[l]*inv + m.b[l])
		if l == m.oosIndex {
			probs[l] += m.oosBias
		}
		maxLogit = max(maxLogit, probs[l])
	}
	var sum float64
	for l := range probs {
		probs[l] = math.Exp(probs[l] - maxLogit)
		sum += probs[l]
	}
	for l := range probs {
		probs[l] /= sum
	}
	return probs
}

// addRow adds row to h, four at a time (the compiler does not unroll).
func addRow(h, row []float32) {
	h = h[:len(row)]
	k := 0
	for ; k+4 <= len(row); k += 4 {
		h[k] += row[k]
		h[k+1] += row[k+1]
		h[k+2] += row[k+2]
		h[k+3] += row[k+3]
	}
	for ; k < len(row); k++ {
		h[k] += row[k]
	}
}

// dequantize fills logits from q and scale.
func (m *Model) dequantize() {
	nl := len(m.labels)
	m.logits = make([]float32, len(m.q))
	for r, sc := range m.scale {
		step := sc / 127
		for k, v := range m.q[r*nl : (r+1)*nl] {
			m.logits[r*nl+k] = step * float32(v)
		}
	}
}

// dot is the dot product of a and b (of a's length), four sums at a time.
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	k := 0
	for ; k+4 <= len(a); k += 4 {
		s0 += a[k] * b[k]
		s1 += a[k+1] * b[k+1]
		s2 += a[k+2] * b[k+2]
		s3 += a[k+3] * b[k+3]
	}
	for ; k < len(a); k++ {
		s0 += a[k] * b[k]
	}
	return (s0 + s1) + (s2 + s3)
}

// buildIndex fills rowOf from keys and logits from q, and finds out_of_scope among
// the labels.
func (m *Model) buildIndex() {
	m.oosIndex = -1
	for i, l := range m.labels {
		if l == OutOfScope {
			m.oosIndex = i
		}
	}
	m.rowOf = make([]int32, m.feat.Buckets)
	for i := range m.rowOf {
		m.rowOf[i] = -1
	}
	for r, k := range m.keys {
		m.rowOf[k] = int32(r)
	}
	m.dequantize()
}
