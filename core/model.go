package core

import "github.com/shopspring/decimal"

// Result is everything the model computes for one scenario but its risk
// analysis: a pure function of the inputs.
type Result struct {
	Params    Params
	Notices   []Notice // the query's notices, then the model's own
	Ledger    Ledger
	Fleet     Fleet
	Placement Placement
	Finance   Finance
	Capex     [HorizonYears]CapexYear
	HHI       [HorizonYears]decimal.Decimal
	HasHHI    [HorizonYears]bool
}

// Evaluate runs the deterministic model (MODEL.md §1–8) for p. The
// notices of the query that produced p are kept in the result, followed by
// the model's own.
func Evaluate(p Params, notices []Notice) *Result {
	r := &Result{Params: p}
	r.Ledger = BuildLedger(&p)
	r.Notices = append(append([]Notice(nil), notices...), r.Ledger.Notices...)
	pw := powerOf(&p)
	buildFleet(&r.Fleet, &r.Ledger, pw)
	sites, scale := sitesOf(&p, p.StargatePerGW, p.StargateDelay)
	place(&r.Placement, &r.Ledger, &r.Fleet, pw, sites, scale, false)
	r.Finance = buildFinance(&r.Ledger.Total, newRevenueInputs(&p))
	r.Capex = BuildCapex(&p)
	r.HHI, r.HasHHI = Concentration(&r.Ledger)
	return r
}

func powerOf(p *Params) power {
	return power{p200: p.P200, p300: p.P300, kw200: p.KW200, kw300: p.KW300, pue: p.PUE}
}

func sitesOf(p *Params, perGW float64, delay int) ([]Site, float64) {
	return Sites(float64Of(p.StargateCapex), perGW, delay, p.PoolMW)
}
