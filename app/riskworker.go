package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"computedash/core"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// riskWorker is the page's side of the risk worker (web/risk.js running
// web/risk.wasm, built from ./worker): it posts the scenarios to analyze
// and hands the answers back on go-app's UI goroutine. The protocol is in
// worker/main.go. Until the worker says it listens, and when the page
// cannot start one (no Worker, a file share that forbids it) or it fails,
// every analysis, the ones under way too, runs on the page instead.
type riskWorker struct {
	worker  app.Value
	ready   bool // the worker listens
	failed  bool
	next    int                 // the id of the next request
	pending map[string]*riskJob // by slot: the newest request's job
}

// riskJob is what to do with the answers to one request.
type riskJob struct {
	id       int
	progress func(done, total int)
	finish   func(app.Context, core.Risk)
	fallback func(app.Context) // the worker failed: analyze on the page
}

// startRiskWorker takes over the worker web/boot.js started for the early
// headline, or starts one, and tells it to get ready; its answers are
// handed to ctx's UI goroutine without an update of the page (receive
// asks for one where what the page shows changes).
func startRiskWorker(ctx app.Context) (w *riskWorker) {
	w = &riskWorker{pending: map[string]*riskJob{}}
	onMessage := app.FuncOf(func(this app.Value, args []app.Value) any {
		data := args[0].Get("data")
		dispatchQuiet(ctx, func(ctx app.Context) { w.receive(ctx, data) })
		return nil
	})
	onError := app.FuncOf(func(this app.Value, args []app.Value) any {
		dispatchQuiet(ctx, func(ctx app.Context) { w.fail(ctx, errors.New("the worker's script failed")) })
		return nil
	})
	worker := app.Null()
	if take := app.Window().Get("computedashTakeWorker"); take.Truthy() {
		worker = take.Invoke(onMessage, onError)
	}
	if !worker.Truthy() {
		worker = newWorker()
		if !worker.Truthy() {
			w.failed = true
			return w
		}
		worker.Set("onmessage", onMessage)
		worker.Set("onerror", onError)
	}
	w.worker = worker
	worker.Call("postMessage", map[string]any{"start": true})
	return w
}

// dropBootWorker ends the worker web/boot.js started for the early
// headline, if the page has not taken it: for a page that analyzes on its
// own.
func dropBootWorker() {
	take := app.Window().Get("computedashTakeWorker")
	if !take.Truthy() {
		return
	}
	ignore := app.FuncOf(func(this app.Value, args []app.Value) any { return nil })
	defer ignore.Release()
	if w := take.Invoke(ignore, ignore); w.Truthy() {
		w.Call("terminate")
	}
}

// newWorker starts web/risk.js, or returns null where the page may not
// start a worker (no Worker, a file share that forbids it).
func newWorker() (worker app.Value) {
	ctor := app.Window().Get("Worker")
	if !ctor.Truthy() {
		return app.Null()
	}
	defer func() { // new Worker throws where the page may not start one
		if err := recover(); err != nil {
			app.Log(fmt.Sprintf("risk worker: %v: the risk analysis runs on the page", err))
			worker = app.Null()
		}
	}()
	return ctor.New(app.Getenv("GOAPP_STATIC_RESOURCES_URL") + "/risk.js")
}

// ask posts the scenario of r for slot, superseding the slot's earlier
// request, and reports whether the worker took it.
func (w *riskWorker) ask(ctx app.Context, slot string, r *core.Result, job riskJob) bool {
	if !w.listening() {
		return false
	}
	w.next++
	job.id = w.next
	w.pending[slot] = &job
	w.worker.Call("postMessage", map[string]any{"slot": slot, "id": job.id, "query": core.EncodeQuery(&r.Params)})
	return true
}

// receive reads one answer of the worker.
func (w *riskWorker) receive(ctx app.Context, data app.Value) {
	if f := data.Get("failed"); f.Truthy() {
		w.fail(ctx, errors.New(f.String()))
		return
	}
	if data.Get("ready").Truthy() {
		w.ready = true
		ctx.Update() // #dash's data-worker
		warmRiskDecoder(ctx, nil, warmDecodes)
		return
	}
	if data.Get("started").Truthy() {
		return // for web/boot.js, which lays out the early headline
	}
	slot := data.Get("slot").String()
	job := w.pending[slot]
	if job == nil || job.id != data.Get("id").Int() {
		return // an answer to a superseded request
	}
	switch {
	case data.Get("risk").Truthy():
		delete(w.pending, slot)
		var risk core.Risk
		if err := json.Unmarshal([]byte(data.Get("risk").String()), &risk); err != nil {
			app.Log(fmt.Sprintf("risk worker: %v: analyzing on the page", err))
			job.fallback(ctx)
			return
		}
		job.finish(ctx, risk)
	case data.Get("error").Truthy():
		delete(w.pending, slot)
		app.Log("risk worker: " + data.Get("error").String() + ": analyzing on the page")
		job.fallback(ctx)
	default:
		job.progress(data.Get("done").Int(), data.Get("total").Int())
	}
}

// warmDecodes is how many times the page decodes an analysis while idle,
// before the worker's first: once only compiled the decoder (the first
// analysis still took 5–26 ms, median 10 ms, to decode); four times, with
// an analysis of a real one's size, the browser optimizes it too (1.2–18
// ms, median 2.6 ms; docs/performance.md).
const warmDecodes = 4

// warmRiskDecoder decodes sample n times, each while the browser is idle,
// so that the task that shows the worker's first analysis does not pay
// for encoding/json's first runs. A nil sample is made (sampleRisk) in the
// first idle period, once for all n.
func warmRiskDecoder(ctx app.Context, sample []byte, n int) {
	whenIdle(ctx, time.Second, func(ctx app.Context) {
		if sample == nil {
			sample = sampleRisk()
		}
		var risk core.Risk
		if err := json.Unmarshal(sample, &risk); err != nil {
			app.Log("risk worker: " + err.Error())
			return
		}
		if n > 1 {
			warmRiskDecoder(ctx, sample, n-1)
		}
	})
}

// sampleRisk is an analysis as the worker writes it, with every kind of
// value a real one has (true, fractions, negative amounts) and as many
// tornado rows.
func sampleRisk() []byte {
	var cash core.YearMoney
	for i := range cash {
		cash[i] = core.MoneyOf(decimal.New(int64(i-5)*1234567891, -2)) // negative and positive, with cents
	}
	var rows []core.TornadoRow
	for _, s := range core.Specs() {
		if s.Shock != core.ShockNone {
			rows = append(rows, core.TornadoRow{ID: s.ID, Low: core.Value{Decimal: decimal.New(28, -1)}, High: core.Value{Decimal: decimal.New(42, 0)},
				NeedLow: cash[0], NeedHigh: cash[9], Swing: cash[9]})
		}
	}
	b, _ := json.Marshal(core.Risk{ // Risk's fields always encode
		MonteCarlo: core.MonteCarlo{N: 1000, Seed: 1, CashP10: cash, CashP50: cash, CashP90: cash,
			PCashOutBefore2030: 1, PBreakEvenBy2030: 0.632, UnplacedPeakP50: 542376, UnplacedPeakP90: 996336},
		Tornado:   rows,
		GoalSeek:  152.49,
		Reachable: true,
	})
	return b
}

// listening reports whether the worker takes requests (w may be nil).
func (w *riskWorker) listening() bool { return w != nil && w.ready && !w.failed }

// state says where the risk analyses run, for #dash's data-worker:
// "starting" until the worker listens, "ready" then, "off" on the page.
func (w *riskWorker) state() string {
	switch {
	case w.failed:
		return "off"
	case w.ready:
		return "ready"
	}
	return "starting"
}

// fail gives up the worker: its pending analyses run on the page.
func (w *riskWorker) fail(ctx app.Context, err error) {
	if w.failed {
		return
	}
	app.Log(fmt.Sprintf("risk worker: %v: the risk analysis runs on the page", err))
	w.failed = true
	ctx.Update() // #dash's data-worker
	if w.worker.Truthy() {
		w.worker.Call("terminate")
	}
	for slot, job := range w.pending {
		delete(w.pending, slot)
		job.fallback(ctx)
	}
}

// workerState is the risk worker's state (riskWorker.state); "off" in the
// board pack, which analyzes at once, and "starting" before the page is
// up.
func (d *dashboard) workerState() string {
	switch {
	case d.worker != nil:
		return d.worker.state()
	case d.view.print || d.static:
		return "off"
	}
	return "starting"
}
