package main

import (
	"computedash/format"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// topBar is the page's title, the scenario in words and the actions: share,
// export, reset and language; in the compact view, a link to the full one.
type topBar struct {
	app.Compo

	Scenario string
	Preset   string // the preset line, "" for none
	Presets  []presetItem
	Pinned   bool // a scenario is pinned as A
	Embed    bool
	FullURL  string // the scenario in the full dashboard
	Lang     format.Lang
}

func (t *topBar) Render() app.UI {
	c := i18n.For(t.Lang)
	return app.Header().Class("top").Body(
		app.Div().Class("titles").Body(
			app.H1().Text(c.T("app.title")),
			app.P().Class("sub").Text(c.T("app.subtitle")),
			app.P().Class("scenario").Body(
				app.If(t.Preset != "", func() app.UI { return app.Strong().Class("preset-name").Text(t.Preset + " · ") }),
				app.Text(t.Scenario),
			),
		),
		t.actions(c),
	)
}

func (t *topBar) actions(c i18n.Catalog) app.UI {
	if t.Embed {
		return app.Nav().Class("actions").Body(
			app.A().Href(t.FullURL).Target("_blank").Rel("noopener").Text(c.T("action.openfull")),
		)
	}
	post := func(action string, v any) app.EventHandler {
		return func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(action, v) }
	}
	pin := app.Button().ID("pin").Title(c.T("compare.pin.title")).OnClick(post(actionPin, true)).Text(c.T("compare.pin"))
	if t.Pinned {
		pin = app.Button().ID("pin").OnClick(post(actionPin, false)).Text(c.T("compare.unpin"))
	}
	return app.Nav().Class("actions").Body(
		&presetMenu{Title: c.T("presets.title"), Items: t.Presets},
		pin,
		app.Button().ID("copy-link").OnClick(post(actionShare, "link")).Text(c.T("action.copylink")),
		app.Button().ID("copy-embed").OnClick(post(actionShare, "embed")).Text(c.T("action.copyembed")),
		app.Button().ID("export-json").OnClick(post(actionExport, formatJSON)).Text(c.T("action.json")),
		app.Button().ID("export-csv-monthly").OnClick(post(actionExport, formatCSVMonthly)).Text(c.T("action.csvmonthly")),
		app.Button().ID("export-csv-yearly").OnClick(post(actionExport, formatCSVYearly)).Text(c.T("action.csvyearly")),
		app.Button().ID("reset-all").Class("quiet").OnClick(post(actionResetAll, nil)).Text(c.T("action.resetall")),
		app.Button().ID("lang-switch").Class("quiet").Title(c.T("lang.title")).OnClick(post(actionLang, otherLang(t.Lang))).Text(c.T("lang.switch")),
	)
}

// otherLang is the language the switch offers.
func otherLang(l format.Lang) format.Lang {
	if l == format.Italian {
		return format.English
	}
	return format.Italian
}
