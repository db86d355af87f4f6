package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/math/fixed"
)

// Header layout, in SVG units.
const (
	headerTop   = 26
	legendRowH  = 14
	legendWidth = Width - 24
)

type legendItem struct {
	name   string
	color  drawing.Color
	dashed bool
}

func legendItems(series []chart.Series) []legendItem {
	var items []legendItem
	for _, s := range series {
		name := s.GetName()
		if name == "" {
			continue
		}
		st := s.GetStyle()
		color := st.StrokeColor
		if !st.FillColor.IsZero() {
			color = st.FillColor
		}
		if color.IsZero() {
			color = st.DotColor
		}
		items = append(items, legendItem{name, color, len(st.StrokeDashArray) > 0})
	}
	return items
}

// itemWidth estimates the width of a legend entry at legendFont: the mark,
// the name and a gap.
func itemWidth(it legendItem) float64 { return 18 + textWidth(it.name) + 14 }

// fallbackWidth is how much wider than Roboto the widest usual fallback of
// the SVG's font-family is (DejaVu Sans, about 12 % on legend names):
// browsers draw the text with a font of their own, and a name must not run
// into the next one.
const fallbackWidth = 1.12

// textWidth estimates the width of s drawn at legendFont: its advance in
// Roboto, go-chart's font, with room for a wider fallback font.
func textWidth(s string) float64 {
	f, err := chart.GetDefaultFont()
	if err != nil {
		return 6.4 * float64(len([]rune(s)))
	}
	px := drawing.PointsToPixels(chart.DefaultDPI, legendFont)
	scale := fixed.Int26_6(px * 64)
	var w fixed.Int26_6
	for _, r := range s {
		w += f.HMetric(scale, f.Index(r)).AdvanceWidth
	}
	return float64(w) / 64 * fallbackWidth
}

// legendRows wraps the legend entries into rows that fit the chart width.
func legendRows(items []legendItem) [][]legendItem {
	var rows [][]legendItem
	x := legendWidth + 1.0
	for _, it := range items {
		if x+itemWidth(it) > legendWidth {
			rows = append(rows, nil)
			x = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], it)
		x += itemWidth(it)
	}
	return rows
}

// header draws the title and the legend above the plot.
func header(title string, rows [][]legendItem) chart.Renderable {
	return func(r chart.Renderer, _ chart.Box, defaults chart.Style) {
		r.ClearTextRotation()
		r.SetFont(defaults.Font)
		r.SetFontColor(colorInk)
		r.SetFontSize(titleFont)
		tb := r.MeasureText(title)
		r.Text(title, (Width-tb.Width())/2, 17)
		r.SetFontSize(legendFont)
		for i, row := range rows {
			y := headerTop + i*legendRowH + 8
			x := 12.0
			for _, it := range row {
				r.SetStrokeColor(it.color)
				r.SetStrokeWidth(3)
				if it.dashed {
					r.SetStrokeDashArray([]float64{4, 2})
				} else {
					r.SetStrokeDashArray(nil)
				}
				r.MoveTo(int(x), y-3)
				r.LineTo(int(x)+14, y-3)
				r.Stroke()
				r.SetFontColor(colorInk)
				r.Text(it.name, int(x)+18, y)
				x += itemWidth(it)
			}
		}
	}
}
