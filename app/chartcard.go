package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// chartCard shows one chart, drawn as SVG elsewhere, with its download.
//
// On the page, go-app's tree never holds the drawing: the card lays out an
// empty box, and the chart pump writes each new drawing into it in a task
// of its own (paintChart), so that no update of the page mounts a batch of
// charts at once. A card mounted anew fills its box with SVG (OnMount).
// Rendered to static HTML, the box holds the drawing.
type chartCard struct {
	app.Compo

	ID       string
	Title    string
	SVG      string // "" until drawn
	Stale    bool   // drawn for an earlier scenario; a new one is on its way
	Download string
	Alt      string // what the chart shows, in words, with its key numbers
}

// OnMount fills the box of a card mounted on the page with its drawing,
// unless the chart pump has painted a newer one meanwhile.
func (c *chartCard) OnMount(ctx app.Context) {
	fillChart(ctx.JSSrc(), c.SVG)
}

func (c *chartCard) Render() app.UI {
	box := app.Div().Class("chart-svg").Aria("hidden", "true")
	if c.SVG != "" && !app.IsClient {
		// The SVG comes from charts.Render, which escapes every string it
		// draws; nothing in it comes from the URL unescaped.
		box = box.Body(app.Raw(c.SVG))
	}
	return app.Figure().Class("chart").DataSet("chart", c.ID).DataSet("stale", c.Stale).Aria("label", c.Title).
		Aria("describedby", "alt-"+c.ID).Body(
		box,
		app.P().ID("alt-"+c.ID).Class("chart-alt").Text(c.Alt),
		app.FigCaption().Body(
			app.Button().Class("link").Title(c.Title).Text(c.Download).OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionExport, "svg:"+c.ID)
			}),
		),
	)
}
