//go:build race

package phone

// raceEnabled: the test binary runs under the race detector, so a binary the tests
// build uses -race too and reuses the packages already compiled for it.
const raceEnabled = true
