package tracking

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// excludedOrder is the order excluded packages are listed in.
var excludedOrder = [...]Verdict{VerdictBelow, VerdictExempt, VerdictDigital, VerdictOutside}

// WriteText writes the report for a person: the rate against the target, what was
// left out, the per-carrier breakdown, the packages without a valid number (numbers
// masked but for their last 4 characters) and the rows that could not be read.
func (r RateReport) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Valid-tracking rate, %s to %s (%d days)\n", r.From.Format("2006-01-02"), r.Until.Format("2006-01-02"), r.Policy.Days)
	status := "met"
	if !r.MeetsTarget {
		status = "NOT met"
	}
	fmt.Fprintf(&b, "  rate:     %.1f%% (%d of %d packages tracked), target %.0f%%: %s\n",
		100*r.Rate, r.Tracked, r.Counted, 100*r.Policy.Target, status)
	if r.Unchecked > 0 {
		fmt.Fprintf(&b, "  unchecked: %d package(s) of carriers whose number format is not known (counted as tracked; Amazon checks them with the carrier)\n", r.Unchecked)
	}
	var ex []string
	for _, v := range excludedOrder {
		if n := r.Excluded[v]; n > 0 {
			ex = append(ex, fmt.Sprintf("%d %s", n, strings.TrimSuffix(string(v), " (excluded)")))
		}
	}
	if len(ex) > 0 {
		fmt.Fprintf(&b, "  excluded: %s (threshold ¥%s)\n", strings.Join(ex, ", "), yen(r.Policy.Threshold))
	}
	b.WriteString("\nBy carrier\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  carrier\tpackages\ttracked\trate")
	for _, c := range r.ByCarrier {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%.1f%%\n", c.Name, c.Counted, c.Tracked, 100*float64(c.Tracked)/float64(c.Counted))
	}
	tw.Flush()
	if len(r.Invalid) > 0 {
		b.WriteString("\nPackages without a valid tracking number\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  line\torder\tcarrier\tnumber\treason")
		for _, x := range r.Invalid {
			reason := string(x.Verdict)
			if len(x.Suggests) > 0 {
				reason += ": " + strings.Join(x.Suggests, ", ")
			}
			masked := x.Masked
			if masked == "" {
				masked = "-"
			}
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\n", x.Line, x.OrderID, x.Carrier, masked, reason)
		}
		tw.Flush()
		b.WriteString("  Corrections made in Manage Orders take up to 72 hours to reach Amazon's report.\n")
	}
	if len(r.BadRows) > 0 {
		b.WriteString("\nRows that could not be read (left out)\n")
		for _, e := range r.BadRows {
			fmt.Fprintf(&b, "  %s\n", e.Error())
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// yen formats 2000 as "2,000".
func yen(v int64) string {
	s := fmt.Sprint(v)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
