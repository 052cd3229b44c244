package main

import (
	"errors"
	"testing"
	"time"

	"github.com/sirupsen/logrus"
)

// formatBoth formats one entry with logFormat and with logrus's own JSONFormatter.
func formatBoth(t *testing.T, data logrus.Fields, msg string) (got, want string) {
	t.Helper()
	l := logrus.New()
	e := logrus.NewEntry(l).WithFields(data)
	e.Time = time.Date(2026, 11, 23, 14, 5, 6, 0, time.FixedZone("JST", 9*3600))
	e.Level = logrus.InfoLevel
	e.Message = msg
	f := newLogFormat()
	g, gerr := f.Format(e)
	w, werr := f.std.Format(e)
	if (gerr == nil) != (werr == nil) {
		t.Fatalf("logFormat error %v, JSONFormatter error %v", gerr, werr)
	}
	return string(g), string(w)
}

func TestLogFormatWritesWhatJSONFormatterWrites(t *testing.T) {
	tests := []struct {
		name string
		data logrus.Fields
		msg  string
	}{
		{"a turn", logrus.Fields{
			"app": "toiawase", "session": "a1b2c3", "channel": "webchat", "new": true, "lang": "ja",
			"intent": "track_package", "confidence": 0.9731, "numbers": []string{"4434-****-1020"},
			"orders": 0, "mode": "bot", "pending": "", "misses": 0, "action": "", "secrets": []string(nil),
			"handoff": false, "took": "21.3µs",
		}, "turn"},
		{"escapes", logrus.Fields{"q": "a\"b\\c\n\t<script>&\u2028\x01\x7f", "bad": "\xff\xfe ok"}, "line\nbreak"},
		{"numbers", logrus.Fields{"zero": 0.0, "neg": -2.5, "big": 1e20, "small": 1e-6, "i64": int64(-7), "u32": uint32(7)}, "n"},
		{"tiny and huge floats", logrus.Fields{"f": 1e-9, "g": 3e21, "h": -2.5e-7}, "f"},
		{"error and nil", logrus.Fields{"error": errors.New("dial tcp: refused"), "none": nil}, "failed"},
		{"a clash with a built-in key", logrus.Fields{"msg": "mine", "level": 3}, "clash"},
		{"a value of another type", logrus.Fields{"ports": []int{80, 443}, "took": 3 * time.Second}, "other"},
		{"no fields", logrus.Fields{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := formatBoth(t, tt.data, tt.msg)
			if got != want {
				t.Fatalf("logFormat wrote\n%s\nJSONFormatter writes\n%s", got, want)
			}
		})
	}
}

func FuzzLogFormat(f *testing.F) {
	for _, s := range []string{"", "荷物が届かない", "<b>&amp;</b>", "\x00\x1f\"\\", "\xed\xa0\x80", "\u2028\u2029", "🙂"} {
		f.Add(s, s+"x", 0.5)
	}
	f.Fuzz(func(t *testing.T, key, val string, x float64) {
		if key == "" || key == "time" || key == "msg" || key == "level" {
			key = "k" + key
		}
		got, want := formatBoth(t, logrus.Fields{key: val, "x": x, "list": []string{val, key}}, val)
		if got != want {
			t.Fatalf("logFormat wrote\n%s\nJSONFormatter writes\n%s", got, want)
		}
	})
}

func BenchmarkLogFormat(b *testing.B) {
	e := logrus.NewEntry(logrus.New()).WithFields(logrus.Fields{
		"app": "toiawase", "session": "a1b2c3", "channel": "webchat", "new": true, "lang": "ja",
		"intent": "track_package", "confidence": 0.9731, "numbers": []string{"4434-****-1020"},
		"orders": 0, "mode": "bot", "pending": "", "misses": 0, "action": "", "secrets": []string(nil),
		"handoff": false, "took": "21.3µs",
	})
	e.Time, e.Message = time.Now(), "turn"
	for _, bc := range []struct {
		name string
		f    logrus.Formatter
	}{{"logFormat", newLogFormat()}, {"JSONFormatter", &logrus.JSONFormatter{TimestampFormat: time.RFC3339}}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.f.Format(e); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
