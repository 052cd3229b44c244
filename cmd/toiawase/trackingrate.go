package main

import (
	"context"
	"errors"
)

// STUB: replaced by the issue that owns this command.
func runTrackingRate(ctx context.Context, env Env, args []string) error {
	return errors.New("not built yet")
}
