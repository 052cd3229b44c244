package slack

import (
	"sync"
	"time"

	"github.com/toiawase/toiawase/bot"
)

// ticketState is where a hand-off stands.
type ticketState int

const (
	stateWaiting ticketState = iota // posted, nobody took it yet
	stateTaken                      // an agent holds the conversation
	stateClosed                     // closed by an agent; the customer is back with the bot
	stateExpired                    // nobody took it in time
)

func (s ticketState) open() bool { return s == stateWaiting || s == stateTaken }

// ticket is a hand-off as the desk tracks it. It holds the unmasked numbers of the
// conversation so that the agent who took it can ask for them; nothing else shows them.
type ticket struct {
	bot.Ticket
	// ID names the ticket in its buttons and in logs, so that neither carries the
	// session id (which would let its holder resume the customer's chat).
	ID           string
	SlackChannel string // where the ticket message is (the hand-off channel)
	TS           string // the ticket message, and so the thread
	State        ticketState
	AgentID      string // Slack user id of the agent who took it
	AgentName    string // their display name, as the customer sees it
	Opened       time.Time
}

// outcome is the result of an agent's action on a ticket.
type outcome int

const (
	outDone       outcome = iota // the action happened
	outNoChange                  // it had already happened (a double click)
	outOtherAgent                // someone else holds the ticket
	outEnded                     // the ticket is closed or expired
	outUnknown                   // no such ticket (never posted here, or forgotten)
)

// ticketBook keeps tickets in memory, at most max of them: when full, the oldest finished
// ticket is forgotten, or the oldest of all when none is finished. Safe for concurrent use.
type ticketBook struct {
	mu        sync.Mutex
	max       int
	bySession map[string]*ticket
	byThread  map[string]string // channel + "/" + ts -> session id
	byID      map[string]string // ticket id -> session id
	order     []string          // session ids, oldest first
}

func newTicketBook(max int) *ticketBook {
	return &ticketBook{max: max, bySession: map[string]*ticket{}, byThread: map[string]string{}, byID: map[string]string{}}
}

func threadKey(channel, ts string) string { return channel + "/" + ts }

// add records a posted ticket, replacing any earlier ticket of the same session.
func (b *ticketBook) add(t ticket) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if old, ok := b.bySession[t.SessionID]; ok {
		delete(b.byThread, threadKey(old.SlackChannel, old.TS))
		delete(b.byID, old.ID)
		b.removeOrder(t.SessionID)
	}
	b.bySession[t.SessionID] = &t
	b.byThread[threadKey(t.SlackChannel, t.TS)] = t.SessionID
	b.byID[t.ID] = t.SessionID
	b.order = append(b.order, t.SessionID)
	for len(b.order) > b.max {
		victim := b.order[0]
		for _, id := range b.order {
			if !b.bySession[id].State.open() {
				victim = id
				break
			}
		}
		b.drop(victim)
	}
}

func (b *ticketBook) drop(session string) {
	if t, ok := b.bySession[session]; ok {
		delete(b.byThread, threadKey(t.SlackChannel, t.TS))
		delete(b.byID, t.ID)
		delete(b.bySession, session)
	}
	b.removeOrder(session)
}

func (b *ticketBook) removeOrder(session string) {
	for i, id := range b.order {
		if id == session {
			b.order = append(b.order[:i], b.order[i+1:]...)
			return
		}
	}
}

// get returns a copy of the session's ticket.
func (b *ticketBook) get(session string) (ticket, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t, ok := b.bySession[session]
	if !ok {
		return ticket{}, false
	}
	return *t, true
}

// inThread returns the ticket whose message starts the thread channel/ts.
func (b *ticketBook) inThread(channel, ts string) (ticket, bool) {
	b.mu.Lock()
	id, ok := b.byThread[threadKey(channel, ts)]
	b.mu.Unlock()
	if !ok {
		return ticket{}, false
	}
	return b.get(id)
}

// sessionFor returns the session of the ticket with the given id.
func (b *ticketBook) sessionFor(id string) (string, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.byID[id]
	return s, ok
}

// take gives a waiting ticket to an agent.
func (b *ticketBook) take(session, agentID, agentName string) (ticket, outcome) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t, ok := b.bySession[session]
	switch {
	case !ok:
		return ticket{}, outUnknown
	case t.State == stateTaken && t.AgentID == agentID:
		return *t, outNoChange
	case t.State == stateTaken:
		return *t, outOtherAgent
	case !t.State.open():
		return *t, outEnded
	}
	t.State, t.AgentID, t.AgentName = stateTaken, agentID, agentName
	return *t, outDone
}

// finish closes (by an agent) or expires an open ticket. Only the agent holding a taken
// ticket may close it; a waiting ticket may be closed by anyone, and only waiting ones expire.
func (b *ticketBook) finish(session string, to ticketState, agentID string) (ticket, outcome) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t, ok := b.bySession[session]
	switch {
	case !ok:
		return ticket{}, outUnknown
	case !t.State.open():
		return *t, outEnded
	case to == stateExpired && t.State != stateWaiting:
		return *t, outNoChange
	case to == stateClosed && t.State == stateTaken && t.AgentID != agentID:
		return *t, outOtherAgent
	}
	t.State = to
	return *t, outDone
}

// restore puts a ticket back as it was when the engine refused a change.
func (b *ticketBook) restore(prev ticket) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if t, ok := b.bySession[prev.SessionID]; ok && t.TS == prev.TS {
		t.State, t.AgentID, t.AgentName = prev.State, prev.AgentID, prev.AgentName
	}
}

// due returns the sessions of tickets that waited longer than timeout at now.
func (b *ticketBook) due(now time.Time, timeout time.Duration) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var ids []string
	for _, id := range b.order {
		t := b.bySession[id]
		if t.State == stateWaiting && !now.Before(t.Opened.Add(timeout)) {
			ids = append(ids, id)
		}
	}
	return ids
}

func (b *ticketBook) len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.bySession)
}
