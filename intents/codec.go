package intents

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// The artefact is little-endian binary (not compressed: int8 rows barely shrink, and
// gunzip was most of the load time):
//
//	magic, version
//	data hash, threshold, out_of_scope bias, feature config (with the weight of the
//	other-shop feature, whose names are lexicon/elsewhere.txt), members, dim, labels
//	output bias (labels float32)
//	logit rows: count, then per row the bucket (uvarint delta from the previous one),
//	a float32 scale and one int8 per label (value = scale * int8 / 127)
//
// A row is a feature's logits (its embedding times the output layer, averaged over the
// members), so the file does not grow with the members or their size. Only buckets
// that training saw are stored. (Version 3 stored the embeddings and the layer;
// version 4 had no other-shop feature.)
const (
	modelMagic   = "toiawase-intents"
	modelVersion = 5
)

// quantize rounds a row to int8 steps of its largest magnitude: it fills q and returns
// the scale (value = scale/127 * q). The exported model carries the int8 rows, so the
// figures measured after training are those of the shipped artefact.
func quantize(row []float32, q []int8) float32 {
	var scale float32
	for _, v := range row {
		scale = max(scale, float32(math.Abs(float64(v))))
	}
	if scale == 0 {
		clear(q)
		return 0
	}
	for i, v := range row {
		q[i] = int8(math.Round(float64(v / scale * 127)))
	}
	return scale
}

// Encode writes the model artefact to w.
func (m *Model) Encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	e := encoder{w: bw}
	e.bytes([]byte(modelMagic))
	e.uvarint(modelVersion)
	e.str(m.dataHash)
	e.f64(m.threshold)
	e.f64(m.oosBias)
	f := m.feat
	e.uvarint(uint64(f.Buckets))
	e.uvarint(uint64(f.MinN))
	e.uvarint(uint64(f.MaxN))
	e.bool(f.Words)
	e.bool(f.Bigrams)
	e.bool(f.FoldKana)
	e.uvarint(uint64(f.NumberWeight))
	e.bool(f.Unique)
	e.uvarint(uint64(f.Elsewhere))
	e.uvarint(uint64(m.members))
	e.uvarint(uint64(m.dim))
	e.uvarint(uint64(len(m.labels)))
	for _, l := range m.labels {
		e.str(l)
	}
	for _, v := range m.b {
		e.f32(v)
	}
	e.uvarint(uint64(len(m.keys)))
	prev := uint32(0)
	nl := len(m.labels)
	row := make([]byte, nl)
	for r, k := range m.keys {
		e.uvarint(uint64(k - prev))
		prev = k
		e.f32(m.scale[r])
		for i, v := range m.q[r*nl : (r+1)*nl] {
			row[i] = byte(v)
		}
		e.bytes(row)
	}
	if e.err != nil {
		return fmt.Errorf("encode model: %w", e.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	return nil
}

// Decode reads a model artefact written by Encode. Its number features come from
// tracking.Extract.
func Decode(r io.Reader) (*Model, error) {
	d := &decoder{r: bufio.NewReaderSize(r, 64<<10)}
	magic := make([]byte, len(modelMagic))
	d.full(magic)
	if d.err == nil && string(magic) != modelMagic {
		return nil, fmt.Errorf("decode model: %w: not an intents model", ErrBadModel)
	}
	if v := d.uvarint(); d.err == nil && v != modelVersion {
		return nil, fmt.Errorf("decode model: %w: version %d, want %d", ErrBadModel, v, modelVersion)
	}
	m := &Model{numbers: trackingNumbers}
	m.dataHash = d.str()
	m.threshold = d.f64()
	m.oosBias = d.f64()
	m.feat.Buckets = uint32(d.small(1 << 26))
	m.feat.MinN = d.small(16)
	m.feat.MaxN = d.small(16)
	m.feat.Words = d.bool()
	m.feat.Bigrams = d.bool()
	m.feat.FoldKana = d.bool()
	m.feat.NumberWeight = d.small(64)
	m.feat.Unique = d.bool()
	if m.feat.Elsewhere = d.small(64); m.feat.Elsewhere > 0 {
		m.feat.lex = newLexicon(elsewhereNames, m.feat.FoldKana)
	}
	m.members = d.small(maxDim)
	m.dim = d.small(maxDim)
	nl := d.small(maxLabels)
	for i := 0; i < nl && d.err == nil; i++ {
		m.labels = append(m.labels, d.str())
	}
	if d.err == nil && (nl == 0 || m.feat.Buckets == 0) {
		return nil, fmt.Errorf("decode model: %w: empty layer", ErrBadModel)
	}
	m.b = make([]float32, nl)
	for i := range m.b {
		m.b[i] = d.f32()
	}
	nr := d.small(int(m.feat.Buckets))
	m.keys = make([]uint32, 0, nr)
	m.q = make([]int8, 0, nr*nl)
	m.scale = make([]float32, 0, nr)
	q := make([]byte, nl)
	key := uint64(0)
	for i := 0; i < nr && d.err == nil; i++ {
		key += d.uvarint()
		if key >= uint64(m.feat.Buckets) || (i > 0 && key == uint64(m.keys[i-1])) {
			return nil, fmt.Errorf("decode model: %w: bucket out of order", ErrBadModel)
		}
		m.keys = append(m.keys, uint32(key))
		m.scale = append(m.scale, d.f32())
		d.full(q)
		for _, v := range q {
			m.q = append(m.q, int8(v))
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("decode model: %w: %w", ErrBadModel, d.err)
	}
	m.buildIndex()
	return m, nil
}

type encoder struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}
func (e *encoder) uvarint(v uint64) { e.bytes(binary.AppendUvarint(e.buf[:0], v)) }
func (e *encoder) str(s string)     { e.uvarint(uint64(len(s))); e.bytes([]byte(s)) }
func (e *encoder) f32(v float32) {
	e.bytes(binary.LittleEndian.AppendUint32(e.buf[:0], math.Float32bits(v)))
}
func (e *encoder) f64(v float64) {
	e.bytes(binary.LittleEndian.AppendUint64(e.buf[:0], math.Float64bits(v)))
}
func (e *encoder) bool(v bool) {
	if v {
		e.uvarint(1)
	} else {
		e.uvarint(0)
	}
}

type decoder struct {
	r   *bufio.Reader
	err error
	buf [8]byte
}

func (d *decoder) full(b []byte) {
	if d.err == nil {
		_, d.err = io.ReadFull(d.r, b)
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	d.err = err
	return v
}

// small reads a uvarint that must not exceed limit.
func (d *decoder) small(limit int) int {
	v := d.uvarint()
	if d.err == nil && v > uint64(limit) {
		d.err = errors.New("field out of range")
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	b := make([]byte, d.small(1024))
	d.full(b)
	return string(b)
}

func (d *decoder) f32() float32 {
	d.full(d.buf[:4])
	return math.Float32frombits(binary.LittleEndian.Uint32(d.buf[:4]))
}

func (d *decoder) f64() float64 {
	d.full(d.buf[:8])
	return math.Float64frombits(binary.LittleEndian.Uint64(d.buf[:8]))
}

func (d *decoder) bool() bool { return d.small(1) == 1 }
