package charts

import (
	"computedash/core"
	"computedash/i18n"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

var pools = []struct {
	id    string
	color drawing.Color
}{
	{core.StargatePool, colorStargate}, {"azure", colorMicrosoft}, {"aws", colorAWS}, {"coreweave", colorCoreWeave},
}

func power(r *core.Result, c i18n.Catalog) chart.Chart {
	p := &r.Params
	xs := monthXs()
	var series []chart.Series
	for _, pool := range pools {
		need := make([]float64, core.HorizonMonths)
		avail := make([]float64, core.HorizonMonths)
		used := false
		for i, d := range r.Ledger.Deals {
			if d.Pool != pool.id {
				continue
			}
			used = true
			f := &r.Fleet.Deals[i]
			for m := range need {
				need[m] += (float64(f.Racks200[m])*p.KW200 + float64(f.Racks300[m])*p.KW300) / 1000 * p.PUE
			}
		}
		for j, s := range r.Placement.Sites {
			if s.Pool == pool.id {
				for m := range avail {
					avail[m] += r.Placement.Available[j][m]
				}
			}
		}
		name := c.T("pool." + pool.id)
		series = append(series, line(c.T("chart.available", name), pool.color, xs, avail))
		if used {
			series = append(series, dashed(line(c.T("chart.needed", name), pool.color, xs, need)))
		}
	}
	return base(c, Power, window(r), c.T("chart.power.y"), mw(c), series...)
}

func mw(c i18n.Catalog) func(float64) string {
	return func(x float64) string { return c.Lang.Number(x, 0) }
}

func unplaced(r *core.Result, c i18n.Catalog) chart.Chart {
	xs := monthXs()
	var series []chart.Series
	for _, pool := range pools {
		ys := make([]float64, core.HorizonMonths)
		any := false
		for i, d := range r.Ledger.Deals {
			if d.Pool != pool.id {
				continue
			}
			for m, n := range r.Placement.UnplacedRacks[i] {
				ys[m] += float64(n * core.GPUsPerRack)
				any = any || n > 0
			}
		}
		if any {
			series = append(series, line(c.T("pool."+pool.id), pool.color, xs, ys))
		}
	}
	if len(series) == 0 {
		series = append(series, line(c.T("fig.unplaced.none"), colorMuted, xs, make([]float64, len(xs))))
	}
	return base(c, Unplaced, window(r), c.T("chart.unplaced.y"), count(c), series...)
}

func sites(r *core.Result, c i18n.Catalog) chart.Chart {
	xs := monthXs()
	var names []string
	var colors []drawing.Color
	var layers [][]float64
	total := make([]float64, core.HorizonMonths)
	for j, s := range r.Placement.Sites {
		if s.Pool != core.StargatePool {
			continue
		}
		names = append(names, s.Name)
		colors = append(colors, siteColors[len(layers)%len(siteColors)])
		layers = append(layers, r.Placement.Used[j][:])
		for m := range total {
			total[m] += r.Placement.Available[j][m]
		}
	}
	series := stacked(names, colors, xs, layers)
	series = append(series, line(c.T("chart.sites.available"), colorInk, xs, total))
	return base(c, Sites, window(r), c.T("chart.sites.y"), mw(c), series...)
}
