package main

import (
	"computedash/docs"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// methodology shows how every number is made and where every default comes
// from. It lays the documents out only once opened.
type methodology struct {
	app.Compo

	Title      string
	FactsTitle string
	open       bool
}

func (m *methodology) onToggle(ctx app.Context, e app.Event) {
	m.open = ctx.JSSrc().Get("open").Bool()
}

func (m *methodology) Render() app.UI {
	return app.Details().ID("methodology").Class("section", "method").OnToggle(m.onToggle).Body(
		app.Summary().Text(m.Title),
		app.If(m.open, func() app.UI {
			return app.Div().Class("doc").Body(
				app.Div().Body(markdown(docs.Methodology)...),
				app.H2().ID("facts").Text(m.FactsTitle),
				app.Div().Body(markdown(docs.Facts)...),
			)
		}),
	)
}
