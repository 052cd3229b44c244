package main

import "context"

// wireWebchat builds this part and mounts its routes on m.mux. STUB until its issue lands.
func (m *Main) wireWebchat(ctx context.Context) error { return nil }
