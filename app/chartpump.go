package main

import (
	"time"

	"computedash/charts"
	"computedash/core"
	"computedash/i18n"
)

// chartPump keeps the drawn charts and the queue of those out of date, and
// draws them a slice of time at a time. It knows nothing of the page's
// scheduling: the dashboard calls draw between input events.
type chartPump struct {
	painter  *charts.Painter
	svgs     map[charts.ID]string
	keys     map[charts.ID]uint64 // what each chart shows (Painter.Render)
	drawn    map[charts.ID]int    // the scenario generation each chart is up to date for
	queue    []charts.ID
	pumping  bool      // a draw is scheduled
	lastMove time.Time // the last move of a slider not yet released
}

func newChartPump() chartPump {
	return chartPump{painter: charts.NewPainter(), svgs: map[charts.ID]string{}, keys: map[charts.ID]uint64{}, drawn: map[charts.ID]int{}}
}

// requeue puts every chart that does not wait for the risk analysis in
// the queue: those in view first, those below the fold after them.
func (cp *chartPump) requeue(visible map[string]bool) {
	cp.queue = cp.queue[:0]
	for _, first := range []bool{true, false} {
		for _, id := range charts.All() {
			if !charts.NeedsRisk(id) && visible[string(id)] == first {
				cp.queue = append(cp.queue, id)
			}
		}
	}
}

// prepend puts ids at the head of the queue.
func (cp *chartPump) prepend(ids ...charts.ID) { cp.queue = append(ids, cp.queue...) }

// dragging reports whether a slider moved within gap.
func (cp *chartPump) dragging(gap time.Duration) bool { return time.Since(cp.lastMove) < gap }

// draw draws queued charts of the report for up to slice, and reports
// whether some are left. A chart whose data did not change keeps its SVG.
func (cp *chartPump) draw(rep, pinned *core.Report, c i18n.Catalog, gen int, slice time.Duration) (more bool, errs []error) {
	start := time.Now()
	cp.painter.Pinned = pinned
	for len(cp.queue) > 0 {
		if time.Since(start) > slice {
			return true, errs
		}
		id := cp.queue[0]
		cp.queue = cp.queue[1:]
		svg, key, err := cp.painter.Render(id, rep, c, cp.keys[id])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cp.drawn[id] = gen
		if svg != "" {
			cp.svgs[id], cp.keys[id] = svg, key
		}
	}
	return false, errs
}

// stale reports whether chart id does not show scenario gen yet.
func (cp *chartPump) stale(id charts.ID, gen int, riskReady bool) bool {
	return cp.drawn[id] != gen || (charts.NeedsRisk(id) && !riskReady)
}
