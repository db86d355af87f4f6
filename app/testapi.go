package main

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// testAPIVersion is the version of the contract of docs/testing.md.
const testAPIVersion = 1

// publishTestAPI puts a read-only object, window.computedash, on the page
// for headless tests (docs/testing.md): ready, a promise resolved once the
// first scenario is on screen, the whole live page answering; query(), the scenario's query; summary(), its
// summary figures; exportJSON(), the JSON export, the same bytes as the
// download. It returns the function that resolves ready.
func publishTestAPI(d *dashboard) func() {
	w := app.Window()
	if w.Get("computedash").Truthy() { // published once a page: it cannot be redefined
		return func() {}
	}
	var resolve app.Value
	ready := w.Get("Promise").New(app.FuncOf(func(this app.Value, args []app.Value) any {
		resolve = args[0]
		return nil
	}))
	api := w.Get("Object").New()
	api.Set("version", testAPIVersion)
	api.Set("ready", ready)
	api.Set("query", app.FuncOf(func(this app.Value, args []app.Value) any { return d.sc.query }))
	api.Set("summary", app.FuncOf(func(this app.Value, args []app.Value) any {
		return w.Get("JSON").Call("parse", jsonText(d.sc.report.Summary))
	}))
	api.Set("exportJSON", app.FuncOf(func(this app.Value, args []app.Value) any {
		data, err := d.exportJSON()
		if err != nil {
			return nil
		}
		return string(data)
	}))
	w.Get("Object").Call("freeze", api)
	w.Get("Object").Call("defineProperty", w, "computedash", map[string]any{"value": api, "writable": false, "configurable": false, "enumerable": true})
	done := false
	return func() {
		if !done && resolve.Truthy() {
			done = true
			resolve.Invoke(true)
		}
	}
}

// jsonText is v as JSON text ("null" if it cannot be written).
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}
