package main

import (
	"strings"

	"computedash/core"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// presetItem is one entry of the preset menu, in the page's words.
type presetItem struct {
	ID, Name, Desc, Facts, Confidence, Href string
	Active                                  bool
}

// presetMenu lists the presets of MODEL.md §15. Each is a link to its URL,
// so that choosing one is a navigation (back and forward work); the facts
// it rests on show on hover and on keyboard focus.
type presetMenu struct {
	app.Compo

	Title string
	Items []presetItem
}

func (m *presetMenu) Render() app.UI {
	return app.Details().Class("presets").Body(
		app.Summary().Text(m.Title),
		app.Ul().Body(app.Range(m.Items).Slice(func(i int) app.UI {
			it := m.Items[i]
			return app.Li().Class("preset").DataSet("preset", it.ID).Body(
				app.A().Href(it.Href).Aria("current", ariaCurrent(it.Active)).Aria("describedby", "preset-"+it.ID+"-facts").Body(
					app.Strong().Text(it.Name),
					app.Span().Class("preset-conf", "conf-"+strings.ToLower(it.Confidence[:1])).Text(it.Confidence),
					app.Span().Class("preset-desc").Text(it.Desc),
				),
				app.Div().ID("preset-"+it.ID+"-facts").Class("preset-facts").Attr("role", "note").Text(it.Facts),
			)
		})),
	)
}

func ariaCurrent(active bool) string {
	if active {
		return "true"
	}
	return "false"
}

// presetItems returns the menu for a page under view v: each preset's
// link keeps the page's language and comparison.
func presetItems(v view, active string, c i18n.Catalog) []presetItem {
	var items []presetItem
	for _, pr := range core.Presets() {
		pv := v
		pv.preset = pr.ID
		q := pr.Query
		if vq := pv.query(); vq != "" {
			q = strings.TrimPrefix(q+"&"+vq, "&")
		}
		items = append(items, presetItem{ID: pr.ID, Name: c.T("preset." + pr.ID), Desc: c.T("preset." + pr.ID + ".desc"),
			Facts:      c.T("presets.facts") + " " + strings.Join(pr.Facts, " · "),
			Confidence: c.T("presets.confidence", pr.Confidence), Href: pageURL(q), Active: pr.ID == active})
	}
	return items
}
