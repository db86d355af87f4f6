// Command gen renders the Markdown documents of docs/ that the page shows
// (render.Docs: the methodology in each language of the page and the fact
// table) into HTML files of the site under web/docs/, which the page
// fetches when its methodology section is first opened. Run it from the
// module root with
//
//	go generate ./docs
//
// (go generate runs it in docs/) and commit web/docs/.
// TestGeneratedHTMLIsFresh fails when a committed file differs from what
// this command writes, or when web/docs/ holds a file it does not write.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"computedash/docs/internal/render"
)

func main() {
	if err := os.MkdirAll(render.Dir, 0o755); err != nil {
		fail(err)
	}
	for _, d := range render.Docs {
		src, err := os.ReadFile(d.Markdown)
		if err != nil {
			fail(err)
		}
		html, err := render.HTML(src, d.Lang)
		if err != nil {
			fail(fmt.Errorf("%s: %w", d.Markdown, err))
		}
		if err := os.WriteFile(filepath.FromSlash(d.HTML), html, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}
