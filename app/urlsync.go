package main

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// urlSync keeps the address bar showing the scenario: while a slider
// moves, once it rests for urlDelay and the browser is idle, in one
// history entry for the whole drag; a committed change in the task that
// follows it, closing that entry, and before any later change. (Rewriting
// the URL costs the browser ten to thirty milliseconds, which a drag, the
// task of a change, or the charts that follow it have not got; the page's
// links and exports read the scenario, not the address bar.)
type urlSync struct {
	pushed   bool      // the current change has its own history entry
	dirty    bool      // the URL does not show the scenario yet
	last     time.Time // the last move
	waiting  bool      // a timer waits for the slider to rest
	settling bool      // a committed change waits for its task (settle)
	commit   string    // the query of that change
}

// changed notes a new scenario; query gives the page query when the URL is
// written.
func (u *urlSync) changed(ctx app.Context, commit bool, query func() string) {
	u.flush(ctx)
	u.dirty = true
	if commit {
		u.settle(ctx, query())
		return
	}
	u.last = time.Now()
	if u.waiting {
		return
	}
	u.waiting = true
	var rest func(ctx app.Context)
	rest = func(ctx app.Context) {
		if wait := urlDelay - time.Since(u.last); wait > 0 {
			later(ctx, wait, rest) // one timer for the whole drag
			return
		}
		u.waiting = false
		whenIdle(ctx, urlIdleWait, func(ctx app.Context) {
			if time.Since(u.last) >= urlDelay { // no move since
				u.write(ctx, query())
			}
		})
	}
	later(ctx, urlDelay, rest)
}

// settle writes the URL in a task of its own, not in the task of the
// change (a release of the hand, a typed value), and closes the history
// entry of the change. A change before then writes it first (flush).
func (u *urlSync) settle(ctx app.Context, query string) {
	u.commit = query
	if u.settling {
		return
	}
	u.settling = true
	later(ctx, 0, u.flush)
}

// flush writes the URL of a committed change that waits for its task.
func (u *urlSync) flush(ctx app.Context) {
	if !u.settling {
		return
	}
	u.settling = false
	u.write(ctx, u.commit)
	u.pushed = false
}

// write shows query in the URL: the first write of a change adds a
// history entry, the next ones replace it.
func (u *urlSync) write(ctx app.Context, query string) {
	if !u.dirty {
		return
	}
	u.dirty = false
	if u.pushed {
		replaceURL(ctx, query)
		return
	}
	pushURL(query)
	u.pushed = true
}

// reset forgets any change in progress: the URL shows the scenario.
func (u *urlSync) reset() { u.pushed, u.dirty, u.settling = false, false, false }
