package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
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

// itemWidth estimates the width of a legend entry at legendFont.
func itemWidth(it legendItem) float64 { return 18 + 5.6*float64(len([]rune(it.name))) + 14 }

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
