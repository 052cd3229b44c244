package webchat

import (
	"encoding/json"
	"unicode/utf8"
)

// decodeClientFrame reads a client frame as json.Unmarshal would. Frames as the page
// sends them — one flat object of known keys and plain string values — are read
// without reflection: a frame is decoded for every message, and json.Unmarshal was a
// few per cent of the server's CPU under load. Anything else (escapes, other keys or
// value types, a key in another case) goes to json.Unmarshal, so the two never differ;
// FuzzDecodeClientFrame checks that.
func decodeClientFrame(data []byte) (clientFrame, error) {
	var f clientFrame
	if decodePlainFrame(data, &f) {
		return f, nil
	}
	var slow clientFrame
	err := json.Unmarshal(data, &slow)
	return slow, err
}

// decodePlainFrame decodes data into f when it is a plain frame and reports whether it
// was; f is then complete. When it reports false, f holds partial values.
func decodePlainFrame(data []byte, f *clientFrame) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return skipSpace(data, i+1) == len(data)
	}
	for {
		key, next, ok := plainString(data, i)
		if !ok {
			return false
		}
		i = skipSpace(data, next)
		if i >= len(data) || data[i] != ':' {
			return false
		}
		val, next, ok := plainString(data, skipSpace(data, i+1))
		if !ok {
			return false
		}
		switch string(key) {
		case "type":
			f.Type = string(val)
		case "id":
			f.ID = string(val)
		case "text":
			f.Text = string(val)
		case "value":
			f.Value = string(val)
		case "lang":
			f.Lang = string(val)
		default:
			return false // unknown keys match case-insensitively in encoding/json
		}
		i = skipSpace(data, next)
		if i >= len(data) {
			return false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return skipSpace(data, i+1) == len(data)
		default:
			return false
		}
	}
}

// plainString reads a JSON string at data[i] that has no escapes or control
// characters and is valid UTF-8, returning its contents and the index after it.
func plainString(data []byte, i int) (s []byte, next int, ok bool) {
	if i >= len(data) || data[i] != '"' {
		return nil, 0, false
	}
	for j := i + 1; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			s = data[i+1 : j]
			return s, j + 1, utf8.Valid(s)
		case c == '\\' || c < 0x20:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}
