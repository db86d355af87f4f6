package charts

import (
	"slices"

	"computedash/core"
	"computedash/i18n"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// supplier is a company the ledger pays, with what it is paid each month
// in dollars.
type supplier struct {
	name  string // as core names it: deals of one name are one company
	label string // as the legend writes it
	color drawing.Color
	layer []float64
}

// suppliers returns the suppliers of the report's deals in order of first
// appearance. A default supplier's label is its proper name; an other
// supplier, one company a slot, is labelled as the catalog names its deal.
func suppliers(rep *core.Report, c i18n.Catalog) []supplier {
	var out []supplier
	for i := range rep.Deals {
		d := &rep.Deals[i]
		k := slices.IndexFunc(out, func(s supplier) bool { return s.name == d.Supplier })
		if k < 0 {
			s := supplier{name: d.Supplier, label: d.Supplier, color: supplierColor(d), layer: make([]float64, core.HorizonMonths)}
			if isOther(d) {
				s.label = c.Deal(d.ID, d.Pool)
			}
			out = append(out, s)
			k = len(out) - 1
		}
		for m, v := range d.Obligations {
			out[k].layer[m] += v.Float64()
		}
	}
	return out
}

func obligations(rep, pinned *core.Report, c i18n.Catalog) chart.Chart {
	sup := suppliers(rep, c)
	names := make([]string, len(sup))
	colors := make([]drawing.Color, len(sup))
	layers := make([][]float64, len(sup))
	for i, s := range sup {
		names[i], colors[i], layers[i] = s.label, s.color, s.layer
	}
	series := stacked(names, colors, monthXs(), layers)
	if pinned != nil {
		ys := make([]float64, core.HorizonMonths)
		for m, v := range pinned.Monthly.Obligations {
			ys[m] = v.Float64()
		}
		series = append(series, pinnedLine(c, ys))
	}
	return base(c, Obligations, window(rep), c.T("chart.obligations.y"), c.Lang.Dollars, series...)
}

func gpus(rep, pinned *core.Report, c i18n.Catalog) chart.Chart {
	g200 := make([]float64, core.HorizonMonths)
	g300 := make([]float64, core.HorizonMonths)
	for _, d := range rep.Deals {
		for m := range g200 {
			g200[m] += float64(d.GB200[m])
			g300[m] += float64(d.GB300[m])
		}
	}
	series := stacked([]string{"GB200", "GB300"}, []drawing.Color{colorGB200, colorGB300}, monthXs(), [][]float64{g200, g300})
	if pinned != nil {
		ys := make([]float64, core.HorizonMonths)
		for m, n := range pinned.Monthly.GPUs {
			ys[m] = float64(n)
		}
		series = append(series, pinnedLine(c, ys))
	}
	return base(c, GPUs, window(rep), c.T("chart.gpus.y"), count(c), series...)
}

func count(c i18n.Catalog) func(float64) string {
	return func(x float64) string { return c.Lang.Count(int64(x)) }
}

// pinnedLine is scenario A of a comparison, month by month, drawn dashed
// over scenario B.
func pinnedLine(c i18n.Catalog, ys []float64) chart.Series {
	s := dashed(line(c.T("chart.pinned"), colorInk, monthXs(), ys))
	s.Style.StrokeWidth = 1.5
	return s
}
