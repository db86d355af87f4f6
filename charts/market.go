package charts

import (
	"computedash/core"
	"computedash/i18n"

	chart "github.com/wcharczuk/go-chart/v2"
)

func gap(rep *core.Report, c i18n.Catalog) chart.Chart {
	var xs, capex, req, act, gp []float64
	for _, y := range rep.Yearly {
		xs = append(xs, float64(y.Year)+0.5)
		capex = append(capex, y.CapexTotal)
		req = append(req, y.RequiredRevenue)
		act = append(act, y.AIRevenue)
		gp = append(gp, y.RevenueGap)
	}
	series := []chart.Series{
		line(c.T("chart.gap.gap"), colorAmber, xs, gp),
		line(c.T("chart.gap.capex"), colorMuted, xs, capex),
		dashed(line(c.T("chart.gap.required"), colorRed, xs, req)),
		line(c.T("chart.gap.actual"), colorStargate, xs, act),
	}
	return base(c, Gap, span{core.FirstYear, 2033}, c.T("chart.gap.y"), c.Lang.Billions, series...)
}

func hhi(rep *core.Report, c i18n.Catalog) chart.Chart {
	var xs, ys []float64
	for _, y := range rep.Yearly {
		if y.HHI != nil {
			xs = append(xs, float64(y.Year)+0.5)
			ys = append(ys, y.HHI.InexactFloat64())
		}
	}
	s := line(c.T("chart.hhi"), colorInk, xs, ys)
	s.Style.DotWidth, s.Style.DotColor = 3, colorInk
	ref := chart.ContinuousSeries{Name: c.T("chart.hhi.ref"), XValues: []float64{2023.5}, YValues: []float64{core.HHI2023},
		Style: chart.Style{StrokeWidth: chart.Disabled, DotWidth: 5, DotColor: colorMicrosoft}}
	series := []chart.Series{
		hline(c.T("chart.hhi.high"), colorRed, core.HHIHigh, 2023, 2040),
		hline(c.T("chart.hhi.moderate"), colorAmber, core.HHIModerate, 2023, 2040),
		ref, s,
	}
	return base(c, HHI, span{2023, core.LastYear}, c.T("chart.hhi.y"), func(x float64) string { return c.Lang.Number(x, 0) }, series...)
}
