package webchat

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestPageAndAssetsHeaders(t *testing.T) {
	_, ts := startServer(t, newFakeEngine(), Config{})
	tests := []struct {
		path, wantType, wantBody string
	}{
		{"/", "text/html", `<div id="toiawase-chat"`},
		{"/widget.js", "javascript", "textContent"},
		{"/webchat/widget.css", "text/css", ".tw-chat"},
		{"/webchat/i18n.json", "application/json", `"ja"`},
		{"/webchat/icon.svg", "image/svg+xml", "<svg"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := http.Get(ts.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), tt.wantType) || !strings.Contains(string(body), tt.wantBody) {
				t.Fatalf("GET %s = %d %q, body without %q", tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), tt.wantBody)
			}
			csp := resp.Header.Get("Content-Security-Policy")
			if csp == "" || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Fatalf("GET %s: Content-Security-Policy %q, want one without unsafe-*", tt.path, csp)
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Fatalf("GET %s: no nosniff", tt.path)
			}
		})
	}
}

func TestPageHasNoInlineScriptOrStyle(t *testing.T) {
	b, err := assets.ReadFile("static/index.html")
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	if m := regexp.MustCompile(`<script(?:[^>]*)>\s*[^<\s]`).FindString(page); m != "" {
		t.Fatalf("inline script in the page: %q (the CSP forbids it)", m)
	}
	if strings.Contains(page, "<style") || strings.Contains(page, "style=") || regexp.MustCompile(`\son[a-z]+=`).MatchString(page) {
		t.Fatal("inline style or event handler in the page (the CSP forbids it)")
	}
	js, _ := assets.ReadFile("static/widget.js")
	if regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(`).Match(js) {
		t.Fatal("widget.js builds HTML from strings; customer and server text must go through textContent")
	}
}

// TestUIStringsInBothLanguages: every UI string, carrier name and error text exists in
// Japanese and in English.
func TestUIStringsInBothLanguages(t *testing.T) {
	b, err := assets.ReadFile("static/i18n.json")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]map[string]map[string]string
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	for _, section := range []string{"ui", "carriers", "errors"} {
		ja, en := keys(all["ja"][section]), keys(all["en"][section])
		if len(ja) == 0 || !slices.Equal(ja, en) {
			t.Errorf("%s: ja keys %v, en keys %v; want the same, non-empty", section, ja, en)
		}
		for lang, m := range all {
			for k, v := range m[section] {
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s.%s.%s is empty", lang, section, k)
				}
			}
		}
	}
	js, _ := assets.ReadFile("static/widget.js")
	for _, m := range regexp.MustCompile(`this\.t\('([a-z_]+)'\)`).FindAllSubmatch(js, -1) {
		if _, ok := all["ja"]["ui"][string(m[1])]; !ok {
			t.Errorf("widget.js uses UI string %q that i18n.json lacks", m[1])
		}
	}
}

func keys(m map[string]string) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	slices.Sort(k)
	return k
}
