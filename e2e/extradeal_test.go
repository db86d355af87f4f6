package e2e

// Tests of MODEL.md §14, "what if they sign another one?", as a user meets
// it: the "Add a deal" group of the panel, its supplier as a <select>, the
// headline against the worked values of §14 and core, the URL, the
// obligations chart's legend, and a link with a supplier that is not one
// of the six words.

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"computedash/core"
)

// x1Value and x1Supplier are the first slot's value field and supplier
// select.
const (
	x1Value    = `input[data-input="x1.value"][type=text]`
	x1Supplier = `select[data-input="x1.supplier"]`
)

// choose picks the option of a <select> whose text starts with text with
// the keyboard, as a user does: it focuses the select and types.
func choose(p *page, selector, text string) {
	p.t.Helper()
	scrollIntoView(p, selector)
	if err := chromedp.Do(p.ctx, chromedp.Focus(chromedp.CSS(selector)), chromedp.KeyEvent(text)); err != nil {
		p.t.Fatalf("choosing %q in %s: %v", text, selector, err)
	}
}

// chosen is the text of the selected option of a <select>.
func chosen(p *page, selector string) string {
	p.t.Helper()
	return evalJS[string](p, `(s => s.options[s.selectedIndex]?.text ?? "<none>")(document.querySelector(`+jsString(selector)+`))`)
}

// legend returns the texts of the obligations chart's SVG once every chart
// shows the scenario on screen.
func legend(p *page) []string {
	p.t.Helper()
	waitCharts(p)
	return evalJS[[]string](p, `[...document.querySelectorAll('figure.chart[data-chart="obligations"] svg text')].map((t) => t.textContent.trim())`)
}

// checkLegend checks that the obligations chart's legend names every
// supplier of has and none of hasNot.
func checkLegend(t *testing.T, p *page, what string, has, hasNot []string) {
	t.Helper()
	texts := legend(p)
	for _, s := range has {
		if !slices.Contains(texts, s) {
			t.Errorf("%s: the obligations chart does not name %q: %q", what, s, texts)
		}
	}
	for _, s := range hasNot {
		if slices.Contains(texts, s) {
			t.Errorf("%s: the obligations chart still names %q: %q", what, s, texts)
		}
	}
}

func TestExtraDeal(t *testing.T) {
	p := openDashboard(t, rootURL("/"))
	setViewport(p, viewW, viewH)
	openGroup(p, core.GroupExtra)
	if v, s := fieldValue(p, x1Value), chosen(p, x1Supplier); v != "0" || s != "Other" {
		t.Fatalf("the first slot starts at %q of %q, want 0 of Other", v, s)
	}
	steps := []struct {
		what        string
		act         func()
		query       string
		has, hasNot []string // suppliers the obligations legend names and does not name
	}{
		{"typing 100 as x1's value", func() { typeInto(p, x1Value, "100") }, "x1.value=100",
			[]string{"AWS", "Other (x1)"}, nil},
		{"choosing AWS as x1's supplier", func() { choose(p, x1Supplier, "AWS") }, "x1.value=100&x1.supplier=aws",
			[]string{"AWS"}, []string{"Other (x1)"}},
		{"typing 2026-03 as x1's start", func() { typeInto(p, idSel("in-x1.start"), "2026-03") }, "x1.value=100&x1.supplier=aws&x1.start=2026-03", nil, nil},
		{"typing 96 as x1's term", func() { typeInto(p, idSel("in-x1.term"), "96") }, extraDeal, []string{"AWS"}, []string{"Other (x1)"}},
	}
	for _, s := range steps {
		gen := dashGen(p)
		s.act()
		waitNewGen(p, gen, s.what)
		waitQuery(p, s.query)
		checkFigures(t, p, "document", s.query, "after "+s.what)
		if s.has != nil {
			checkLegend(t, p, "after "+s.what, s.has, s.hasNot)
		}
	}
	if v, s := fieldValue(p, x1Supplier), chosen(p, x1Supplier); v != "aws" || s != "AWS" {
		t.Errorf("the supplier select holds %q (%q), want aws (AWS)", v, s)
	}
	checkWorked(t, p, extraDeal, map[core.FigureID]string{core.FigCashOut: "2027-06", core.FigFundingNeed: "165223518186.73",
		core.FigBreakEven: "2031", core.FigPeakGPUs: "3793308", core.FigHHI: "3258.29"})
	if n := count(p, ".notices li"); n != 0 {
		t.Errorf("%d notices after typing valid values", n)
	}
	screenshot(p, "extra-deal")
}

func TestExtraDealMalformedSupplier(t *testing.T) {
	// The words are case-sensitive (MODEL.md §14), and a supplier is shown
	// as text, whatever it holds. One tab: the first link loaded, the
	// second switched to as the browser's back button would.
	p := openDashboard(t, rootURL("/?x1.value=5"))
	openGroup(p, core.GroupExtra)
	for _, given := range []string{"Google", `<img src=x onerror="window.__xss=3">`} {
		q := "x1.value=5&x1.supplier=" + url.QueryEscape(given)
		switchQuery(p, q)
		checkNotices(t, p, map[string][]string{"x1.supplier": {given, "other"}})
		if n := modelReport(q, false).Notices; len(n) != 1 || n[0].Key != "x1.supplier" || n[0].Reason != core.ReasonMalformed {
			t.Errorf("core's notices for %s: %+v, want one, x1.supplier malformed", q, n)
		}
		checkFigures(t, p, "document", q, q)
		if v, s := fieldValue(p, x1Supplier), chosen(p, x1Supplier); v != "other" || s != "Other" {
			t.Errorf("%s: the supplier select holds %q (%q), want other (Other)", q, v, s)
		}
		checkLegend(t, p, q, []string{"Other (x1)"}, []string{"Google"})
	}
	time.Sleep(300 * time.Millisecond)
	if got := evalJS[string](p, `String(window.__xss)`); got != "undefined" {
		t.Errorf("window.__xss = %s: markup from the URL ran", got)
	}
}
