package faq

import "errors"

// Sentinel errors; every error returned by this package wraps one of them.
var (
	// ErrInvalid means the data files break a rule (unknown intent, missing language,
	// duplicate id, dangling follow-up, link off the allow-list, ...).
	ErrInvalid = errors.New("faq: invalid data")
	// ErrUnknownMessage means no message has the requested id.
	ErrUnknownMessage = errors.New("faq: unknown message")
	// ErrMissingArg means a message placeholder had no value.
	ErrMissingArg = errors.New("faq: missing message argument")
)
