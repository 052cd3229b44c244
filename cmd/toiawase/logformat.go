package main

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/sirupsen/logrus"
)

// logFormat writes the JSON lines of logrus.JSONFormatter{TimestampFormat: time.RFC3339},
// byte for byte, without encoding/json's reflection for the values a log line carries
// (strings, numbers, booleans, string lists, errors): the engine logs every turn, and
// the stock formatter was a tenth of a turn's CPU under web-chat load. An entry with
// any other value, a field named like a built-in key, or a caller is handed to the
// stock formatter whole. (Like the stock one it cannot see logrus's own note about a
// dropped func-valued field.)
type logFormat struct {
	std logrus.JSONFormatter
}

func newLogFormat() *logFormat {
	return &logFormat{std: logrus.JSONFormatter{TimestampFormat: time.RFC3339}}
}

// Format implements logrus.Formatter.
func (f *logFormat) Format(e *logrus.Entry) ([]byte, error) {
	if e.Caller != nil {
		return f.std.Format(e)
	}
	keys := make([]string, 0, len(e.Data)+3)
	for k, v := range e.Data {
		if k == logrus.FieldKeyTime || k == logrus.FieldKeyMsg || k == logrus.FieldKeyLevel || !plainValue(v) {
			return f.std.Format(e)
		}
		keys = append(keys, k)
	}
	keys = append(keys, logrus.FieldKeyLevel, logrus.FieldKeyMsg, logrus.FieldKeyTime)
	slices.Sort(keys)

	b := e.Buffer
	if b == nil {
		b = new(bytes.Buffer)
	}
	out := slices.Grow(b.AvailableBuffer(), 256+32*len(keys))
	out = append(out, '{')
	for i, k := range keys {
		if i > 0 {
			out = append(out, ',')
		}
		out = appendJSONString(out, k)
		out = append(out, ':')
		switch k {
		case logrus.FieldKeyLevel:
			out = appendJSONString(out, e.Level.String())
		case logrus.FieldKeyMsg:
			out = appendJSONString(out, e.Message)
		case logrus.FieldKeyTime:
			out = appendJSONString(out, e.Time.Format(f.std.TimestampFormat))
		default:
			out = appendJSONValue(out, e.Data[k])
		}
	}
	out = append(out, '}', '\n')
	b.Write(out)
	return b.Bytes(), nil
}

// plainValue reports whether appendJSONValue writes v exactly as encoding/json would.
func plainValue(v any) bool {
	switch v := v.(type) {
	case string, bool, int, int64, int32, uint32, error, []string, nil:
		return true
	case float64:
		return plainFloat(v)
	}
	return false
}

// plainFloat: encoding/json writes these floats in 'f' format, shortest.
func plainFloat(v float64) bool {
	a := math.Abs(v)
	return a == 0 || (a >= 1e-6 && a < 1e21)
}

func appendJSONValue(out []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(out, "null"...)
	case string:
		return appendJSONString(out, v)
	case error:
		return appendJSONString(out, v.Error())
	case bool:
		return strconv.AppendBool(out, v)
	case int:
		return strconv.AppendInt(out, int64(v), 10)
	case int64:
		return strconv.AppendInt(out, v, 10)
	case int32:
		return strconv.AppendInt(out, int64(v), 10)
	case uint32:
		return strconv.AppendUint(out, uint64(v), 10)
	case float64:
		return strconv.AppendFloat(out, v, 'f', -1, 64)
	case []string:
		if v == nil {
			return append(out, "null"...)
		}
		out = append(out, '[')
		for i, s := range v {
			if i > 0 {
				out = append(out, ',')
			}
			out = appendJSONString(out, s)
		}
		return append(out, ']')
	}
	panic("appendJSONValue: not a plain value") // plainValue guards every call
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does with HTML escaping on: <, > and &
// as \u escapes, invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendJSONString(out []byte, s string) []byte {
	out = append(out, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			out = append(out, s[start:i]...)
			switch c {
			case '"', '\\':
				out = append(out, '\\', c)
			case '\n':
				out = append(out, '\\', 'n')
			case '\r':
				out = append(out, '\\', 'r')
			case '\t':
				out = append(out, '\\', 't')
			case '\b':
				out = append(out, '\\', 'b')
			case '\f':
				out = append(out, '\\', 'f')
			default:
				out = append(out, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, s[start:i]...)
			out = append(out, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			out = append(out, s[start:i]...)
			out = append(out, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	out = append(out, s[start:]...)
	return append(out, '"')
}
