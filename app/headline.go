package main

import (
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// headline shows the scenario's headline figures.
type headline struct {
	app.Compo

	Label   string
	Figures []i18n.Figure
}

func (h *headline) Render() app.UI {
	return app.Section().Class("headline").Aria("label", h.Label).Body(
		app.Range(h.Figures).Slice(func(i int) app.UI {
			f := h.Figures[i]
			return app.Div().Class("figure", "tone-"+f.Tone).DataSet("figure", f.Key).DataSet("raw", f.Raw).Body(
				app.Div().Class("figure-label").Body(
					app.Span().Class("tone-icon").Title(f.ToneWord).Aria("hidden", "true").Text(f.Icon),
					app.Span().Class("sr-only").Text(f.ToneWord+": "),
					app.Text(f.Label),
				),
				app.Div().Class("figure-value").Text(f.Value),
				app.Div().Class("figure-note").Text(f.Note),
				app.Div().Class("figure-ref").Hidden(f.Ref == "").Text(f.Ref),
			)
		}),
	)
}
