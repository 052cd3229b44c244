package webchat

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"
	"testing/iotest"
)

var clientFrameSeeds = []string{
	`{"type":"message","id":"m1","text":"荷物が届かない"}`,
	`{"type":"action","id":"a1","value":"redelivery","lang":"en"}`,
	` { "type" : "message" , "text" : "hi" } `,
	`{}`,
	`{"type":"message","text":"a\"b"}`,
	`{"Type":"message"}`,
	`{"type":"message","extra":1}`,
	`{"type":"message","text":null}`,
	`{"type":"message","text":"x"}garbage`,
	`{"type":"message","type":"action"}`,
	`{"type":"message",}`,
	`{"type":"mes` + "\x01" + `sage"}`,
	`[]`,
	``,
}

// TestDecodeClientFrame: the frames the page sends are read without reflection, and
// every frame reads as json.Unmarshal reads it.
func TestDecodeClientFrame(t *testing.T) {
	for _, s := range clientFrameSeeds {
		checkClientFrame(t, []byte(s))
	}
	var f clientFrame
	if !decodePlainFrame([]byte(clientFrameSeeds[0]), &f) || f.Text != "荷物が届かない" || f.ID != "m1" {
		t.Errorf("the page's message frame took the slow path or read wrong: %+v", f)
	}
	frame := []byte(`{"type":"message","id":"m1","text":"hello"}`)
	allocs := testing.AllocsPerRun(100, func() { _, _ = decodeClientFrame(frame) })
	if allocs > 3 {
		t.Errorf("a message frame costs %.0f allocations, want at most 3 (its strings)", allocs)
	}
}

func FuzzDecodeClientFrame(f *testing.F) {
	for _, s := range clientFrameSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(checkClientFrame)
}

func checkClientFrame(t *testing.T, data []byte) {
	var want clientFrame
	got, gotErr := decodeClientFrame(data)
	wantErr := json.Unmarshal(data, &want)
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("%q: error %v, json.Unmarshal says %v", data, gotErr, wantErr)
	}
	if gotErr == nil && got != want {
		t.Fatalf("%q: read %+v, json.Unmarshal reads %+v", data, got, want)
	}
}

// TestFrameReader: frames up to the limit come back whole, whatever the sizes of the
// reads that deliver them; a longer one is reported too large and read to its end.
func TestFrameReader(t *testing.T) {
	const max = 1500
	var fr frameReader
	for _, n := range []int{0, 1, 511, 512, 513, 1024, 1025, max, max + 1, 5000, 3} {
		for _, slow := range []bool{false, true} {
			want := bytes.Repeat([]byte{byte('a' + n%26)}, n)
			var r io.Reader = bytes.NewReader(want)
			if slow {
				r = iotest.OneByteReader(r)
			}
			rest := r
			data, tooLarge, err := fr.read(r, max)
			if err != nil {
				t.Fatalf("%d bytes: %v", n, err)
			}
			if tooLarge != (n > max) {
				t.Fatalf("%d bytes: too large %v", n, tooLarge)
			}
			if !tooLarge && !bytes.Equal(data, want) {
				t.Fatalf("%d bytes (slow %v): read %d bytes that differ", n, slow, len(data))
			}
			if left, _ := io.ReadAll(rest); len(left) != 0 {
				t.Fatalf("%d bytes: %d left unread", n, len(left))
			}
		}
	}
	if cap(fr.buf) > keepFrameBuffer {
		t.Errorf("keeps a buffer of %d bytes", cap(fr.buf))
	}
}
