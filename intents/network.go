package intents

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/nlpodyssey/spago/ag"
	"github.com/nlpodyssey/spago/mat"
	"github.com/nlpodyssey/spago/nn"
	"github.com/nlpodyssey/spago/nn/embedding"
	"github.com/nlpodyssey/spago/optimizers/adam"
	"github.com/nlpodyssey/spago/optimizers/sgd"
)

// network is the spago module being trained: an embedding bag and a linear layer.
type network struct {
	nn.Module
	Emb *embedding.Model // one row per bucket seen in training
	W   *nn.Param        // labels x dim
	B   *nn.Param        // 1 x labels
}

// optimize applies one Adam step to every parameter with a gradient and clears the
// gradients. It calls the strategy itself, one parameter after the other:
// optimizers.Optimizer.Optimize of spago v1.1.0 returns before its per-parameter
// goroutines finish, which races with the next forward pass.
func (net *network) optimize(strategy stepper) error {
	var err error
	step := func(p *nn.Param) {
		if err == nil && p.HasGrad() {
			err = strategy.OptimizeParams(p)
		}
	}
	step(net.W)
	step(net.B)
	net.Emb.TraverseParams(step)
	net.Emb.ZeroGrad()
	strategy.next()
	return err
}

// stepper is the spago optimisation strategy with a learning rate schedule.
type stepper interface {
	OptimizeParams(p *nn.Param) error
	setRate(lr float64)
	next()
}

type adamStepper struct{ *adam.Adam }

func (a *adamStepper) setRate(lr float64) { a.StepSize = lr }
func (a *adamStepper) next()              { a.IncExample() }

type sgdStepper struct{ *sgd.SGD[float32] }

func (s *sgdStepper) setRate(lr float64) { s.Alpha = lr }
func (s *sgdStepper) next()              {}

// embeddingOf is row r of the embedding table as a node that records its gradient.
func embeddingOf(e *embedding.Model, r int) mat.Tensor {
	emb, err := e.Embedding(r)
	if err != nil {
		panic(err) // r comes from the table itself
	}
	return emb
}

// batch is a minibatch as the graph needs it: the distinct embedding rows it uses and,
// per example, the weight of each of them in the example's average.
type batch struct {
	rows    []int32         // embedding rows used, in first-use order
	colOf   map[int32]int32 // embedding row -> position in rows
	entries [][2]int32      // (example, position) once per kept feature
	share   []float32       // 1/n of each example, n its feature count
	gold    []int
}

func (b *batch) reset() {
	if b.colOf == nil {
		b.colOf = make(map[int32]int32)
	}
	clear(b.colOf)
	b.rows, b.entries, b.share, b.gold = b.rows[:0], b.entries[:0], b.share[:0], b.gold[:0]
}

// add appends one example, dropping each feature with probability dropout. A dropped
// feature still counts in n: it weighs as a zero vector, as an unseen feature does at
// inference.
func (b *batch) add(doc []int32, gold int, dropout float64, rng *rand.Rand) {
	e := int32(len(b.gold))
	b.gold = append(b.gold, gold)
	b.share = append(b.share, 1/float32(max(1, len(doc))))
	for _, r := range doc {
		if dropout > 0 && rng.Float64() < dropout {
			continue
		}
		c, ok := b.colOf[r]
		if !ok {
			c = int32(len(b.rows))
			b.colOf[r] = c
			b.rows = append(b.rows, r)
		}
		b.entries = append(b.entries, [2]int32{e, c})
	}
}

// loss builds the graph of one minibatch and returns its summed cross-entropy:
//
//	H = A·S            averaged embeddings (examples x dim), A the constant bag weights
//	Z = H·Wᵀ + 1·B     logits (examples x labels)
//	loss = Σ_examples (log Σ_labels exp(Z - max) - Σ_labels target·(Z - max))
//
// where target is the gold label's one-hot vector, smoothed.
func (net *network) loss(b *batch, nLabels int, smoothing float64) mat.Tensor {
	nb, nr := len(b.gold), len(b.rows)
	if nr == 0 {
		return nil
	}
	rows := make([]mat.Tensor, nr)
	for c, r := range b.rows {
		rows[c] = embeddingOf(net.Emb, int(r))
	}
	a := make([]float32, nb*nr)
	for _, e := range b.entries {
		a[int(e[0])*nr+int(e[1])] += b.share[e[0]]
	}
	h := ag.Mul(mat.NewDense[float32](mat.WithShape(nb, nr), mat.WithBacking(a)), ag.Stack(rows...))
	ones := func(n int) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = 1
		}
		return v
	}
	bias := ag.Mul(mat.NewDense[float32](mat.WithShape(nb, 1), mat.WithBacking(ones(nb))), net.B)
	z := ag.Add(ag.Mul(h, ag.T(net.W)), bias)

	zv := mat.Data[float32](z.Value())
	shift := make([]float32, nb*nLabels)
	target := make([]float32, nb*nLabels)
	spread := float32(smoothing / float64(nLabels))
	for i := 0; i < nb; i++ {
		m := zv[i*nLabels]
		for _, v := range zv[i*nLabels : (i+1)*nLabels] {
			m = max(m, v)
		}
		for j := 0; j < nLabels; j++ {
			shift[i*nLabels+j] = m
			target[i*nLabels+j] = spread
		}
		target[i*nLabels+b.gold[i]] += float32(1 - smoothing)
	}
	zs := ag.Sub(z, mat.NewDense[float32](mat.WithShape(nb, nLabels), mat.WithBacking(shift)))
	sumCols := mat.NewDense[float32](mat.WithShape(nLabels, 1), mat.WithBacking(ones(nLabels)))
	lse := ag.Log(ag.Mul(ag.Exp(zs), sumCols)) // examples x 1
	picked := ag.Mul(ag.Prod(zs, mat.NewDense[float32](mat.WithShape(nb, nLabels), mat.WithBacking(target))), sumCols)
	// spago's ReduceSum hands back a column gradient, so it sums a column.
	return ag.ReduceSum(ag.Sub(lse, picked))
}

// export copies the spago parameters of nets into an inference Model. The model keeps
// no embeddings: the output layer is linear, so each feature's row times the layer —
// its logits — is all inference needs. Several nets become one model by averaging
// their logits (each net's rows times its own layer, divided by the number of nets),
// so an ensemble costs inference nothing. The logit rows are rounded as the artefact
// stores them.
func export(nets []*network, labels []string, keys []uint32, feat featureConfig, cfg TrainConfig) *Model {
	n, nl := len(nets), len(labels)
	m := &Model{
		labels:    labels,
		feat:      feat,
		members:   n,
		dim:       cfg.Dim,
		threshold: cfg.Threshold,
		oosBias:   cfg.OutOfScopeBias,
		numbers:   cfg.numbers,
		tokens:    cfg.WordTokens,
		b:         make([]float32, nl),
	}
	for _, net := range nets {
		for l, v := range mat.Data[float32](net.B) {
			m.b[l] += v / float32(n)
		}
	}
	// Rows in bucket order, so the artefact does not depend on the order of the data.
	perm := make([]int, len(keys))
	for i := range perm {
		perm[i] = i
	}
	slices.SortFunc(perm, func(a, b int) int { return int(keys[a]) - int(keys[b]) })
	m.keys = make([]uint32, len(keys))
	m.q = make([]int8, len(keys)*nl)
	m.scale = make([]float32, len(keys))
	logits := make([]float32, nl)
	for i, r := range perm {
		m.keys[i] = keys[r]
		clear(logits)
		for _, net := range nets {
			w, row := mat.Data[float32](net.W), mat.Data[float32](net.Emb.Weights[r])
			for l := range logits {
				logits[l] += dot(w[l*cfg.Dim:(l+1)*cfg.Dim], row) / float32(n)
			}
		}
		m.scale[i] = quantize(logits, m.q[i*nl:(i+1)*nl])
	}
	m.buildIndex()
	return m
}

// logLoss is the mean cross-entropy of m on examples (used by tests and tuning).
func (m *Model) logLoss(examples []Example) float64 {
	li := labelIndex()
	s := &scratch{probs: make([]float64, len(m.labels))}
	var sum float64
	for _, ex := range examples {
		p := m.probabilities(ex.Text, s, m.numbers)
		sum -= math.Log(max(p[li[ex.Intent]], 1e-12))
	}
	return sum / float64(len(examples))
}
