package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// headline shows the scenario's headline figures.
type headline struct {
	app.Compo

	Label   string
	Figures []figure
	Tones   map[string]string // the word for each tone, for those who do not see colour
}

func (h *headline) Render() app.UI {
	return app.Section().Class("headline").Aria("label", h.Label).Body(
		app.Range(h.Figures).Slice(func(i int) app.UI {
			f := h.Figures[i]
			return app.Div().Class("figure", "tone-"+f.Tone).DataSet("figure", f.Key).DataSet("raw", f.Raw).Body(
				app.Div().Class("figure-label").Body(
					app.Span().Class("tone-icon").Title(h.Tones[f.Tone]).Aria("hidden", "true").Text(toneIcons[f.Tone]),
					app.Span().Class("sr-only").Text(h.Tones[f.Tone]+": "),
					app.Text(f.Label),
				),
				app.Div().Class("figure-value").Text(f.Value),
				app.Div().Class("figure-note").Text(f.Note),
				app.Div().Class("figure-ref").Hidden(f.Ref == "").Text(f.Ref),
			)
		}),
	)
}

// toneIcons mark a figure's tone by shape as well as by colour.
var toneIcons = map[string]string{"ok": "✓", "warn": "▲", "bad": "✕"}
