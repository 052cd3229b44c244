package intents

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/nlpodyssey/spago/ag"
	"github.com/nlpodyssey/spago/mat"
	"github.com/nlpodyssey/spago/nn"
	"github.com/nlpodyssey/spago/nn/embedding"
	"github.com/nlpodyssey/spago/optimizers/adam"
	"github.com/nlpodyssey/spago/optimizers/sgd"
)

// TrainConfig holds the hyper-parameters of Train. The zero value is the configuration
// the embedded model is trained with; every zero field means its documented default.
type TrainConfig struct {
	Dim          int     // embedding size of each member; zero means 16
	Buckets      int     // hash buckets of the features; zero means 1<<19
	MinN, MaxN   int     // character n-gram sizes; zero means 1 and 4
	NoWords      bool    // leave out Latin word tokens
	NoBigrams    bool    // leave out Latin word bigrams
	NoFoldKana   bool    // keep katakana apart from hiragana in n-grams
	NumberWeight int     // copies of each tracking-number feature; zero means 4
	Elsewhere    int     // copies of the "names another shop or service" feature; zero means 16, negative none
	Epochs       int     // passes over the data; zero means 12
	BatchSize    int     // examples per optimiser step; zero means 32
	LearningRate float64 // Adam step size, decayed linearly to zero; zero means 0.05
	WeightDecay  float64 // AdamW decay; zero means 1e-4, negative means none
	Dropout      float64 // share of features dropped from each example per epoch; zero means 0.2, negative means none
	Seed         uint64  // shuffling, dropout and initialisation; zero means 1
	// LabelSmoothing moves this share of each target's probability evenly onto all labels;
	// zero means none (0.1 and 0.2 cost 0.016 and 0.018 of CV macro-F1).
	LabelSmoothing float64
	Threshold      float64 // confidence under which Classify answers out_of_scope; zero means none
	// OutOfScopeBias is added to the out_of_scope logit at inference (not in training).
	OutOfScopeBias float64
	SGD            bool // plain SGD instead of AdamW
	Repeats        bool // count a feature as often as it occurs (default: once per text)
	// Members is how many networks of Dim dimensions are trained, each with its own
	// seed, and averaged into one model; zero means 9. Members cost training time
	// only: the model stores each feature's averaged logits, whatever the members.
	Members int

	// WordTokens, when set, adds word tokens of the normalised text (e.g. from a Japanese
	// morphological analyser) to the features. It exists to evaluate such analysers: the
	// artefact does not record it, so a model trained with it is for evaluation only.
	WordTokens func(text string) []string `json:"-"`

	// numbers overrides tracking.Extract in tests; nil means the real one.
	numbers numberFunc
}

func (c TrainConfig) withDefaults() TrainConfig {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.Dim, 16)
	def(&c.Buckets, 1<<19)
	def(&c.MinN, 1)
	def(&c.MaxN, 4)
	def(&c.NumberWeight, 4)
	def(&c.Elsewhere, 16)
	def(&c.Epochs, 12)
	def(&c.Members, 9)
	def(&c.BatchSize, 32)
	if c.LearningRate == 0 {
		c.LearningRate = 0.05
	}
	if c.WeightDecay == 0 {
		c.WeightDecay = 1e-4
	}
	if c.Dropout == 0 {
		c.Dropout = 0.2
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	c.LabelSmoothing = max(0, c.LabelSmoothing)

	if c.numbers == nil {
		c.numbers = trackingNumbers
	}
	return c
}

func (c TrainConfig) features() featureConfig {
	f := featureConfig{
		Buckets:      uint32(c.Buckets),
		MinN:         c.MinN,
		MaxN:         c.MaxN,
		Words:        !c.NoWords,
		Bigrams:      !c.NoBigrams,
		FoldKana:     !c.NoFoldKana,
		NumberWeight: c.NumberWeight,
		Unique:       !c.Repeats,
		Elsewhere:    max(0, c.Elsewhere),
	}
	if f.Elsewhere > 0 {
		f.lex = newLexicon(elsewhereNames, f.FoldKana)
	}
	return f
}

// Train fits a model to examples with spago's autodiff and its AdamW optimiser. It is
// deterministic: the same examples and config give the same model, byte for byte.
// The returned model already carries the int8 rounding of its artefact.
func Train(ctx context.Context, examples []Example, cfg TrainConfig) (*Model, error) {
	cfg = cfg.withDefaults()
	if len(examples) == 0 {
		return nil, fmt.Errorf("train: %w", ErrNoData)
	}
	if cfg.Dim > maxDim || cfg.Members > maxDim {
		return nil, fmt.Errorf("train: %d members of %d dimensions, above %d", cfg.Members, cfg.Dim, maxDim)
	}
	labels := Labels()
	li := labelIndex()
	feat := cfg.features()

	// Features of every example, as compact row ids over the buckets training sees.
	rowOf := make(map[uint32]int32)
	var keys []uint32
	docs := make([][]int32, len(examples))
	gold := make([]int, len(examples))
	var ids []uint32
	var sc extractScratch
	for i, ex := range examples {
		c, ok := li[ex.Intent]
		if !ok {
			return nil, fmt.Errorf("train %s: %w %q", ex.Source, ErrUnknownLabel, ex.Intent)
		}
		gold[i] = c
		ids = feat.extract(ex.Text, cfg.numbers, cfg.WordTokens, ids[:0], &sc)
		doc := make([]int32, len(ids))
		for j, id := range ids {
			r, ok := rowOf[id]
			if !ok {
				r = int32(len(keys))
				rowOf[id] = r
				keys = append(keys, id)
			}
			doc[j] = r
		}
		docs[i] = doc
	}

	// The members train side by side (each has its own seed and random source, so
	// the result does not depend on the schedule).
	nets := make([]*network, cfg.Members)
	errs := make([]error, cfg.Members)
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for k := range nets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			nets[k], errs[k] = trainNetwork(ctx, docs, gold, len(keys), len(labels), cfg, cfg.Seed+uint64(k))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // (a cancelled context fails every member alike)
		}
	}
	return export(nets, labels, keys, feat, cfg), nil
}

// trainNetwork trains one network on the examples' feature rows (docs) and labels.
func trainNetwork(ctx context.Context, docs [][]int32, gold []int, nKeys, nLabels int, cfg TrainConfig, seed uint64) (*network, error) {
	rng := rand.New(rand.NewPCG(seed, 0x746f69617761))
	net := &network{
		Emb: embedding.New[float32](nKeys, cfg.Dim),
		W:   nn.NewParam(mat.NewDense[float32](mat.WithShape(nLabels, cfg.Dim))),
		B:   nn.NewParam(mat.NewDense[float32](mat.WithShape(1, nLabels))),
	}
	bound := 1 / float64(cfg.Dim)
	for _, p := range net.Emb.Weights {
		data := mat.Data[float32](p)
		for k := range data {
			data[k] = float32((rng.Float64()*2 - 1) * bound)
		}
	}
	var strategy stepper
	if cfg.SGD {
		strategy = &sgdStepper{sgd.New[float32](sgd.NewConfig(cfg.LearningRate, 0, false))}
	} else if cfg.WeightDecay > 0 {
		strategy = &adamStepper{adam.New(adam.NewAdamWConfig(cfg.LearningRate, 0.9, 0.999, 1e-8, cfg.WeightDecay))}
	} else {
		strategy = &adamStepper{adam.New(adam.NewConfig(cfg.LearningRate, 0.9, 0.999, 1e-8))}
	}

	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	steps := cfg.Epochs * ((len(order) + cfg.BatchSize - 1) / cfg.BatchSize)
	step := 0
	var b batch
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for start := 0; start < len(order); start += cfg.BatchSize {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("train: %w", err)
			}
			b.reset()
			for _, i := range order[start:min(start+cfg.BatchSize, len(order))] {
				b.add(docs[i], gold[i], cfg.Dropout, rng)
			}
			if err := ag.Backward(net.loss(&b, nLabels, cfg.LabelSmoothing)); err != nil {
				return nil, fmt.Errorf("train: backward: %w", err)
			}
			step++
			strategy.setRate(cfg.LearningRate * max(0.01, 1-float64(step)/float64(steps)))
			if err := net.optimize(strategy); err != nil {
				return nil, fmt.Errorf("train: optimise: %w", err)
			}
		}
	}
	return net, nil
}
