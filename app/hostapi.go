package main

import (
	"encoding/json"
	"math"

	"computedash/core"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The messages an embedded dashboard exchanges with its host page
// (docs/embedding.md). Each carries a type and nothing but the fields
// listed.
const (
	msgHeight = "computedash:height" // to the parent: {type, height}
	msgSet    = "computedash:set"    // from the parent: {type, query}
	msgResult = "computedash:result" // to the sender: {type, query, summary, notices}
)

// maxHostQuery bounds the query a host page may send.
const maxHostQuery = 100_000

// hostLink is the embedded page's side of the host-page API: it tells the
// parent the content's height, takes scenarios from the parent and answers
// with their results. A page that is not in a frame has no host link.
type hostLink struct {
	parent app.Value
	origin string  // the origin that last set a scenario; "" for none
	height float64 // the last height told
}

// framed reports whether the page runs in a frame.
func framed() bool {
	w := app.Window()
	return !w.Get("parent").Equal(w.JSValue())
}

// listen starts the host link: set runs on the UI goroutine with each
// query the parent sends.
func (h *hostLink) listen(ctx app.Context, set func(ctx app.Context, query string)) {
	h.parent = app.Window().Get("parent")
	app.Window().Call("addEventListener", "message", app.FuncOf(func(this app.Value, args []app.Value) any {
		ev := args[0]
		if !ev.Get("source").Equal(h.parent) {
			return nil // only the parent may drive the page
		}
		data := ev.Get("data")
		if data.Type() != app.TypeObject || data.Get("type").Type() != app.TypeString || data.Get("type").String() != msgSet {
			return nil
		}
		q := data.Get("query")
		if q.Type() != app.TypeString || app.Window().Get("Object").Invoke(q).Get("length").Int() > maxHostQuery {
			return nil // Object(q): syscall/js reads length of objects only
		}
		origin, query := ev.Get("origin").String(), q.String()
		ctx.Dispatch(func(ctx app.Context) {
			h.origin = origin
			set(ctx, query)
		})
		return nil
	}))
	observe := app.FuncOf(func(this app.Value, args []app.Value) any {
		h.tellHeight()
		return nil
	})
	app.Window().Get("ResizeObserver").New(observe).Call("observe", app.Window().Get("document").Get("documentElement"))
	h.tellHeight()
}

// tellHeight posts the content's height to the parent when it changed:
// the height of the document's box, which, unlike scrollHeight, is less
// than the frame's when the frame is taller than the content.
func (h *hostLink) tellHeight() {
	doc := app.Window().Get("document").Get("documentElement")
	height := math.Ceil(doc.Call("getBoundingClientRect").Get("height").Float())
	if height == h.height || height <= 0 {
		return
	}
	h.height = height
	msg := app.Window().Get("Object").New()
	msg.Set("type", msgHeight)
	msg.Set("height", height)
	h.parent.Call("postMessage", msg, "*")
}

// hostResult is the result a host page receives.
type hostResult struct {
	Type    string        `json:"type"`
	Query   string        `json:"query"`
	Summary core.Summary  `json:"summary"`
	Notices []core.Notice `json:"notices"`
}

// tellResult answers the host that set the scenario with its result.
func (h *hostLink) tellResult(s scenario) {
	if h.origin == "" {
		return
	}
	notices := s.notices
	if notices == nil {
		notices = []core.Notice{}
	}
	b, err := json.Marshal(hostResult{Type: msgResult, Query: s.query, Summary: s.report.Summary, Notices: notices})
	if err != nil {
		return
	}
	h.parent.Call("postMessage", app.Window().Get("JSON").Call("parse", string(b)), h.origin)
}
