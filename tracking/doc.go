// Package tracking finds and validates parcel tracking numbers and Amazon order numbers.
//
// It is pure: functions over strings and a carrier table, no state, and it imports
// nothing else of this module (only the standard library and golang.org/x/text).
//
// The facts (formats, check digits, pitfalls) come from ../shared/CARRIERS.md. The
// main entry points:
//
//   - Extract finds every tracking number and order number in free customer text.
//   - Check judges one number typed on its own, with look-alike repair (O→0 ...).
//   - Validate lists the carriers whose full rule holds; ValidFor checks against a
//     carrier the customer or seller has named.
//   - Carriers, Lookup and CarrierByName give the carrier table.
//   - ReadShipments and Rate compute the seller valid-tracking rate.
//   - Mask hides a number for logs.
package tracking
