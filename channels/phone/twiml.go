package phone

import (
	"encoding/xml"
	"fmt"
	"strconv"
)

// TwiML documents, as Twilio reads them.
type twimlResponse struct {
	XMLName xml.Name     `xml:"Response"`
	Say     []twimlSay   `xml:"Say,omitempty"`
	Gather  *twimlGather `xml:"Gather,omitempty"`
	Hangup  *struct{}    `xml:"Hangup,omitempty"`
}

type twimlSay struct {
	Language string `xml:"language,attr"`
	Text     string `xml:",chardata"`
}

type twimlGather struct {
	Input               string     `xml:"input,attr"`
	Action              string     `xml:"action,attr"`
	Method              string     `xml:"method,attr"`
	ActionOnEmptyResult string     `xml:"actionOnEmptyResult,attr"`
	FinishOnKey         string     `xml:"finishOnKey,attr"` // always written: "" turns the default # off
	NumDigits           string     `xml:"numDigits,attr,omitempty"`
	Timeout             string     `xml:"timeout,attr"`
	Say                 []twimlSay `xml:"Say"`
}

// RenderTwiML writes a turn as a TwiML document: the speech inside a <Gather> that posts
// the keys to action (also when the caller pressed nothing, so that silence re-prompts),
// or the speech followed by <Hangup/>. Each utterance is a <Say> in its own language.
func RenderTwiML(turn Turn, action string) ([]byte, error) {
	says := make([]twimlSay, 0, len(turn.Say))
	for _, u := range turn.Say {
		if u.Text == "" {
			continue
		}
		says = append(says, twimlSay{Language: u.Voice, Text: u.Text})
	}
	var r twimlResponse
	switch {
	case turn.Gather != nil:
		g := turn.Gather
		tg := &twimlGather{
			Input: "dtmf", Action: action, Method: "POST", ActionOnEmptyResult: "true",
			FinishOnKey: g.FinishOnKey, Timeout: strconv.Itoa(g.Timeout), Say: says,
		}
		if g.NumDigits > 0 {
			tg.NumDigits = strconv.Itoa(g.NumDigits)
		}
		r.Gather = tg
	default:
		r.Say = says
		r.Hangup = &struct{}{}
	}
	b, err := xml.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("render twiml: %w", err)
	}
	out := append([]byte(xml.Header), b...)
	return append(out, '\n'), nil
}
