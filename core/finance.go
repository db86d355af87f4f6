package core

import (
	"github.com/shopspring/decimal"
)

// Finance is OpenAI's side of a scenario: revenue, net, cash and coverage.
type Finance struct {
	Revenue, Net [HorizonMonths]decimal.Decimal
	// Cash holds the cash at the end of each month from 2025-12 (the
	// opening balance); earlier months have no cash figure (HasCash false).
	Cash        [HorizonMonths]decimal.Decimal
	CashOut     Month // first month from 2026-01 with cash below zero; NoMonth if none
	FundingNeed decimal.Decimal
	BreakEven   int // first year from 2026 whose net covers its obligations; 0 if none

	YearObligations, YearRevenue, YearNet, YearCashEnd [HorizonYears]decimal.Decimal
	// Coverage is the year's net ÷ obligations to 4 decimals; HasCoverage
	// is false in a year without obligations.
	Coverage    [HorizonYears]decimal.Decimal
	HasCoverage [HorizonYears]bool
}

// NoMonth marks a month that does not occur, such as no cash-out.
const NoMonth Month = -1 << 30

// HasCash reports whether month m has a cash figure (2025-12 onwards).
func HasCash(m Month) bool { return m >= firstCashMonth-1 }

// revenueInputs are the inputs of the revenue curve and of cash.
type revenueInputs struct {
	rev2025  [12]Cents // 2025 revenue spread evenly over its months
	runRate  float64   // $ a year at end-2025
	growth   float64   // percent in 2026
	fade     float64   // percent a year
	netShare decimal.Decimal
	net      factor // netShare for cents arithmetic
	cash     Cents  // at end-2025
}

func newRevenueInputs(p *Params) revenueInputs {
	share := decimal.NewFromInt(1).Sub(decimal.NewFromFloat(p.Opex).Shift(-2))
	return revenueInputs{
		rev2025:  [12]Cents(Allocate(dollars(p.Rev2025), RampWeights(12, 0))),
		runRate:  float64Of(p.RunRate.Shift(9)),
		growth:   p.Growth,
		fade:     p.Fade,
		netShare: share,
		net:      newFactor(share),
		cash:     dollars(p.Cash),
	}
}

// monthlyRevenue returns the run rate ÷ 12 for every month from 2026-01, in
// float64 dollars: the run rate compounds each month by (1 + g_y)^(1/12),
// g_y = (growth/100) × (1 − fade/100)^(y − 2026).
func (in *revenueInputs) monthlyRevenue(out *[HorizonMonths]float64) {
	rate := in.runRate
	for y := FirstYear + 1; y <= LastYear; y++ {
		g := float64((in.growth / 100) * Pow(1-in.fade/100, float64(y-2026)))
		step := Pow(1+g, 1.0/12)
		for m := MonthOf(y, 1); m <= MonthOf(y, 12); m++ {
			rate = rate * step
			out[m] = rate / 12
		}
	}
}

// buildFinance computes revenue, net and cash exactly: in int64 cents,
// or in decimal when an amount would not fit.
func buildFinance(obl *[HorizonMonths]Cents, in revenueInputs) Finance {
	var cf centsFinance
	var rates [HorizonMonths]float64
	if !cf.compute(obl, &in, &rates) {
		return decimalFinance(obl, in)
	}
	f := Finance{CashOut: cf.cashOut, BreakEven: cf.breakEven, FundingNeed: (-cf.minCash).Decimal()}
	for m := range HorizonMonths {
		f.Revenue[m], f.Net[m] = cf.revenue[m].Decimal(), cf.net[m].Decimal()
		if HasCash(Month(m)) {
			f.Cash[m] = cf.cash[m].Decimal()
		}
	}
	for y := range HorizonYears {
		f.YearObligations[y], f.YearRevenue[y] = cf.yearObl[y].Decimal(), cf.yearRev[y].Decimal()
		f.YearNet[y], f.YearCashEnd[y] = cf.yearNet[y].Decimal(), cf.yearCash[y].Decimal()
		if cf.yearObl[y] != 0 {
			f.Coverage[y] = f.YearNet[y].DivRound(f.YearObligations[y], 4)
			f.HasCoverage[y] = true
		}
	}
	return f
}

// decimalFinance computes revenue, net and cash in decimal, for any size.
// It is the reference that the cents path must equal.
func decimalFinance(obl *[HorizonMonths]Cents, in revenueInputs) Finance {
	var f Finance
	var rates [HorizonMonths]float64
	in.monthlyRevenue(&rates)
	for m, c := range in.rev2025 {
		f.Revenue[m] = c.Decimal()
	}
	for m := firstCashMonth; m <= LastMonth; m++ {
		f.Revenue[m] = decimal.NewFromFloat(rates[m]).Round(2)
	}
	f.CashOut = NoMonth
	cash := in.cash.Decimal()
	minCash := decimal.Zero
	for m := range HorizonMonths {
		f.Net[m] = f.Revenue[m].Mul(in.netShare).Round(2)
		if Month(m) == firstCashMonth-1 {
			f.Cash[m] = cash
		}
		if Month(m) >= firstCashMonth {
			cash = cash.Add(f.Net[m]).Sub(obl[m].Decimal())
			f.Cash[m] = cash
			if cash.Sign() < 0 && f.CashOut == NoMonth {
				f.CashOut = Month(m)
			}
			minCash = decimal.Min(minCash, cash)
		}
		y := Month(m).Year() - FirstYear
		f.YearObligations[y] = f.YearObligations[y].Add(obl[m].Decimal())
		f.YearRevenue[y] = f.YearRevenue[y].Add(f.Revenue[m])
		f.YearNet[y] = f.YearNet[y].Add(f.Net[m])
		if Month(m).Calendar() == 12 {
			f.YearCashEnd[y] = f.Cash[m]
		}
	}
	f.FundingNeed = minCash.Neg()
	for y := range HorizonYears {
		if f.YearObligations[y].Sign() != 0 {
			f.Coverage[y] = f.YearNet[y].DivRound(f.YearObligations[y], 4)
			f.HasCoverage[y] = true
		}
		if f.BreakEven == 0 && y >= 1 && f.YearNet[y].GreaterThanOrEqual(f.YearObligations[y]) {
			f.BreakEven = FirstYear + y
		}
	}
	return f
}

// centsFinance is revenue, net and cash in int64 cents, with what risk
// analysis needs from them.
type centsFinance struct {
	revenue, net, cash                  [HorizonMonths]Cents
	yearObl, yearRev, yearNet, yearCash [HorizonYears]Cents
	minCash                             Cents
	cashOut                             Month
	breakEven                           int
}

// compute fills cf as decimalFinance would, to the cent, without
// allocating; it reports false when an amount would not fit in int64.
func (cf *centsFinance) compute(obl *[HorizonMonths]Cents, in *revenueInputs, rates *[HorizonMonths]float64) bool {
	in.monthlyRevenue(rates)
	*cf = centsFinance{cashOut: NoMonth}
	cash := in.cash
	var ok bool
	for m := range HorizonMonths {
		rev := in.rev2025[min(m, 11)]
		if Month(m) >= firstCashMonth {
			if rev, ok = roundFloatCents(rates[m]); !ok {
				return false
			}
		}
		net, ok := in.net.mulRound(rev)
		if !ok {
			return false
		}
		cf.revenue[m], cf.net[m] = rev, net
		if Month(m) >= firstCashMonth {
			if cash, ok = addCents(cash, net); !ok {
				return false
			}
			if cash, ok = addCents(cash, -obl[m]); !ok {
				return false
			}
			if cash < 0 && cf.cashOut == NoMonth {
				cf.cashOut = Month(m)
			}
			cf.minCash = min(cf.minCash, cash)
		}
		cf.cash[m] = cash
		y := Month(m).Year() - FirstYear
		cf.yearObl[y] += obl[m]
		if cf.yearRev[y], ok = addCents(cf.yearRev[y], rev); !ok {
			return false
		}
		if cf.yearNet[y], ok = addCents(cf.yearNet[y], net); !ok {
			return false
		}
		if Month(m).Calendar() == 12 {
			cf.yearCash[y] = cash
			if y >= 1 && cf.breakEven == 0 && cf.yearNet[y] >= cf.yearObl[y] {
				cf.breakEven = FirstYear + y
			}
		}
	}
	return cf.minCash != minCents
}

// cashStats are the figures of cash that risk analysis needs from a draw.
type cashStats struct {
	december    [HorizonYears]Money // cash at the end of each year; 2025 = opening
	fundingNeed Money
	cashOut     Month
	breakEven   int
}

// fastCash computes cashStats in int64 cents, giving to the cent the same
// figures as decimalFinance. ok is false when an amount would not fit in
// int64; the caller then falls back to decimalFinance.
func fastCash(obl *[HorizonMonths]Cents, in *revenueInputs, rates *[HorizonMonths]float64) (cashStats, bool) {
	var cf centsFinance
	if !cf.compute(obl, in, rates) {
		return cashStats{}, false
	}
	st := cashStats{cashOut: cf.cashOut, breakEven: cf.breakEven, fundingNeed: Money{c: -cf.minCash}}
	for y, c := range cf.yearCash {
		st.december[y] = Money{c: c}
	}
	return st, true
}

// stats returns the cashStats of a full Finance, for the fallback path.
func (f *Finance) stats() cashStats {
	st := cashStats{cashOut: f.CashOut, breakEven: f.BreakEven}
	for y := range HorizonYears {
		st.december[y] = MoneyOf(f.YearCashEnd[y])
	}
	st.fundingNeed = MoneyOf(f.FundingNeed)
	return st
}
