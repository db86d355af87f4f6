package e2e

// Accessibility (WCAG 2.2 AA): axe-core, test-only from e2e/npm, on the
// five views an executive or a host page meets (the base case, a
// comparison, the Italian page, the compact embedded view, the print
// view), failing on every serious or critical violation; the keyboard from
// the top of the page to the first slider, and its focus ring. Small
// screens: a phone held upright.

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"computedash/core"
)

func TestAccessibility(t *testing.T) {
	p := openDashboard(t, rootURL("/"), withTimeout(2*testTimeout))
	setViewport(p, viewW, viewH)

	// The keyboard, from the top of the freshly loaded page: Tab to the
	// first slider, the AWS deal's value, then five times the right arrow.
	path := pressTabUntil(p, "input[type=range]", 40)
	if last := path[len(path)-1]; last != `input#range-aws.value[aws.value]` {
		t.Errorf("the first slider Tab reaches is %s, want the AWS deal's value (aws.value); focus went %s", last, strings.Join(path, " → "))
	}
	t.Logf("Tab from the top: %s", strings.Join(path, " → "))
	gen := dashGen(p)
	pressKeys(p, idSel("range-aws.value"), kb.ArrowRight, 5) // the slider keeps the focus Tab gave it
	waitNewGen(p, gen, "five × ArrowRight on the focused slider")
	waitQuery(p, "aws.value=38.5")
	if v := fieldValue(p, idSel("range-aws.value")); v != "38.5" {
		t.Errorf("after five × ArrowRight the slider says %q, want 38.5 (38 and five steps of 0.1)", v)
	}
	if v := fieldValue(p, idSel("in-aws.value")); v != "38.5" {
		t.Errorf("after five × ArrowRight the AWS value field says %q, want 38.5", v)
	}
	checkFigures(t, p, "document", "aws.value=38.5", "after the keyboard")
	ring := evalJS[map[string]string](p, `(el => ({id: el.id, style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth}))(document.activeElement)`)
	if ring["id"] != "range-aws.value" || ring["style"] == "none" || ring["width"] == "0px" {
		t.Errorf("the focused element %q shows outline-style %q, width %q: no visible focus ring", ring["id"], ring["style"], ring["width"])
	}

	// axe on the five views, switched to inside the page.
	views := []struct{ name, query string }{
		{"the base case", ""},
		{"a comparison", "aws.value=60&vs=" + url.QueryEscape("oracle.value=150")},
		{"the Italian page", "lang=it"},
		{"the embedded view", "embed=1"},
		{"the print view", "print=1"},
	}
	for _, v := range views {
		switchQuery(p, v.query)
		waitCharts(p)
		waitRisk(p)
		if strings.Contains(v.query, "vs=") {
			waitCompared(p)
		}
		if v.query == "lang=it" && attr(p, "#dash", "lang") != "it" {
			t.Errorf("?lang=it: #dash has lang=%q, want it", attr(p, "#dash", "lang"))
		}
		var serious []string
		for _, f := range runAxe(p) {
			line := f.ID + " (" + f.Impact + "): " + f.Help + "; first targets: " + strings.Join(f.Targets[:min(3, len(f.Targets))], " | ")
			if f.Impact == "serious" || f.Impact == "critical" {
				serious = append(serious, line)
			} else {
				t.Logf("%s (?%s): axe, %s", v.name, v.query, line)
			}
		}
		for _, s := range serious {
			t.Errorf("%s (?%s): axe, WCAG 2.2 AA: %s", v.name, v.query, s)
		}
	}
}

func TestSmallScreen(t *testing.T) {
	const w, h = 390, 844
	p := openDashboard(t, rootURL("/"))
	setMobileViewport(p, w, h)
	evalJS[bool](p, `(scrollTo(0, 0), true)`)

	if r := boundingBox(p, "[data-figure]"); r.Top >= h {
		t.Errorf("on a %d×%d phone the first headline figure starts at %.0f px: below the fold", w, h, r.Top)
	}
	checkNoSideScroll := func(what string) {
		t.Helper()
		if sw := evalJS[float64](p, `document.scrollingElement.scrollWidth`); sw > w {
			t.Errorf("%s: the page is %.0f px wide on a %d px screen: it scrolls sideways", what, sw, w)
		}
	}
	checkNoSideScroll("at load")

	// Targets a thumb can hit: the top bar's, and those of a group opened.
	openGroup(p, core.GroupExtra)
	checkNoSideScroll("with the Add a deal group open")
	type target struct {
		What   string
		Height float64
	}
	const targets = `header.top :is(button, select, input.num, input[type=number], summary),
details.group[data-group="extra"] :is(button, select, input.num, input[type=number])`
	found := evalJS[[]target](p, `[...document.querySelectorAll(`+jsString(targets)+`)].filter(`+visibleJS+`).map((el) => ({
  what: (el.closest("header.top") ? "top bar " : "Add a deal ") + el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + (el.textContent.trim() || el.getAttribute("aria-label") || ""),
  height: el.getBoundingClientRect().height,
}))`)
	var top, group int
	for _, f := range found {
		if strings.HasPrefix(f.What, "top bar") {
			top++
		} else {
			group++
		}
		if f.Height < 44 {
			t.Errorf("on a phone, %s is %.1f px tall, want at least 44", f.What, f.Height)
		}
	}
	if top < 5 || group < 5 {
		t.Errorf("found %d targets in the top bar and %d in the Add a deal group, want at least 5 each: %+v", top, group, found)
	}
	evalJS[bool](p, `(scrollTo(0, 0), true)`)
	screenshotViewport(p, "phone")
}
