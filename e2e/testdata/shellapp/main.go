//go:build js && wasm

// Command shellapp stands in for app.wasm in the e2e tests of the shell
// (index.html + web/boot.js), so that they neither wait for the dashboard's
// figures nor depend on it compiling. Its behaviour depends on the URL query:
//
//	(none)               replace the placeholder with <main data-ready="1">, then idle
//	?crash               panic while starting
//	?crash-after-ready   show the ready element, then panic
package main

import (
	"strings"
	"syscall/js"
)

func main() {
	doc := js.Global().Get("document")
	query := js.Global().Get("location").Get("search").String()
	if strings.Contains(query, "crash") && !strings.Contains(query, "after-ready") {
		panic("shellapp: the program died while starting")
	}

	// Mount as go-app does: replace body's first element.
	el := doc.Call("createElement", "main")
	el.Set("id", "shellapp")
	el.Call("setAttribute", "data-ready", "1")
	el.Set("textContent", "shell test app")
	placeholder := doc.Get("body").Get("firstElementChild")
	placeholder.Get("parentNode").Call("replaceChild", el, placeholder)

	if strings.Contains(query, "after-ready") {
		panic("shellapp: the program died after it was ready")
	}
	select {} // idle, like an app waiting for events
}
