package main

import (
	"fmt"
	"html"
	"slices"
	"strings"

	"computedash/charts"
	"computedash/core"
)

// The parts an embedded page can show (embed=1&show=…), besides the
// charts, named by their ids.
const (
	partHeadline = "headline"
	partRisk     = "risk"
	partNotices  = "notices"
)

// embedParts returns every part a page can be asked to show, in the order
// the embed dialog offers them.
func embedParts() []string {
	parts := []string{partHeadline, partRisk, partNotices}
	for _, id := range charts.All() {
		parts = append(parts, string(id))
	}
	return parts
}

// reasonPart marks a part of show that the page does not have.
const reasonPart = "part"

// showParts reads the comma list of show: the known parts in the order
// given (each once), and a notice for each unknown one.
func showParts(show string) ([]string, []core.Notice) {
	var parts []string
	var notices []core.Notice
	known := embedParts()
	for _, p := range strings.Split(show, ",") {
		p = strings.TrimSpace(p)
		switch {
		case p == "" || slices.Contains(parts, p):
		case slices.Contains(known, p):
			parts = append(parts, p)
		default:
			notices = append(notices, core.Notice{Key: "show", Given: p, Reason: reasonPart})
		}
	}
	return parts, notices
}

// embedSize is the size of an embed snippet: a CSS width ("100%", "640")
// and a height in pixels.
type embedSize struct {
	width  string
	height int
}

// embedCode is an iframe that shows the scenario without the controls, the
// given parts (all, the compact view, when none), at the given size.
func embedCode(s scenario, v view, parts []string, size embedSize, title string) string {
	v.embed, v.print = true, false
	v.show = strings.Join(parts, ",")
	w := size.width
	if !strings.HasSuffix(w, "%") {
		w = strings.TrimSuffix(w, "px")
	}
	return fmt.Sprintf(`<iframe src="%s" title="%s" width="%s" height="%d" style="border:0" loading="lazy"></iframe>`,
		html.EscapeString(pageURL(pageQuery(s, v))), html.EscapeString(title), html.EscapeString(w), size.height)
}
