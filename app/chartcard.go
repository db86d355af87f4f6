package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// chartCard shows one chart, drawn as SVG elsewhere, with its download.
type chartCard struct {
	app.Compo

	ID       string
	Title    string
	SVG      string // "" until drawn
	Stale    bool   // drawn for an earlier scenario; a new one is on its way
	Download string
	Alt      string // what the chart shows, in words, with its key numbers
}

func (c *chartCard) Render() app.UI {
	body := app.UI(app.Div().Class("chart-placeholder").Text("…"))
	if c.SVG != "" {
		// The SVG comes from charts.Render, which escapes every string it
		// draws; nothing in it comes from the URL unescaped.
		body = app.Raw(c.SVG)
	}
	return app.Figure().Class("chart").DataSet("chart", c.ID).DataSet("stale", c.Stale).Aria("label", c.Title).
		Aria("describedby", "alt-"+c.ID).Body(
		app.Div().Aria("hidden", "true").Body(body),
		app.P().ID("alt-"+c.ID).Class("chart-alt").Text(c.Alt),
		app.FigCaption().Body(
			app.Button().Class("link").Title(c.Title).Text(c.Download).OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionExport, "svg:"+c.ID)
			}),
		),
	)
}
