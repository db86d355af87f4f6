package core

import (
	"cmp"
	"slices"

	"github.com/shopspring/decimal"
)

// Terms are a deal as the ledger schedules it: who is paid, where its
// racks go, how much and over which months.
type Terms struct {
	ID       DealID
	Supplier string
	Pool     PoolID
	Total    Cents // the deal's full value
	Start    Month
	Term     int     // months
	Ramp     int     // months; 0 = flat
	GB300    float64 // percent
}

// Deal is one compute commitment of the ledger with its monthly schedule.
type Deal struct {
	Terms
	// Obligations holds what is owed in each month of the horizon; months
	// before the start, after the end or outside 2025-01..2039-12 are zero.
	Obligations [HorizonMonths]Cents
}

// Ledger is the set of deals in placement order (start month, then id)
// with their monthly obligations.
type Ledger struct {
	Deals   []Deal
	Total   [HorizonMonths]Cents // all obligations of each month
	Notices []Notice             // the model's own notices
}

// dollars converts an amount in $B to cents, rounded to the cent.
func dollars(billions decimal.Decimal) Cents {
	c, _ := centsOf(billions.Shift(9).Round(2))
	return c
}

// DealTerms returns the deals of p: every enabled default deal, the AWS
// extension when it has months to run in (a notice when it has none), and
// every extra-deal slot whose value is above 0, in table order.
func DealTerms(p *Params) ([]Terms, []Notice) {
	var out []Terms
	var notices []Notice
	for i, d := range defaultDeals {
		in := p.Deals[i]
		if !in.On {
			continue
		}
		out = append(out, Terms{ID: d.ID, Supplier: d.Supplier, Pool: d.Pool, Total: dollars(in.Value),
			Start: in.Start, Term: in.Term, Ramp: in.Ramp, GB300: in.GB300})
		if d.ID != DealAWS || p.AWSExt.Sign() <= 0 {
			continue
		}
		start := max(MonthOf(2027, 1), in.Start)
		end := in.Start + Month(in.Term) - 1
		if start > end {
			notices = append(notices, Notice{Key: "aws.ext", Given: p.AWSExt.String(), Reason: ReasonDropped})
			continue
		}
		out = append(out, Terms{ID: DealAWSExt, Supplier: d.Supplier, Pool: d.Pool, Total: dollars(p.AWSExt),
			Start: start, Term: int(end-start) + 1, GB300: in.GB300})
	}
	for i, id := range slotIDs {
		in := p.Slots[i]
		if in.Value.Sign() <= 0 {
			continue
		}
		c := supplierChoices[in.Supplier]
		out = append(out, Terms{ID: id, Supplier: c.supplierOf(id), Pool: c.Pool, Total: dollars(in.Value),
			Start: in.Start, Term: in.Term, Ramp: in.Ramp, GB300: in.GB300})
	}
	return out, notices
}

// BuildLedger schedules the deals of p.
func BuildLedger(p *Params) Ledger {
	terms, notices := DealTerms(p)
	l := NewLedger(terms)
	l.Notices = notices
	return l
}

// NewLedger schedules the given deals, whatever table they come from, and
// puts them in placement order.
func NewLedger(terms []Terms) Ledger {
	terms = slices.Clone(terms) // the caller's order stays
	slices.SortStableFunc(terms, func(a, b Terms) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.ID, b.ID))
	})
	l := Ledger{Deals: make([]Deal, 0, len(terms))}
	for _, t := range terms {
		d := Deal{Terms: t}
		for k, c := range Allocate(t.Total, RampWeights(t.Term, t.Ramp)) {
			if m := t.Start + Month(k); m.InHorizon() {
				d.Obligations[m] = c
			}
		}
		l.Deals = append(l.Deals, d)
	}
	for i := range l.Deals {
		for m, c := range l.Deals[i].Obligations {
			l.Total[m] += c
		}
	}
	return l
}

// RampWeights returns the integer weights of a deal's months k = 1..term:
// min(k, ramp) when ramp > 0, else 1.
func RampWeights(term, ramp int) []int64 {
	w := make([]int64, term)
	for k := range w {
		w[k] = 1
		if ramp > 0 {
			w[k] = int64(min(k+1, ramp))
		}
	}
	return w
}

// Allocate splits total over len(weights) months in proportion to the
// weights, in whole cents, by the largest-remainder method: month k gets
// floor(total × w_k / W) and the cents left over go one each to the months
// with the largest remainders, ties to the earlier month. The parts sum to
// total exactly. total × max(w) must fit in int64 (inputs are at most
// $2,000B and weights at most 60, five orders of magnitude inside).
func Allocate(total Cents, weights []int64) []Cents {
	parts := make([]Cents, len(weights))
	var W int64
	for _, w := range weights {
		W += w
	}
	if W == 0 {
		return parts
	}
	rem := make([]int64, len(weights))
	left := total
	for k, w := range weights {
		x := int64(total) * w
		parts[k] = Cents(x / W)
		rem[k] = x % W
		left -= parts[k]
	}
	if left == 0 {
		return parts
	}
	order := make([]int, len(weights))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rem[b], rem[a]) })
	for _, k := range order[:left] {
		parts[k]++
	}
	return parts
}
