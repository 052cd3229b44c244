package intents

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Example is one labelled utterance: one line of intents/data/*.jsonl.
type Example struct {
	Intent string `json:"intent"`
	Lang   string `json:"lang,omitempty"`
	Text   string `json:"text"`
	// Source is "file:line" for reports; it is not part of the data format.
	Source string `json:"-"`
}

// ReadExamples reads JSON lines {"intent","lang","text"} from r. name is used in error
// messages and in each Example's Source. Blank lines are skipped.
func ReadExamples(r io.Reader, name string) ([]Example, error) {
	var out []Example
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var ex Example
		if err := json.Unmarshal(b, &ex); err != nil {
			return nil, fmt.Errorf("read examples %s:%d: %w", name, line, err)
		}
		ex.Source = fmt.Sprintf("%s:%d", name, line)
		out = append(out, ex)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read examples %s: %w", name, err)
	}
	return out, nil
}

// dataFiles returns the *.jsonl files at the top of fsys, sorted by name.
func dataFiles(fsys fs.FS) ([]string, error) {
	names, err := fs.Glob(fsys, "*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("list data files: %w", err)
	}
	sort.Strings(names)
	return names, nil
}

// ReadDataset reads every *.jsonl file at the top of fsys (intents/data), in name order.
func ReadDataset(fsys fs.FS) ([]Example, error) {
	names, err := dataFiles(fsys)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("read dataset: %w", ErrNoData)
	}
	var all []Example
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("read dataset: %w", err)
		}
		exs, err := ReadExamples(bytes.NewReader(b), path.Base(n))
		if err != nil {
			return nil, err
		}
		all = append(all, exs...)
	}
	return all, nil
}

// DataHash is the SHA-256 over the *.jsonl files of fsys, taken in name order, each
// contributing its name and its bytes. The embedded model records the hash of the data
// it was trained on, so a test can tell when the data changed without retraining.
func DataHash(fsys fs.FS) (string, error) {
	names, err := dataFiles(fsys)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return "", fmt.Errorf("hash data: %w", err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// guessLang returns "ja" when text holds kana or CJK ideographs, otherwise "en". Eval
// files may leave lang out.
func guessLang(text string) string {
	for _, r := range text {
		if isJapanese(r) {
			return "ja"
		}
	}
	return "en"
}

func isJapanese(r rune) bool {
	return (r >= 0x3040 && r <= 0x30ff) || (r >= 0x4e00 && r <= 0x9fff) || (r >= 0x3400 && r <= 0x4dbf) ||
		(r >= 0xff66 && r <= 0xff9f)
}

// labelIndex maps each label of Labels to its position.
func labelIndex() map[string]int {
	idx := make(map[string]int)
	for i, l := range Labels() {
		idx[l] = i
	}
	return idx
}

// validLabel reports whether s is one of Labels.
func validLabel(s string) bool {
	for _, l := range Labels() {
		if l == s {
			return true
		}
	}
	return false
}

// trimText is the form duplicates are compared in.
func trimText(s string) string { return strings.TrimSpace(s) }
