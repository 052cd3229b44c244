package intents

import (
	_ "embed"
	"strings"
)

// elsewhereNames lists shops, delivery apps, app stores and services other than Amazon.
//
//go:embed lexicon/elsewhere.txt
var elsewhereNames string

// lexicon finds the names of a word list in a text shaped as extract shapes it. A
// Latin name matches as whole words only ("zara", not the start of "zarathustra").
type lexicon struct {
	byStart map[[2]rune][][]rune // names by their first two runes
	// starts has a bit set for each pair of first runes (hashed into 4,096 bits, eight
	// cache lines), so most places in a text are passed over without a map lookup.
	starts [64]uint64
}

func startBit(a, b rune) uint32 { return (uint32(a)*31 + uint32(b)) & 4095 }

// newLexicon reads a list of one name a line ('#' starts a comment), shaping each name
// as extract shapes text. Names shorter than two runes are skipped.
func newLexicon(list string, foldKana bool) *lexicon {
	lx := &lexicon{byStart: map[[2]rune][][]rune{}}
	for _, line := range strings.Split(list, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var name []rune
		for _, r := range normalize(line) {
			name = append(name, shapeRune(r, foldKana))
		}
		if len(name) < 2 {
			continue
		}
		k := [2]rune{name[0], name[1]}
		lx.byStart[k] = append(lx.byStart[k], name)
		bit := startBit(name[0], name[1])
		lx.starts[bit/64] |= 1 << (bit % 64)
	}
	return lx
}

// in reports whether runes, a shaped text, holds one of the names.
func (lx *lexicon) in(runes []rune) bool {
	for i := 0; i+1 < len(runes); i++ {
		if bit := startBit(runes[i], runes[i+1]); lx.starts[bit/64]&(1<<(bit%64)) == 0 {
			continue
		}
		for _, name := range lx.byStart[[2]rune{runes[i], runes[i+1]}] {
			end := i + len(name)
			if end > len(runes) || !runesEqual(runes[i:end], name) {
				continue
			}
			if isLatinWordRune(name[0]) && i > 0 && isLatinWordRune(runes[i-1]) {
				continue
			}
			if isLatinWordRune(name[len(name)-1]) && end < len(runes) && isLatinWordRune(runes[end]) {
				continue
			}
			return true
		}
	}
	return false
}

func runesEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
