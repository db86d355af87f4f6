package main

import (
	"runtime"
	"time"

	"computedash/charts"
	"computedash/core"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Timing of the work that follows a change of the scenario.
const (
	riskDelay   = 150 * time.Millisecond  // no move for this long: the hand has stopped
	riskSlice   = 8 * time.Millisecond    // Monte Carlo work in one task of the event loop
	drawSlice   = 4 * time.Millisecond    // chart drawing in one task of the event loop (a chart can take longer)
	dragGap     = 50 * time.Millisecond   // while dragging, the charts wait until the hand rests this long
	urlDelay    = 200 * time.Millisecond  // a slider rests this long: the URL follows, once the browser is idle…
	urlIdleWait = 1000 * time.Millisecond // … or at the latest this long after
	statusTime  = 4 * time.Second
	gcIdleWait  = 2 * time.Second // the collector runs once the browser is idle, or this long after the page settled
	gcPercent   = 400             // the heap may grow to five times what is live before the collector runs unasked
)

// drawsAfterCharts is the size of a risk analysis, in draws, from which
// the worker starts it once the charts of the change are drawn: such an
// analysis takes longer than the charts do (about 1.2 s at 20,000 draws
// against 0.1–0.2 s), and while the worker holds one of two cores, a
// chart drawn meanwhile took up to 35 ms instead of 2–5, and the first
// released move at 20,000 draws had a task over 50 ms in 3 pages of 18;
// started after the charts, in none, and on screen as soon
// (docs/performance.md).
const drawsAfterCharts = 5000

// dashboard is the page: it owns the scenario, turns the actions of its
// children into new inputs, and hands the work that follows a change to
// the chart pump, the risk run and the URL's synchronisation.
type dashboard struct {
	app.Compo

	view        view
	sc          scenario
	ref         *reference    // what the headline is held against, if anything
	figures     []i18n.Figure // the headline of sc
	values      []string      // the value used of every input of sc, for the panel
	typed       []core.Notice // notices about typed values
	gen         int           // bumps with every new scenario
	risk        *riskRun      // the analysis under way, if any
	worker      *riskWorker   // the risk worker, once the page is up; nil in the board pack
	charts      chartPump
	url         urlSync
	ledger      ledgerState
	status      statusLine
	share       string        // the link or embed code shown for copying
	embedOpen   bool          // the embed dialog is open
	parts       []string      // the parts an embedded page shows (show=…); none: all
	viewNotices []core.Notice // notices about the page's own parameters
	ready       bool
	riskWaits   bool     // riskAfterRest is scheduled
	riskLater   bool     // the risk analysis starts once the charts are drawn (drawsAfterCharts)
	collecting  bool     // collectWhenIdle is scheduled
	warmed      int      // steps of warmUp run
	warming     bool     // a step of warmUp is scheduled
	held        bool     // go-app's update of a move waits (follow, release)
	treeGen     int      // the scenario generation go-app's tree was last updated for
	updating    bool     // go-app's update of the page is flagged, not yet made (update)
	whole       bool     // the whole page is laid out, not the headline alone
	static      bool     // rendered natively for index.html (staticPage), not live
	staticRisk  string   // the static page's risk analysis, as JSON, for the live page
	host        hostLink // the host page of an embedded dashboard
	testReady   func()   // resolves window.computedash.ready; nil once done
	words       words    // the sentences about the scenario on screen
}

func newDashboard() *dashboard { return &dashboard{charts: newChartPump()} }

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
	ctx.Handle(actionPin, d.onPin)
	d.testReady = publishTestAPI(d)
	if parseView(currentQuery()).embed && framed() {
		d.host.listen(ctx, d.setFromHost)
	}
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
	d.parts, d.viewNotices = nil, nil
	if v.embed {
		d.parts, d.viewNotices = showParts(v.show)
	}
	d.sc = scenarioOf(query)
	if query == "" && d.gen == 0 {
		d.adoptStatic()
	}
	if v.print {
		d.sc.analyze() // a board pack is printed whole: no analysis under way
	}
	d.typed = nil
	d.url.reset()
	d.changed(ctx, true)
	ctx.Page().SetTitle("%s", d.catalog().T("app.title"))
}

// setFromHost shows the scenario of a query the host page sent, as if
// the page had been opened with it; the frame's URL follows without a new
// history entry, so the host's back button is left alone.
func (d *dashboard) setFromHost(ctx app.Context, query string) {
	d.sc = scenarioOf(query)
	d.typed = nil
	d.changed(ctx, true)
	d.url.reset()
	replaceURL(ctx, d.pageQuery())
}

// changed shows a new scenario's figures and schedules everything that
// follows: go-app's update (for a move of a slider, not settled, once
// follow has painted it: see release), charts one by one between input
// events, and the risk analysis once the hand stops: at once when the
// change is settled (a release, a typed value), else when no other move
// follows within riskDelay.
func (d *dashboard) changed(ctx app.Context, settled bool) {
	wasHeld := d.held
	d.held = !settled && d.whole // a move: the page follows later (follow)
	d.present()
	paintHeadline(d.gen, d.figures)
	if !d.held {
		d.words = d.newWords()
		d.treeUpdated(ctx)
	}
	d.host.tellResult(d.sc)
	if resolve := d.testReady; resolve != nil {
		d.testReady = nil
		afterBoot(ctx, func(app.Context) { resolve() })
	}
	if d.view.print { // everything at once, for the printer
		d.whole = true
		d.drawAll()
		dropBootWorker() // the board pack analyzes on the page
		return
	}
	d.risk = nil
	if !settled {
		d.charts.moved(time.Now())
	}
	d.charts.requeue(d.gen)
	if !d.whole {
		// The first render lays out the headline alone; the rest of the
		// page, its charts and its risk analysis follow once it painted.
		ctx.Defer(func(ctx app.Context) {
			afterPaint(ctx, func(ctx app.Context) {
				d.whole = true
				ctx.Update()
				d.schedulePump(ctx)
				d.scheduleRisk(ctx, true)
				// Started once the page is up, so that its start does not
				// slow the page's; until it answers, the page analyzes.
				if d.worker == nil {
					d.worker = startRiskWorker(ctx)
				}
			})
		})
		return
	}
	if !(wasHeld && d.held) {
		// A move that follows a held one finds the page marked stale
		// already: nothing draws or analyzes while held, and an update
		// meanwhile writes the same marks.
		paintStale(d.riskReady())
	}
	d.schedulePump(ctx)
	d.scheduleRisk(ctx, settled)
}

// present makes the scenario the one on screen: a new generation, held
// against its reference, with its headline.
func (d *dashboard) present() {
	d.gen++
	d.ready = true
	d.ref = referenceOf(d.sc, d.view, d.ref)
	d.figures = d.headline()
	d.values = inputValues(&d.sc.params)
}

// drawAll does at once what the page otherwise does a slice at a time
// after a change: scenario A's risk analysis, when one is pinned, and every
// chart. The scenario's own analysis must be in its report already.
func (d *dashboard) drawAll() {
	if d.ref != nil && d.ref.pinned && d.ref.sc.report.Risk == nil {
		d.ref.sc.analyze()
	}
	d.charts.requeue(d.gen)
	d.charts.prepend(charts.Cash, charts.Tornado)
	d.charts.draw(d.sc.report, d.pinned(), d.catalog(), d.gen, time.Hour, d.showChart)
}

// settled reports whether nothing is left to compute for the scenario on
// screen: its risk analysis and every chart are up to date.
func (d *dashboard) settled() bool {
	for _, id := range charts.All() {
		if d.charts.stale(id, d.gen, d.riskReady()) {
			return false
		}
	}
	return d.riskReady()
}

// headline formats the scenario's headline against its reference.
func (d *dashboard) headline() []i18n.Figure {
	c := d.catalog()
	figs := c.Headline(d.sc.report)
	if d.ref != nil {
		c.WithReference(figs, d.sc.report, d.ref.sc.report, d.ref.label(c))
	}
	return figs
}

// ledgerState is the ledger table's view and whether it is up to date.
type ledgerState struct {
	view ledgerView
	gen  int  // the scenario generation the view is of
	open bool // the ledger section is open: keep the view up to date
}

// statusLine is a short message shown for a few seconds.
type statusLine struct {
	text string
	n    int // bumps with every message, so an old timer clears nothing new
}

// pinned is scenario A's report when one is pinned, else nil.
func (d *dashboard) pinned() *core.Report {
	if d.ref != nil && d.ref.pinned {
		return d.ref.sc.report
	}
	return nil
}

// riskReady reports whether the scenario's risk analysis is on screen.
func (d *dashboard) riskReady() bool { return d.sc.report.Risk != nil }

// scheduleRisk starts the risk analysis of the current scenario unless it
// is already on screen or running: when the change is settled, in the next
// task with the risk worker and once the figures have painted without it;
// else once the hand rests (riskAfterRest).
func (d *dashboard) scheduleRisk(ctx app.Context, settled bool) {
	switch {
	case settled && d.worker.listening():
		// Off the main thread: ask in the next task, after the URL's
		// (urlSync.settle), which the browser writes slower, up to 30 ms
		// against 2–4, once the worker holds a core.
		later(ctx, 0, d.startRiskIfDue)
	case settled:
		gen := d.gen
		afterPaint(ctx, func(ctx app.Context) {
			if d.gen == gen {
				d.startRiskIfDue(ctx)
			}
		})
	case !d.riskWaits:
		d.riskWaits = true
		later(ctx, riskDelay, d.riskAfterRest)
	}
}

// riskAfterRest starts the risk analysis once no slider has moved for
// riskDelay and the page has followed the hand (release); one timer for
// the whole drag, not one for every move.
func (d *dashboard) riskAfterRest(ctx app.Context) {
	if wait := riskDelay - time.Since(d.charts.lastMove); wait > 0 || d.held {
		later(ctx, max(wait, dragGap), d.riskAfterRest)
		return
	}
	d.riskWaits = false
	d.startRiskIfDue(ctx)
}

// startRiskIfDue starts the risk analysis of the scenario on screen unless
// it is already on screen or running; in the worker, one of
// drawsAfterCharts draws or more waits until the charts are drawn.
func (d *dashboard) startRiskIfDue(ctx app.Context) {
	if d.charts.pumping && d.worker.listening() && d.sc.params.MCN >= drawsAfterCharts {
		d.riskLater = true // the pump's end starts it
		return
	}
	if !d.riskReady() && d.risk == nil {
		d.startRisk(ctx)
		if !d.held { // else the page says "updating" already (paintStale), and release updates it
			d.update(ctx)
		}
	}
}

// schedulePump draws the charts that are out of date once the figures have
// painted.
func (d *dashboard) schedulePump(ctx app.Context) {
	if d.charts.pumping {
		return
	}
	d.charts.pumping = true
	afterPaint(ctx, d.pump)
}

// pump draws the charts that are out of date for drawSlice at a time;
// while a slider is being dragged it waits until the hand has rested
// dragGap and a frame has painted since. Once all are drawn, it
// prepares the ledger table.
func (d *dashboard) pump(ctx app.Context) {
	if wait := d.charts.dragging(riskDelay, dragGap); wait > 0 {
		// Then a frame painted with no move in it: a frame the browser is
		// late with (a busy core) is no rest, and releasing then would add
		// the page's whole update to the drag.
		later(ctx, wait, func(ctx app.Context) { afterPaint(ctx, d.pump) })
		return
	}
	if d.held {
		d.release(ctx, d.pump) // the page follows the hand first, then the charts
		return
	}
	if d.updating {
		// go-app makes its update in whichever call into Go comes once
		// its frame is due: a slice of drawing would share its task.
		ctx.Defer(func(ctx app.Context) { later(ctx, 0, d.pump) })
		return
	}
	if !d.charts.sorted {
		// Asked here, after a paint, not when the scenario changes: there
		// the DOM has just changed, and the browser would lay the page
		// out to answer, in the input event's task.
		d.charts.visibleFirst(visibleCharts())
	}
	more, errs := d.charts.draw(d.sc.report, d.pinned(), d.catalog(), d.gen, drawSlice, d.showChart)
	for _, err := range errs {
		app.Log(err)
	}
	if more {
		later(ctx, 0, d.pump) // input and paint come first
		return
	}
	d.charts.pumping = false
	if d.riskLater {
		d.riskLater = false
		later(ctx, 0, d.startRiskIfDue)
	}
	if d.refreshLedger() {
		d.update(ctx)
	}
	// The charts are on the page already (showChart): what is left to say
	// is one attribute, not worth an update of the whole page.
	settled := d.settled()
	paintSettled(settled)
	if settled {
		d.collectWhenIdle(ctx)
	}
	d.warmUp(ctx)
}

// update flags go-app's update of the page (updatingUntilFrame).
func (d *dashboard) update(ctx app.Context) {
	ctx.Update()
	d.updatingUntilFrame(ctx)
}

// updatingUntilFrame notes that go-app's update of the page is flagged:
// until go-app has made it, at its next frame, the page is updating and
// the chart pump waits.
func (d *dashboard) updatingUntilFrame(ctx app.Context) {
	d.updating = true
	ctx.Defer(func(app.Context) { d.updating = false })
}

// collectWhenIdle runs the garbage collector once the browser is idle, in
// a task of its own. In WebAssembly the collector marks the whole heap in
// whichever task reaches its goal, adding that to a move's or a chart's
// work; collected between changes (and with the goal raised, gcPercent),
// it seldom has to run during one.
func (d *dashboard) collectWhenIdle(ctx app.Context) {
	if d.collecting {
		return
	}
	d.collecting = true
	whenIdle(ctx, gcIdleWait, func(app.Context) {
		d.collecting = false
		runtime.GC()
	})
}

// showChart puts chart id, just drawn, on the page: its new SVG, or the
// one it has when svg is "", and whether it is stale.
func (d *dashboard) showChart(id charts.ID, svg string) {
	paintChart(id, svg, d.charts.stale(id, d.gen, d.riskReady()))
}

// refreshLedger rebuilds the ledger table when its section is open and it
// shows an earlier scenario, and reports whether it did.
func (d *dashboard) refreshLedger() bool {
	if d.ledger.open && d.ledger.gen != d.gen {
		d.ledger.view, d.ledger.gen = newLedgerView(d.sc.report, d.catalog()), d.gen
		return true
	}
	return false
}

// startRisk runs the risk analysis of the scenario, in the risk worker or
// on the page; once done, the report carries it.
func (d *dashboard) startRisk(ctx app.Context) {
	run := &riskRun{gen: d.gen}
	d.risk = run
	var finish func(ctx app.Context, risk core.Risk)
	finish = func(ctx app.Context, risk core.Risk) {
		if d.treeGen != run.gen {
			// go-app's tree must say "updating" before it says "ready",
			// as the page already does (paintStale).
			afterPaint(ctx, func(ctx app.Context) {
				if d.gen == run.gen && d.risk == run {
					finish(ctx, risk)
				}
			})
			return
		}
		d.sc.report = core.NewReport(d.sc.result, &risk)
		d.risk = nil
		d.words = d.newWords()
		// go-app's update follows in a task of its own: this one has
		// decoded the analysis and made the words.
		d.updating = true
		later(ctx, 0, d.update)
		d.charts.prepend(charts.Cash, charts.Tornado)
		d.schedulePump(ctx)
		if r := d.ref; r != nil && r.pinned && r.sc.report.Risk == nil {
			later(ctx, 0, func(ctx app.Context) { d.startRefRisk(ctx, r) })
		}
	}
	shown := func() { paintRiskProgress(d.riskProgress(d.catalog())) }
	run.analyze(ctx, d.worker, slotB, d.sc.result, func() bool { return d.gen == run.gen && d.risk == run }, shown, finish)
	shown() // a page that showed an earlier run's progress starts again
}

// startRefRisk runs the risk analysis of the pinned scenario A, once, for
// the comparison table, after B's.
func (d *dashboard) startRefRisk(ctx app.Context, r *reference) {
	run := &riskRun{gen: d.gen}
	run.analyze(ctx, d.worker, slotA, r.sc.result, func() bool { return d.ref == r && r.sc.report.Risk == nil }, nil, func(ctx app.Context, risk core.Risk) {
		r.sc.report = core.NewReport(r.sc.result, &risk)
		d.update(ctx)
	})
}

// The risk worker's slots: the scenario on screen, and the pinned A.
const (
	slotB = "b"
	slotA = "a"
)

// apply makes p the scenario; the URL follows.
func (d *dashboard) apply(ctx app.Context, p core.Params, commit bool) {
	d.sc = withParams(p)
	d.url.changed(ctx, commit, d.pageQuery) // its task comes before the risk analysis' (scheduleRisk)
	d.changed(ctx, commit)
}

// pageQuery is the query of the page's URL for what it shows.
func (d *dashboard) pageQuery() string { return pageQuery(d.sc, d.view) }

// say shows a short status message for a few seconds.
func (d *dashboard) say(ctx app.Context, msg string) {
	d.status.text = msg
	d.status.n++
	n := d.status.n
	ctx.After(statusTime, func(ctx app.Context) {
		if d.status.n == n {
			d.status.text = ""
		}
	})
}
