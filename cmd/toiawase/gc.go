package main

import "runtime/debug"

// serverGCPercent is the garbage collector's GOGC for serve and loadgen, unless the
// environment sets GOGC. The server's live heap is small (tens of MB: the model,
// content and the sessions' transcripts), and at the default of 100 the collector ran
// several times a second under web-chat load; each mark phase held up replies for
// milliseconds. At 400 it runs a quarter as often, for a heap that peaks at about five
// times the live one instead of twice (`make bench-ws`: README "Figures").
const serverGCPercent = 400

// tuneGC applies serverGCPercent when the environment leaves GOGC unset.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(serverGCPercent)
	}
}
