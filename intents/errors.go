package intents

import "errors"

// Sentinel errors of the package; wrapped with the operation that failed.
var (
	// ErrNoData means a dataset held no examples.
	ErrNoData = errors.New("intents: no training data")
	// ErrBadModel means a model artefact could not be decoded.
	ErrBadModel = errors.New("intents: bad model artefact")
	// ErrUnknownLabel means an example carries a label outside Labels.
	ErrUnknownLabel = errors.New("intents: unknown label")
)
