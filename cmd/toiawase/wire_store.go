package main

import "context"

// openStore builds the session store. STUB until the store issue: in memory.
func (m *Main) openStore(ctx context.Context) error { return nil }
