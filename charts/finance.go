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
func window(rep *core.Report) span {
	last := core.MonthOf(2028, 12)
	for m, o := range rep.Monthly.Obligations {
		if o.Sign() != 0 {
			last = max(last, core.Month(m))
		}
	}
	if out := rep.Summary.CashOutMonth; out != nil {
		last = max(last, *out)
	}
	return span{core.FirstYear, min(last.Year()+2, core.LastYear)}
}

func cash(rep, pinned *core.Report, c i18n.Catalog) chart.Chart {
	var xs, ys []float64
	for m, v := range rep.Monthly.Cash {
		if v != nil {
			xs = append(xs, monthX(m))
			ys = append(ys, v.Float64())
		}
	}
	var series []chart.Series
	if rep.Risk != nil {
		mc := &rep.Risk.MonteCarlo
		var bx, lo, hi, mid []float64
		for i := range mc.CashP10 {
			bx = append(bx, monthX(int(core.MonthOf(core.FirstYear+1+i, 12))))
			lo = append(lo, mc.CashP10[i].Float64())
			hi = append(hi, mc.CashP90[i].Float64())
			mid = append(mid, mc.CashP50[i].Float64())
		}
		series = append(series,
			band{name: c.T("chart.cash.band"), xs: bx, lo: lo, hi: hi,
				style: chart.Style{StrokeColor: colorBand, StrokeWidth: 1, FillColor: colorBand.WithAlpha(120)}},
			dashed(line(c.T("chart.cash.p50"), colorMicrosoft, bx, mid)))
	}
	series = append(series, hline("", colorMuted, 0, 2025, 2040), line(c.T("chart.cash.base"), colorInk, xs, ys))
	if pinned != nil {
		var pxs, pys []float64
		for m, v := range pinned.Monthly.Cash {
			if v != nil {
				pxs, pys = append(pxs, monthX(m)), append(pys, v.Float64())
			}
		}
		s := dashed(line(c.T("chart.pinned"), colorAmber, pxs, pys))
		s.Style.StrokeWidth = 1.5
		series = append(series, s)
	}
	if out := rep.Summary.CashOutMonth; out != nil && int(*out) < len(rep.Monthly.Cash) && rep.Monthly.Cash[*out] != nil {
		series = append(series, chart.AnnotationSeries{
			Style: chart.Style{StrokeColor: colorRed, FontColor: colorRed, FontSize: 9},
			Annotations: []chart.Value2{{XValue: monthX(int(*out)), YValue: rep.Monthly.Cash[*out].Float64(),
				Label: c.T("chart.cash.out", out.String())}},
		})
	}
	return base(c, Cash, window(rep), c.T("chart.cash.y"), c.Lang.Dollars, series...)
}

func coverage(rep *core.Report, c i18n.Catalog) chart.Chart {
	var xs, ys []float64
	for _, y := range rep.Yearly {
		if y.Coverage != nil {
			xs = append(xs, float64(y.Year)+0.5)
			ys = append(ys, finite(y.Coverage.InexactFloat64()))
		}
	}
	s := line(c.T("chart.coverage"), colorMicrosoft, xs, ys)
	s.Style.DotWidth, s.Style.DotColor = 3, colorMicrosoft
	series := []chart.Series{hline(c.T("chart.coverage.even"), colorRed, 1, 2025, 2040), s}
	return base(c, Coverage, full, c.T("chart.coverage.y"), func(x float64) string { return c.Lang.Number(x, 1) }, series...)
}
