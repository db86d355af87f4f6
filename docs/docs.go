// Package docs holds the project's documents for the dashboard's
// methodology panel, embedded in the binary as HTML so that the page needs
// no extra request and no Markdown renderer; the Markdown sources are not
// embedded.
//
// The page shows methodology.md and facts.md as HTML rendered at build
// time (docs/gen, with goldmark) and committed next to them, so the
// dashboard carries no Markdown renderer. After editing either Markdown
// file, run
//
//	go generate ./docs
//
// from the module root; a test fails while the committed HTML is stale.
package docs

import "embed"

//go:generate go run ./gen

//go:embed methodology.html facts.html
var files embed.FS

// MethodologyHTML is docs/methodology.html, methodology.md (how every
// figure of the model is made, in plain English for executives and
// analysts, with the project's choices where MODEL.md is silent and the
// model's limits) rendered by
// go generate ./docs: one <div class="md"> element with an id on every
// heading (so the "Contents" links resolve), no raw HTML from the source,
// and no script, event handler or javascript: URL. The page shows it with
// app.Raw.
var MethodologyHTML = read("methodology.html")

// FactsHTML is docs/facts.html, facts.md (a byte-identical copy of the
// shared FACTS.md: the fact table, with sources and confidence, behind
// every default) rendered like [MethodologyHTML].
var FactsHTML = read("facts.html")

func read(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err) // the file is embedded at build time: this cannot happen
	}
	return string(b)
}
