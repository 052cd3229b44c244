// Package tracking finds and validates parcel tracking numbers and Amazon order numbers.
//
// It is pure: functions over strings and a carrier table, no state, and it imports
// nothing else of this module (only the standard library and golang.org/x/text).
// The facts (formats, check digits, pitfalls) come from ../shared/CARRIERS.md.
//
// # Entry points
//
//   - Extract finds every tracking number and order number in free customer text.
//   - Check judges one number typed on its own, with look-alike repair (O→0 ...).
//   - Validate lists the carriers whose full rule holds; ValidFor checks a number
//     against a carrier the customer or seller has named.
//   - Carriers, Lookup and CarrierByName give the carrier table.
//   - ReadShipments and Rate compute the seller valid-tracking rate.
//   - Mask hides a number for logs.
//
// # What the number alone can say
//
// A 12-digit number passing 7DR is Yamato, Sagawa and Japan Post at once; the bot has
// to ask which. Formats with neither a check digit nor a prefix of their own (legacy
// SF 12 digits, Seino, Fukuyama, Nippon Express, YDH) are only accepted by ValidFor,
// once the carrier is named. Ten or eleven digits starting with 0 are phone numbers.
// SSCC-18 and USPS 20 are valid for Validate and Check but not reported by Extract:
// lot and member numbers in Japanese messages pass their mod 10 one time in ten.
//
// # How Extract reads text
//
// One pass over the bytes cuts the text into runs of groups: a group is letters and
// digits (ASCII or full-width), groups are joined by dashes (ー, －, ‐ ... zero-width
// characters count as dashes) into chunks, and chunks by at most three spaces into a
// run. A run ends at any other character, at a word of more than four letters, or at
// a group longer than any number. Candidates are whole chunks or spans of chunks of a
// run; each is normalised, checked against the formats of its length and scored
// (prefixed number > bare digits > repaired > look-alike; order numbers, phone and
// card numbers above those). The best non-overlapping candidates win, so a number is
// never cut out of a longer digit run. The text around a candidate rules out prices
// (¥, $, 円), decimals, dates and times (a digit beyond . , / :), postal codes (〒),
// phone numbers after + and e-mail local parts.
//
// A text with fewer than 8 digits is answered at once, without scanning.
//
// Limits: a run holds at most 48 groups and 320 normalised bytes; a longer run is cut
// and nothing starts at the cut. Extract allocates only for what it returns.
package tracking
