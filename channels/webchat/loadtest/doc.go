// Package loadtest drives websocket chat servers for `toiawase loadgen` (make bench-ws)
// and the benchmarks of this package: many sessions that each send realistic customer
// messages (messages.json) and wait for the answer, timed per message; idle sessions
// for memory per connection; a bare gorilla echo server to compare with; and a fake
// engine for when the real one is not available.
//
// Everything runs on loopback and is bounded by the caller's context.
package loadtest
