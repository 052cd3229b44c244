package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startServer starts the real server on a free loopback port with the given environment
// and stops it when the test ends.
func startServer(t *testing.T, env map[string]string) *Main {
	t.Helper()
	return startServerWith(t, func(m *Main) { m.Getenv = func(k string) string { return env[k] } })
}

// startServerWith is startServer with settings changed before Open.
func startServerWith(t *testing.T, set func(*Main)) *Main {
	t.Helper()
	m := NewMain()
	m.Addr = "127.0.0.1:0"
	m.LogOut = io.Discard
	m.Getenv = func(string) string { return "" }
	set(m)
	ctx, cancel := context.WithCancel(context.Background())
	if err := m.Open(ctx); err != nil {
		cancel()
		t.Fatalf("Open: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run returned %v on shutdown", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("server did not stop within 15s")
		}
	})
	waitHealthy(t, m.URL())
	return m
}

func waitHealthy(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("server never became healthy")
}

func TestServeHealthAndMetrics(t *testing.T) {
	m := startServer(t, nil)
	resp, err := http.Get(m.URL() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/healthz = %d, want 200", resp.StatusCode)
	}
	resp, err = http.Get(m.URL() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `toiawase_http_requests_total{route="/healthz",code="2xx"}`) {
		t.Errorf("/metrics does not count the health check:\n%s", body)
	}
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		args    []string
		env     map[string]string
		addr    string
		wantErr bool
	}{
		{args: nil, addr: "127.0.0.1:8080"},
		{args: nil, env: map[string]string{"TOIAWASE_ADDR": "127.0.0.1:9999"}, addr: "127.0.0.1:9999"},
		{args: []string{"--addr", "127.0.0.1:7000"}, env: map[string]string{"TOIAWASE_ADDR": "127.0.0.1:9999"}, addr: "127.0.0.1:7000"},
		{args: []string{"--nope"}, wantErr: true},
		{args: []string{"extra"}, wantErr: true},
	}
	for _, tt := range tests {
		m := NewMain()
		m.Getenv = func(k string) string { return tt.env[k] }
		err := m.ParseFlags(tt.args, io.Discard)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseFlags(%q) error = %v, wantErr %v", tt.args, err, tt.wantErr)
			continue
		}
		if err == nil && m.Addr != tt.addr {
			t.Errorf("ParseFlags(%q) addr = %q, want %q", tt.args, m.Addr, tt.addr)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	var out strings.Builder
	code := run(context.Background(), Env{Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" }}, []string{"fly"})
	if code != 2 || !strings.Contains(out.String(), `unknown command "fly"`) {
		t.Errorf("run(fly) = %d, %q", code, out.String())
	}
}

// With a data directory, a conversation survives a restart of the server: the customer's
// session id still works and the question the bot asked is still open.
func TestServeKeepsSessionsAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	post := func(base, body string) map[string]any {
		t.Helper()
		resp, err := http.Post(base+"/api/v1/messages", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST %s = %d %v", body, resp.StatusCode, out)
		}
		return out
	}
	first := startServerWith(t, func(m *Main) { m.DataDir = dir })
	r := post(first.URL(), `{"text":"再配達をお願いしたいです"}`)
	id, _ := r["session_id"].(string)
	if id == "" || r["intent"] != "redelivery" {
		t.Fatalf("first answer: %v", r)
	}
	if err := first.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	second := startServerWith(t, func(m *Main) { m.DataDir = dir })
	r = post(second.URL(), `{"session_id":"`+id+`","text":"4434-9617-1020"}`)
	if r["session_id"] != id || r["intent"] != "redelivery" {
		t.Errorf("after the restart the number did not continue the redelivery flow of session %s: %v", id, r)
	}
}
