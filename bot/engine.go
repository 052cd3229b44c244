package bot

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/sirupsen/logrus"

	"github.com/toiawase/toiawase/bot/store"
	"github.com/toiawase/toiawase/faq"
	"github.com/toiawase/toiawase/intents"
)

// Defaults used where Config leaves a zero value.
const (
	DefaultTTL         = 30 * time.Minute
	DefaultMaxText     = 2000 // runes
	DefaultRecentTurns = 20
	// DefaultMinConfidence is the least confidence at which the engine acts on a predicted
	// intent (or says a message is out of scope); below it the customer gets topics to pick.
	DefaultMinConfidence = 0.7
)

// Config configures an Engine. The zero value is usable: it loads the embedded intent
// model and FAQ, uses the tracking package, keeps sessions in memory, has no agent desk
// (hand-offs are refused honestly, with the official contact routes) and logs nothing.
type Config struct {
	// Classifier predicts intents; nil loads the embedded model (intents.Load).
	Classifier Classifier
	// Content is the curated text; nil loads the embedded FAQ (faq.Default).
	Content Content
	// Numbers finds tracking and order numbers; nil means TrackingTable (the tracking package).
	Numbers Numbers
	// Store keeps sessions and transcripts; nil means a new in-memory store.
	Store store.Store
	// Sender pushes agent and system messages to customers; nil drops them (logged).
	Sender Sender
	// Desk receives hand-offs; nil means no desk: hand-offs are refused.
	Desk Desk
	// Log receives one entry per turn (intent, confidence, counts, masked numbers; never
	// the customer's text); nil discards.
	Log *logrus.Entry
	// TTL is how long an idle session lives; zero means DefaultTTL (30 minutes).
	TTL time.Duration
	// MaxText is the longest text accepted, in runes; zero means DefaultMaxText (2000).
	MaxText int
	// DefaultLang is the language of a session whose first message does not tell; "" means "ja".
	DefaultLang string
	// MinConfidence: a prediction below it is treated as unsure (topics offered) even
	// when the model's own threshold let it through; zero means DefaultMinConfidence (0.7).
	MinConfidence float64
	// RecentTurns is how many transcript turns a hand-off ticket carries; zero means 20.
	RecentTurns int
	// Now is the clock; nil means time.Now. Tests inject their own.
	Now func() time.Time
}

// Engine is the dialogue engine. It is safe for concurrent use; turns of one session
// are handled one at a time.
type Engine struct {
	classifier  Classifier
	content     atomic.Pointer[contentBox]
	numbers     Numbers
	store       store.Store
	sender      Sender
	desk        Desk
	log         *logrus.Entry
	ttl         time.Duration
	maxText     int
	defaultLang string
	recent      int
	minConf     float64
	now         func() time.Time
	secrets     *secretPatterns
	phrases     *phrases
	locks       [256]sync.Mutex
}

type contentBox struct{ c Content }

// New builds an engine from cfg, filling zero values with the defaults above. It fails
// when a default part cannot be loaded or the content lacks a message the engine needs.
func New(cfg Config) (*Engine, error) {
	e := &Engine{
		classifier: cfg.Classifier, numbers: cfg.Numbers, store: cfg.Store, sender: cfg.Sender,
		desk: cfg.Desk, log: cfg.Log, ttl: cfg.TTL, maxText: cfg.MaxText, defaultLang: cfg.DefaultLang,
		recent: cfg.RecentTurns, minConf: cfg.MinConfidence, now: cfg.Now, secrets: newSecretPatterns(),
	}
	ph, err := loadPhrases()
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	e.phrases = ph
	if e.classifier == nil {
		m, err := intents.Load()
		if err != nil {
			return nil, fmt.Errorf("bot: load intent model: %w", err)
		}
		e.classifier = m
	}
	content := cfg.Content
	if content == nil {
		set, err := faq.Default()
		if err != nil {
			return nil, fmt.Errorf("bot: load faq: %w", err)
		}
		content = set
	}
	if err := e.SetContent(content); err != nil {
		return nil, err
	}
	if e.numbers == nil {
		e.numbers = TrackingTable{}
	}
	if e.store == nil {
		e.store = store.NewMemory(store.MemoryConfig{Now: cfg.Now})
	}
	if e.ttl <= 0 {
		e.ttl = DefaultTTL
	}
	if e.maxText <= 0 {
		e.maxText = DefaultMaxText
	}
	if !validLang(e.defaultLang) {
		e.defaultLang = LangJA
	}
	if e.minConf <= 0 {
		e.minConf = DefaultMinConfidence
	}
	if e.recent <= 0 {
		e.recent = DefaultRecentTurns
	}
	if e.now == nil {
		e.now = time.Now
	}
	return e, nil
}

// SetContent swaps the curated content (FAQ reload) without touching sessions. It fails,
// keeping the old content, when c lacks a message the engine needs.
func (e *Engine) SetContent(c Content) error {
	if c == nil {
		return errors.New("bot: set content: nil")
	}
	if err := checkMessages(c); err != nil {
		return fmt.Errorf("bot: set content: %w", err)
	}
	e.content.Store(&contentBox{c})
	return nil
}

func (e *Engine) contentNow() Content { return e.content.Load().c }

// lock serialises the turns of one session (striped: ids sharing a stripe wait for each other).
func (e *Engine) lock(id string) func() {
	h := fnv.New32a()
	h.Write([]byte(id))
	mu := &e.locks[h.Sum32()%uint32(len(e.locks))]
	mu.Lock()
	return mu.Unlock
}

// Handle answers one inbound message. When both Action and Text are set, the action
// (a quick reply) is what the engine acts on; the text is kept in the transcript only
// when there is no action.
//
// Errors: ErrUnknownSession when in.SessionID names no live session (the channel starts
// a new one). ErrEmpty (neither text nor action) and ErrTooLong (text over MaxText) come
// WITH a Reply whose Text is a polite explanation in the session's language that the
// channel may show as it is; the session is not changed by such a message.
func (e *Engine) Handle(ctx context.Context, in Inbound) (Reply, error) {
	text := Normalize(in.Text)
	if text == "" && in.Action == "" {
		return e.refuse(ctx, in, "empty", ErrEmpty)
	}
	if utf8.RuneCountInString(text) > e.maxText {
		return e.refuse(ctx, in, "too_long", ErrTooLong)
	}
	if in.SessionID != "" {
		defer e.lock(in.SessionID)()
	}
	t, err := e.begin(ctx, in, text)
	if err != nil {
		return Reply{}, err
	}
	if err := t.run(); err != nil {
		return Reply{}, fmt.Errorf("handle: %w", err)
	}
	return t.finish()
}

// refuse answers a message the engine does not take (empty, too long) without touching the session.
func (e *Engine) refuse(ctx context.Context, in Inbound, id string, cause error) (Reply, error) {
	lang := e.defaultLang
	if validLang(in.Lang) {
		lang = in.Lang
	} else if in.SessionID != "" {
		if s, err := e.store.Get(ctx, in.SessionID); err == nil && validLang(s.Lang) {
			lang = s.Lang
		}
	}
	text, err := e.contentNow().Message(id, lang, msgArgs{max: fmt.Sprint(e.maxText)}.m())
	if err != nil {
		return Reply{}, fmt.Errorf("handle: %w (and %v)", cause, err)
	}
	return Reply{SessionID: in.SessionID, Text: text, Lang: lang}, fmt.Errorf("handle: %w", cause)
}
