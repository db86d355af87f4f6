package main

import (
	"slices"

	"computedash/core"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// boardCharts are the charts a printed board pack shows.
var boardCharts = []string{"obligations", "cash", "power", "unplaced"}

// printHeader opens the printed board pack: title, date and the scenario
// with every changed input beside its base value. The screen shows it only
// in the print view (?print=1).
type printHeader struct {
	app.Compo

	Title, Date, Preset, Scenario string
}

func (h *printHeader) Render() app.UI {
	return app.Header().Class("print-only", "print-head").Body(
		app.H1().Text(h.Title),
		app.P().Class("print-date").Text(h.Date),
		app.If(h.Preset != "", func() app.UI { return app.P().Class("preset-name").Text(h.Preset) }),
		app.P().Class("print-scenario").Text(h.Scenario),
	)
}

// sourcesFooter closes the board pack with the FACTS rows behind the
// inputs the scenario changed.
type sourcesFooter struct {
	app.Compo

	Title string
	Rows  []string
}

func (f *sourcesFooter) Render() app.UI {
	return app.Footer().Class("print-only", "print-sources").Body(
		app.H2().Text(f.Title),
		app.Ul().Body(app.Range(f.Rows).Slice(func(i int) app.UI { return app.Li().Text(f.Rows[i]) })),
	)
}

// sourceRows lists, once each, the source and confidence of every input
// of p that differs from its default; for the base case, a line that says
// so.
func sourceRows(p *core.Params, c i18n.Catalog) []string {
	base := core.Defaults()
	var rows []string
	for _, id := range p.Diff(&base) {
		s := &core.Specs()[core.Index(id)]
		row := c.T("print.source", s.Source, s.Confidence)
		if !slices.Contains(rows, row) {
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return []string{c.T("print.sources.base")}
	}
	return rows
}
