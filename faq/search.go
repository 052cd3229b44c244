package faq

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// BM25 parameters (the usual defaults).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
	// titleBoost and keywordBoost repeat the title and the keywords in the indexed
	// document, so that a match there counts more than one in the body text.
	titleBoost   = 2
	keywordBoost = 2
)

// index is a BM25 index over one language's answers.
type index struct {
	postings map[string][]posting
	docLen   []float64
	avgLen   float64
}

type posting struct {
	doc int
	tf  float64
}

// Search returns up to k entries that best match query (BM25 over character bigrams and words).
// Japanese runs are cut into character bigrams, Latin runs into words; both sides are
// normalised with NFKC and lower-cased. An unknown language searches the Japanese
// answers. Only entries sharing at least one term with the query are returned.
func (s *Set) Search(query, lang string, k int) []Hit {
	idx, ok := s.index[lang]
	if !ok {
		lang = "ja"
		idx = s.index[lang]
	}
	if idx == nil || k <= 0 {
		return nil
	}
	terms := dedupe(tokenize(query))
	scores := make([]float64, len(idx.docLen))
	n := float64(len(idx.docLen))
	for _, t := range terms {
		ps := idx.postings[t]
		if len(ps) == 0 {
			continue
		}
		df := float64(len(ps))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for _, p := range ps {
			norm := bm25K1 * (1 - bm25B + bm25B*idx.docLen[p.doc]/idx.avgLen)
			scores[p.doc] += idf * p.tf * (bm25K1 + 1) / (p.tf + norm)
		}
	}
	docs := make([]int, 0, 16)
	for doc, sc := range scores {
		if sc > 0 {
			docs = append(docs, doc)
		}
	}
	sort.Slice(docs, func(i, j int) bool {
		a, b := docs[i], docs[j]
		if scores[a] != scores[b] {
			return scores[a] > scores[b]
		}
		return s.entries[a].id < s.entries[b].id
	})
	if len(docs) > k {
		docs = docs[:k]
	}
	hits := make([]Hit, 0, len(docs))
	for _, doc := range docs {
		a, _ := s.entries[doc].answer(lang)
		hits = append(hits, Hit{Answer: a, Score: scores[doc]})
	}
	return hits
}

func buildIndexes(entries []entry) map[string]*index {
	out := map[string]*index{}
	for _, lang := range Langs() {
		idx := &index{postings: map[string][]posting{}, docLen: make([]float64, len(entries))}
		total := 0.0
		for doc, e := range entries {
			a := e.answers[lang]
			var toks []string
			for range titleBoost {
				toks = append(toks, tokenize(a.Title)...)
			}
			for range keywordBoost {
				for _, kw := range e.keywords[lang] {
					toks = append(toks, tokenize(kw)...)
				}
			}
			toks = append(toks, tokenize(stripURLs(a.Text))...)
			tf := map[string]float64{}
			for _, t := range toks {
				tf[t]++
			}
			for t, c := range tf {
				idx.postings[t] = append(idx.postings[t], posting{doc: doc, tf: c})
			}
			idx.docLen[doc] = float64(len(toks))
			total += float64(len(toks))
		}
		if len(entries) > 0 {
			idx.avgLen = total / float64(len(entries))
		}
		out[lang] = idx
	}
	return out
}

func stripURLs(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if strings.Contains(w, "https://") {
			f[i] = ""
		}
	}
	return strings.Join(f, " ")
}

// tokenize cuts text into search terms: character bigrams over runs of kana and kanji
// (a lone character stays a unigram), and words over runs of Latin letters and digits
// (English stop words dropped, a light plural/-ing stem applied).
func tokenize(text string) []string {
	s := strings.ToLower(norm.NFKC.String(text))
	var out []string
	var run []rune
	kind := 0 // 0 none, 1 word, 2 cjk
	flush := func() {
		switch kind {
		case 1:
			if w := stem(string(run)); w != "" && !stopWord(w) {
				out = append(out, w)
			}
		case 2:
			if len(run) == 1 {
				out = append(out, string(run))
			}
			for i := 0; i+1 < len(run); i++ {
				out = append(out, string(run[i:i+2]))
			}
		}
		run, kind = run[:0], 0
	}
	for _, r := range s {
		k := runeKind(r)
		if k != kind {
			flush()
			kind = k
		}
		if k != 0 {
			run = append(run, r)
		}
	}
	flush()
	return out
}

func runeKind(r rune) int {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z' {
			return 1
		}
		return 0
	case r >= 0x3040 && r <= 0x30FF && r != 0x30FB, r == '々', unicode.Is(unicode.Han, r):
		return 2 // hiragana, katakana (with ー), kanji
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return 1
	}
	return 0
}

func stem(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

func stopWord(w string) bool {
	switch w {
	case "a", "an", "the", "i", "my", "me", "is", "are", "was", "it", "to", "of", "in",
		"on", "for", "and", "or", "do", "doe", "did", "can", "you", "your", "what", "how",
		"this", "that", "with", "be", "have", "ha", "am", "at", "from", "by", "so", "there":
		return true
	}
	return false
}

func dedupe(ts []string) []string {
	seen := make(map[string]bool, len(ts))
	out := ts[:0]
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
