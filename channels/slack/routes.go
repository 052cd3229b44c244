package slack

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// maxBody bounds a request from Slack; real ones are a few kilobytes.
const maxBody = 1 << 20

// Mount adds the Events API, slash command and interactivity endpoints to mux:
// POST /slack/events, POST /slack/commands, POST /slack/interactions. Every request must
// carry a valid signature (SigningSecret) with a timestamp less than 5 minutes old.
// Each answers at once; the work happens in the background.
func (d *Desk) Mount(mux *http.ServeMux) {
	mux.Handle("POST /slack/events", d.verified(d.serveEvents))
	mux.Handle("POST /slack/commands", d.verified(d.serveCommand))
	mux.Handle("POST /slack/interactions", d.verified(d.serveInteraction))
}

// verified reads the body and checks Slack's signature before calling next.
func (d *Desk) verified(next func(http.ResponseWriter, *http.Request, []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		if err := verify(r.Header, body, d.cfg.SigningSecret); err != nil {
			d.log.WithError(err).WithField("path", r.URL.Path).Warn("rejected a request with a bad Slack signature")
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		next(w, r, body)
	})
}

// verify checks the v0 signature of body; stale timestamps fail.
func verify(h http.Header, body []byte, secret string) error {
	sv, err := slackgo.NewSecretsVerifier(h, secret)
	if err != nil {
		return err
	}
	if _, err := sv.Write(body); err != nil {
		return err
	}
	return sv.Ensure()
}

func (d *Desk) serveEvents(w http.ResponseWriter, r *http.Request, body []byte) {
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		if !json.Valid(body) {
			http.Error(w, "bad json", http.StatusBadRequest)
			return
		}
		// An event type slack-go does not know: nothing for us to do.
		w.WriteHeader(http.StatusOK)
		return
	}
	switch ev.Type {
	case slackevents.URLVerification:
		v, _ := ev.Data.(*slackevents.EventsAPIURLVerificationEvent)
		if v == nil {
			http.Error(w, "bad json", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, v.Challenge)
		return
	case slackevents.CallbackEvent:
		cb, _ := ev.Data.(*slackevents.EventsAPICallbackEvent)
		id := ""
		if cb != nil {
			id = cb.EventID
		}
		if id == "" && r.Header.Get("X-Slack-Retry-Num") != "" {
			w.WriteHeader(http.StatusOK) // a retry we cannot match to its first delivery
			return
		}
		key := ""
		if id != "" {
			key = "event:" + id
		}
		if !d.accept(key, func(ctx context.Context) { d.handleEvent(ctx, ev) }) {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
	}
	w.WriteHeader(http.StatusOK)
}

// accept queues a job once per key: a key seen before (Slack retrying, or a replayed
// request) is acknowledged and dropped; an empty key is never de-duplicated. It is
// false when the queue is full.
func (d *Desk) accept(key string, job func(context.Context)) bool {
	if key != "" && !d.seen.firstTime(key) {
		d.log.WithField("key", key).Debug("duplicate delivery dropped")
		return true
	}
	if !d.enqueue(job) {
		if key != "" {
			d.seen.forget(key)
		}
		d.log.Warn("work queue full; asking Slack to retry")
		return false
	}
	return true
}

func (d *Desk) serveCommand(w http.ResponseWriter, r *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	m := d.command(form.Get("text"))
	resp := struct {
		ResponseType string          `json:"response_type"`
		Text         string          `json:"text"`
		Blocks       []slackgo.Block `json:"blocks,omitempty"`
	}{slackgo.ResponseTypeEphemeral, m.Text, m.Blocks}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(resp)
}

func (d *Desk) serveInteraction(w http.ResponseWriter, r *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	var cb slackgo.InteractionCallback
	if err := json.Unmarshal([]byte(form.Get("payload")), &cb); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	if !d.accept(interactionKey(cb), func(ctx context.Context) { d.handleInteraction(ctx, cb) }) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// interactionKey names one press of a button: a replayed request has the same one.
func interactionKey(cb slackgo.InteractionCallback) string {
	if cb.TriggerID == "" {
		return ""
	}
	k := "action:" + cb.TriggerID
	for _, a := range cb.ActionCallback.BlockActions {
		k += "/" + a.ActionID + "@" + a.ActionTs
	}
	return k
}
