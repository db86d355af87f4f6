package charts

import (
	"computedash/core"
	"computedash/i18n"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// power draws, for each pool, the facility MW its sites offer (solid) and
// the MW its deals need (dashed, the same colour), as the report gives
// them. A pool's "available" line is drawn when it has capacity or a deal,
// its "needed" line when it has a deal: a pool nobody uses and nobody built
// stays out of the legend. The legend names each pool once, then says
// which line is which.
func power(rep *core.Report, c i18n.Catalog) chart.Chart {
	xs := monthXs()
	var series []chart.Series
	for _, pp := range rep.Pools {
		name, color := c.T("pool."+string(pp.Pool)), poolColor(pp.Pool)
		if pp.Used || positive(pp.Available) {
			series = append(series, line(name, color, xs, pp.Available))
		}
		if pp.Used {
			series = append(series, dashed(line("", color, xs, pp.Needed)))
		}
	}
	series = append(series,
		legendKey{name: c.T("chart.power.available"), style: chart.Style{StrokeColor: colorInk, StrokeWidth: 2}},
		legendKey{name: c.T("chart.power.needed"), style: chart.Style{StrokeColor: colorInk, StrokeWidth: 2, StrokeDashArray: []float64{5, 3}}})
	return base(c, Power, window(rep), c.T("chart.power.y"), mw(c), series...)
}

// legendKey is an entry of a chart's legend that draws nothing: it says
// what a line style means.
type legendKey struct {
	name  string
	style chart.Style
}

func (k legendKey) GetName() string           { return k.name }
func (k legendKey) GetYAxis() chart.YAxisType { return chart.YAxisPrimary }
func (k legendKey) GetStyle() chart.Style     { return k.style }
func (k legendKey) Validate() error           { return nil }
func (k legendKey) Render(chart.Renderer, chart.Box, chart.Range, chart.Range, chart.Style) {
}

// positive reports whether any value of s is above zero.
func positive(s []float64) bool {
	for _, v := range s {
		if v > 0 {
			return true
		}
	}
	return false
}

func mw(c i18n.Catalog) func(float64) string {
	return func(x float64) string { return c.Lang.Number(x, 0) }
}

// unplaced draws the GPUs that find no site, summed over each pool's deals;
// a pool whose racks all find a site is left out.
func unplaced(rep *core.Report, c i18n.Catalog) chart.Chart {
	xs := monthXs()
	var series []chart.Series
	for _, pool := range core.PoolOrder() {
		ys := make([]float64, core.HorizonMonths)
		some := false
		for _, d := range rep.Deals {
			if d.Pool != pool {
				continue
			}
			for m, n := range d.UnplacedGPUs {
				ys[m] += float64(n)
				some = some || n > 0
			}
		}
		if some {
			series = append(series, line(c.T("pool."+string(pool)), poolColor(pool), xs, ys))
		}
	}
	if len(series) == 0 {
		series = append(series, line(c.T("fig.unplaced.none"), colorMuted, xs, make([]float64, len(xs))))
	}
	return base(c, Unplaced, window(rep), c.T("chart.unplaced.y"), count(c), series...)
}

// sites draws the MW each Stargate site uses, stacked, under the MW they
// offer together.
func sites(rep *core.Report, c i18n.Catalog) chart.Chart {
	xs := monthXs()
	var names []string
	var colors []drawing.Color
	var layers [][]float64
	total := make([]float64, core.HorizonMonths)
	for _, s := range rep.Sites {
		if s.Pool != core.PoolStargate {
			continue
		}
		names = append(names, s.Name)
		colors = append(colors, siteColors[len(layers)%len(siteColors)])
		layers = append(layers, s.UsedMW)
		for m, v := range s.AvailableMW {
			total[m] += v
		}
	}
	series := stacked(names, colors, xs, layers)
	series = append(series, line(c.T("chart.sites.available"), colorInk, xs, total))
	return base(c, Sites, window(rep), c.T("chart.sites.y"), mw(c), series...)
}
