package main

import (
	"time"

	"computedash/charts"
	"computedash/core"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Timing of the work that follows a change of the scenario.
const (
	riskDelay  = 150 * time.Millisecond // no move for this long: the hand has stopped
	riskSlice  = 8 * time.Millisecond   // Monte Carlo work in one task of the event loop
	drawSlice  = 12 * time.Millisecond  // chart drawing in one task of the event loop
	dragGap    = 50 * time.Millisecond  // moves closer than this are a drag: charts wait
	urlDelay   = 200 * time.Millisecond // at most five URL rewrites a second while a slider moves
	statusTime = 4 * time.Second
)

// dashboard is the page: it owns the scenario, turns the actions of its
// children into new inputs, and schedules the charts and the risk analysis
// after the figures.
type dashboard struct {
	app.Compo

	view    view
	sc      scenario
	figures []figure      // the headline of sc
	typed   []core.Notice // notices about typed values
	gen     int           // bumps with every new scenario
	risk    *core.Risk    // of scenario riskGen
	riskGen int
	riskRun *core.MonteCarloRun
	riskPct int

	painter    *charts.Painter
	svgs       map[charts.ID]string
	keys       map[charts.ID]uint64 // what each chart shows (Painter.Render)
	drawn      map[charts.ID]int    // the gen each chart is up to date for
	queue      []charts.ID
	pumping    bool
	lastMove   time.Time // the last move of a slider not yet released
	ledger     ledgerView
	ledgerG    int  // the gen the ledger view is of
	ledgerOpen bool // the ledger section is open: keep its view up to date

	pushed   bool // the current drag has its own history entry
	urlDirty bool // the URL does not show the scenario yet
	urlTimer bool // a rewrite of the URL is scheduled
	status   string
	statusID int
	share    string // the link or embed code shown for copying
	ready    bool
}

func newDashboard() *dashboard { return &dashboard{} }

func (d *dashboard) catalog() i18n.Catalog { return i18n.For(d.view.lang) }

// OnMount registers the actions of the children and follows the browser's
// back and forward buttons.
func (d *dashboard) OnMount(ctx app.Context) {
	ctx.Handle(actionSet, d.onSet)
	ctx.Handle(actionReset, d.onReset)
	ctx.Handle(actionResetAll, d.onResetAll)
	ctx.Handle(actionExport, d.onExport)
	ctx.Handle(actionShare, d.onShare)
	ctx.Handle(actionDismiss, d.onDismiss)
	ctx.Handle(actionLedger, d.onLedger)
	ctx.Handle(actionLang, d.onLang)
	listenPopState(ctx, func(ctx app.Context) { d.load(ctx, currentQuery()) })
}

// OnNav reads the scenario of the URL.
func (d *dashboard) OnNav(ctx app.Context) {
	d.load(ctx, ctx.Page().URL().RawQuery)
}

// load shows the scenario of a page query, unless it is already shown.
func (d *dashboard) load(ctx app.Context, query string) {
	v := parseView(query)
	if d.sc.result != nil && modelQuery(query) == d.sc.query && v == d.view {
		return
	}
	d.view = v
	d.sc = scenarioOf(query)
	d.typed = nil
	d.pushed, d.urlDirty = false, false
	d.changed(ctx, true)
	ctx.Page().SetTitle("%s", d.catalog().T("app.title"))
}

// changed schedules everything that follows a new scenario: charts one by
// one between input events, and the risk analysis once the hand stops:
// at once when the change is settled (a release, a typed value), else when
// no other move follows within riskDelay.
func (d *dashboard) changed(ctx app.Context, settled bool) {
	d.gen++
	d.ready = true
	d.figures = headlineFigures(d.sc.result, d.catalog())
	paintHeadline(d.gen, d.figures)
	d.riskRun = nil
	if !settled {
		d.lastMove = time.Now()
	}
	// Charts in view first; those below the fold wait their turn.
	visible := visibleCharts()
	d.queue = d.queue[:0]
	for _, first := range []bool{true, false} {
		for _, id := range charts.All() {
			if !charts.NeedsRisk(id) && visible[string(id)] == first {
				d.queue = append(d.queue, id)
			}
		}
	}
	d.schedulePump(ctx)
	d.scheduleRisk(ctx, settled)
}

// scheduleRisk starts the risk analysis of the current scenario, after the
// figures have painted, unless it is already on screen or running.
func (d *dashboard) scheduleRisk(ctx app.Context, settled bool) {
	gen := d.gen
	start := func(ctx app.Context) {
		if d.gen == gen && !d.riskCurrent() && d.riskRun == nil {
			d.startRisk(ctx)
		}
	}
	if settled {
		afterPaint(ctx, start)
		return
	}
	later(ctx, riskDelay, start)
}

// schedulePump draws the charts that are out of date once the figures have
// painted.
func (d *dashboard) schedulePump(ctx app.Context) {
	if d.pumping {
		return
	}
	d.pumping = true
	afterPaint(ctx, d.pump)
}

// pump draws the charts that are out of date, passing over those whose
// data the change did not touch, for drawSlice at a time; while a slider
// is being dragged it waits. Once all are drawn, it prepares the ledger
// table.
func (d *dashboard) pump(ctx app.Context) {
	if time.Since(d.lastMove) < dragGap {
		later(ctx, dragGap, d.pump)
		return
	}
	d.pumping = false
	if d.svgs == nil {
		d.svgs, d.keys, d.drawn = map[charts.ID]string{}, map[charts.ID]uint64{}, map[charts.ID]int{}
		d.painter = charts.NewPainter()
	}
	var risk *core.Risk
	if d.riskCurrent() {
		risk = d.risk
	}
	start := time.Now()
	for len(d.queue) > 0 {
		if time.Since(start) > drawSlice {
			d.pumping = true
			later(ctx, 0, d.pump) // input and paint come first
			return
		}
		id := d.queue[0]
		d.queue = d.queue[1:]
		svg, key, err := d.painter.Render(id, d.sc.result, risk, d.catalog(), d.keys[id])
		if err != nil {
			app.Log(err)
			continue
		}
		d.drawn[id] = d.gen
		if svg != "" {
			d.svgs[id], d.keys[id] = svg, key
		}
	}
	if d.ledgerOpen && d.ledgerG != d.gen {
		d.ledger, d.ledgerG = newLedgerView(d.sc.result, d.catalog()), d.gen
	}
}

// startRisk runs the goal seek and the tornado, then the Monte Carlo in
// slices of riskSlice, each in its own task of the event loop.
func (d *dashboard) startRisk(ctx app.Context) {
	gen := d.gen
	r := d.sc.result
	growth, ok := core.GoalSeek(r)
	rk := &core.Risk{Tornado: core.Tornado(r), GoalSeek: growth, Reachable: ok}
	run := core.NewMonteCarloRun(r)
	d.riskRun, d.riskPct = run, 0
	var step func(ctx app.Context)
	step = func(ctx app.Context) {
		if d.gen != gen || d.riskRun != run {
			return
		}
		start := time.Now()
		for !run.Step(10) {
			if time.Since(start) < riskSlice {
				continue
			}
			done, total := run.Progress()
			d.riskPct = 100 * done / max(total, 1)
			later(ctx, 0, step)
			return
		}
		rk.MonteCarlo = run.Result()
		d.risk, d.riskGen, d.riskRun = rk, gen, nil
		d.queue = append([]charts.ID{charts.Cash, charts.Tornado}, d.queue...)
		d.schedulePump(ctx)
	}
	step(ctx)
}

// riskCurrent reports whether the risk analysis shown is the scenario's.
func (d *dashboard) riskCurrent() bool { return d.risk != nil && d.riskGen == d.gen }

// apply makes p the scenario. The URL follows: while a slider moves, at
// most every urlDelay and in one history entry; a committed change at once,
// closing that entry.
func (d *dashboard) apply(ctx app.Context, p core.Params, commit bool) {
	d.sc = withParams(p)
	d.changed(ctx, commit)
	d.urlDirty = true
	if commit {
		d.writeURL(ctx)
		d.pushed = false
		return
	}
	if !d.urlTimer {
		d.urlTimer = true
		ctx.After(urlDelay, func(ctx app.Context) {
			d.urlTimer = false
			d.writeURL(ctx)
		})
	}
}

// writeURL shows the scenario in the URL: the first write of a change adds
// a history entry, the next ones replace it.
func (d *dashboard) writeURL(ctx app.Context) {
	if !d.urlDirty {
		return
	}
	d.urlDirty = false
	q := pageQuery(d.sc, d.view)
	if d.pushed {
		replaceURL(ctx, q)
		return
	}
	pushURL(q)
	d.pushed = true
}

// say shows a short status message for a few seconds.
func (d *dashboard) say(ctx app.Context, msg string) {
	d.status = msg
	d.statusID++
	id := d.statusID
	ctx.After(statusTime, func(ctx app.Context) {
		if d.statusID == id {
			d.status = ""
		}
	})
}

// Render lays the page out; everything it shows was computed before.
func (d *dashboard) Render() app.UI {
	c := d.catalog()
	if !d.ready {
		return app.Div().ID("dash").Text(c.T("app.loading"))
	}
	var messages []string
	for _, n := range append(append([]core.Notice(nil), d.sc.notices...), d.typed...) {
		messages = append(messages, noticeMessage(n, c))
	}
	riskState := "updating"
	if d.riskCurrent() {
		riskState = "ready"
	}
	full := d.view
	full.embed = false
	return app.Div().ID("dash").Class("dash").Class(embedClass(d.view.embed)).
		Attr("data-ready", "1").DataSet("gen", d.gen).DataSet("risk", riskState).Lang(string(c.Lang)).Body(
		&topBar{Scenario: scenarioLine(&d.sc.params, c), Embed: d.view.embed, FullURL: pageURL(pageQuery(d.sc, full)), Lang: c.Lang},
		// The children of the page keep their places, shown or hidden: go-app
		// matches children by position, and a child appearing before the
		// panel would make it mount anew, under the user's hand.
		app.Div().Class("status").Hidden(d.status == "").Aria("live", "polite").Text(d.status),
		app.Input().Class("share").Hidden(d.share == "" || d.view.embed).ReadOnly(true).Value(d.share).Aria("label", c.T("action.copylink")),
		&noticeBar{Title: c.T("notice.title"), Messages: messages, Dismiss: c.T("action.dismiss")},
		&headline{Figures: d.figures},
		app.Div().Class("body").Body(
			app.If(!d.view.embed, func() app.UI { return &panel{Values: inputValues(&d.sc.params), Lang: c.Lang} }),
			app.Main().Class("content").Body(
				d.riskView(c),
				app.Div().Class("charts").Body(app.Range(charts.All()).Slice(func(i int) app.UI {
					id := charts.All()[i]
					return &chartCard{ID: string(id), Title: charts.Title(id, c), SVG: d.svgs[id],
						Stale: d.drawn[id] != d.gen || (charts.NeedsRisk(id) && !d.riskCurrent()), Download: c.T("action.svg")}
				})),
				app.Details().Class("section").OnToggle(func(ctx app.Context, e app.Event) {
					ctx.NewActionWithValue(actionLedger, ctx.JSSrc().Get("open").Bool())
				}).Body(
					app.Summary().Text(c.T("section.ledger")),
					app.P().Class("note").Text(c.T("section.ledger.note")),
					&ledgerTable{View: d.ledger, TotalLabel: c.T("ledger.value"), Beyond: c.T("ledger.beyond")},
				),
				&methodology{Title: c.T("section.method"), FactsTitle: c.T("section.facts")},
			),
		),
	)
}

func embedClass(embed bool) string {
	if embed {
		return "embed"
	}
	return ""
}

// riskView is the risk summary of the scenario, or its progress.
func (d *dashboard) riskView(c i18n.Catalog) *riskSummary {
	if !d.riskCurrent() {
		msg := c.T("risk.updating")
		if d.riskRun != nil {
			msg += " " + c.Lang.Percent(float64(d.riskPct), 0)
		}
		return &riskSummary{Updating: true, Lines: []string{msg}}
	}
	goal, lines := riskSentences(d.risk, d.sc.params.Growth, c)
	return &riskSummary{Goal: goal, GoalRaw: goalRaw(d.risk), Lines: lines}
}
