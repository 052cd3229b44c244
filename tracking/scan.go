package tracking

import "unicode/utf8"

// charKind is what one character of customer text means to the extractor.
type charKind uint8

const (
	kBreak  charKind = iota // anything else: ends a run of groups
	kAlnum                  // ASCII or full-width letter or digit
	kLook                   // 〇 (U+3007), a look-alike of 0 that NFKC keeps
	kStrong                 // dash look-alike or zero-width: joins parts of one number
	kWeak                   // space: may join parts of one number
)

// lookMarker stands for 〇 in the normalised buffer; no format accepts it, only repair.
const lookMarker = 'o'

// classAt reads the character at t[i]: its kind, its normalised byte (upper-case
// ASCII, for kAlnum), whether it was a lower-case letter, and its size in bytes.
// It recognises exactly the characters whose NFKC form is an ASCII letter or digit
// in the Latin and full-width blocks, and the separators Normalize deletes.
func classAt(t string, i int) (k charKind, b byte, lower bool, size int) {
	c := t[i]
	if c < utf8.RuneSelf {
		switch {
		case c >= '0' && c <= '9', c >= 'A' && c <= 'Z':
			return kAlnum, c, false, 1
		case c >= 'a' && c <= 'z':
			return kAlnum, c - ('a' - 'A'), true, 1
		case c == ' ' || c == '\t':
			return kWeak, 0, false, 1
		case c == '-':
			return kStrong, 0, false, 1
		}
		return kBreak, 0, false, 1
	}
	if i+2 < len(t) {
		c1, c2 := t[i+1], t[i+2]
		switch c {
		case 0xEF:
			switch {
			case c1 == 0xBC && c2 >= 0x90 && c2 <= 0x99: // ０-９
				return kAlnum, '0' + (c2 - 0x90), false, 3
			case c1 == 0xBC && c2 >= 0xA1 && c2 <= 0xBA: // Ａ-Ｚ
				return kAlnum, 'A' + (c2 - 0xA1), false, 3
			case c1 == 0xBD && c2 >= 0x81 && c2 <= 0x9A: // ａ-ｚ
				return kAlnum, 'A' + (c2 - 0x81), true, 3
			case c1 == 0xBC && c2 == 0x8D, // － U+FF0D
				c1 == 0xBD && c2 == 0xB0, // ｰ U+FF70
				c1 == 0xBB && c2 == 0xBF, // BOM U+FEFF
				c1 == 0xB9 && c2 == 0xA3: // ﹣ U+FE63
				return kStrong, 0, false, 3
			}
		case 0xE2:
			switch {
			case c1 == 0x80 && c2 >= 0x80 && c2 <= 0x8A: // U+2000–U+200A spaces
				return kWeak, 0, false, 3
			case c1 == 0x80 && c2 >= 0x8B && c2 <= 0x8D, // zero-width
				c1 == 0x80 && c2 >= 0x90 && c2 <= 0x95,   // ‐ ‑ ‒ – — ―
				c1 == 0x81 && (c2 == 0xA0 || c2 == 0x83), // U+2060, ⁃
				c1 == 0x88 && c2 == 0x92,                 // − U+2212
				c1 == 0x94 && c2 == 0x80:                 // ─ U+2500
				return kStrong, 0, false, 3
			}
		case 0xE3:
			switch {
			case c1 == 0x80 && c2 == 0x80: // ideographic space
				return kWeak, 0, false, 3
			case c1 == 0x80 && c2 == 0x87: // 〇
				return kLook, lookMarker, false, 3
			case c1 == 0x83 && c2 == 0xBC: // ー typed as a hyphen
				return kStrong, 0, false, 3
			}
		}
	}
	if c == 0xC2 && i+1 < len(t) && t[i+1] == 0xA0 { // NBSP
		return kWeak, 0, false, 2
	}
	if c == 0xC2 && i+1 < len(t) && t[i+1] == 0xAD { // soft hyphen
		return kStrong, 0, false, 2
	}
	_, size = utf8.DecodeRuneInString(t[i:])
	return kBreak, 0, false, size
}
