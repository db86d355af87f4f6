package main

import (
	"strconv"

	"computedash/core"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// riskSummary says the goal seek and the Monte Carlo in words, or that
// they are being updated.
type riskSummary struct {
	app.Compo

	Updating bool
	Goal     string
	GoalRaw  string // the goal seek as the JSON export writes it
	Lines    []string
}

func (r *riskSummary) Render() app.UI {
	if r.Updating {
		return app.Section().Class("risk", "updating").Aria("live", "polite").Body(
			app.Range(r.Lines).Slice(func(i int) app.UI { return app.P().Text(r.Lines[i]) }),
		)
	}
	return app.Section().Class("risk").Aria("live", "polite").Body(
		app.P().Class("goal").DataSet("goal", r.GoalRaw).Text(r.Goal),
		app.Range(r.Lines).Slice(func(i int) app.UI { return app.P().Text(r.Lines[i]) }),
	)
}

// riskSentences writes the goal seek and the Monte Carlo of rr for a
// scenario whose 2026 growth is growth (percent).
func riskSentences(rr *core.RiskReport, growth float64, c i18n.Catalog) (goal string, lines []string) {
	l := c.Lang
	goal = c.T("risk.goal.none")
	switch g := rr.GoalSeekGrowth; {
	case g != nil && *g == 0:
		goal = c.T("risk.goal.zero")
	case g != nil:
		goal = c.T("risk.goal", l.Percent(*g, 1), l.Percent(growth, 0))
	}
	mc := &rr.MonteCarlo
	return goal, []string{
		c.T("risk.summary", l.Int(int64(mc.N)), l.Percent(mc.PCashOutBefore2030*100, 0), l.Percent(mc.PBreakEvenBy2030*100, 0)),
		c.T("risk.unplaced", l.Count(mc.UnplacedPeakP50), l.Count(mc.UnplacedPeakP90)),
	}
}

// goalRaw is the goal seek as the JSON export writes it.
func goalRaw(rr *core.RiskReport) string {
	if rr.GoalSeekGrowth == nil {
		return "null"
	}
	return strconv.FormatFloat(*rr.GoalSeekGrowth, 'f', -1, 64)
}
