package slack

import (
	"regexp"
	"strings"
)

var (
	// linkRE is Slack's <...> markup: user and channel mentions, special mentions, links.
	linkRE = regexp.MustCompile(`<([^<>|]*)(?:\|([^<>]*))?>`)
)

// plainText turns a Slack message into plain text for a customer: mentions are dropped,
// links show their label and address, HTML entities are undone.
func plainText(s string) string {
	s = linkRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := linkRE.FindStringSubmatch(m)
		target, label := sub[1], sub[2]
		switch {
		case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "!"):
			return ""
		case strings.HasPrefix(target, "#"):
			if label != "" {
				return "#" + label
			}
			return ""
		case strings.HasPrefix(target, "mailto:"):
			return strings.TrimPrefix(target, "mailto:")
		case label != "" && label != target:
			return label + " (" + target + ")"
		}
		return target
	})
	s = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// mentions reports whether text mentions the Slack user id.
func mentions(text, userID string) bool {
	return userID != "" && strings.Contains(text, "<@"+userID+">")
}
