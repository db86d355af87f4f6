//go:build js && wasm

// Command worker is the page's risk analysis off its main thread: web/risk.js
// runs it in a Web Worker as web/risk.wasm. It holds the model and its words
// (core, i18n), no page and no charts, so it is a fraction of app.wasm.
//
// web/risk.js says {started: true} as soon as it runs. web/boot.js starts
// the worker as soon as a page with a query loads and asks {headline:
// query}: the worker answers {headline: object}, the headline of that page
// (see headline), long before the page's own wasm is up. The page then
// takes the worker over (or starts one) and posts {start: true}:
// the worker warms up and says {ready: true} once it listens
// (web/risk.js). The page posts a request per scenario, {slot, id, query}:
// slot names the scenario ("b" the one on screen, "a" a pinned reference),
// id is the request's number, query the scenario's model query. A newer
// request for a slot supersedes the older one, which stops at its next
// step. The worker answers, for the request it runs:
//
//	{slot, id, done, total}  Monte Carlo draws done, every few tens of ms
//	{slot, id, risk}         the analysis (core.Risk as JSON)
//	{slot, id, error}        the analysis failed
package main

import (
	"encoding/json"
	"strconv"
	"sync"
	"syscall/js"
	"time"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"
)

// request is one analysis asked for.
type request struct {
	slot  string
	id    int
	query string
}

// Work between two looks at the message queue, and the pause that lets
// the worker's event loop deliver newer requests.
const (
	stepTime = 80 * time.Millisecond
	yield    = time.Millisecond
	warmTime = 500 * time.Millisecond
)

// latest is the newest request's id per slot.
type latest struct {
	mu sync.Mutex
	id map[string]int
}

func (l *latest) set(slot string, id int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.id[slot] = id
}

func (l *latest) is(r request) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.id[r.slot] == r.id
}

func main() {
	start := make(chan struct{})
	var once sync.Once
	js.Global().Set("computedashHeadline", js.FuncOf(func(this js.Value, args []js.Value) any {
		var h any // null: none
		if m := headline(args[0].String()); m != nil {
			h = m
		}
		js.Global().Call("postMessage", map[string]any{"headline": h})
		return nil
	}))
	js.Global().Set("computedashStart", js.FuncOf(func(this js.Value, args []js.Value) any {
		once.Do(func() { close(start) })
		return nil
	}))
	js.Global().Call("computedashUp")
	<-start // warming up would hold the core the page starts on
	warmUp()
	queue := make(chan request, 64)
	last := &latest{id: map[string]int{}}
	js.Global().Set("computedashRisk", js.FuncOf(func(this js.Value, args []js.Value) any {
		m := args[0]
		r := request{slot: m.Get("slot").String(), id: m.Get("id").Int(), query: m.Get("query").String()}
		last.set(r.slot, r.id)
		queue <- r
		return nil
	}))
	js.Global().Call("computedashRiskReady")
	for r := range queue {
		if last.is(r) {
			run(r, last)
		}
	}
}

// headline is the headline of the page opened on query, as a message
// object: its figures (figureObject) against the base case, the scenario
// line and the preset line, in English. It is nil when the page would show
// more than that: a query with a notice, or with a presentation parameter
// (language, comparison, embedding, print, preset), which core does not
// know. It does without encoding/json: compiling that on its first run
// cost the early headline about a tenth of a second (docs/performance.md).
func headline(query string) map[string]any {
	params, notices := core.ParseQuery(query)
	if len(notices) > 0 {
		return nil
	}
	c := i18n.For(format.English)
	rep := core.NewReport(core.Evaluate(params, nil), nil)
	base := core.NewReport(core.Evaluate(core.Defaults(), nil), nil)
	_, preset := c.PresetLine(&params, "")
	figs := c.BaseCaseHeadline(rep, base)
	objs := make([]any, len(figs))
	for i, f := range figs {
		objs[i] = figureObject(f)
	}
	return map[string]any{"figures": objs, "scenario": c.ScenarioLine(&params), "preset": preset}
}

// figureObject is f as its JSON encoding reads once parsed, the form the
// page's painter takes (web/boot.js, computedashPaintFigures).
func figureObject(f i18n.Figure) map[string]any {
	return map[string]any{
		"key": f.Key, "label": f.Label, "value": f.Value, "raw": f.Raw, "note": f.Note,
		"tone": f.Tone, "icon": f.Icon, "tone_word": f.ToneWord, "ref": f.Ref,
	}
}

// warmUp analyzes scenarios near the base case and throws the results
// away, for about warmTime, before the worker says it listens: the browser
// compiles a wasm function well only once it has run a while, and the
// page's first analyses would otherwise pay for it (the page analyzes on
// its own until then). It runs the whole of an analysis, its JSON too.
func warmUp() {
	for i, start := 0, time.Now(); time.Since(start) < warmTime; i++ {
		params, _ := core.ParseQuery("mc.n=500&oai.growth=" + strconv.Itoa(60+i%40))
		if _, err := json.Marshal(core.Analyze(core.Evaluate(params, nil))); err != nil {
			return
		}
	}
}

// run analyzes the scenario of r, posting progress between steps, unless a
// newer request for its slot arrives.
func run(r request, last *latest) {
	post := func(fields map[string]any) {
		fields["slot"], fields["id"] = r.slot, r.id
		js.Global().Call("postMessage", fields)
	}
	params, _ := core.ParseQuery(r.query)
	analysis := core.NewAnalysisRun(core.Evaluate(params, nil))
	for {
		for step := time.Now(); time.Since(step) < stepTime && !analysis.Step(10); {
		}
		done, total := analysis.Progress()
		if done == total {
			break
		}
		post(map[string]any{"done": done, "total": total})
		time.Sleep(yield) // the event loop delivers newer requests
		if !last.is(r) {
			return
		}
	}
	b, err := json.Marshal(analysis.Risk())
	if err != nil {
		post(map[string]any{"error": err.Error()})
		return
	}
	post(map[string]any{"risk": string(b)})
}
