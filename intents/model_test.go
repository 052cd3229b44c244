package intents

import (
	"bytes"
	"context"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/toiawase/toiawase/tracking"
)

// tinyModel trains on the small fixture of testdata/tiny with few epochs (fast under -race).
func tinyModel(t testing.TB, cfg TrainConfig) (*Model, []Example) {
	t.Helper()
	exs, err := ReadDataset(os.DirFS("testdata/tiny"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Epochs == 0 {
		cfg.Epochs = 30
	}
	cfg.Buckets = 1 << 14
	m, err := Train(context.Background(), exs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m, exs
}

func TestEmbeddedModelIsTrainedOnCurrentData(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	want, err := DataHash(os.DirFS("data"))
	if err != nil {
		t.Fatal(err)
	}
	if m.DataHash() != want {
		t.Fatalf("intents/data changed since the model was trained (model %.12s, data %.12s): run `go run ./cmd/toiawase train`",
			m.DataHash(), want)
	}
}

func TestEmbeddedModelAnswersCustomers(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"4434-9617-1020", TrackPackage},
		{"荷物はいつ届きますか", TrackPackage},
		{"where is my package", TrackPackage},
		{"不在票が入っていたので再配達をお願いしたい", Redelivery},
		{"返品したいです", Returns},
		{"こんにちは", Greeting},
		{"ありがとうございました、失礼します", Goodbye},
		{"プライム会員を解約したい", Prime},
		{"今日の天気を教えて", OutOfScope},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := m.Classify(tt.text)
			if got.Intent != tt.want {
				t.Errorf("Classify(%q) = %s (%.2f, top %v), want %s", tt.text, got.Intent, got.Confidence, got.Top, tt.want)
			}
		})
	}
}

func TestClassifyGivesTopThreeInOrder(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("荷物が届かないのですが、どうすればいいでしょうか。", 400)
	for _, text := range []string{"", "   ", "荷物どこ", "hello", "🙂🙂🙂", "ｗｈｅｒｅ　ｉｓ　ｍｙ　ｐａｃｋａｇｅ",
		"\xff\xfe\x00invalid", long} {
		p := m.Classify(text)
		if len(p.Top) != 3 {
			t.Fatalf("Classify(%q).Top has %d entries, want 3", text, len(p.Top))
		}
		sum := 0.0
		for i, s := range p.Top {
			if s.Confidence < 0 || s.Confidence > 1 || math.IsNaN(s.Confidence) {
				t.Errorf("Classify(%q): confidence %v out of [0,1]", text, s.Confidence)
			}
			if i > 0 && s.Confidence > p.Top[i-1].Confidence {
				t.Errorf("Classify(%q): top not in decreasing order: %v", text, p.Top)
			}
			sum += s.Confidence
		}
		if sum > 1+1e-9 {
			t.Errorf("Classify(%q): top confidences sum to %v > 1", text, sum)
		}
		if p.Confidence != p.Top[0].Confidence {
			t.Errorf("Classify(%q): confidence %v is not the best label's %v", text, p.Confidence, p.Top[0].Confidence)
		}
	}
}

func TestThresholdTurnsUnsureAnswersIntoOutOfScope(t *testing.T) {
	sure, _ := tinyModel(t, TrainConfig{})
	text := "荷物はいまどこ"
	p := sure.Classify(text)
	if p.Intent != TrackPackage {
		t.Fatalf("without threshold Classify(%q) = %s, want %s", text, p.Intent, TrackPackage)
	}
	// The threshold does not change training: the same weights, only a stricter answer.
	threshold := p.Confidence + (1-p.Confidence)/2
	strict, _ := tinyModel(t, TrainConfig{Threshold: threshold})
	got := strict.Classify(text)
	if got.Intent != OutOfScope || got.Top[0].Intent != TrackPackage || got.Confidence != p.Confidence {
		t.Errorf("with threshold %v Classify(%q) = %s %v, top %v; want out_of_scope, confidence %v, track_package still on top",
			threshold, text, got.Intent, got.Confidence, got.Top, p.Confidence)
	}
}

func TestTrainingIsDeterministic(t *testing.T) {
	a, _ := tinyModel(t, TrainConfig{Epochs: 5})
	b, _ := tinyModel(t, TrainConfig{Epochs: 5})
	var ea, eb bytes.Buffer
	if err := a.Encode(&ea); err != nil {
		t.Fatal(err)
	}
	if err := b.Encode(&eb); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ea.Bytes(), eb.Bytes()) {
		t.Error("two trainings with the same data and seed wrote different artefacts")
	}
}

func TestTrainedModelLearnsItsData(t *testing.T) {
	m, exs := tinyModel(t, TrainConfig{Dropout: -1})
	r, err := m.Evaluate(exs)
	if err != nil {
		t.Fatal(err)
	}
	if r.Accuracy < 0.95 {
		t.Errorf("accuracy on its own training lines = %.3f, want ≥ 0.95; misses: %v", r.Accuracy, r.Misclassified)
	}
}

func TestEncodeDecodeKeepsAnswers(t *testing.T) {
	m, exs := tinyModel(t, TrainConfig{Threshold: 0.3})
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if d.Threshold() != 0.3 {
		t.Errorf("decoded threshold = %v, want 0.3", d.Threshold())
	}
	// The other-shop feature needs its names at inference, not only its weight.
	shop := "楽天で買った靴を返品したい"
	if got, want := d.feat.extract(shop, nil, nil, nil, nil), m.feat.extract(shop, nil, nil, nil, nil); !slices.Equal(got, want) || m.feat.Elsewhere == 0 || d.feat.Elsewhere != m.feat.Elsewhere {
		t.Errorf("decoded model reads %q as %v (other-shop weight %d), trained one as %v (weight %d)", shop, got, d.feat.Elsewhere, want, m.feat.Elsewhere)
	}
	for _, ex := range exs {
		a, b := m.Classify(ex.Text), d.Classify(ex.Text)
		if a.Intent != b.Intent || math.Abs(a.Confidence-b.Confidence) > 1e-6 {
			t.Errorf("%q: trained model says %s %.6f, decoded one %s %.6f", ex.Text, a.Intent, a.Confidence, b.Intent, b.Confidence)
		}
	}
}

func TestDecodeRejectsGarbage(t *testing.T) {
	for name, b := range map[string][]byte{"empty": nil, "text": []byte("not a model")} {
		if _, err := Decode(bytes.NewReader(b)); err == nil {
			t.Errorf("%s: Decode succeeded, want an error", name)
		}
	}
}

func TestClassifyIsSafeConcurrently(t *testing.T) {
	m, exs := tinyModel(t, TrainConfig{Epochs: 5})
	want := make([]Prediction, len(exs))
	for i, ex := range exs {
		want[i] = m.Classify(ex.Text)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, ex := range exs {
				if got := m.Classify(ex.Text); got.Intent != want[i].Intent || got.Confidence != want[i].Confidence {
					t.Errorf("%q: concurrent answer %v differs from %v", ex.Text, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}

func TestTrainRejectsUnknownLabel(t *testing.T) {
	_, err := Train(context.Background(), []Example{{Intent: "weather", Text: "晴れ"}}, TrainConfig{Epochs: 1})
	if err == nil {
		t.Fatal("Train accepted the label weather")
	}
}

// benchTexts are the utterances the Classify benchmarks cycle through: short and long,
// ja and en, with and without numbers.
func benchTexts() []string {
	return []string{
		"荷物どこ", "4434-9617-1020", "不在票が入っていたので明日の午前中に再配達をお願いできますか",
		"where's my stuff", "Hi, I ordered a book last week and the tracking page still says label created, what should I do?",
		"ＡＭＡＺＯＮからのＳＭＳのリンクを押してしまいました", "おはよう", "今日の天気は？",
	}
}

func BenchmarkClassify(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	texts := benchTexts()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Classify(texts[i%len(texts)])
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClassifyColdCache is Classify as a busy server sees it: between two calls
// other work has pushed the model out of the CPU caches (a 64 MiB buffer is written,
// off the clock).
func BenchmarkClassifyColdCache(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	texts := benchTexts()
	evict := make([]byte, 64<<20)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		for j := 0; j < len(evict); j += 64 {
			evict[j]++
		}
		b.StartTimer()
		m.Classify(texts[i%len(texts)])
	}
}

func TestClassifyFoundAnswersAsClassify(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"荷物どこ", "4434-9617-1020", "お問い合わせ番号 4434-9617-1021 が見つかりません",
		"注文番号 249-1234567-1234567 の荷物", "D01-1234567-1234567", "hello",
	} {
		got, want := m.ClassifyFound(text, tracking.Extract(text)), m.Classify(text)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ClassifyFound(%q) = %+v, Classify = %+v", text, got, want)
		}
	}
}
