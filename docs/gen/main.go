// Command gen renders docs/methodology.md and docs/facts.md into
// docs/methodology.html and docs/facts.html, which package docs embeds.
// Run it from the module root with
//
//	go generate ./docs
//
// (go generate runs it in docs/). TestGeneratedHTMLIsFresh fails when the
// committed HTML differs from what this command writes.
package main

import (
	"fmt"
	"os"

	"computedash/docs/internal/render"
)

func main() {
	for _, d := range render.Docs {
		src, err := os.ReadFile(d.Markdown)
		if err != nil {
			fail(err)
		}
		html, err := render.HTML(src)
		if err != nil {
			fail(fmt.Errorf("%s: %w", d.Markdown, err))
		}
		if err := os.WriteFile(d.HTML, html, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}
