// Package charts draws the dashboard's charts as SVG with go-chart, from a
// scenario's report (core.Report): every figure a chart shows is one the
// report holds, and every visible string comes from the catalog.
package charts

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"computedash/core"
	"computedash/i18n"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// ID names a chart of the dashboard.
type ID string

// The charts, in the order the page shows them.
const (
	Obligations ID = "obligations"
	Cash        ID = "cash"
	GPUs        ID = "gpus"
	Power       ID = "power"
	Unplaced    ID = "unplaced"
	Sites       ID = "sites"
	Coverage    ID = "coverage"
	Gap         ID = "gap"
	HHI         ID = "hhi"
	Tornado     ID = "tornado"
)

// All lists every chart in page order.
func All() []ID {
	return []ID{Obligations, Cash, GPUs, Power, Unplaced, Sites, Coverage, Gap, HHI, Tornado}
}

// NeedsRisk reports whether chart id draws the risk analysis, so that it
// is redrawn when the risk analysis arrives.
func NeedsRisk(id ID) bool { return id == Cash || id == Tornado }

// Size of every chart, in SVG user units.
const (
	Width  = 560
	Height = 300
)

// Render draws chart id for the scenario of rep. The cash and tornado
// charts draw the risk analysis when rep.Risk is not nil, and say that it
// is on its way when it is.
func Render(id ID, rep *core.Report, c i18n.Catalog) (string, error) {
	svg, _, err := NewPainter().Render(id, rep, c, 0)
	return svg, err
}

// Painter draws charts one after another, keeping what they share (the
// measured font faces) between them. It is not safe for concurrent use.
type Painter struct {
	faces faces
	// Pinned, when not nil, is scenario A of a comparison: the
	// obligations, cash and GPU charts draw it as a dashed line over the
	// scenario they show.
	Pinned *core.Report
}

// NewPainter returns a Painter with nothing measured yet.
func NewPainter() *Painter { return &Painter{faces: faces{}} }

// Render draws chart id as the package's Render does, unless what it would
// show is what was drawn under the key last: then svg is "". key identifies
// what the chart shows (its series, axes and words); it is never 0.
func (p *Painter) Render(id ID, rep *core.Report, c i18n.Catalog, last uint64) (svg string, key uint64, err error) {
	defer func() {
		if p := recover(); p != nil { // go-chart panics on some degenerate ranges
			svg, key, err = "", 0, fmt.Errorf("chart %s: %v", id, p)
		}
	}()
	var g chart.Chart
	switch id {
	case Obligations:
		g = obligations(rep, p.Pinned, c)
	case GPUs:
		g = gpus(rep, p.Pinned, c)
	case Power:
		g = power(rep, c)
	case Unplaced:
		g = unplaced(rep, c)
	case Sites:
		g = sites(rep, c)
	case Cash:
		g = cash(rep, p.Pinned, c)
	case Coverage:
		g = coverage(rep, c)
	case Gap:
		g = gap(rep, c)
	case HHI:
		g = hhi(rep, c)
	case Tornado:
		svg = tornado(rep, c)
		if key = hashString(svg); key == last {
			return "", key, nil
		}
		return svg, key, nil
	default:
		return "", 0, fmt.Errorf("no chart %q", id)
	}
	if key = fingerprint(g); key == last {
		return "", key, nil
	}
	svg, err = p.render(g)
	return svg, key, err
}

// Title returns the title of chart id.
func Title(id ID, c i18n.Catalog) string { return c.T("chart." + string(id)) }

func (p *Painter) render(g chart.Chart) (string, error) {
	var b bytes.Buffer
	if err := g.Render(svgWith(p.faces), &b); err != nil {
		return "", err
	}
	return b.String(), nil
}

// span is the range of years a chart's X axis covers, from the start of
// year from to the end of year to.
type span struct{ from, to int }

// full is the model's horizon.
var full = span{core.FirstYear, core.LastYear}

// base returns a chart with the page's layout: a header with the title and
// a legend of the named series, axis names, year ticks on X over sp and
// round ticks on Y. Series are cut to sp.
func base(c i18n.Catalog, id ID, sp span, yName string, yFormat func(float64) string, series ...chart.Series) chart.Chart {
	x0, x1 := float64(sp.from), float64(sp.to+1)
	if len(series) == 0 { // nothing to draw: keep the axes readable
		series = []chart.Series{hline("", colorMuted, 0, x0, x1)}
	}
	for i, s := range series {
		series[i] = clipX(s, x1)
	}
	items := legendItems(series)
	rows := legendRows(items)
	step := 1
	if sp.to-sp.from > 10 {
		step = 2
	}
	yTicks, yRange := niceTicks(series, yFormat)
	g := chart.Chart{
		Width:      Width,
		Height:     Height,
		TitleStyle: chart.Style{Hidden: true}, // drawn by header: go-chart rotates it with the Y axis name
		Background: chart.Style{Padding: chart.Box{Top: headerTop + len(rows)*legendRowH + 8, Left: 12, Right: 16, Bottom: 8}},
		XAxis: chart.XAxis{
			Name:      c.T("chart.x"),
			NameStyle: chart.Style{FontSize: axisFont},
			Style:     chart.Style{FontSize: axisFont},
			Ticks:     yearTicks(sp.from, sp.to, step),
			Range:     &chart.ContinuousRange{Min: x0, Max: x1},
		},
		YAxis: chart.YAxis{
			Name:           yName,
			NameStyle:      chart.Style{FontSize: axisFont},
			Style:          chart.Style{FontSize: axisFont},
			Ticks:          yTicks,
			Range:          yRange,
			GridMajorStyle: chart.Style{StrokeColor: drawing.ColorFromHex("e0e0e0"), StrokeWidth: 1},
		},
		YAxisSecondary: chart.YAxis{Style: chart.Style{Hidden: true}},
		Series:         series,
	}
	g.Elements = []chart.Renderable{header(Title(id, c), rows)}
	return g
}

// Font sizes, in SVG units.
const (
	titleFont  = 13
	axisFont   = 10
	legendFont = 10
)

// monthX places month m on the X axis in fractional years.
func monthX(m int) float64 { return 2025 + float64(m)/12 }

// monthXs returns the X values of the whole horizon.
func monthXs() []float64 {
	xs := make([]float64, core.HorizonMonths)
	for m := range xs {
		xs[m] = monthX(m)
	}
	return xs
}

func line(name string, color drawing.Color, xs, ys []float64) chart.ContinuousSeries {
	return chart.ContinuousSeries{Name: name, XValues: xs, YValues: ys,
		Style: chart.Style{StrokeColor: color, StrokeWidth: 2}}
}

func dashed(s chart.ContinuousSeries) chart.ContinuousSeries {
	s.Style.StrokeDashArray = []float64{5, 3}
	return s
}

func area(name string, color drawing.Color, xs, ys []float64) chart.ContinuousSeries {
	return chart.ContinuousSeries{Name: name, XValues: xs, YValues: ys,
		Style: chart.Style{StrokeColor: color, StrokeWidth: 1, FillColor: color.WithAlpha(200)}}
}

// stacked returns areas of cumulative sums, topmost first, so that each
// lower layer paints over the one above it.
func stacked(names []string, colors []drawing.Color, xs []float64, layers [][]float64) []chart.Series {
	cum := make([][]float64, len(layers))
	for i := range layers {
		cum[i] = make([]float64, len(xs))
		for j := range xs {
			cum[i][j] = layers[i][j]
			if i > 0 {
				cum[i][j] += cum[i-1][j]
			}
		}
	}
	var out []chart.Series
	for i := len(layers) - 1; i >= 0; i-- {
		out = append(out, area(names[i], colors[i], xs, cum[i]))
	}
	return out
}

// hline is a horizontal reference line from x0 to x1.
func hline(name string, color drawing.Color, y, x0, x1 float64) chart.ContinuousSeries {
	s := line(name, color, []float64{x0, x1}, []float64{y, y})
	s.Style.StrokeWidth = 1
	s.Style.StrokeDashArray = []float64{3, 3}
	return s
}

// band fills the space between two series.
type band struct {
	name   string
	style  chart.Style
	xs     []float64
	lo, hi []float64
}

func (b band) GetName() string                            { return b.name }
func (b band) GetYAxis() chart.YAxisType                  { return chart.YAxisPrimary }
func (b band) GetStyle() chart.Style                      { return b.style }
func (b band) Validate() error                            { return nil }
func (b band) Len() int                                   { return len(b.xs) }
func (b band) GetBoundedValues(i int) (x, y1, y2 float64) { return b.xs[i], b.hi[i], b.lo[i] }
func (b band) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, s chart.Style) {
	chart.Draw.BoundedSeries(r, box, xr, yr, b.style, b)
}

// escape makes text safe inside SVG markup.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;").Replace(s)
}

func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}
