package main

import (
	"bytes"
	"slices"
	"strconv"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/toiawase/toiawase/internal/jsonw"
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
		out = jsonw.String(out, k)
		out = append(out, ':')
		switch k {
		case logrus.FieldKeyLevel:
			out = jsonw.String(out, e.Level.String())
		case logrus.FieldKeyMsg:
			out = jsonw.String(out, e.Message)
		case logrus.FieldKeyTime:
			out = jsonw.String(out, e.Time.Format(f.std.TimestampFormat))
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
		return jsonw.Finite(v)
	}
	return false
}

func appendJSONValue(out []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(out, "null"...)
	case string:
		return jsonw.String(out, v)
	case error:
		return jsonw.String(out, v.Error())
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
		return jsonw.Float(out, v)
	case []string:
		return jsonw.Strings(out, v)
	}
	panic("appendJSONValue: not a plain value") // plainValue guards every call
}
