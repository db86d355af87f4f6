//go:build js && wasm

// Command bareapp is the load-time anchor of TestPerformance: the smallest
// go-app v10 page there is, one component printing one word, served through
// the project's own index.html and web/boot.js by the same server as the
// dashboard. What the dashboard takes to load beyond this page is what the
// dashboard itself costs; what this page takes is go-app's, the browser's
// and the machine's.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// word is the page: one word, marked ready as boot.js expects.
type word struct{ app.Compo }

func (w *word) Render() app.UI {
	return app.Main().ID("bare").Attr("data-ready", "1").Text("Ready")
}

func main() {
	app.Route("/", func() app.Composer { return &word{} })
	app.RunWhenOnBrowser()
}
