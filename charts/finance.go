package charts

import (
	"computedash/core"
	"computedash/i18n"

	chart "github.com/wcharczuk/go-chart/v2"
)

// window returns the years the monthly charts show: from 2025 to two years
// past the last obligation or the cash-out, whichever is later, at least
// to 2030. Beyond the deals GPUs fall to zero and cash only compounds with
// revenue, which would flatten the years that matter.
func window(r *core.Result) span {
	last := core.MonthOf(2028, 12)
	for m := range core.HorizonMonths {
		if r.Ledger.Total[m] != 0 {
			last = max(last, core.Month(m))
		}
	}
	if r.Finance.CashOut != core.NoMonth {
		last = max(last, r.Finance.CashOut)
	}
	return span{core.FirstYear, min(last.Year()+2, core.LastYear)}
}

func cash(r *core.Result, risk *core.Risk, c i18n.Catalog) chart.Chart {
	var xs, ys []float64
	for m := range core.HorizonMonths {
		if core.HasCash(core.Month(m)) {
			xs = append(xs, monthX(m))
			ys = append(ys, r.Finance.Cash[m].InexactFloat64())
		}
	}
	var series []chart.Series
	if risk != nil {
		mc := &risk.MonteCarlo
		var bx, lo, hi, mid []float64
		for i := range mc.CashP10 {
			bx = append(bx, monthX(int(core.MonthOf(2026+i, 12))))
			lo = append(lo, mc.CashP10[i].InexactFloat64())
			hi = append(hi, mc.CashP90[i].InexactFloat64())
			mid = append(mid, mc.CashP50[i].InexactFloat64())
		}
		series = append(series,
			band{name: c.T("chart.cash.band"), xs: bx, lo: lo, hi: hi,
				style: chart.Style{StrokeColor: colorBand, StrokeWidth: 1, FillColor: colorBand.WithAlpha(120)}},
			dashed(line(c.T("chart.cash.p50"), colorMicrosoft, bx, mid)))
	}
	series = append(series, hline("", colorMuted, 0, 2025, 2040), line(c.T("chart.cash.base"), colorInk, xs, ys))
	if out := r.Finance.CashOut; out != core.NoMonth {
		series = append(series, chart.AnnotationSeries{
			Style: chart.Style{StrokeColor: colorRed, FontColor: colorRed, FontSize: 9},
			Annotations: []chart.Value2{{XValue: monthX(int(out)), YValue: r.Finance.Cash[out].InexactFloat64(),
				Label: c.T("chart.cash.out", out.String())}},
		})
	}
	return base(c, Cash, window(r), c.T("chart.cash.y"), c.Lang.Dollars, series...)
}

func yearXs(from int) []float64 {
	xs := make([]float64, core.LastYear-from+1)
	for i := range xs {
		xs[i] = float64(from+i) + 0.5
	}
	return xs
}

func coverage(r *core.Result, c i18n.Catalog) chart.Chart {
	var xs, ys []float64
	for y := range core.HorizonYears {
		if r.Finance.HasCoverage[y] {
			xs = append(xs, float64(core.FirstYear+y)+0.5)
			ys = append(ys, finite(r.Finance.Coverage[y].InexactFloat64()))
		}
	}
	s := line(c.T("chart.coverage"), colorMicrosoft, xs, ys)
	s.Style.DotWidth, s.Style.DotColor = 3, colorMicrosoft
	series := []chart.Series{hline(c.T("chart.coverage.even"), colorRed, 1, 2025, 2040), s}
	return base(c, Coverage, full, c.T("chart.coverage.y"), func(x float64) string { return c.Lang.Number(x, 1) }, series...)
}
