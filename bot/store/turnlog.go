package store

import (
	"encoding/binary"
	"time"
)

// turnLog is a transcript held as bytes: each turn encoded after the last, with the
// offset where each starts. A server keeps many sessions' transcripts for their time
// to live; as Turn values (three strings and a time each) they were most of the
// pointers the garbage collector follows, and its marking held up web-chat replies.
// Bytes hold no pointers, so the collector does not look inside them.
type turnLog struct {
	data   []byte
	starts []int32 // offset of each turn in data
}

func (l *turnLog) len() int { return len(l.starts) }

// append adds t: seconds and nanoseconds of At, then From, Text and Agent, each with
// its length.
func (l *turnLog) append(t Turn) {
	// Grow by doubling: append's growth for large byte slices is about 1.25x, so a
	// transcript of a few KiB was copied whole every few turns.
	// At most: five varints (seconds, nanoseconds, three lengths) and the strings.
	if need := len(l.data) + 5*binary.MaxVarintLen64 + len(t.From) + len(t.Text) + len(t.Agent); need > cap(l.data) {
		grown := make([]byte, len(l.data), max(2*cap(l.data), need, 256))
		copy(grown, l.data)
		l.data = grown
	}
	l.starts = append(l.starts, int32(len(l.data)))
	l.data = binary.AppendVarint(l.data, t.At.Unix())
	l.data = binary.AppendUvarint(l.data, uint64(t.At.Nanosecond()))
	for _, s := range [...]string{t.From, t.Text, t.Agent} {
		l.data = binary.AppendUvarint(l.data, uint64(len(s)))
		l.data = append(l.data, s...)
	}
}

// keepLast drops all but the last n turns.
func (l *turnLog) keepLast(n int) {
	if n >= len(l.starts) {
		return
	}
	cut := l.starts[len(l.starts)-n]
	l.data = l.data[:copy(l.data, l.data[cut:])]
	l.starts = l.starts[:copy(l.starts, l.starts[len(l.starts)-n:])]
	for i := range l.starts {
		l.starts[i] -= cut
	}
}

// last decodes the last n turns, oldest first. At comes back as the same instant in
// the local time zone (the log keeps the instant, not the zone).
func (l *turnLog) last(n int) []Turn {
	if n <= 0 {
		return nil
	}
	out := make([]Turn, 0, n)
	for _, off := range l.starts[len(l.starts)-n:] {
		b := l.data[off:]
		sec, k := binary.Varint(b)
		b = b[k:]
		nsec, k := binary.Uvarint(b)
		b = b[k:]
		var fields [3]string
		for i := range fields {
			n, k := binary.Uvarint(b)
			fields[i] = string(b[k : k+int(n)])
			b = b[k+int(n):]
		}
		out = append(out, Turn{At: time.Unix(sec, int64(nsec)), From: fields[0], Text: fields[1], Agent: fields[2]})
	}
	return out
}
