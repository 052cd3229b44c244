package intents

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// featureConfig says how text becomes hashed feature ids. It is stored in the model so
// inference extracts exactly the features training saw.
type featureConfig struct {
	Buckets  uint32 // hash space of every feature kind
	MinN     int    // shortest character n-gram
	MaxN     int    // longest character n-gram
	Words    bool   // Latin word tokens
	Bigrams  bool   // Latin word bigrams
	FoldKana bool   // katakana folded to hiragana before n-grams
	// NumberWeight is how many times each number feature (valid tracking number, order
	// number, look-alike, bare number) is counted in the bag.
	NumberWeight int
	// Unique counts each feature once per text (a set of n-grams, not a multiset).
	Unique bool
	// Elsewhere is how many times the feature "names a shop or service other than
	// Amazon" (lexicon/elsewhere.txt) is counted; zero leaves it out. Such a name is
	// one word among dozens a near miss shares with an in-domain line.
	Elsewhere int
	lex       *lexicon // the names, when Elsewhere > 0
}

// numberFlags are what tracking.Extract found in a text.
type numberFlags uint8

const (
	hasValidTracking numberFlags = 1 << iota // a number whose carrier rule (check digit) holds
	hasLookAlike                             // a number with a carrier's shape but a failed check
	hasOrder                                 // an Amazon order number
	hasDigitalOrder                          // a D01-... digital order number
	isBareNumber                             // the text is little more than the number(s)
)

// numberFeatureNames name the flags as feature tokens, in bit order.
func numberFeatureNames() [5]string {
	return [...]string{"#valid", "#lookalike", "#order", "#digital", "#bare"}
}

// numberFunc reports the number flags of a raw text.
type numberFunc func(text string) numberFlags

// tokenFunc splits a normalised text into extra word tokens (a morphological analyser).
type tokenFunc func(text string) []string

// Feature kinds keep n-grams, words and number flags apart in the shared hash space.
const (
	kindChar   = 'c'
	kindWord   = 'w'
	kindBigram = 'b'
	kindNumber = 'n'
	kindToken  = 't'
)

// normalize is the text the features are taken from: NFKC (full-width to half-width),
// lower case, runs of white space as one space, trimmed.
func normalize(s string) string {
	s = norm.NFKC.String(s)
	if isNormal(s) {
		return s
	}
	return lowerCollapse(s)
}

// isNormal reports whether lowerCollapse would leave s as it is: nothing to lower-case,
// white space only as single ASCII spaces between words, valid UTF-8.
func isNormal(s string) bool {
	prev := rune(-1)
	for i, r := range s {
		switch {
		case r == ' ':
			if i == 0 || i == len(s)-1 || prev == ' ' {
				return false
			}
		case r == utf8.RuneError || unicode.IsSpace(r):
			return false
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				return false
			}
		case unicode.ToLower(r) != r:
			return false
		}
		prev = r
	}
	return true
}

// lowerCollapse lower-cases s and turns each run of white space into one space,
// dropping it at either end.
func lowerCollapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// shapeRune maps a rune to the form n-grams see: every digit is 0 (so any number of the
// same length looks alike) and, with fold, katakana become hiragana.
func shapeRune(r rune, fold bool) rune {
	switch {
	case r >= '0' && r <= '9':
		return '0'
	case fold && r >= 0x30a1 && r <= 0x30f6:
		return r - 0x60
	}
	return r
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashStart and hashRune are the feature hash (FNV-1a with an extra shift per rune):
// hashRunes and hashString must give the same value for the same runes.
func hashStart(kind byte) uint64 { return (uint64(fnvOffset) ^ uint64(kind)) * fnvPrime }

func hashRune(h uint64, r rune) uint64 {
	h ^= uint64(r)
	h *= fnvPrime
	return h ^ h>>29
}

func hashRunes(kind byte, rs []rune) uint64 {
	h := hashStart(kind)
	for _, r := range rs {
		h = hashRune(h, r)
	}
	return h
}

func hashString(kind byte, s string) uint64 {
	h := hashStart(kind)
	for _, r := range s {
		h = hashRune(h, r)
	}
	return h
}

// extractScratch is the working space of extract, kept between calls by its owner.
type extractScratch struct {
	runes []rune
	set   []uint32 // open-addressing set of ids + 1 (0 is empty)
}

// extract appends the feature ids of text to dst and returns it. numbers may be nil;
// sc may be nil (then extract allocates its working space).
func (c featureConfig) extract(text string, numbers numberFunc, tokens tokenFunc, dst []uint32, sc *extractScratch) []uint32 {
	if sc == nil {
		sc = &extractScratch{}
	}
	start := len(dst)
	n := normalize(text)
	if tokens != nil {
		for _, tok := range tokens(n) {
			dst = append(dst, uint32(hashString(kindToken, tok)%uint64(c.Buckets)))
		}
	}
	runes := append(sc.runes[:0], ' ')
	for _, r := range n {
		runes = append(runes, shapeRune(r, c.FoldKana))
	}
	runes = append(runes, ' ')
	sc.runes = runes
	b := c.Buckets
	for size := c.MinN; size <= c.MaxN; size++ {
		for i := 0; i+size <= len(runes); i++ {
			if size == 1 && runes[i] == ' ' {
				continue
			}
			dst = append(dst, uint32(hashRunes(kindChar, runes[i:i+size])%uint64(b)))
		}
	}
	if c.Words || c.Bigrams {
		var prev uint64
		havePrev := false
		start := -1
		for i := 0; i <= len(runes); i++ {
			latin := i < len(runes) && isLatinWordRune(runes[i])
			if latin {
				if start < 0 {
					start = i
				}
				continue
			}
			if start < 0 {
				if i < len(runes) && runes[i] != ' ' {
					havePrev = false // a Japanese character breaks a bigram
				}
				continue
			}
			w := hashRunes(kindWord, runes[start:i])
			start = -1
			if c.Words {
				dst = append(dst, uint32(w%uint64(b)))
			}
			if c.Bigrams && havePrev {
				dst = append(dst, uint32(((prev*fnvPrime)^w^kindBigram)%uint64(b)))
			}
			prev, havePrev = w, true
		}
	}
	if c.Unique {
		dst = sc.unique(dst, start)
	}
	if c.Elsewhere > 0 && c.lex != nil && c.lex.in(runes) {
		id := uint32(hashString(kindNumber, "#elsewhere") % uint64(b))
		for k := 0; k < c.Elsewhere; k++ {
			dst = append(dst, id)
		}
	}
	if numbers != nil {
		flags := numbers(text)
		for i, name := range numberFeatureNames() {
			if flags&(1<<i) == 0 {
				continue
			}
			id := uint32(hashString(kindNumber, name) % uint64(b))
			for k := 0; k < max(1, c.NumberWeight); k++ {
				dst = append(dst, id)
			}
		}
	}
	return dst
}

// unique drops the repeats among ids[from:], keeping each id's first place: a hash
// set, since sorting a text's hundred-odd ids cost more than the rest of extract.
func (sc *extractScratch) unique(ids []uint32, from int) []uint32 {
	size := 64
	for size < 2*(len(ids)-from) {
		size *= 2
	}
	if cap(sc.set) < size {
		sc.set = make([]uint32, size)
	}
	set := sc.set[:size]
	clear(set)
	mask := uint32(size - 1)
	out := ids[:from]
	for _, id := range ids[from:] {
		for h := (id * 2654435761) & mask; ; h = (h + 1) & mask {
			if set[h] == 0 {
				set[h] = id + 1
				out = append(out, id)
				break
			}
			if set[h] == id+1 {
				break
			}
		}
	}
	return out
}

func isLatinWordRune(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '\'' || (r >= 0xe0 && r <= 0x24f)
}
