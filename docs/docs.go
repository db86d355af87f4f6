// Package docs holds the project's documents. Two of them are shown by the
// dashboard's "Methodology and sources" section: methodology.md (with its
// Italian translation, methodology.it.md) and facts.md.
//
// The page does not carry them: go generate ./docs renders them at build
// time (docs/gen, with goldmark) into static files of the site,
// web/docs/methodology.en.html, web/docs/methodology.it.html and
// web/docs/facts.html, each one <div class="md"> element with an id on
// every heading, no raw HTML from the source and no script, event handler
// or javascript: URL. The page fetches the ones of its language, by a URL
// relative to itself, when the section is first opened, and shows them
// with app.Raw; so the WebAssembly binary holds neither a Markdown
// renderer nor the documents' text. After editing any of the three
// Markdown files, run
//
//	go generate ./docs
//
// from the module root and commit web/docs/; a test fails while a
// generated file is stale. The package has no code: its tests check the
// generated files, the translation's structure and the documents' links
// and safety.
package docs

//go:generate go run ./gen
