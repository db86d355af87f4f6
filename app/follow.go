package main

import (
	"computedash/core"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// How the page follows a move of a slider: its own task paints what the
// hand must see, and go-app's update of the dashboard waits (follow),
// until the figures have painted or, while the hand drags, until it rests
// (release, called by the chart pump).

// follow paints a move of slider id and holds go-app's update of the
// page back: an update renders and compares the dashboard's whole tree,
// several milliseconds, and a move must be on screen in the frame that
// follows it. changed has painted the figures and marked every chart and
// the risk analysis stale; here the moved control's field and reset
// button. The chart pump lets the page follow (release) once the figures
// have painted or, while the hand drags, once it rests; meanwhile #dash's
// data-held dims what waits.
func (d *dashboard) follow(ctx app.Context, id string) {
	ctx.PreventUpdate()
	i := core.Index(id)
	s := &core.Specs()[i]
	paintMove(id, d.values[i], sliderPosition(s, d.values[i]), d.values[i] == s.Format(s.Default))
	if d.charts.inDrag(riskDelay) {
		paintHeld(true)
	}
}

// release lets go-app update the page for the scenario that moves held
// back (follow); then, if not nil, runs in a task of its own once the
// page is updated.
func (d *dashboard) release(ctx app.Context, then func(app.Context)) {
	d.held = false
	d.words = d.newWords()
	// Flag the update, then note it: a frame may come between the two
	// otherwise, update nothing and run the note.
	ctx.Dispatch(func(ctx app.Context) {
		d.treeUpdated(ctx)
		if then != nil {
			ctx.Defer(func(ctx app.Context) { later(ctx, 0, then) })
		}
	})
}

// treeUpdated notes, once go-app has updated the page in this frame, that
// its tree shows the scenario on screen, as the page does; until then the
// page is updating (updatingUntilFrame). The update must be flagged already
// (ctx.Dispatch, an event, an action).
func (d *dashboard) treeUpdated(ctx app.Context) {
	gen := d.gen
	d.updatingUntilFrame(ctx)
	ctx.Defer(func(app.Context) {
		if !d.held {
			d.treeGen = gen
			paintHeld(false)
		}
	})
}
