package charts

import (
	"computedash/core"
	"computedash/i18n"

	chart "github.com/wcharczuk/go-chart/v2"
)

func gap(r *core.Result, c i18n.Catalog) chart.Chart {
	xs := yearXs(core.FirstYear)
	var capex, req, act, gp []float64
	for _, y := range r.Capex {
		capex = append(capex, y.Total)
		req = append(req, y.RequiredRevenue)
		act = append(act, y.AIRevenue)
		gp = append(gp, y.Gap)
	}
	series := []chart.Series{
		line(c.T("chart.gap.gap"), colorAmber, xs, gp),
		line(c.T("chart.gap.capex"), colorMuted, xs, capex),
		dashed(line(c.T("chart.gap.required"), colorRed, xs, req)),
		line(c.T("chart.gap.actual"), colorStargate, xs, act),
	}
	return base(c, Gap, span{core.FirstYear, 2033}, c.T("chart.gap.y"), c.Lang.Billions, series...)
}

func hhi(r *core.Result, c i18n.Catalog) chart.Chart {
	var xs, ys []float64
	for y := range core.HorizonYears {
		if r.HasHHI[y] {
			xs = append(xs, float64(core.FirstYear+y)+0.5)
			ys = append(ys, r.HHI[y].InexactFloat64())
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
	g := base(c, HHI, span{2023, core.LastYear}, c.T("chart.hhi.y"), func(x float64) string { return c.Lang.Number(x, 0) }, series...)
	return g
}
