package tracking

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ErrBadCSV is returned (wrapped) when a shipment file cannot be read at all:
// no header, a required column missing, or broken CSV quoting.
var ErrBadCSV = errors.New("bad shipment CSV")

// ShipmentColumns documents the CSV that ReadShipments reads: a header line naming the
// columns (any order, case-insensitive, extra columns ignored), then one package per line.
const ShipmentColumns = `order_id        required  Amazon order number, e.g. 249-1234567-1234567
ship_date       required  YYYY-MM-DD (or YYYY/MM/DD), the day the package was handed over
carrier         required  carrier id or name: yamato, ヤマト運輸, Sagawa Express, 日本郵便, seino ...
tracking_number required  as entered in the shipment confirmation (may be empty)
order_total     optional  yen per package, tax excluded and shipping included (2,980 / ¥2980)
digital         optional  true/yes/1 for digital goods that are not shipped`

// Shipment is one package of a seller's shipment confirmations.
type Shipment struct {
	Line      int // line number in the file, from 1 (the header)
	OrderID   string
	ShipDate  time.Time
	Carrier   string // as written
	CarrierID string // the carrier table id, or "" when the name is not known
	Number    string // tracking number as written
	// OrderTotal is the package value in yen; HasTotal is false when the file has no
	// order_total column or the cell is empty.
	OrderTotal int64
	HasTotal   bool
	Digital    bool
}

// RowError is a line of the file that could not be read; the rest is still used.
type RowError struct {
	Line int
	Err  error
}

// Error says which line and what is wrong with it.
func (e RowError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// ReadShipments reads a shipment CSV (see ShipmentColumns). Rows that cannot be read
// are returned as RowErrors with their line numbers and left out; err is only for a
// file that cannot be read at all.
func ReadShipments(r io.Reader) (ships []Shipment, bad []RowError, err error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, fmt.Errorf("read shipments: %w: the file is empty", ErrBadCSV)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read shipments: %w: %v", ErrBadCSV, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		col[h] = i
	}
	for _, need := range []string{"order_id", "ship_date", "carrier", "tracking_number"} {
		if _, ok := col[need]; !ok {
			return nil, nil, fmt.Errorf("read shipments: %w: header has no %q column (header: %s)", ErrBadCSV, need, strings.Join(header, ","))
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return ships, bad, nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.Err == csv.ErrFieldCount {
				continue // not used: FieldsPerRecord is -1
			}
			if errors.As(err, &pe) {
				bad = append(bad, RowError{Line: pe.Line, Err: pe.Err})
				continue
			}
			return ships, bad, fmt.Errorf("read shipments: %w", err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // blank line
		}
		s, err := parseShipment(rec, col)
		if err != nil {
			bad = append(bad, RowError{Line: line, Err: err})
			continue
		}
		s.Line = line
		ships = append(ships, s)
	}
}

// parseShipment reads one CSV record.
func parseShipment(rec []string, col map[string]int) (Shipment, error) {
	get := func(name string) string {
		i, ok := col[name]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	if i := col["tracking_number"]; i >= len(rec) {
		return Shipment{}, fmt.Errorf("%d fields, the header has %d", len(rec), len(col))
	}
	s := Shipment{OrderID: get("order_id"), Carrier: get("carrier"), Number: get("tracking_number")}
	if s.OrderID == "" {
		return s, errors.New("order_id is empty")
	}
	d, err := parseDate(get("ship_date"))
	if err != nil {
		return s, err
	}
	s.ShipDate = d
	if s.Carrier == "" {
		return s, errors.New("carrier is empty")
	}
	if c, ok := CarrierByName(s.Carrier); ok {
		s.CarrierID = c.ID
	}
	if t := get("order_total"); t != "" {
		v, err := parseYen(t)
		if err != nil {
			return s, err
		}
		s.OrderTotal, s.HasTotal = v, true
	}
	switch strings.ToLower(get("digital")) {
	case "", "false", "no", "0", "n":
	case "true", "yes", "1", "y":
		s.Digital = true
	default:
		return s, fmt.Errorf("digital %q is not true or false", get("digital"))
	}
	return s, nil
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006/01/02", "2006/1/2"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("ship_date %q is not a date like 2024-06-11", s)
}

// parseYen reads an amount such as 2980, 2,980, ¥2,980 or 2980円.
func parseYen(s string) (int64, error) {
	t := strings.NewReplacer(",", "", "¥", "", "￥", "", "円", "", " ", "").Replace(nfkc(s))
	v, err := strconv.ParseInt(t, 10, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("order_total %q is not an amount in yen", s)
	}
	return v, nil
}
