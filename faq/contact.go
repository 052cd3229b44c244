package faq

import (
	"net/url"
	"strings"
)

// Contact is one fact from contacts.yaml: an official page (URL) or, where the sources
// agree on it, a phone number with its opening hours. Labels and Hours are keyed by
// language.
type Contact struct {
	Key    string
	URL    string
	Phone  string
	Labels map[string]string
	Hours  map[string]string
}

// Label returns the contact's label in lang (Japanese when lang is unknown).
func (c Contact) Label(lang string) string {
	if l, ok := c.Labels[lang]; ok {
		return l
	}
	return c.Labels["ja"]
}

func (c Contact) clone() Contact {
	c.Labels = cloneMap(c.Labels)
	c.Hours = cloneMap(c.Hours)
	return c
}

func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// AllowedDomains returns the official domains a link may point to (the host itself or
// any subdomain of it). The list lives in code, not in the data, so that an override
// directory cannot widen it.
func AllowedDomains() []string {
	return []string{
		"amazon.co.jp",
		"sellercentral.amazon.co.jp",
		"pay.amazon.co.jp",
		"kuronekoyamato.co.jp",
		"sagawa-exp.co.jp",
		"japanpost.jp",
		"dhl.com",
		"fedex.com",
		"ups.com",
		"antiphishing.jp",
	}
}

// checkLink reports why raw is not an acceptable official link, or "" when it is.
func checkLink(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "not a URL: " + err.Error()
	}
	if u.Scheme != "https" {
		return "link must use https: " + raw
	}
	if u.User != nil || u.Port() != "" {
		return "link must not carry user info or a port: " + raw
	}
	host := strings.ToLower(u.Hostname())
	for _, d := range AllowedDomains() {
		if host == d || strings.HasSuffix(host, "."+d) {
			return ""
		}
	}
	return "link host is not on the allow-list: " + host
}
