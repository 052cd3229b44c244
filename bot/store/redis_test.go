package store_test

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/bot/store/storetest"
)

func TestRedisConformance(t *testing.T) {
	url := storetest.StartRedis(t)
	db := 0
	storetest.Run(t, func(t *testing.T) store.Store {
		db++ // a fresh, empty database for each sub-test
		s, err := store.OpenRedis(context.Background(), strings.TrimSuffix(url, "/0")+fmt.Sprintf("/%d", db%16))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// An agent's reply published on one instance reaches the instance the customer is on.
func TestRedisPubSubAcrossInstances(t *testing.T) {
	url := storetest.StartRedis(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, err := store.OpenRedis(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := store.OpenRedis(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	got := make(chan string, 1)
	if err := b.Subscribe(ctx, "push", func(p []byte) { got <- string(p) }); err != nil {
		t.Fatal(err)
	}
	if err := a.Publish(ctx, "push", []byte(`{"session_id":"s1","text":"担当の佐藤です"}`)); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-got:
		if !strings.Contains(p, "担当の佐藤です") {
			t.Errorf("instance b received %q", p)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("instance b received nothing in 5s")
	}
}

func TestRedisUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	if _, err := store.OpenRedis(ctx, "redis://"+addr+"/0"); err == nil {
		t.Fatal("OpenRedis to a closed port succeeded")
	}
	if _, err := store.OpenRedis(ctx, "not a url"); err == nil {
		t.Fatal("OpenRedis with a bad URL succeeded")
	}
}
