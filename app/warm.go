package main

import (
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
)

// warmUp runs, once for the page and from its first settled scenario, one
// step of warming a task at a time while the browser is idle. The first
// step updates the page, which changes nothing on it: go-app mounted the
// page, and its first update would otherwise come with the first move. A
// model step sets one input to its minimum or maximum, evaluates the model,
// words the headline against the scenario on screen and makes the page's
// sentences (wordsOf); a chart step draws one chart of the scenario on
// screen. Nothing is kept or shown. A step that finds the hand moving
// waits.
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
		if d.warmStep(d.warmed) {
			ctx.Update()
		}
		d.warmed++
		d.warmUp(ctx)
	})
}

// warmSteps is the number of steps of warmUp: the update, then a model
// step and a chart step for every chart.
func warmSteps() int { return 1 + 2*len(charts.All()) }

// warmStep runs step i of warmUp and reports whether it is the update,
// which the caller asks go-app for. Model steps are odd, chart steps even.
func (d *dashboard) warmStep(i int) (update bool) {
	if i == 0 {
		return true
	}
	c := d.catalog()
	k := (i - 1) / 2
	if i%2 == 0 {
		if _, _, err := d.charts.painter.Render(charts.All()[k], d.sc.report, c, 0); err != nil {
			app.Log(err)
		}
		return false
	}
	specs := core.Specs()
	s := &specs[k%len(specs)]
	v := s.Max
	if k%2 == 1 {
		v = s.Min
	}
	p, _ := setInput(d.sc.params, s.ID, s.Format(v))
	sc := withParams(p)
	c.WithReference(c.Headline(sc.report), sc.report, d.sc.report, "")
	wordsOf(sc, d.view)
	return false
}
