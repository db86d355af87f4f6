package main

import (
	"computedash/docs"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// methodology shows how every number is made and where every default comes
// from. It lays the documents out only once opened. The documents are HTML
// rendered from docs/*.md at build time (go generate ./docs), each one
// <div class="md"> element without script, event handler or raw HTML from
// the source, so the page carries no Markdown renderer.
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
				app.Raw(docs.MethodologyHTML),
				app.H2().ID("facts").Text(m.FactsTitle),
				app.Raw(docs.FactsHTML),
			)
		}),
	)
}
