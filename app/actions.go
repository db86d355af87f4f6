package main

import (
	"computedash/charts"
	"computedash/core"
	"computedash/format"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Actions that the children of the dashboard post.
const (
	actionSet      = "set"       // inputChange
	actionReset    = "reset"     // input id
	actionResetAll = "reset-all" // nil
	actionExport   = "export"    // export kind: a format or "svg:<chart id>"
	actionShare    = "share"     // "link" or "embed"
	actionDismiss  = "dismiss"   // nil: hide the notices
	actionLedger   = "ledger"    // bool: the ledger section was opened or closed
	actionLang     = "lang"      // format.Lang: the page's language
	actionPin      = "pin"       // bool: pin the scenario as A, or clear A
)

// inputChange is a value slid or typed into the control of an input.
type inputChange struct {
	ID     string
	Text   string
	Commit bool // the hand has stopped (change event), not a move (input event)
}

func (d *dashboard) onSet(ctx app.Context, a app.Action) {
	ch, ok := a.Value.(inputChange)
	if !ok {
		return
	}
	p, notice := setInput(d.sc.params, ch.ID, ch.Text)
	if notice != nil {
		d.typed = append(d.typed, *notice)
	}
	if notice != nil && notice.Reason == reasonTyped {
		return
	}
	if ch.Commit && p.Equal(&d.sc.params) { // a release after the moves: settle, don't recompute
		// The figures are on screen. The URL, the risk analysis, then
		// the rest of the page follow in tasks of their own: the URL
		// first, before the worker holds a core (scheduleRisk) and before
		// an update of the page is due that could share its task.
		ctx.PreventUpdate()
		d.url.settle(ctx, d.pageQuery())
		d.scheduleRisk(ctx, true)
		if d.held {
			later(ctx, 0, func(ctx app.Context) {
				if d.held {
					d.release(ctx, nil)
				}
			})
		}
		return
	}
	d.apply(ctx, p, ch.Commit)
	if d.held {
		d.follow(ctx, ch.ID)
	}
}

func (d *dashboard) onReset(ctx app.Context, a app.Action) {
	id, _ := a.Value.(string)
	i := core.Index(id)
	if i < 0 {
		return
	}
	p := d.sc.params
	s := &core.Specs()[i]
	s.Set(&p, s.Default)
	d.apply(ctx, p, true)
}

func (d *dashboard) onResetAll(ctx app.Context, a app.Action) {
	d.typed = nil
	d.apply(ctx, core.Defaults(), true)
}

func (d *dashboard) onDismiss(ctx app.Context, a app.Action) {
	d.sc.notices, d.typed, d.viewNotices = nil, nil, nil
	if d.ref != nil {
		d.ref.sc.notices = nil
	}
}

// onPin keeps the scenario as A, or lets A go: a new history entry, and
// the headline held against A (or the base case).
func (d *dashboard) onPin(ctx app.Context, a app.Action) {
	pin, _ := a.Value.(bool)
	d.view.vs, d.view.pinned = "", pin
	if pin {
		d.view.vs = core.EncodeQuery(&d.sc.params)
	}
	d.ref = referenceOf(d.sc, d.view, d.ref)
	d.figures = d.headline()
	d.words = d.newWords()
	d.charts.requeue(d.gen)
	d.schedulePump(ctx)
	d.url.reset()
	d.url.changed(ctx, true, d.pageQuery)
}

// onLang switches the page's language: a new history entry, and every
// string and chart redrawn in it.
func (d *dashboard) onLang(ctx app.Context, a app.Action) {
	lang, ok := a.Value.(format.Lang)
	if !ok || lang == d.view.lang {
		return
	}
	d.view.lang = lang
	d.figures = d.headline()
	d.words = d.newWords()
	d.ledger.gen = 0
	d.charts.queue = append(d.charts.queue[:0], charts.All()...)
	d.schedulePump(ctx)
	d.url.reset()
	d.url.changed(ctx, true, d.pageQuery)
}

func (d *dashboard) onLedger(ctx app.Context, a app.Action) {
	d.ledger.open, _ = a.Value.(bool)
	d.refreshLedger()
}
