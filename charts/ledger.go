package charts

import (
	"computedash/core"
	"computedash/i18n"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// suppliers returns the suppliers of the ledger in order of first
// appearance, with each one's obligations per month in dollars.
func suppliers(r *core.Result) ([]string, [][]float64) {
	var names []string
	var layers [][]float64
	for _, d := range r.Ledger.Deals {
		i := index(names, d.Supplier)
		if i < 0 {
			names = append(names, d.Supplier)
			layers = append(layers, make([]float64, core.HorizonMonths))
			i = len(names) - 1
		}
		for m, c := range d.Obligations {
			layers[i][m] += c.Float64()
		}
	}
	return names, layers
}

func index(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func obligations(r *core.Result, c i18n.Catalog) chart.Chart {
	names, layers := suppliers(r)
	colors := make([]drawing.Color, len(names))
	for i, n := range names {
		colors[i] = supplierColor(n)
	}
	series := stacked(names, colors, monthXs(), layers)
	return base(c, Obligations, window(r), c.T("chart.obligations.y"), c.Lang.Dollars, series...)
}

func gpus(r *core.Result, c i18n.Catalog) chart.Chart {
	g200 := make([]float64, core.HorizonMonths)
	g300 := make([]float64, core.HorizonMonths)
	for _, d := range r.Fleet.Deals {
		for m := range g200 {
			g200[m] += float64(d.GB200[m])
			g300[m] += float64(d.GB300[m])
		}
	}
	series := stacked([]string{"GB200", "GB300"}, []drawing.Color{colorGB200, colorGB300}, monthXs(), [][]float64{g200, g300})
	return base(c, GPUs, window(r), c.T("chart.gpus.y"), count(c), series...)
}

func count(c i18n.Catalog) func(float64) string {
	return func(x float64) string { return c.Lang.Count(int64(x)) }
}
