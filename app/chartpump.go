package main

import (
	"slices"
	"time"

	"computedash/charts"
	"computedash/core"
	"computedash/i18n"
)

// chartPump keeps the drawn charts and the queue of those out of date, and
// draws them a slice of time at a time. It knows nothing of the page's
// scheduling: the dashboard calls draw between input events, and puts
// each chart on the page as it is drawn.
type chartPump struct {
	painter  *charts.Painter
	svgs     map[charts.ID]string
	keys     map[charts.ID]uint64 // what each chart shows (Painter.Render)
	drawn    map[charts.ID]int    // the scenario generation each chart is up to date for
	queue    []charts.ID
	pumping  bool        // a draw is scheduled
	lastMove time.Time   // the last move of a slider not yet released
	prevMove time.Time   // the move before it
	adopted  []charts.ID // charts taken over from the static page, up to date at the next requeue
	sorted   bool        // the queue has the charts in view first
}

func newChartPump() chartPump {
	return chartPump{painter: charts.NewPainter(), svgs: map[charts.ID]string{}, keys: map[charts.ID]uint64{}, drawn: map[charts.ID]int{}}
}

// requeue puts every chart that does not wait for the risk analysis in
// the queue, in page order; visibleFirst puts those in view first. The
// charts adopted since the last requeue are up to date for scenario gen
// and stay out of it.
func (cp *chartPump) requeue(gen int) {
	for _, id := range cp.adopted {
		cp.drawn[id] = gen
	}
	cp.queue = cp.queue[:0]
	for _, id := range charts.All() {
		if !charts.NeedsRisk(id) && !slices.Contains(cp.adopted, id) {
			cp.queue = append(cp.queue, id)
		}
	}
	cp.adopted = nil
	cp.sorted = false
}

// visibleFirst moves the queued charts in view (by id) ahead of the others.
func (cp *chartPump) visibleFirst(visible map[string]bool) {
	slices.SortStableFunc(cp.queue, func(a, b charts.ID) int {
		switch {
		case visible[string(a)] == visible[string(b)]:
			return 0
		case visible[string(a)]:
			return -1
		}
		return 1
	})
	cp.sorted = true
}

// adopt takes svg as chart id's drawing, already made for the scenario of
// the next requeue (the static page's).
func (cp *chartPump) adopt(id charts.ID, svg string) {
	cp.svgs[id], cp.keys[id] = svg, 0 // no key: the next change draws it anew
	cp.adopted = append(cp.adopted, id)
}

// prepend puts ids at the head of the queue.
func (cp *chartPump) prepend(ids ...charts.ID) { cp.queue = append(ids, cp.queue...) }

// moved notes a move of a slider not yet released, at t.
func (cp *chartPump) moved(t time.Time) { cp.prevMove, cp.lastMove = cp.lastMove, t }

// inDrag reports whether the last move came less than series after the
// one before it: the hand is dragging.
func (cp *chartPump) inDrag(series time.Duration) bool {
	return !cp.prevMove.IsZero() && cp.lastMove.Sub(cp.prevMove) < series
}

// dragging reports how much longer the hand must rest before the charts
// are drawn. Moves less than series apart are a drag: the charts wait
// until the last one is rest old. A lone move (the first of a drag, a
// step of the keyboard) waits for nothing.
func (cp *chartPump) dragging(series, rest time.Duration) time.Duration {
	if !cp.inDrag(series) {
		return 0
	}
	return max(0, rest-time.Since(cp.lastMove))
}

// draw draws queued charts of the report for up to slice, and reports
// whether some are left. A chart whose data did not change keeps its SVG.
// show, if not nil, puts each chart on the page as soon as it is drawn,
// with its new SVG or "" when it keeps the one it has.
func (cp *chartPump) draw(rep, pinned *core.Report, c i18n.Catalog, gen int, slice time.Duration, show func(charts.ID, string)) (more bool, errs []error) {
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
		if show != nil {
			show(id, svg)
		}
	}
	return false, errs
}

// stale reports whether chart id does not show scenario gen yet.
func (cp *chartPump) stale(id charts.ID, gen int, riskReady bool) bool {
	return cp.drawn[id] != gen || (charts.NeedsRisk(id) && !riskReady)
}
