//go:build !race

package phone

// raceEnabled: see race_on_test.go.
const raceEnabled = false
