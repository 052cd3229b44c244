package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// SQLite is a Store in one embedded SQLite file (no cgo). It suits one server instance.
// Expired sessions are invisible at once and deleted lazily by Put.
type SQLite struct {
	db  *sql.DB
	now func() time.Time

	get, put, appendTurn, transcript *sql.Stmt

	// lastPurge is when expired rows were last deleted (unix ms); purging runs at most
	// once per purgeEvery so that a busy store does not pay for it on every write.
	lastPurge atomic.Int64
}

const purgeEvery = time.Minute

const sqliteSchema = `
CREATE TABLE IF NOT EXISTS sessions (
	id TEXT PRIMARY KEY,
	data BLOB NOT NULL,
	expires_at INTEGER NOT NULL -- unix milliseconds; 0 = never
);
CREATE TABLE IF NOT EXISTS turns (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	session_id TEXT NOT NULL,
	data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_session ON turns(session_id, seq);
CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions(expires_at) WHERE expires_at != 0;
`

// OpenSQLite opens (creating if needed) the store in the file at path.
// path ":memory:" gives a private in-memory database.
func OpenSQLite(ctx context.Context, path string) (*SQLite, error) {
	dsn := "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite %s: %w", path, err)
	}
	// SQLite has one writer; one connection avoids SQLITE_BUSY and keeps :memory: shared.
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, sqliteSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: create sqlite schema: %w", err)
	}
	s := &SQLite{db: db, now: time.Now}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&s.get, `SELECT data, expires_at FROM sessions WHERE id = ?`},
		{&s.put, `INSERT INTO sessions(id, data, expires_at) VALUES(?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`},
		{&s.appendTurn, `INSERT INTO turns(session_id, data) VALUES(?, ?)`},
		{&s.transcript, `SELECT data FROM (SELECT seq, data FROM turns WHERE session_id = ?
			ORDER BY seq DESC LIMIT ?) ORDER BY seq ASC`},
	}
	for _, st := range stmts {
		p, err := db.PrepareContext(ctx, st.sql)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("store: prepare sqlite statement: %w", err)
		}
		*st.dst = p
	}
	s.lastPurge.Store(s.now().UnixMilli())
	return s, nil
}

func (s *SQLite) expiry(ttl time.Duration) int64 {
	if ttl <= 0 {
		return 0
	}
	return s.now().Add(ttl).UnixMilli()
}

// Get returns the session, or ErrNotFound.
func (s *SQLite) Get(ctx context.Context, id string) (Session, error) {
	var data []byte
	var exp int64
	err := s.get.QueryRowContext(ctx, id).Scan(&data, &exp)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, ErrNotFound
	}
	if err != nil {
		return Session{}, fmt.Errorf("store: get session: %w", err)
	}
	if exp != 0 && exp <= s.now().UnixMilli() {
		return Session{}, ErrNotFound
	}
	var sess Session
	if err := json.Unmarshal(data, &sess); err != nil {
		return Session{}, fmt.Errorf("store: decode session: %w", err)
	}
	return sess, nil
}

// Put creates or replaces the session. About once a minute it also deletes the
// sessions (and transcripts) that have expired.
func (s *SQLite) Put(ctx context.Context, sess Session, ttl time.Duration) error {
	data, err := json.Marshal(sess)
	if err != nil {
		return fmt.Errorf("store: encode session: %w", err)
	}
	if _, err := s.put.ExecContext(ctx, sess.ID, data, s.expiry(ttl)); err != nil {
		return fmt.Errorf("store: put session: %w", err)
	}
	now := s.now().UnixMilli()
	last := s.lastPurge.Load()
	if now-last >= purgeEvery.Milliseconds() && s.lastPurge.CompareAndSwap(last, now) {
		return s.purge(ctx, now)
	}
	return nil
}

// purge deletes expired sessions and their transcripts.
func (s *SQLite) purge(ctx context.Context, now int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: purge: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM turns WHERE session_id IN
		(SELECT id FROM sessions WHERE expires_at != 0 AND expires_at <= ?)`, now); err != nil {
		return fmt.Errorf("store: purge turns: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at != 0 AND expires_at <= ?`, now); err != nil {
		return fmt.Errorf("store: purge sessions: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: purge: %w", err)
	}
	return nil
}

// Delete removes the session and its transcript.
func (s *SQLite) Delete(ctx context.Context, id string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, id); err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM turns WHERE session_id = ?`, id); err != nil {
		return fmt.Errorf("store: delete transcript: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	return nil
}

// Append adds a turn to the session's transcript.
func (s *SQLite) Append(ctx context.Context, id string, t Turn) error {
	data, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("store: encode turn: %w", err)
	}
	if _, err := s.appendTurn.ExecContext(ctx, id, data); err != nil {
		return fmt.Errorf("store: append turn: %w", err)
	}
	return nil
}

// Transcript returns the last n turns (all when n <= 0), oldest first.
func (s *SQLite) Transcript(ctx context.Context, id string, n int) ([]Turn, error) {
	limit := -1
	if n > 0 {
		limit = n
	}
	rows, err := s.transcript.QueryContext(ctx, id, limit)
	if err != nil {
		return nil, fmt.Errorf("store: read transcript: %w", err)
	}
	defer rows.Close()
	var out []Turn
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("store: read transcript: %w", err)
		}
		var t Turn
		if err := json.Unmarshal(data, &t); err != nil {
			return nil, fmt.Errorf("store: decode turn: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read transcript: %w", err)
	}
	return out, nil
}

// Close closes the database.
func (s *SQLite) Close() error {
	for _, st := range []*sql.Stmt{s.get, s.put, s.appendTurn, s.transcript} {
		st.Close()
	}
	return s.db.Close()
}
