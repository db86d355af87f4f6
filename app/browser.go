package main

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"time"

	"computedash/charts"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// repairURL makes the page's URL one that Go can parse. A link can carry a
// fragment with a broken percent-escape ("#%zz"), which url.Parse rejects:
// go-app would then read a nil URL and the program would crash. The page
// does not use the fragment, so it is dropped; the query is kept as is.
func repairURL() {
	href := app.Window().Get("location").Get("href").String()
	if _, err := url.Parse(href); err == nil {
		return
	}
	fixed, _, _ := strings.Cut(href, "#")
	if _, err := url.Parse(fixed); err != nil {
		return
	}
	h := app.Window().Get("history")
	h.Call("replaceState", h.Get("state"), "", fixed)
}

// watchURL repairs the URL on every popstate (back, forward, a new
// fragment) before go-app reads it: this listener is added before go-app's
// own, so it runs first.
func watchURL() {
	app.Window().Call("addEventListener", "popstate", app.FuncOf(func(this app.Value, args []app.Value) any {
		repairURL()
		return nil
	}))
}

// pageURL returns the page's URL with the given query, keeping its path
// (and so any sub-path the site is served under).
func pageURL(query string) string {
	u := *app.Window().URL()
	u.RawQuery, u.Fragment = query, ""
	return u.String()
}

// currentQuery returns the query of the page's URL.
func currentQuery() string { return app.Window().URL().RawQuery }

// pushURL adds a history entry for the query, without reloading.
func pushURL(query string) {
	if query == currentQuery() {
		return
	}
	app.Window().Get("history").Call("pushState", nil, "", pageURL(query))
}

// replaceURL rewrites the current history entry with the query.
func replaceURL(ctx app.Context, query string) {
	if query == currentQuery() {
		return
	}
	u := *app.Window().URL()
	u.RawQuery = query
	ctx.Page().ReplaceURL(&u)
}

// listenPopState calls f when the user goes back or forward. go-app also
// navigates on popstate, but not back to the URL it last navigated to.
func listenPopState(ctx app.Context, f func(app.Context)) {
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(f)
		return nil
	})
	app.Window().Call("addEventListener", "popstate", fn)
}

// download offers data as a file.
func download(name, mime string, data []byte) {
	w := app.Window()
	arr := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	blob := w.Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	href := w.Get("URL").Call("createObjectURL", blob)
	doc := w.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	a.Set("rel", "noopener")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	w.Call("setTimeout", oneShot(func() { w.Get("URL").Call("revokeObjectURL", href) }), 10000)
}

// copyText puts text on the clipboard where the browser allows it (a secure
// context); it reports whether it tried. The page also shows the text in a
// field, selected, for copying by hand.
func copyText(text string) bool {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		return false
	}
	done := oneShot(func() {})
	clip.Call("writeText", text).Call("then", done, done)
	return true
}

// liveDash is the live page's #dash, the root of the dashboard (the first
// in the document: index.html's static page, when still there, comes
// after it); not Truthy before the first render.
func liveDash() app.Value { return app.Window().Get("document").Call("getElementById", "dash") }

// paintHeadline writes the headline figures of scenario gen straight into
// the page, in the task of the input event that changed the scenario, so
// that they show in the next frame: go-app renders on its own frame timer,
// one to several frames later, and then writes the same text into the same
// nodes. Before the first render there is nothing to paint. The painter is
// web/boot.js's, which also paints the early headline of a scenario URL.
func paintHeadline(gen int, figs []i18n.Figure) {
	dash := liveDash()
	paint := app.Window().Get("computedashPaintFigures")
	if !dash.Truthy() || !paint.Truthy() {
		return
	}
	b, err := json.Marshal(figs)
	if err != nil {
		return
	}
	paint.Invoke(dash, string(b))
	dash.Call("setAttribute", "data-gen", strconv.Itoa(gen))
}

// paintMove shows value in the field of input id and enables its reset
// button unless it is the default, as the control renders them, while
// go-app's update of a move waits (dashboard.follow). It also puts the
// slider back at position, should an update have run before the move's
// handler and written an earlier one.
func paintMove(id, value, position string, isDefault bool) {
	doc := app.Window().Get("document")
	if el := doc.Call("getElementById", "range-"+id); el.Truthy() && el.Get("value").String() != position {
		el.Set("value", position)
	}
	if el := doc.Call("getElementById", "in-"+id); el.Truthy() {
		el.Set("value", value)
	}
	if b := doc.Call("querySelector", `.control[data-input="`+id+`"] button.reset`); b.Truthy() {
		b.Set("disabled", isDefault)
	}
}

// paintStale says, in the task of the change, what the page's next update
// will say of a new scenario: every chart stale, the page not settled, and
// the risk analysis updating unless riskReady. go-app then writes the same
// attributes. The charts and data-settled are painted again when they
// change (paintChart, paintSettled); data-risk is not, so the risk result
// waits until go-app's tree says "updating" (dashboard.treeGen): no
// attribute is left painted in the page and not in go-app's tree.
func paintStale(riskReady bool) {
	dash := liveDash()
	if !dash.Truthy() {
		return
	}
	if !riskReady {
		dash.Call("setAttribute", "data-risk", "updating")
	}
	dash.Call("setAttribute", "data-settled", "false")
	list := dash.Call("querySelectorAll", "figure.chart[data-chart]")
	for i := range list.Length() {
		list.Index(i).Call("setAttribute", "data-stale", "true")
	}
}

// paintChart writes chart id's new drawing, unless svg is "", and whether
// it is stale into the page, in the task that drew it: go-app's tree
// never holds the drawings (chartCard), and its next update writes the
// same data-stale.
func paintChart(id charts.ID, svg string, stale bool) {
	dash := liveDash()
	if !dash.Truthy() {
		return
	}
	fig := dash.Call("querySelector", `figure.chart[data-chart="`+string(id)+`"]`)
	if !fig.Truthy() {
		return
	}
	if box := fig.Call("querySelector", ".chart-svg"); svg != "" && box.Truthy() {
		box.Set("innerHTML", svg)
	}
	fig.Call("setAttribute", "data-stale", strconv.FormatBool(stale))
}

// fillChart writes svg into the empty box of a chart card just mounted
// (fig); a box the chart pump has painted meanwhile keeps its newer
// drawing.
func fillChart(fig app.Value, svg string) {
	if svg == "" || !fig.Truthy() {
		return
	}
	if box := fig.Call("querySelector", ".chart-svg"); box.Truthy() && !box.Get("firstChild").Truthy() {
		box.Set("innerHTML", svg)
	}
}

// paintRiskProgress writes line, the risk analysis' progress, into the
// page's risk section while it says the analysis is being updated: a
// worker's progress must not cost an update of the whole page. It writes
// into the text node go-app rendered, which go-app's next update
// rewrites (dashboard.riskProgress): a new node would outlive it.
func paintRiskProgress(line string) {
	dash := liveDash()
	if !dash.Truthy() {
		return
	}
	p := dash.Call("querySelector", "section.risk.updating > p")
	if !p.Truthy() {
		return
	}
	if text := p.Get("firstChild"); text.Truthy() && text.Get("nodeType").Int() == 3 { // a text node
		text.Set("nodeValue", line)
	}
}

// paintSettled writes #dash's data-settled, whether anything is left to
// compute for the scenario on screen, as go-app's next update writes it.
func paintSettled(settled bool) {
	if dash := liveDash(); dash.Truthy() {
		dash.Call("setAttribute", "data-settled", strconv.FormatBool(settled))
	}
}

// paintHeld sets or clears #dash's data-held, which says that a drag holds
// go-app's update of the page (dashboard.follow) and dims what waits for
// the hand to rest. go-app does not know the attribute.
func paintHeld(held bool) {
	dash := liveDash()
	switch {
	case !dash.Truthy():
	case held:
		dash.Call("setAttribute", "data-held", "")
	default:
		dash.Call("removeAttribute", "data-held")
	}
}

// paintWarm sets #dash's data-warm, which says that the page has warmed
// a move's work while idle (dashboard.warmUp). go-app does not know the
// attribute.
func paintWarm() {
	if dash := liveDash(); dash.Truthy() {
		dash.Call("setAttribute", "data-warm", "")
	}
}

// visibleCharts returns the ids of the charts in the viewport, so that
// those are drawn first and the ones below the fold wait.
func visibleCharts() map[string]bool {
	w := app.Window()
	height := w.Get("innerHeight").Float()
	list := w.Get("document").Call("querySelectorAll", "figure.chart[data-chart]")
	seen := map[string]bool{}
	for i := range list.Length() {
		el := list.Index(i)
		r := el.Call("getBoundingClientRect")
		if r.Get("bottom").Float() > 0 && r.Get("top").Float() < height {
			seen[el.Call("getAttribute", "data-chart").String()] = true
		}
	}
	return seen
}

// later runs f on go-app's UI goroutine in a new task of the browser's
// event loop, after delay: the browser handles input and paints first.
// (ctx.After sleeps on a Go timer instead, and Go hands control back to
// the browser only when no goroutine can run.) Like every callback of
// the browser's scheduling below, f runs without an update of the page:
// f calls ctx.Update when it changed what the page shows.
func later(ctx app.Context, delay time.Duration, f func(app.Context)) {
	if delay > 0 {
		app.Window().Call("setTimeout", oneShot(func() { dispatchQuiet(ctx, f) }), delay.Milliseconds())
		return
	}
	poster(ctx, f).Invoke()
}

// poster returns a JavaScript function that, called once, queues f as a
// new task of the event loop, as later does. It is the browser's own
// function (a message port's postMessage, bound): calling it does not
// enter Go, where go-app would make its update if one were due.
func poster(ctx app.Context, f func(app.Context)) app.Value {
	// A message is a new task without setTimeout's 4 ms clamp on chains.
	ch := app.Window().Get("MessageChannel").New()
	ch.Get("port1").Set("onmessage", oneShot(func() { dispatchQuiet(ctx, f) }))
	port := ch.Get("port2")
	return port.Get("postMessage").Call("bind", port, nil, []any{})
}

// whenIdle runs f on go-app's UI goroutine once the browser is idle
// (requestIdleCallback), or after wait at the latest.
func whenIdle(ctx app.Context, wait time.Duration, f func(app.Context)) {
	w := app.Window()
	if !w.Get("requestIdleCallback").Truthy() {
		later(ctx, 0, f)
		return
	}
	w.Call("requestIdleCallback", oneShot(func() { dispatchQuiet(ctx, f) }), map[string]any{"timeout": wait.Milliseconds()})
}

// dispatchQuiet runs f on go-app's UI goroutine without flagging the
// component of ctx for an update, as ctx.Dispatch does: an update of the
// dashboard renders and compares its whole tree, which a timer that finds
// nothing to do (a chart pump waiting for the hand to rest, a frame's
// fallback that came second) must not cost a frame.
func dispatchQuiet(ctx app.Context, f func(app.Context)) {
	ctx.Dispatch(func(ctx app.Context) {
		ctx.PreventUpdate()
		f(ctx)
	})
}

// afterPaint runs f in a new task once the browser has painted its next
// frame, or after paintWait where frames are not painted (a hidden tab).
func afterPaint(ctx app.Context, f func(app.Context)) {
	done := false
	once := func(ctx app.Context) {
		if !done {
			done = true
			f(ctx)
		}
	}
	// The frame's callback posts the task without entering Go: a due
	// update of go-app's would run there, in the task that then lays out
	// and paints the frame.
	app.Window().Call("requestAnimationFrame", poster(ctx, once))
	later(ctx, paintWait, once)
}

// afterBoot runs f once web/boot.js has put the live page on screen
// (<html data-boot="ready">: for the base case, once it has taken the
// static page's place), looking after each paint.
func afterBoot(ctx app.Context, f func(app.Context)) {
	var check func(ctx app.Context)
	check = func(ctx app.Context) {
		if app.Window().Get("document").Get("documentElement").Get("dataset").Get("boot").String() == "ready" {
			f(ctx)
			return
		}
		afterPaint(ctx, check)
	}
	afterPaint(ctx, check)
}

// oneShot is a JavaScript callback that runs call on its first call and
// then releases itself (the browser calls it once: a timer, a frame, a
// promise's outcome).
func oneShot(call func()) app.Func {
	var fn app.Func
	fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		fn.Release()
		call()
		return nil
	})
	return fn
}

// paintWait is how long afterPaint waits for a frame.
const paintWait = 50 * time.Millisecond
