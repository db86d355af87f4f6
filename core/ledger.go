package core

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Deal is one compute commitment of the ledger with its monthly schedule.
type Deal struct {
	ID       DealID
	Supplier string
	Pool     string // the host pool its racks are placed in
	Total    Cents  // the deal's full value, months outside the horizon included
	Start    Month
	Term     int // months
	Ramp     int // months; 0 = flat
	GB300    float64
	// Obligations holds what is owed in each month of the horizon; months
	// before the start, after the end or outside 2025-01..2039-12 are zero.
	Obligations [HorizonMonths]Cents
}

// Ledger is the set of enabled deals in placement order (start month,
// then id) with their monthly obligations.
type Ledger struct {
	Deals   []Deal
	Total   [HorizonMonths]Cents // all enabled obligations of each month
	Notices []Notice             // the model's own notices
}

// dollars converts an amount in $B to cents, rounded to the cent.
func dollars(billions decimal.Decimal) Cents {
	c, _ := centsOf(billions.Shift(9).Round(2))
	return c
}

// BuildLedger schedules every enabled deal of p, and the AWS extension when
// it has months to run in.
func BuildLedger(p *Params) Ledger {
	var l Ledger
	for i, d := range deals {
		in := p.Deals[i]
		if !in.On {
			continue
		}
		l.Deals = append(l.Deals, newDeal(d.id, d.supplier, d.pool, dollars(in.Value), in.Start, in.Term, in.Ramp, in.GB300))
	}
	if aws := p.Deals[0]; aws.On && p.AWSExt.Sign() > 0 {
		start := max(MonthOf(2027, 1), aws.Start)
		end := aws.Start + Month(aws.Term) - 1
		if start > end {
			l.Notices = append(l.Notices, Notice{Key: "aws.ext", Given: p.AWSExt.String(), Reason: ReasonDropped})
		} else {
			l.Deals = append(l.Deals, newDeal(DealAWSExt, "AWS", "aws", dollars(p.AWSExt), start, int(end-start)+1, 0, aws.GB300))
		}
	}
	sort.SliceStable(l.Deals, func(a, b int) bool {
		if l.Deals[a].Start != l.Deals[b].Start {
			return l.Deals[a].Start < l.Deals[b].Start
		}
		return l.Deals[a].ID < l.Deals[b].ID
	})
	for i := range l.Deals {
		for m, c := range l.Deals[i].Obligations {
			l.Total[m] += c
		}
	}
	return l
}

func newDeal(id DealID, supplier, pool string, total Cents, start Month, term, ramp int, gb300 float64) Deal {
	d := Deal{ID: id, Supplier: supplier, Pool: pool, Total: total, Start: start, Term: term, Ramp: ramp, GB300: gb300}
	for k, c := range Allocate(total, RampWeights(term, ramp)) {
		if m := start + Month(k); m.InHorizon() {
			d.Obligations[m] = c
		}
	}
	return d
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
	sort.SliceStable(order, func(a, b int) bool { return rem[order[a]] > rem[order[b]] })
	for _, k := range order[:left] {
		parts[k]++
	}
	return parts
}
