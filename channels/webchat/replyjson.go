package webchat

import "github.com/toiawase/toiawase/internal/jsonw"

// appendJSON writes the reply frame as encoding/json would (same fields, order and
// omitempty rules), without its reflection: a reply is written for every message, and
// json.Marshal was a few per cent of the server's CPU under load. TestReplyJSON
// compares the two and fails when bot.Reply gains a field this does not write.
func (f replyFrame) appendJSON(b []byte) []byte {
	r := &f.Reply
	b = append(b, `{"type":`...)
	b = jsonw.String(b, f.Type)
	if f.ReplyTo != "" {
		b = append(b, `,"reply_to":`...)
		b = jsonw.String(b, f.ReplyTo)
	}
	if r.SessionID != "" {
		b = append(b, `,"session_id":`...)
		b = jsonw.String(b, r.SessionID)
	}
	b = append(b, `,"text":`...)
	b = jsonw.String(b, r.Text)
	if r.Intent != "" {
		b = append(b, `,"intent":`...)
		b = jsonw.String(b, r.Intent)
	}
	b = append(b, `,"confidence":`...)
	b = jsonw.Float(b, r.Confidence)
	if len(r.Tracking) > 0 {
		b = append(b, `,"tracking":[`...)
		for i, t := range r.Tracking {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"number":`...)
			b = jsonw.String(b, t.Number)
			b = append(b, `,"carriers":`...)
			b = jsonw.Strings(b, t.Carriers)
			b = append(b, `,"valid":`...)
			b = appendBool(b, t.Valid)
			if t.URL != "" {
				b = append(b, `,"url":`...)
				b = jsonw.String(b, t.URL)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(r.Orders) > 0 {
		b = append(b, `,"orders":`...)
		b = jsonw.Strings(b, r.Orders)
	}
	if len(r.QuickReplies) > 0 {
		b = append(b, `,"quick_replies":[`...)
		for i, q := range r.QuickReplies {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"label":`...)
			b = jsonw.String(b, q.Label)
			b = append(b, `,"value":`...)
			b = jsonw.String(b, q.Value)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(r.Links) > 0 {
		b = append(b, `,"links":[`...)
		for i, l := range r.Links {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"label":`...)
			b = jsonw.String(b, l.Label)
			b = append(b, `,"url":`...)
			b = jsonw.String(b, l.URL)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"handoff":`...)
	b = appendBool(b, r.Handoff)
	if r.HandoffReason != "" {
		b = append(b, `,"handoff_reason":`...)
		b = jsonw.String(b, r.HandoffReason)
	}
	b = append(b, `,"lang":`...)
	b = jsonw.String(b, r.Lang)
	if r.Mode != "" {
		b = append(b, `,"mode":`...)
		b = jsonw.String(b, r.Mode)
	}
	return append(b, '}')
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}
