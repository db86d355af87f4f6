package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// headline shows the scenario's headline figures.
type headline struct {
	app.Compo

	Figures []figure
}

func (h *headline) Render() app.UI {
	return app.Section().Class("headline").Aria("label", "headline figures").Body(
		app.Range(h.Figures).Slice(func(i int) app.UI {
			f := h.Figures[i]
			return app.Div().Class("figure", "tone-"+f.Tone).DataSet("figure", f.Key).DataSet("raw", f.Raw).Body(
				app.Div().Class("figure-label").Text(f.Label),
				app.Div().Class("figure-value").Text(f.Value),
				app.Div().Class("figure-note").Text(f.Note),
				app.Div().Class("figure-ref").Hidden(f.Ref == "").Text(f.Ref),
			)
		}),
	)
}
