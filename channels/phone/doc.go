// Package phone is the DTMF phone tree: the menu as data (menu.yaml, embedded, reloadable
// from a directory), keypad entry of tracking numbers checked with the shared validator,
// a terminal simulator and a Twilio-compatible TwiML webhook.
//
// # Shape
//
// Tree.Step is a pure state machine: (State, Event) -> (State, Turn). A Turn says what to
// speak (each Utterance in its language) and how to gather the next keys, asks for a
// hand-off, or hangs up. Phone.Call keeps each call's State in a CallStore keyed by
// CallSid, performs the hand-off a Turn asks for (bot.Desk.Open) and feeds the outcome
// back to Step, so the caller hears how it went. The Simulator and the webhook
// (Phone.Webhook) both go through Phone.Call and differ only in how keys come in and how
// the Turn goes out (text lines, or TwiML via RenderTwiML). The content spoken comes from
// menu.yaml (prompts, messages) and from the FAQ (faq.Answer.Speech of each answer node's
// intent; contact_support when no operator can take the call).
//
// Keys follow Twilio's <Gather>: # ends an entry (it is not part of Digits), a fixed
// NumDigits ends it by itself, and silence posts an empty result (actionOnEmptyResult), which
// becomes EventTimeout and a re-prompt. In an entry, * clears what came before it. Menus
// take one key and have no finish key, so # there is an invalid key.
//
// # Goroutines, ownership, limits
//
// The package starts no goroutine. The webhook handler runs on the HTTP server's
// goroutines; Phone is safe for concurrent use (the tree is swapped atomically by
// Reload, the CallStore is guarded by a mutex). Nothing needs closing.
//
// The CallStore holds at most Config.MaxCalls calls (default 10,000), each forgotten
// Config.CallTTL (default 30 minutes) after its last request; expiry is lazy (checked on
// use, oldest dropped first when full). State is in memory: a call routed to another
// instance starts again at the top. A webhook body is limited to 64 KiB. Desk.Open gets
// Config.HandoffTimeout (default 5 s), under Twilio's 15 s webhook timeout; running out
// of it counts as "no operator available".
//
// Known limits: Twilio may count * toward numDigits and end a Gather early, so when a
// caller presses * and keeps keying, the tree keeps the digits after the star and
// answers with a silent Gather for the rest (keys pressed during that round trip may be
// lost; the read-back catches it). Only numbers of digits can be keyed, so S10 and other
// lettered numbers cannot be entered; an entry stops at 12 digits. Withheld callers
// ("anonymous") cannot be called back, so no ticket is opened for them.
//
// Personal data: logs carry the caller's number and tracking numbers masked only
// (MaskCaller, tracking.Mask); the unmasked values go to the desk in the bot.Ticket, which masks them in
// what it shows.
package phone
