// Package webchat is the customers' web chat: a websocket endpoint (GET /ws) speaking
// the protocol of DESIGN.md, the chat page (GET /) and a script that embeds the chat in
// any site with one tag (GET /widget.js). The page is plain HTML, CSS and JavaScript
// embedded with go:embed; its UI strings (Japanese and English) are data in
// static/i18n.json, which also holds the texts of the error frames.
//
// To put the chat on another site, add one tag to its pages:
//
//	<script src="https://SUPPORT-HOST/widget.js" defer></script>
//
// and allow the site's origin (Config.AllowedOrigins; `serve` reads
// TOIAWASE_WEBCHAT_ORIGINS). The widget shows a "chat with us" button, talks to the host
// it was loaded from, follows the page's lang attribute, and keeps the session token in
// sessionStorage so a reload resumes the conversation.
//
// # Protocol additions
//
// Beyond DESIGN.md the server sends:
//   - {"type":"history","turns":[{"at","from","text","agent"}]} after the session frame
//     of a resumed session (when the Handler implements History), oldest first;
//   - {"type":"ack","reply_to":"c1","mode":"agent"} when the engine has nothing to say
//     to a message (an agent holds the conversation): no bot bubble is shown;
//   - {"type":"system","text":"...","mode":"..."} and {"type":"agent",...,"mode":"..."}
//     for bot.Push values (Send);
//   - error frames carry "reply_to" when they answer a message with an id.
//
// Clients may add "lang":"ja"|"en" to message and action frames (the UI language the
// customer picked). Error codes: too_large, bad_json, bad_utf8, binary, unknown_type,
// rate_limited, empty, bad_id, session_expired (a fresh session frame follows),
// unavailable (the engine failed; details only in the log).
//
// A new connection calls Handle with Action bot.ActionStart and the ?session= token (or none);
// the reply's SessionID is the session. When it equals the token the session is
// "resumed": history is replayed and the engine's resume reply repeats any pending
// question, since the dialogue state lives in the engine.
//
// # Goroutines and who closes what
//
// Per connection there are at most two goroutines:
//   - the read pump (conn.run), started by ServeWS once the session is started (the
//     start runs in the HTTP handler's goroutine, whose stack then goes away; ServeWS
//     returns so net/http drops the request). It owns the connection: it reads frames,
//     calls the engine one message at a time (so replies keep their order) and sends the
//     replies. At its end (client gone, idle timeout, error, or Shutdown) it unregisters
//     the session, queues a close frame, waits until the queue is written, and closes the
//     network connection.
//   - the write pump (conn.flush), which exists only while frames wait to be written.
//     Replies are written by the read pump itself when no write is in progress (measured:
//     a goroutine hand-off per message cost more than the write); a push (Send) starts the
//     write pump as a goroutine, which exits when the queue is empty. One writer at a time
//     (conn.writing). Idle connections therefore cost one goroutine. Every write has a
//     deadline (WriteTimeout); a failed write cuts the network connection, which ends the
//     read pump. A client that stops reading holds up only its own read pump, at most
//     WriteTimeout per frame.
//
// Pings are sent from a per-connection timer (time.AfterFunc) with WriteControl, which
// gorilla/websocket allows concurrently with the write pump; pongs and frames extend the
// read deadline (IdleTimeout). Send (bot.Sender) only appends to the queues of the
// session's connections and never blocks: a connection whose queue is full (SendQueue)
// is a slow client and is cut (it can reconnect and resume).
//
// Shutdown refuses new connections (503), makes every read pump stop reading (reads
// already complete are still answered), and each connection ends with a 1001 "going
// away" close frame after its queued replies; the page reconnects and resumes. If the
// Shutdown context ends first, engine calls are cancelled and connections are cut. The
// page keeps every message that got no reply, ack or error, and sends it again after it
// reconnects, so nothing acknowledged is lost and nothing unacknowledged is forgotten.
//
// # Limits (Config; zero values in brackets)
//
// Frame size [4 KiB] (larger: too_large, frame discarded, connection kept; past the
// hard limit [64×] the connection closes with 1009), messages per second per connection
// [5, burst 10] (rate_limited), send queue [64 frames], write timeout [10 s], ping
// interval [25 s], idle timeout [60 s], engine call timeout [15 s: each call gets at
// least half of it; a connection makes a new deadline only when less remains, not a
// context and a timer per message], history [50 turns].
// Binary frames, invalid UTF-8, invalid JSON and unknown frame types get error frames
// and the connection stays open. Browser origins: same origin plus AllowedOrigins.
//
// Memory: the upgrader reads through a 1 KiB buffer and borrows its 4 KiB write buffer
// from a pool only while writing, so an idle connection holds its read buffer, one
// goroutine, a timer and a rate limiter. Logs carry session ids and error codes, never
// customer text.
package webchat
