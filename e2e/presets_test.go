package e2e

// Tests of the presets of MODEL.md §15 as an executive meets them: the
// "Presets" menu of the top bar, each item with its description and, on
// hover or keyboard focus, the facts it rests on; choosing one by click
// (its URL, its headline against core, the scenario line, a move after
// it, the back button) and opening one by its URL.

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"computedash/core"
)

// mid2026Query is the query of the "Mid-2026 update" preset as MODEL.md §15
// writes it.
const mid2026Query = "x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96&x2.value=20&x2.supplier=other&x2.start=2026-01&x2.term=36&x2.ramp=6&other.mw=750&oai.rev2025=13.07&capex.growth=85"

// presetNames are the presets of MODEL.md §15, in its order.
var presetNames = []string{"Article, November 2025", "Mid-2026 update", "Stargate slips", "Bubble deflates", "Oracle deal cut", "Microsoft exits"}

// presetMenu is the top bar's menu of presets.
const presetMenu = "details.presets"

// presetItem is the selector of the menu's item of preset id.
func presetItem(id string) string { return presetMenu + ` li.preset[data-preset="` + id + `"]` }

// presetShown is a menu item as the page shows it.
type presetShown struct {
	ID, Name, Conf, Desc string
	DescShown            bool // the description is rendered
}

// openPresets opens the menu by clicking its summary and reads its items.
func openPresets(p *page) []presetShown {
	p.t.Helper()
	click(p, presetMenu+" > summary")
	waitOrFail(p, visibleJS+`(document.querySelector(`+jsString(presetMenu+" li.preset")+`))`, 5*time.Second, "the preset menu's items")
	return evalJS[[]presetShown](p, `[...document.querySelectorAll(`+jsString(presetMenu+" li.preset")+`)].map((li) => ({
  id: li.dataset.preset,
  name: li.querySelector("strong")?.textContent.trim() ?? "",
  conf: li.querySelector(".preset-conf")?.innerText.trim() ?? "",
  desc: li.querySelector(".preset-desc")?.innerText.trim() ?? "",
  descShown: `+visibleJS+`(li.querySelector(".preset-desc")),
}))`)
}

// checkFacts checks that the facts note of preset id is shown and lists
// the FACTS rows core gives the preset.
func checkFacts(t *testing.T, p *page, id, how string) {
	t.Helper()
	sel := presetItem(id) + " .preset-facts"
	if err := pollFor(p, visibleJS+`(document.querySelector(`+jsString(sel)+`))`, 3*time.Second); err != nil {
		t.Errorf("%s %s: its facts note is not shown (display %s)", how, id,
			evalOr(p, `getComputedStyle(document.querySelector(`+jsString(sel)+`)).display`))
		return
	}
	i := slices.IndexFunc(core.Presets(), func(pr core.Preset) bool { return pr.ID == id })
	got := text(p, sel)
	for _, f := range core.Presets()[i].Facts {
		if !strings.Contains(got, f) {
			t.Errorf("%s %s: the facts note %q does not name %q", how, id, got, f)
		}
	}
}

// scenarioLine is the top bar's scenario line: the preset, then the
// inputs that differ from the base case.
func scenarioLine(p *page) string {
	p.t.Helper()
	return text(p, "header.top .scenario")
}

func TestPresets(t *testing.T) {
	p := openDashboard(t, rootURL("/"))
	setViewport(p, viewW, viewH)
	if shown(p, presetMenu+" li.preset") {
		t.Error("the preset menu is open at load")
	}

	// The menu: at least the six presets of MODEL.md §15, each described.
	items := openPresets(p)
	if len(items) < 6 {
		t.Errorf("the preset menu has %d items, want at least 6: %+v", len(items), items)
	}
	var names []string
	for _, it := range items {
		names = append(names, it.Name)
		if it.Desc == "" || !it.DescShown {
			t.Errorf("preset %s (%q) shows no description: %+v", it.ID, it.Name, it)
		}
	}
	for _, n := range presetNames {
		if !slices.Contains(names, n) {
			t.Errorf("the preset menu has no %q (MODEL.md §15): %q", n, names)
		}
	}

	// The facts a preset rests on: hidden, then shown under the mouse, and
	// for the item the keyboard is on.
	if shown(p, presetItem("bubble")+" .preset-facts") {
		t.Error("the facts of Bubble deflates are shown before any hover")
	}
	hover(p, presetItem("bubble")+" a")
	checkFacts(t, p, "bubble", "hovering over")
	// The summary clicked keeps the focus: Tab goes down the menu.
	pressTabUntil(p, presetItem("oracle-cut")+" a", len(items))
	checkFacts(t, p, "oracle-cut", "tabbing to")

	// Choosing Stargate slips: its URL, core's headline, the scenario line.
	gen := dashGen(p)
	click(p, presetItem("stargate-slips")+" a")
	waitNewGen(p, gen, "choosing Stargate slips")
	waitOrFail(p, `location.search.includes("stargate.delay=18&stargate.capex=350") &&
  new URLSearchParams(location.search).get("preset") === "stargate-slips"`, 5*time.Second, "the Stargate slips URL")
	slips := urlQuery(p)
	checkFigures(t, p, "document", slips, "Stargate slips")
	if line := scenarioLine(p); !strings.HasPrefix(line, "Stargate slips ·") {
		t.Errorf("after choosing Stargate slips the scenario line says %q, want it to start with the preset's name", line)
	}
	if got := attr(p, presetItem("stargate-slips")+" a", "aria-current"); got != "true" {
		t.Errorf("the Stargate slips item has aria-current=%q once chosen, want true", got)
	}

	// A move after it: the line counts the change, the URL keeps the preset.
	gen = dashGen(p)
	pressKeys(p, idSel("range-aws.value"), kb.ArrowRight, 1)
	waitNewGen(p, gen, "moving the AWS slider after the preset")
	waitOrFail(p, `document.querySelector("header.top .scenario").textContent.includes("Stargate slips + 1 change")`, 5*time.Second,
		`"Stargate slips + 1 change" in the scenario line`)
	moved := urlQuery(p)
	if v, _ := url.ParseQuery(moved); v.Get("preset") != "stargate-slips" || v.Get("aws.value") != "38.1" || v.Get("stargate.delay") != "18" {
		t.Errorf("after the move the URL query is %q, want the preset's with aws.value=38.1", moved)
	}
	checkFigures(t, p, "document", moved, "Stargate slips + 1 change")

	// The browser's back button: the preset as chosen, then the base case.
	for _, want := range []struct{ query, line string }{{slips, "Stargate slips ·"}, {"", "Article, November 2025"}} {
		gen = dashGen(p)
		browserBack(p)
		waitNewGen(p, gen, "the back button")
		waitQuery(p, want.query)
		checkFigures(t, p, "document", want.query, "back to ?"+want.query)
		if line := scenarioLine(p); !strings.HasPrefix(line, want.line) || strings.Contains(line, "change") {
			t.Errorf("back to ?%s: the scenario line says %q, want %q and no change", want.query, line, want.line)
		}
	}

	// By URL: the Mid-2026 update, its name in the scenario line and its
	// medium confidence in the menu.
	loadQuery(p, "preset=mid2026&"+mid2026Query)
	checkFigures(t, p, "document", mid2026Query, "Mid-2026 update by URL")
	if line := scenarioLine(p); !strings.HasPrefix(line, "Mid-2026 update ·") {
		t.Errorf("?preset=mid2026: the scenario line says %q, want it to start with \"Mid-2026 update\"", line)
	}
	items = openPresets(p)
	i := slices.IndexFunc(items, func(it presetShown) bool { return it.ID == "mid2026" })
	switch {
	case i < 0:
		t.Errorf("no mid2026 item in the menu: %+v", items)
	case items[i].Name != "Mid-2026 update" || items[i].Conf != "confidence M":
		t.Errorf("the menu shows the Mid-2026 update as %q with %q, want \"Mid-2026 update\" with \"confidence M\"", items[i].Name, items[i].Conf)
	case attr(p, presetItem("mid2026")+" a", "aria-current") != "true":
		t.Error("the Mid-2026 update item is not marked aria-current=true when the page opens on it")
	}
	hover(p, presetItem("mid2026")+" a")
	checkFacts(t, p, "mid2026", "hovering over")
	screenshot(p, "presets")
}
