package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Redis is a Store in Redis, for several server instances behind one load balancer:
// sessions are keys with a TTL, transcripts are lists that expire with their session, and
// Publish/Subscribe carry pushes (an agent's reply) to the instance the customer is on.
type Redis struct {
	c      *redis.Client
	prefix string
	append *redis.Script
}

// OpenRedis connects to the Redis at url (redis://host:port/db) and checks it answers.
func OpenRedis(ctx context.Context, url string) (*Redis, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("store: redis url: %w", err)
	}
	c := redis.NewClient(opt)
	if err := c.Ping(ctx).Err(); err != nil {
		c.Close()
		return nil, fmt.Errorf("store: redis ping: %w", err)
	}
	return &Redis{c: c, prefix: "toiawase:", append: redis.NewScript(appendLua)}, nil
}

func (r *Redis) sessionKey(id string) string { return r.prefix + "session:" + id }
func (r *Redis) turnsKey(id string) string   { return r.prefix + "turns:" + id }

// Get returns the session, or ErrNotFound.
func (r *Redis) Get(ctx context.Context, id string) (Session, error) {
	data, err := r.c.Get(ctx, r.sessionKey(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return Session{}, ErrNotFound
	}
	if err != nil {
		return Session{}, fmt.Errorf("store: get session: %w", err)
	}
	var s Session
	if err := json.Unmarshal(data, &s); err != nil {
		return Session{}, fmt.Errorf("store: decode session: %w", err)
	}
	return s, nil
}

// Put creates or replaces the session; its transcript gets the same expiry.
func (r *Redis) Put(ctx context.Context, s Session, ttl time.Duration) error {
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("store: encode session: %w", err)
	}
	pipe := r.c.TxPipeline()
	if ttl > 0 {
		pipe.Set(ctx, r.sessionKey(s.ID), data, ttl)
		pipe.PExpire(ctx, r.turnsKey(s.ID), ttl)
	} else {
		pipe.Set(ctx, r.sessionKey(s.ID), data, 0)
		pipe.Persist(ctx, r.turnsKey(s.ID))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return fmt.Errorf("store: put session: %w", err)
	}
	return nil
}

// Delete removes the session and its transcript.
func (r *Redis) Delete(ctx context.Context, id string) error {
	if err := r.c.Del(ctx, r.sessionKey(id), r.turnsKey(id)).Err(); err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// appendLua pushes a turn and gives the list the session's remaining time to live.
const appendLua = `
redis.call('RPUSH', KEYS[2], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
return 1`

// Append adds a turn to the session's transcript.
func (r *Redis) Append(ctx context.Context, id string, t Turn) error {
	data, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("store: encode turn: %w", err)
	}
	if err := r.append.Run(ctx, r.c, []string{r.sessionKey(id), r.turnsKey(id)}, data).Err(); err != nil {
		return fmt.Errorf("store: append turn: %w", err)
	}
	return nil
}

// Transcript returns the last n turns (all when n <= 0), oldest first.
func (r *Redis) Transcript(ctx context.Context, id string, n int) ([]Turn, error) {
	start := int64(0)
	if n > 0 {
		start = -int64(n)
	}
	items, err := r.c.LRange(ctx, r.turnsKey(id), start, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("store: read transcript: %w", err)
	}
	out := make([]Turn, 0, len(items))
	for _, it := range items {
		var t Turn
		if err := json.Unmarshal([]byte(it), &t); err != nil {
			return nil, fmt.Errorf("store: decode turn: %w", err)
		}
		out = append(out, t)
	}
	return out, nil
}

// Publish sends payload to every subscriber of topic, on any instance.
func (r *Redis) Publish(ctx context.Context, topic string, payload []byte) error {
	if err := r.c.Publish(ctx, r.prefix+"pub:"+topic, payload).Err(); err != nil {
		return fmt.Errorf("store: publish: %w", err)
	}
	return nil
}

// Subscribe calls fn for each payload published on topic until ctx is done. It returns
// once the subscription is confirmed by Redis, delivering in a goroutine that ends with ctx.
func (r *Redis) Subscribe(ctx context.Context, topic string, fn func(payload []byte)) error {
	ps := r.c.Subscribe(ctx, r.prefix+"pub:"+topic)
	if _, err := ps.Receive(ctx); err != nil {
		ps.Close()
		return fmt.Errorf("store: subscribe: %w", err)
	}
	ch := ps.Channel()
	go func() {
		defer ps.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case m, ok := <-ch:
				if !ok {
					return
				}
				fn([]byte(m.Payload))
			}
		}
	}()
	return nil
}

// Close closes the connection pool.
func (r *Redis) Close() error { return r.c.Close() }
