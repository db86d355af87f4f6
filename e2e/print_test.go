package e2e

// Tests of the board pack: the print view (?print=1), which computes the
// risk analysis and draws its charts before its first paint, shows no
// control and exactly the four charts of the pack; printed to PDF with
// the DevTools protocol as the browser's print dialog does, it fits in
// three landscape pages and carries the figures shown on screen.

import (
	"slices"
	"strings"
	"testing"

	"computedash/format"
	"computedash/i18n"
)

// boardCharts are the charts of a printed board pack, in page order.
var boardCharts = []string{"obligations", "cash", "power", "unplaced"}

func TestBoardPack(t *testing.T) {
	const q = "print=1&oracle.value=150"
	p := openDashboard(t, rootURL("/?"+q))
	setViewport(p, viewW, viewH)

	// Whole at its first paint: the risk analysis and the charts are there
	// as soon as the dashboard is.
	if r := attr(p, "#dash", "data-risk"); r != "ready" {
		t.Errorf("the print view shows data-risk=%q when it is first on screen, want ready", r)
	}
	for _, id := range boardCharts {
		sel := `figure.chart[data-chart="` + id + `"]`
		if attr(p, sel, "data-stale") != "false" || count(p, sel+" svg") != 1 {
			t.Errorf("the print view's %s chart is not drawn when the page is first on screen (data-stale %s, %d svg)",
				id, attr(p, sel, "data-stale"), count(p, sel+" svg"))
		}
	}
	checkFigures(t, p, "document", q, "print view")
	checkGoal(t, p, q, "print view")

	// Nothing to press, and exactly the four charts.
	controls := evalJS[[]string](p, `[...document.querySelectorAll("input, select, button, textarea")].filter(`+visibleJS+`)
  .map((el) => el.outerHTML.slice(0, 100))`)
	for _, c := range controls {
		t.Errorf("the print view shows a control: %s", c)
	}
	charts := evalJS[[]string](p, `[...document.querySelectorAll("figure.chart[data-chart]")].filter(`+visibleJS+`).map((f) => f.dataset.chart)`)
	if !slices.Equal(charts, boardCharts) {
		t.Errorf("the print view shows the charts %q, want exactly %q", charts, boardCharts)
	}
	cashOut := attr(p, `[data-figure="cash_out_month"]`, "data-raw")
	funding := text(p, `[data-figure="funding_need"] .figure-value`)
	screenshot(p, "print")

	// The PDF: at most three pages, the figures on screen, no control.
	file := saveArtifact(t, "board-pack.pdf", printPDF(p))
	if n := pdfPages(t, file); n < 1 || n > 3 {
		t.Errorf("the board pack prints on %d pages, want 1 to 3 (%s)", n, file)
	}
	txt := pdfText(t, file)
	c := i18n.For(format.English)
	for _, want := range []string{cashOut, funding, c.T("app.title")} {
		if want == "null" || !strings.Contains(txt, want) {
			t.Errorf("the board pack's text does not hold %q (shown on the page); %s", want, file)
		}
	}
	for _, key := range []string{"compare.pin", "action.copylink", "action.copyembed", "action.resetall", "presets.title"} {
		if label := c.T(key); strings.Contains(txt, label) {
			t.Errorf("the board pack prints the control %q; %s", label, file)
		}
	}
	if t.Failed() {
		t.Logf("the board pack's text:\n%s", txt)
	}
}
