package tracking

import "math/bits"

// carrierSet is a set of carriers, one bit per index of carrierTable.
type carrierSet uint64

func set(idx ...int) carrierSet {
	var s carrierSet
	for _, i := range idx {
		s |= 1 << uint(i)
	}
	return s
}

func (s carrierSet) has(i int) bool { return s&(1<<uint(i)) != 0 }

// ids returns the carrier ids of s in table order.
func (s carrierSet) ids() []string {
	if s == 0 {
		return nil
	}
	out := make([]string, 0, bits.OnesCount64(uint64(s)))
	for rest := uint64(s); rest != 0; rest &= rest - 1 {
		out = append(out, carrierTable[bits.TrailingZeros64(rest)].ID)
	}
	return out
}

// indexOf returns the table index of carrier id, or -1.
func indexOf(id string) int {
	for i := range carrierTable {
		if carrierTable[i].ID == id {
			return i
		}
	}
	return -1
}
