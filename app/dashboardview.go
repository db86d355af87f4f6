package main

import (
	"slices"
	"strings"
	"time"

	"computedash/charts"
	"computedash/core"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Render lays the page out; everything it shows was computed before.
func (d *dashboard) Render() app.UI {
	c := d.catalog()
	if !d.ready {
		return app.Div().ID("dash").Text(c.T("app.loading"))
	}
	riskState := "updating"
	if d.riskReady() {
		riskState = "ready"
	}
	root := app.Div().ID("dash").Class("dash").Class(embedClass(d.view.embed)).Class(printClass(d.view.print)).
		DataSet("gen", d.gen).DataSet("risk", riskState).DataSet("settled", d.settled()).DataSet("worker", d.workerState()).Lang(string(c.Lang))
	date := today()
	switch {
	case d.static:
		// Not ready: boot.js waits for the live page's data-ready. And no
		// date: the static page is built once and served for days. The
		// view keys tell boot.js which queries the early headline of a
		// scenario never shows.
		root, date = root.DataSet("static", 1).DataSet("analysis", d.staticRisk).DataSet("view-keys", strings.Join(viewKeys[:], " ")), ""
	case !d.whole:
		root = root.Attr("data-ready", "figures") // boot.js: the loader may go
	default:
		root = root.Attr("data-ready", "1")
	}
	if d.view.embed && len(d.parts) > 0 {
		return root.Class("parts").Body(d.partsView(c)...)
	}
	kids := []app.UI{
		&printHeader{Title: c.T("app.title"), Date: c.T("print.date", date), Preset: d.words.preset, Scenario: d.words.scenario},
		&topBar{Scenario: d.words.scenario, Preset: d.words.preset, Presets: d.words.presets,
			Pinned: d.view.pinned, Embed: d.view.embed, FullURL: d.words.fullURL, Lang: c.Lang},
		// The children of the page keep their places, shown or hidden: go-app
		// matches children by position, and a child appearing before the
		// panel would make it mount anew, under the user's hand.
		app.Div().Class("status").Hidden(d.status.text == "").Aria("live", "polite").Text(d.status.text),
		app.Input().Class("share").Hidden(d.share == "" || d.view.embed).ReadOnly(true).Value(d.share).Aria("label", c.T("action.copylink")),
		app.If(d.embedOpen && !d.view.embed, func() app.UI { return &embedDialog{Scenario: d.sc, View: d.view, Lang: c.Lang} }),
		d.noticesView(c),
		d.headlineView(c),
	}
	// The first render lays out the headline alone, so that it paints in
	// a frame of its own before the rest of the page mounts (whole).
	if !d.whole {
		return root.Body(kids...)
	}
	return root.Body(append(kids, app.Div().Class("body").Body(
		app.If(!d.view.embed, func() app.UI { return &panel{Values: d.values, Lang: c.Lang} }),
		app.Main().Class("content").Body(
			d.riskView(c),
			d.compareView(c),
			app.Div().Class("charts").Body(app.Range(charts.All()).Slice(func(i int) app.UI { return d.chartView(charts.All()[i], c) })),
			app.Details().Class("section").OnToggle(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionLedger, ctx.JSSrc().Get("open").Bool())
			}).Body(
				app.Summary().Text(c.T("section.ledger")),
				app.P().Class("note").Text(c.T("section.ledger.note")),
				&ledgerTable{View: d.ledger.view, TotalLabel: c.T("ledger.value"), Beyond: c.T("ledger.beyond")},
			),
			&methodology{Title: c.T("section.method"), FactsTitle: c.T("section.facts"), Lang: c.Lang},
			&sourcesFooter{Title: c.T("print.sources"), Rows: d.words.sources},
		),
	))...)
}

// partsView lays out the parts an embedded page was asked to show, in the
// order given, then a source line and the way to the full dashboard.
func (d *dashboard) partsView(c i18n.Catalog) []app.UI {
	out := []app.UI{d.noticesView(c)} // notices show whenever there are any
	for _, p := range d.parts {
		switch p {
		case partHeadline:
			out = append(out, d.headlineView(c))
		case partRisk:
			out = append(out, d.riskView(c))
		case partNotices:
		default:
			out = append(out, d.chartView(charts.ID(p), c))
		}
	}
	return append(out, app.P().Class("embed-foot").Body(
		app.Span().Class("embed-source").Text(c.T("embed.source")+" "),
		app.A().Href(d.words.fullURL).Target("_blank").Rel("noopener").Text(c.T("action.openfull")),
	))
}

// noticesView lists the notices of the query, of typed values, of scenario
// A and of the embedded parts.
func (d *dashboard) noticesView(c i18n.Catalog) app.UI {
	var messages []string
	for _, n := range slices.Concat(d.viewNotices, d.sc.notices, d.typed) {
		messages = append(messages, noticeMessage(n, c))
	}
	if d.ref != nil && d.ref.pinned {
		for _, n := range d.ref.sc.notices {
			messages = append(messages, c.T("compare.notice", noticeMessage(n, c)))
		}
	}
	return &noticeBar{Title: c.T("notice.title"), Messages: messages, Dismiss: c.T("action.dismiss")}
}

func (d *dashboard) headlineView(c i18n.Catalog) app.UI {
	return &headline{Label: c.T("headline.label"), Figures: d.figures}
}

func (d *dashboard) chartView(id charts.ID, c i18n.Catalog) app.UI {
	return &chartCard{ID: string(id), Title: charts.Title(id, c), SVG: d.charts.svgs[id],
		Stale: d.charts.stale(id, d.gen, d.riskReady()), Download: c.T("action.svg"), Alt: d.words.alts[id]}
}

func printClass(print bool) string {
	if print {
		return "print-view"
	}
	return ""
}

func embedClass(embed bool) string {
	if embed {
		return "embed"
	}
	return ""
}

// riskView is the risk summary of the scenario, or its progress.
func (d *dashboard) riskView(c i18n.Catalog) *riskSummary {
	rr := d.sc.report.Risk
	if rr == nil {
		return &riskSummary{Updating: true, Lines: []string{d.riskProgress(c)}}
	}
	goal, lines := riskSentences(rr, d.sc.params.Growth, c)
	return &riskSummary{Goal: goal, GoalRaw: goalRaw(rr), Lines: lines}
}

// riskProgress says that the risk analysis is being updated, and how far
// it has come.
func (d *dashboard) riskProgress(c i18n.Catalog) string {
	msg := c.T("risk.updating")
	if d.risk != nil {
		msg += " " + c.Lang.Percent(float64(d.risk.percent()), 0)
	}
	return msg
}

// today is the local date, YYYY-MM-DD, for the board pack's header. It
// does without time.Format, a large function that every update of the page
// would run, and the browser compile twice, for one date.
func today() string {
	y, m, d := time.Now().Date()
	return core.MonthOf(y, int(m)).String() + "-" + string([]byte{byte('0' + d/10), byte('0' + d%10)})
}
