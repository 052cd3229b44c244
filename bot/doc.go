// Package bot is the dialogue engine: every channel (web chat, HTTP API, Slack, phone,
// terminal) calls Engine.Handle with one customer message and shows the Reply.
//
// # Data flow of one turn
//
//	Inbound ─► Normalize (NFKC, dash look-alikes, white space) ─► limits (ErrEmpty, ErrTooLong)
//	        ─► session: store.Get, or a new one with an unguessable id (crypto/rand, 18 bytes base64url)
//	        ─► secrets redacted (card numbers, passwords, one-time codes): the rest of the
//	           turn, the transcript, the desk and the log only ever see the redacted text
//	        ─► language: client's lang > first message > sticky; a clear message in the other
//	           language switches unless the customer chose one ("lang:en" / "lang:ja")
//	        ─► Numbers.Extract (tracking and order numbers) and Classifier.Classify (intent)
//	        ─► policy (below) ─► text rendered from Content in the session language
//	        ─► store.Put (TTL renewed) + two transcript turns ─► one log entry (intent,
//	           confidence, counts, masked numbers; never text) ─► Reply
//
// # Policy, in order
//
//  1. mode waiting or agent: the text goes to Desk.Forward and the reply is silent.
//  2. a quick reply (Inbound.Action): start, human, lang:, faq:, intent:, carrier:, track:.
//  3. a secret offered: sensitive_refused, then the open question again.
//  4. a pending carrier question answered in words ("ヤマトです"), or a yes/no to a
//     repaired number.
//  5. tracking numbers: valid for one carrier → result with the tracking page and next
//     steps; for several → ask_carrier with a button per carrier; check digit wrong →
//     check_digit_failed (pointing at the last digit); repaired look-alikes → confirm.
//     The flow is the pending one (redelivery asked earlier stays redelivery), else the
//     classified tracking intent, else track_package (a bare number is a tracking question).
//  6. an order number where a tracking number is expected → order_not_tracking (or
//     digital_order), still waiting for the tracking number.
//  7. a pending slot not filled: a new confident topic replaces it; otherwise ask again,
//     and after three failed answers give up the slot and count a miss.
//  8. a confident intent: tracking intents ask for the number (slot tracking_number);
//     contact_support asking for a person hands off; the rest answer from the FAQ.
//  9. unsure (below the model's threshold): unsure + the top topics (classifier, then FAQ
//     search); the second miss in a row offers a person first.
//
// # Session state machine
//
//	      Handle: human (Desk.Open ok)          Take / AgentSay
//	bot ───────────────────────────► waiting ─────────────────► agent
//	 ▲  Desk.Open fails: stays bot,     │ Expire (nobody_answered)  │ Release (agent_left)
//	 │  handoff_unavailable + routes    ▼                           │
//	 └──────────────────────────────────┴───────────────────────────┘
//	   (also back to bot when Desk.Forward fails while waiting or agent)
//
// Slots within mode bot: "" → tracking_number / carrier / confirm_number → "" when the
// flow answers, the topic changes, or three answers failed.
//
// # Concurrency and limits
//
// Turns of one session run one at a time (a striped lock keyed by session id); the
// engine starts no goroutine. Pushes (agent and system messages) go through Config.Sender
// after the session is stored; ErrNotConnected is logged, not returned. Content can be
// swapped at run time (SetContent, on SIGHUP) without touching sessions. Sessions live
// Config.TTL after their last turn (30 minutes by default).
package bot
