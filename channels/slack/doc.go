// Package slack is the agent desk in Slack: hand-off tickets, the conversation between
// the agent who takes a ticket and the customer, and assist commands for agents.
//
// # Connection
//
// With Config.AppToken the desk opens a Socket Mode connection (no public URL needed);
// otherwise Slack posts to the routes Mount adds (POST /slack/events, /slack/commands,
// /slack/interactions), each verified with Config.SigningSecret: a bad signature or a
// timestamp more than 5 minutes away is answered 401. url_verification is answered
// with its challenge. Every request is answered at once and its work queued; an event
// id (or interaction) already seen is acknowledged and dropped, so a retry by Slack or
// a replayed request never posts twice. When Slack cannot be reached the rest of the
// server keeps serving: the identity check and the Socket Mode connection retry with
// back-off (1 s doubling to 1 min), posts and updates retry 3 times.
//
// # Hand-off
//
// The engine calls Open: the ticket (language, topic, reason, tracking numbers and
// caller with only their last 4 digits, the last messages masked by Mask, buttons Take
// and Close) goes to Config.HandoffChannel. Take gives the conversation to that agent
// (engine Take); from then on their replies in the ticket thread reach the customer
// (engine AgentSay), Forward posts the customer's messages to the thread, and other
// people in the thread talk among themselves. Show numbers shows the full numbers, as an
// ephemeral message, to the agent holding the ticket and nobody else. Close returns the
// customer to the bot (engine Release). A ticket nobody takes within Config.TakeTimeout
// expires (engine Expire: the customer is shown the official contact routes). Phone
// tickets (Channel "phone", Caller set) show as call-back requests. A hand-off asked for
// from Slack itself (an agent's own conversation with the bot) is refused with
// ErrAgentConversation, so the engine shows the contact routes. Buttons and logs name a
// random ticket id, never the session id, which would let its reader resume the chat.
//
// # Assist
//
// `/toiawase track <number>` gives the validator's verdict and `/toiawase faq <question>`
// the top 3 FAQ answers, both for the asking agent only. Mentioning the bot, or writing
// to it directly, gets the engine's answer in a thread, in the language of the question;
// each thread is one engine session.
//
// # Goroutines and who stops them
//
// Run starts, and waits for, every goroutine of the desk; they all end when its ctx is
// done: Config.Workers workers (zero: 4) draining a queue of Config.Queue jobs (zero:
// 256; when full, HTTP events get 503 and Socket Mode requests stay unacknowledged so
// Slack delivers them again); one identity check (auth.test with back-off, then done);
// one expiry ticker (TakeTimeout/10, between 10 ms and 5 s); and in Socket Mode one
// reader of slack-go's event channel plus one goroutine running the slack-go client,
// which reconnects with back-off. HTTP handlers run on the server's goroutines and
// only queue work. A job that panics is logged and dropped; its worker goes on.
// Nothing needs closing besides cancelling ctx.
//
// # Limits and state
//
// State is in memory and bounded: at most Config.MaxTickets tickets (zero: 1000; the
// oldest finished ticket is forgotten first), Config.MaxThreads assist threads (zero:
// 1000, least recently used forgotten) and Config.DedupSize event ids (zero: 4096). A
// request body is at most 1 MiB. Because the ticket ↔ thread map lives in one process,
// several instances behind a load balancer need it in the shared (Redis) store: that is
// left to the store issue. Until then run one instance with Slack turned on.
//
// # Personal data
//
// Agents never see card numbers or one-time codes: Mask hides them (and e-mail addresses,
// phone numbers, passwords) in everything posted. Logs carry session ids, event kinds and
// errors, never customer text or numbers.
package slack
