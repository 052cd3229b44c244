package intents

import (
	"math"
	"math/rand/v2"
	"slices"
)

// fastTrain is a hand-written twin of Train (same features, batches, loss; SGD or lazy
// Adam), only for quick hyper-parameter search in tests. The shipped model is trained by
// Train with spago.
func fastTrain(examples []Example, cfg TrainConfig) *Model {
	cfg = cfg.withDefaults()
	labels := Labels()
	li := labelIndex()
	feat := cfg.features()
	rowOf := map[uint32]int32{}
	var keys []uint32
	docs := make([][]int32, len(examples))
	gold := make([]int, len(examples))
	var ids []uint32
	var runes []rune
	for i, ex := range examples {
		gold[i] = li[ex.Intent]
		ids, runes = feat.extract(ex.Text, cfg.numbers, cfg.WordTokens, ids[:0], runes)
		for _, id := range ids {
			r, ok := rowOf[id]
			if !ok {
				r = int32(len(keys))
				rowOf[id] = r
				keys = append(keys, id)
			}
			docs[i] = append(docs[i], r)
		}
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x746f69617761))
	d, L := cfg.Dim, len(labels)
	E := make([]float32, len(keys)*d)
	for k := range E {
		E[k] = float32((rng.Float64()*2 - 1) / float64(d))
	}
	W := make([]float32, L*d)
	B := make([]float32, L)
	mE, vE := make([]float32, len(E)), make([]float32, len(E))
	mW, vW := make([]float32, len(W)), make([]float32, len(W))
	mB, vB := make([]float32, L), make([]float32, L)
	gE := map[int32][]float32{}
	gW := make([]float32, len(W))
	gB := make([]float32, L)
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	steps := cfg.Epochs * ((len(order) + cfg.BatchSize - 1) / cfg.BatchSize)
	step := 0
	h := make([]float32, d)
	z := make([]float64, L)
	gh := make([]float32, d)
	var kept []int32
	b1, b2 := 0.9, 0.999
	t := 0
	upd := func(p, g, m, v []float32, lr, alpha float64) {
		for k := range p {
			if cfg.SGD {
				p[k] -= float32(lr) * g[k]
				continue
			}
			m[k] = float32(b1)*m[k] + float32(1-b1)*g[k]
			v[k] = float32(b2)*v[k] + float32(1-b2)*g[k]*g[k]
			u := float64(m[k]) / (math.Sqrt(float64(v[k])) + 1e-8)
			if cfg.WeightDecay > 0 {
				u += cfg.WeightDecay * float64(p[k])
			}
			p[k] -= float32(alpha * u)
		}
	}
	for ep := 0; ep < cfg.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for s := 0; s < len(order); s += cfg.BatchSize {
			clear(gW)
			clear(gB)
			clear(gE)
			for _, i := range order[s:min(s+cfg.BatchSize, len(order))] {
				kept = kept[:0]
				for _, r := range docs[i] {
					if cfg.Dropout > 0 && rng.Float64() < cfg.Dropout {
						continue
					}
					kept = append(kept, r)
				}
				n := float32(max(1, len(docs[i])))
				clear(h)
				for _, r := range kept {
					for k := 0; k < d; k++ {
						h[k] += E[int(r)*d+k] / n
					}
				}
				mx := math.Inf(-1)
				for l := 0; l < L; l++ {
					var v float32
					for k := 0; k < d; k++ {
						v += W[l*d+k] * h[k]
					}
					z[l] = float64(v + B[l])
					mx = max(mx, z[l])
				}
				var sum float64
				for l := range z {
					z[l] = math.Exp(z[l] - mx)
					sum += z[l]
				}
				clear(gh)
				for l := range z {
					g := float32(z[l] / sum)
					if l == gold[i] {
						g--
					}
					gB[l] += g
					for k := 0; k < d; k++ {
						gW[l*d+k] += g * h[k]
						gh[k] += g * W[l*d+k]
					}
				}
				for _, r := range kept {
					ge := gE[r]
					if ge == nil {
						ge = make([]float32, d)
						gE[r] = ge
					}
					for k := 0; k < d; k++ {
						ge[k] += gh[k] / n
					}
				}
			}
			step++
			t++
			lr := cfg.LearningRate * max(0.01, 1-float64(step)/float64(steps))
			alpha := lr * math.Sqrt(1-math.Pow(b2, float64(t))) / (1 - math.Pow(b1, float64(t)))
			upd(W, gW, mW, vW, lr, alpha)
			upd(B, gB, mB, vB, lr, alpha)
			for r, ge := range gE {
				o := int(r) * d
				upd(E[o:o+d], ge, mE[o:o+d], vE[o:o+d], lr, alpha)
			}
		}
	}
	m := &Model{labels: labels, feat: feat, dim: d, numbers: cfg.numbers, tokens: cfg.WordTokens, w: W, b: B}
	perm := make([]int, len(keys))
	for i := range perm {
		perm[i] = i
	}
	slices.SortFunc(perm, func(a, b int) int { return int(keys[a]) - int(keys[b]) })
	m.keys = make([]uint32, len(keys))
	m.rows = make([]float32, len(keys)*d)
	q := make([]int8, d)
	for i, r := range perm {
		m.keys[i] = keys[r]
		row := m.rows[i*d : (i+1)*d]
		copy(row, E[int(r)*d:(int(r)+1)*d])
		quantize(row, q)
	}
	m.buildIndex()
	return m
}
