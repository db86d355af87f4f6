package main

import (
	"time"

	"computedash/core"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// riskRun is the risk analysis of one scenario under way: in the risk
// worker, off the page's main thread, or, where the page has no worker,
// on the page a slice at a time.
type riskRun struct {
	gen         int // the scenario generation it is for
	done, total int // Monte Carlo draws
}

// percent is how much of the Monte Carlo is done, 0–100.
func (rr *riskRun) percent() int { return 100 * rr.done / max(rr.total, 1) }

// analyze runs the risk analysis of r: in w when it can, else on the page.
// While alive holds, it keeps the run's progress, calls shown (if not
// nil) when it moved, and at the end calls finish with the analysis, on
// go-app's UI goroutine.
func (rr *riskRun) analyze(ctx app.Context, w *riskWorker, slot string, r *core.Result, alive func() bool, shown func(), finish func(app.Context, core.Risk)) {
	progress := func(done, total int) {
		rr.done, rr.total = done, total
		if shown != nil {
			shown()
		}
	}
	local := func(ctx app.Context) { rr.onPage(ctx, r, alive, progress, finish) }
	if w == nil || !w.ask(ctx, slot, r, riskJob{
		progress: progress,
		finish: func(ctx app.Context, risk core.Risk) {
			if alive() {
				finish(ctx, risk)
			}
		},
		fallback: func(ctx app.Context) {
			if alive() {
				local(ctx)
			}
		},
	}) {
		local(ctx)
	}
}

// onPage runs the analysis on the page: the goal seek and the tornado at
// once, then the Monte Carlo riskSlice at a time, each slice in its own
// task of the event loop.
func (rr *riskRun) onPage(ctx app.Context, r *core.Result, alive func() bool, progress func(done, total int), finish func(app.Context, core.Risk)) {
	run := core.NewAnalysisRun(r)
	var step func(ctx app.Context)
	step = func(ctx app.Context) {
		if !alive() {
			return
		}
		start := time.Now()
		for !run.Step(10) {
			if time.Since(start) >= riskSlice {
				progress(run.Progress())
				later(ctx, 0, step)
				return
			}
		}
		finish(ctx, run.Risk())
	}
	step(ctx)
}
