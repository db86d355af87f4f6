package charts

import (
	"strconv"
	"strings"

	"computedash/core"
	"computedash/i18n"
)

// Describe says in one or two sentences what chart id shows for the
// report, with its key numbers: the chart's text alternative.
func Describe(id ID, rep *core.Report, c i18n.Catalog) string {
	l := c.Lang
	switch id {
	case Obligations:
		m, v := peakMoney(rep.Monthly.Obligations)
		return c.T("alt.obligations", len(rep.Deals), l.Dollars(v), m.String())
	case Cash:
		out := c.T("fig.cashout.never")
		if m := rep.Summary.CashOutMonth; m != nil {
			out = m.String()
		}
		s := c.T("alt.cash", out, l.Money(rep.Summary.FundingNeed.Decimal()))
		if rep.Risk != nil {
			y := 2030 - core.FirstYear - 1
			mc := &rep.Risk.MonteCarlo
			s += " " + c.T("alt.cash.band", l.Money(mc.CashP10[y].Decimal()), l.Money(mc.CashP50[y].Decimal()), l.Money(mc.CashP90[y].Decimal()))
		}
		return s
	case GPUs:
		f := rep.Figure(core.FigPeakGPUs)
		return c.T("alt.gpus", l.Count(f.Count), f.Month.String())
	case Power:
		f := rep.Figure(core.FigPeakMW)
		var avail float64
		for _, p := range rep.Pools {
			avail += p.Available[f.Month]
		}
		return c.T("alt.power", l.Power(f.Float), f.Month.String(), l.Power(avail))
	case Unplaced:
		f := rep.Figure(core.FigUnplaced)
		if f.Count == 0 {
			return c.T("fig.unplaced.none")
		}
		return c.T("alt.unplaced", l.Count(f.Count), f.Month.String())
	case Sites:
		used := make([]float64, len(rep.Months))
		var avail float64
		for _, st := range rep.Sites {
			if st.Pool != core.PoolStargate {
				continue
			}
			avail += st.AvailableMW[len(rep.Months)-1]
			for m, u := range st.UsedMW {
				used[m] += u
			}
		}
		m, v := peak(used)
		return c.T("alt.sites", l.Power(avail), l.Power(v), m.String())
	case Coverage:
		if y := rep.Summary.BreakEvenYear; y != nil {
			return c.T("alt.coverage", strconv.Itoa(*y))
		}
		return c.T("alt.coverage.never")
	case Gap:
		y := rep.Yearly[2030-core.FirstYear]
		return c.T("alt.gap", l.Billions(y.CapexTotal), l.Billions(y.RequiredRevenue), l.Billions(y.AIRevenue), l.Billions(y.RevenueGap))
	case HHI:
		if f := rep.Figure(core.FigHHI); !f.None {
			return c.T("alt.hhi", l.Number(f.Float, 0), c.T("band."+string(f.Band)))
		}
		return c.T("fig.hhi.none")
	case Tornado:
		if rep.Risk == nil {
			return c.T("risk.updating")
		}
		var names []string
		for _, r := range rep.Risk.Tornado[:min(3, len(rep.Risk.Tornado))] {
			names = append(names, c.Label(r.ID)+" ("+l.Money(r.Swing.Decimal())+")")
		}
		return c.T("alt.tornado", strings.Join(names, ", "))
	}
	return ""
}

func peakMoney(s []core.Money) (core.Month, float64) {
	best, v := 0, 0.0
	for m, x := range s {
		if f := x.Float64(); f > v {
			best, v = m, f
		}
	}
	return core.Month(best), v
}

// peak returns the first month of the largest value and the value.
func peak(s []float64) (core.Month, float64) {
	best := 0
	for m, x := range s {
		if x > s[best] {
			best = m
		}
	}
	return core.Month(best), s[best]
}
