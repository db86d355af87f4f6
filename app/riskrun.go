package main

import (
	"time"

	"computedash/core"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// riskRun is the risk analysis of one scenario under way: the goal seek
// and the tornado at once, then the Monte Carlo a slice at a time.
type riskRun struct {
	gen  int // the scenario generation it is for
	risk core.Risk
	mc   *core.MonteCarloRun
}

func newRiskRun(r *core.Result, gen int) *riskRun {
	growth, ok := core.GoalSeek(r)
	return &riskRun{gen: gen, risk: core.Risk{Tornado: core.Tornado(r), GoalSeek: growth, Reachable: ok}, mc: core.NewMonteCarloRun(r)}
}

// step runs draws for about slice and reports whether the analysis is done.
func (rr *riskRun) step(slice time.Duration) bool {
	start := time.Now()
	for !rr.mc.Step(10) {
		if time.Since(start) >= slice {
			return false
		}
	}
	rr.risk.MonteCarlo = rr.mc.Result()
	return true
}

// drive runs the analysis a slice of riskSlice at a time, each slice in
// its own task of the event loop, while alive holds, and calls done once
// it is complete.
func (rr *riskRun) drive(ctx app.Context, alive func() bool, done func(app.Context)) {
	var step func(ctx app.Context)
	step = func(ctx app.Context) {
		if !alive() {
			return
		}
		if !rr.step(riskSlice) {
			later(ctx, 0, step)
			return
		}
		done(ctx)
	}
	step(ctx)
}

// percent is how much of the Monte Carlo is done, 0–100.
func (rr *riskRun) percent() int {
	done, total := rr.mc.Progress()
	return 100 * done / max(total, 1)
}
