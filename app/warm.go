package main

import (
	"encoding/json"
	"time"

	"computedash/charts"
	"computedash/core"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The browser compiles WebAssembly a function at a time, when it is first
// called, and recompiles a function with its optimizing compiler only once
// it has run for a while. A move of a slider runs the model, the
// headline's words and then the charts: on a page nobody has touched yet,
// a first move's task took 30–60 ms against 3 ms later on, and a chart's
// first drawing 20–60 ms against 1–9 ms. The page does that work once
// while it is idle, before the hand moves (docs/performance.md).
const (
	warmWait = 300 * time.Millisecond // a step runs once the browser is idle, or this long after
	warmRest = 500 * time.Millisecond // a step waits until no move came for this long
	// Steps start in one idle callback until this much time has gone: the
	// browser grants one idle period (up to 50 ms) a callback, a step takes
	// 1–8 ms, and one at a time warming took 5 s.
	warmSlice = 8 * time.Millisecond
	// Every chart is drawn this many times: drawn once, the charts of the
	// first released move at n = 20,000 still made tasks of 59–78 ms in
	// three pages of four; drawn four times, none.
	warmChartRounds = 4
)

// warmUp runs, once for the page and from its first settled scenario, the
// steps of warming a move's work, a slice of them at a time while the
// browser is idle. The first step updates the page, which changes nothing
// on it: go-app mounted the page, and its first update would otherwise
// come with the first move. Then a model step for every input: it sets
// the input to its minimum or maximum, evaluates the model, words the
// headline against the scenario on screen, encodes it as a move paints it
// (paintHeadline) and makes the page's sentences (wordsOf). Ten such
// steps left a drag's first moves 2–8 ms in the model against 0.7 ms
// later: the browser had not yet recompiled it with its optimizing
// compiler. Last, chart steps draw every chart for the scenario on screen,
// warmChartRounds times. Nothing is kept or shown. A step that finds the
// hand moving waits. Once done, #dash says data-warm.
func (d *dashboard) warmUp(ctx app.Context) {
	if d.warmed >= warmSteps() || d.warming {
		return
	}
	d.warming = true
	whenIdle(ctx, warmWait, func(ctx app.Context) {
		d.warming = false
		if d.held || time.Since(d.charts.lastMove) < warmRest {
			later(ctx, warmRest, d.warmUp)
			return
		}
		for start := time.Now(); d.warmed < warmSteps() && time.Since(start) < warmSlice; d.warmed++ {
			if d.warmStep(d.warmed) {
				d.update(ctx)
			}
		}
		if d.warmed == warmSteps() {
			paintWarm()
			return
		}
		d.warmUp(ctx)
	})
}

// warmSteps is the number of steps of warmUp: the update, a model step
// for every input, warmChartRounds chart steps for every chart.
func warmSteps() int { return 1 + len(core.Specs()) + warmChartRounds*len(charts.All()) }

// warmStep runs step i of warmUp and reports whether it is the update,
// which the caller asks go-app for.
func (d *dashboard) warmStep(i int) (update bool) {
	if i == 0 {
		return true
	}
	c := d.catalog()
	specs := core.Specs()
	k := i - 1
	if k >= len(specs) {
		all := charts.All()
		if _, _, err := d.charts.painter.Render(all[(k-len(specs))%len(all)], d.sc.report, c, 0); err != nil {
			app.Log(err)
		}
		return false
	}
	s := &specs[k]
	v := s.Max
	if k%2 == 1 {
		v = s.Min
	}
	p, _ := setInput(d.sc.params, s.ID, s.Format(v))
	sc := withParams(p)
	figs := c.Headline(sc.report)
	c.WithReference(figs, sc.report, d.sc.report, "")
	if _, err := json.Marshal(figs); err != nil {
		app.Log(err)
	}
	wordsOf(sc, d.view)
	return false
}
