package e2e

// Tests of the dashboard itself: the headline figures against core run
// natively, the sliders and text fields with real input events, a hostile
// URL, downloads against the native `app export`, the embedded view under
// a sub-path, the browser's back and forward buttons, and the share field.
// Every page goes through newPage, so a console error, a CSP violation or a
// request outside the page's folder fails the test that caused it.

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"computedash/core"
	"computedash/site"
)

// checkWorked compares headline figures' data-raw with worked values of
// MODEL.md (§13, §14), which were computed independently of the model.
func checkWorked(t *testing.T, p *page, what string, want map[core.FigureID]string) {
	t.Helper()
	for id, w := range want {
		if got := attr(p, `[data-figure="`+string(id)+`"]`, "data-raw"); got != w {
			t.Errorf("%s: %s data-raw = %q, MODEL.md says %q", what, id, got, w)
		}
	}
}

func TestBaseCaseFigures(t *testing.T) {
	p := openDashboard(t, rootURL("/"))
	setViewport(p, viewW, viewH)
	checkFigures(t, p, "document", "", "base case")
	checkWorked(t, p, "base case", map[core.FigureID]string{core.FigCashOut: "2027-09", core.FigFundingNeed: "115008809821.17",
		core.FigBreakEven: "2030", core.FigPeakGPUs: "3414893", core.FigHHI: "3892.11"})
	if got := text(p, `[data-figure="funding_need"] .figure-value`); got != "$115.0B" {
		t.Errorf("funding_need shows %q, want $115.0B", got)
	}
	if q := urlQuery(p); q != "" {
		t.Errorf("the base case's URL query is %q, want empty", q)
	}

	// Above the fold on a 1366×768 laptop screen: every figure, whole,
	// without scrolling, and no text of one cut off.
	evalJS[bool](p, `(scrollTo(0, 0), true)`)
	for _, b := range evalJS[[]clientRect](p, `[...document.querySelectorAll("[data-figure]")].map(`+rectJS+`)`) {
		if b.Top < 0 || b.Bottom > viewH || b.Left < 0 || b.Right > viewW {
			t.Errorf("figure %s at (%.0f,%.0f)–(%.0f,%.0f) is not inside the %d×%d viewport without scrolling",
				b.Key, b.Left, b.Top, b.Right, b.Bottom, viewW, viewH)
		}
	}
	clipped := evalJS[[]string](p, `[...document.querySelectorAll("[data-figure] .figure-value, [data-figure] .figure-label")]
  .filter(el => el.scrollWidth > el.clientWidth + 1)
  .map(el => el.closest("[data-figure]").dataset.figure + ": " + el.textContent)`)
	for _, c := range clipped {
		t.Errorf("headline text is cut off at %d px wide: %s", viewW, c)
	}

	checkGoal(t, p, "", "base case")
	waitCharts(p)
	evalJS[bool](p, `(scrollTo(0, 0), true)`)
	screenshot(p, "base")
}

// heldFramesJS records, in every frame until window.__heldStop, what the
// page shows of the AWS value's control, its charts and its analysis, and
// the value of the last input event on the slider.
const heldFramesJS = `(() => {
  window.__held = [];
  window.__heldStop = false;
  // The value of the last input event: Chrome can move the thumb in one
  // task and tell the page in the next, with a frame between.
  let told = document.getElementById("range-aws.value").value;
  document.addEventListener("input", (e) => { if (e.target.id === "range-aws.value") told = e.target.value; }, true);
  const rec = () => {
    const d = document.getElementById("dash");
    const charts = [...document.querySelectorAll("figure.chart[data-chart]")];
    window.__held.push({
      held: d.hasAttribute("data-held"), gen: d.dataset.gen, risk: d.dataset.risk,
      slider: document.getElementById("range-aws.value").value, told,
      field: document.getElementById("in-aws.value").value,
      reset: document.querySelector('.control[data-input="aws.value"] button.reset').disabled,
      stale: charts.length > 0 && charts.every((c) => c.dataset.stale === "true"),
    });
    if (!window.__heldStop) requestAnimationFrame(rec);
  };
  requestAnimationFrame(rec);
  return true;
})()`

// heldFrame is one frame of heldFramesJS.
type heldFrame struct {
	Held   bool   `json:"held"`
	Gen    string `json:"gen"`
	Risk   string `json:"risk"`
	Slider string `json:"slider"`
	Told   string `json:"told"` // the value of the last input event
	Field  string `json:"field"`
	Reset  bool   `json:"reset"`
	Stale  bool   `json:"stale"`
}

// TestHeldDrag drags a slider with the mouse twice, the second time away
// and back to where the first ended, and reads every frame. While a drag
// holds the page's update (#dash[data-held]), the moved control's field
// and reset button follow the hand, and every chart and the analysis say
// that they wait; once the hand rests, the page is the scenario of the
// value the slider ended on, though go-app's tree last saw that value
// before the second drag.
func TestHeldDrag(t *testing.T) {
	p := openDashboard(t, rootURL("/"))
	setViewport(p, viewW, viewH)
	sel := idSel("range-aws.value")
	rested := func(what string) {
		waitOrFail(p, `!document.getElementById("dash").hasAttribute("data-held")`, 10*time.Second, "the page to follow the hand "+what)
		waitCharts(p)
		waitRisk(p)
	}
	rested("at load")
	dragSlider(p, sel, 38.0/2000, 0.5)
	rested("after the first drag")
	v1 := fieldValue(p, sel)
	if v1 == "38" {
		t.Fatalf("the first drag left the slider at its default")
	}

	evalJS[bool](p, heldFramesJS)
	gen := dashGen(p)
	dragAlong(p, sel, 0.5, 0.8, 0.5)
	waitNewGen(p, gen, "the second drag")
	rested("after the second drag")
	frames := evalJS[[]heldFrame](p, `(window.__heldStop = true, window.__held)`)
	held := 0
	for i, f := range frames {
		if !f.Held {
			continue
		}
		held++
		switch {
		case f.Field != f.Told:
			t.Errorf("frame %d, held: the field shows %q, the last input event said %q (the slider %q)", i, f.Field, f.Told, f.Slider)
		case f.Reset != (f.Told == "38"):
			t.Errorf("frame %d, held: value %q, reset button disabled %v", i, f.Told, f.Reset)
		case !f.Stale || f.Risk != "updating":
			t.Errorf("frame %d, held: the charts say stale %v, the analysis %q; want every chart stale and the analysis updating", i, f.Stale, f.Risk)
		}
	}
	if t.Failed() {
		for i, f := range frames {
			t.Logf("frame %d: %+v", i, f)
		}
	}
	if held == 0 {
		t.Fatalf("no frame of a drag of 24 moves 15 ms apart held the page's update (%d frames)", len(frames))
	}
	if got := fieldValue(p, sel); got != v1 {
		t.Fatalf("the second drag ended on %q, not where it started (%q): the test needs the same value", got, v1)
	}
	if got := fieldValue(p, idSel("in-aws.value")); got != v1 {
		t.Errorf("after the hand rests the field shows %q, the slider %q", got, v1)
	}
	if evalJS[bool](p, `document.querySelector('.control[data-input="aws.value"] button.reset').disabled`) {
		t.Errorf("after the hand rests on %s the reset button is disabled", v1)
	}
	waitQuery(p, "aws.value="+v1)
	checkFigures(t, p, "document", "aws.value="+v1, "after the held drag")
}

func TestSlidersMoveScenario(t *testing.T) {
	p := openDashboard(t, rootURL("/"))
	setViewport(p, viewW, viewH)
	awsRange, awsText := idSel("range-aws.value"), idSel("in-aws.value")
	delayRange, delayText := idSel("range-stargate.delay"), idSel("in-stargate.delay")

	if got := fieldValue(p, awsRange); got != "38" {
		t.Fatalf("the AWS value slider starts at %q, want 38 (the default)", got)
	}
	hist0 := evalJS[int](p, `history.length`)

	// A mouse drag of the AWS value: from the thumb (38 of 0–2000) to the
	// middle of the track.
	gen := dashGen(p)
	dragSlider(p, awsRange, 38.0/2000, 0.5)
	waitNewGen(p, gen, "the drag")
	aws := fieldValue(p, awsRange)
	if f, err := strconv.ParseFloat(aws, 64); err != nil || f < 500 || f > 1500 {
		t.Fatalf("after dragging to the middle the slider says %q, want about 1000", aws)
	}
	waitQuery(p, "aws.value="+aws)
	if got := fieldValue(p, awsText); got != aws {
		t.Errorf("the AWS value field shows %q, the slider %q", got, aws)
	}
	// One history entry for the whole drag (the moves replace it).
	if got := evalJS[int](p, `history.length`); got != hist0+1 {
		t.Errorf("history.length went from %d to %d over one drag; want one new entry", hist0, got)
	}
	checkFigures(t, p, "document", urlQuery(p), "after the drag")

	// The keyboard on the Stargate delay, in a group that is closed at load.
	openGroup(p, core.GroupStargate)
	if got := fieldValue(p, delayRange); got != "0" {
		t.Fatalf("the Stargate delay slider starts at %q, want 0", got)
	}
	gen = dashGen(p)
	const presses = 3
	scrollIntoView(p, delayRange)
	pressKeys(p, delayRange, kb.ArrowRight, presses)
	waitNewGen(p, gen, "the key presses")
	delay := fieldValue(p, delayRange)
	if delay != strconv.Itoa(presses) {
		t.Errorf("after %d × ArrowRight the Stargate delay slider says %q, want %d", presses, delay, presses)
	}
	want := "aws.value=" + aws + "&stargate.delay=" + delay
	waitQuery(p, want)
	if got := fieldValue(p, delayText); got != delay {
		t.Errorf("the Stargate delay field shows %q, the slider %q", got, delay)
	}
	checkFigures(t, p, "document", want, "after the drag and the keys")

	checkGoal(t, p, want, want)
	if q := urlQuery(p); q != want {
		t.Errorf("URL query changed to %q while the risk analysis ran, want %q", q, want)
	}
	waitCharts(p)
	evalJS[bool](p, `(scrollTo(0, 0), true)`)
	screenshot(p, "moved")
}

// hostileQuery is a URL query with a malformed value, out-of-range values,
// an unknown key and markup in values.
func hostileQuery() string {
	return "aws.value=abc&oai.growth=999&nonsense=1&stargate.delay=-4" +
		"&x=" + url.QueryEscape(`<script>window.__xss=1</script>`) +
		"&y=" + url.QueryEscape(`<img src=x onerror="window.__xss=2">`)
}

// checkNotices checks that the page shows, as text, one notice for each
// key of want, holding each of its texts.
func checkNotices(t *testing.T, p *page, want map[string][]string) {
	t.Helper()
	waitOrFail(p, `[...document.querySelectorAll(".notices li")].filter((li) => li.getBoundingClientRect().height > 0).length > 0`,
		5*time.Second, "visible notices")
	notices := evalJS[[]string](p, `[...document.querySelectorAll(".notices li")].map(li => li.textContent)`)
	if len(notices) != len(want) {
		t.Errorf("%d notices, want %d (one per key):\n\t%s", len(notices), len(want), strings.Join(notices, "\n\t"))
	}
	for key, texts := range want {
		i := slices.IndexFunc(notices, func(n string) bool { return strings.HasPrefix(n, key+":") || strings.HasPrefix(n, key+" ") })
		if i < 0 {
			t.Errorf("no notice names %s; notices:\n\t%s", key, strings.Join(notices, "\n\t"))
			continue
		}
		for _, w := range texts {
			if !strings.Contains(notices[i], w) {
				t.Errorf("the notice of %s does not say %q: %q", key, w, notices[i])
			}
		}
	}
	// Markup in the URL stayed text.
	if n := count(p, ".notices li *, img[src='x'], img[onerror]"); n != 0 {
		t.Errorf("%d elements from the URL in the page", n)
	}
}

func TestHostileURL(t *testing.T) {
	q := hostileQuery()
	p := openDashboard(t, rootURL("/?"+q))
	if got := urlQuery(p); got != q {
		t.Fatalf("the browser changed the query: %q, sent %q", got, q)
	}
	// Each key: the texts its notice must hold (given, used).
	checkNotices(t, p, map[string][]string{
		"aws.value": {"abc", "38"}, "oai.growth": {"999", "300"}, "nonsense": {"1"}, "stargate.delay": {"-4", "0"},
		"x": {`<script>window.__xss=1</script>`}, "y": {`<img src=x onerror="window.__xss=2">`},
	})
	time.Sleep(500 * time.Millisecond)
	if got := evalJS[string](p, `String(window.__xss)`); got != "undefined" {
		t.Errorf("window.__xss = %s: markup from the URL ran", got)
	}
	// The fields show the values used (the Stargate group opened as a user would).
	openGroup(p, core.GroupStargate)
	for id, want := range map[string]string{"in-oai.growth": "300", "in-stargate.delay": "0", "in-aws.value": "38", "range-oai.growth": "300"} {
		if got := fieldValue(p, idSel(id)); got != want {
			t.Errorf("#%s shows %q, want %q (the value used)", id, got, want)
		}
	}
	checkFigures(t, p, "document", q, "hostile query")
	screenshot(p, "hostile")
}

// extraDeal is the scenario of MODEL.md §14's worked values.
const extraDeal = "x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96"

func TestDownloadJSON(t *testing.T) {
	t.Run("queries", func(t *testing.T) {
		// One tab: the first query with a page load, the others switched to
		// as the browser's back button would.
		p := openDashboard(t, rootURL("/"))
		d := allowDownloads(p)
		for i, q := range []string{"", hostileQuery(), extraDeal} {
			if i > 0 {
				switchQuery(p, q)
			}
			waitRisk(p)
			name, got := d.click("#export-json")
			if name != "compute-scenario.json" {
				t.Errorf("JSON download named %q, want compute-scenario.json", name)
			}
			sameBytes(t, "JSON of ?"+q, got, appExport(t, q))
			if rep := decodeReport(t, "JSON of ?"+q, got); q == extraDeal {
				checkExtraDealExport(t, rep)
			}
		}
		switchQuery(p, "")
		for _, f := range []struct{ button, format, name string }{
			{"#export-csv-monthly", "csv-monthly", "compute-scenario-monthly.csv"},
			{"#export-csv-yearly", "csv-yearly", "compute-scenario-yearly.csv"},
		} {
			name, got := d.click(f.button)
			if name != f.name {
				t.Errorf("%s download named %q, want %s", f.format, name, f.name)
			}
			sameBytes(t, "base case "+f.format, got, appExport(t, "", "-format", f.format))
		}
	})
	t.Run("moved", func(t *testing.T) {
		p := openDashboard(t, rootURL("/"))
		d := allowDownloads(p)
		awsRange := idSel("range-aws.value")
		scrollIntoView(p, awsRange)
		pressKeys(p, awsRange, kb.ArrowRight, 2)
		waitQuery(p, "aws.value=38.2")
		// At once, while the risk analysis is (most likely) still running, and
		// again once it is on screen: the page takes a different path to the
		// bytes in each case.
		state := attr(p, "#dash", "data-risk")
		_, got := d.click("#export-json")
		sameBytes(t, "JSON after moving a slider (risk "+state+" at the click)", got, appExport(t, urlQuery(p)))
		waitRisk(p)
		_, got = d.click("#export-json")
		sameBytes(t, "JSON after moving a slider (risk ready)", got, appExport(t, urlQuery(p)))
	})
}

// checkExtraDealExport checks an export of extraDeal against the worked
// values of MODEL.md §14.
func checkExtraDealExport(t *testing.T, rep *core.Report) {
	t.Helper()
	var ids []string
	for _, d := range rep.Deals {
		ids = append(ids, string(d.ID))
	}
	if got := strings.Join(ids, " "); got != "coreweave aws microsoft x1 oracle" {
		t.Errorf("extra deal: deals in placement order %s, MODEL.md §14 says five, x1 after microsoft", got)
	}
	if i := slices.Index(ids, "x1"); i >= 0 {
		x1 := rep.Deals[i]
		var sum core.Money
		for _, o := range x1.Obligations {
			sum = sum.Add(o)
		}
		if x1.Supplier != "AWS" || x1.Total.String() != "100000000000.00" || sum.String() != "100000000000.00" {
			t.Errorf("extra deal: x1 of %q, total %s, its months sum to %s; want AWS, 100000000000.00 twice", x1.Supplier, x1.Total, sum)
		}
	}
	if g := rep.Risk.GoalSeekGrowth; g == nil || *g != 184.63 {
		t.Errorf("extra deal: goal seek %v, MODEL.md §14 says 184.63", g)
	}
}

// hostPage is an intranet page that embeds the dashboard's compact view.
const hostPage = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Intranet — compute</title></head>
<body>
<h1>Intranet: our compute exposure</h1>
<iframe src="/intranet/dash/?embed=1&amp;aws.value=50" title="AI compute commitments" width="1200" height="760"></iframe>
</body>
</html>
`

func TestEmbedUnderSubPath(t *testing.T) {
	requireSite(t)
	mux := http.NewServeMux()
	mux.Handle(subPath, http.StripPrefix(strings.TrimSuffix(subPath, "/"), site.Handler(env.siteDir)))
	mux.HandleFunc("/intranet/host.html", func(w http.ResponseWriter, r *http.Request) {
		site.SetSecurityHeaders(w.Header())
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, hostPage)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	p := newPage(t, srv.URL+"/intranet/host.html")
	setViewport(p, viewW, viewH)
	const frame = `document.querySelector("iframe").contentDocument`
	waitOrFail(p, `(() => {
  const d = document.querySelector("iframe")?.contentDocument;
  return !!(d && d.querySelector('#dash[data-ready="1"]') && !d.getElementById("app-wasm-loader"));
})()`, testTimeout-10*time.Second, "the embedded dashboard")

	if got := evalJS[string](p, `document.querySelector("iframe").contentWindow.location.pathname`); got != subPath {
		t.Errorf("the iframe is at %q, want %q", got, subPath)
	}
	if n := evalJS[int](p, frame+`.querySelectorAll(".panel").length`); n != 0 {
		t.Errorf("the embedded view has %d .panel elements, want none", n)
	}
	if !evalJS[bool](p, frame+`.getElementById("dash").classList.contains("embed")`) {
		t.Errorf("#dash has no class embed: %q", evalJS[string](p, frame+`.getElementById("dash").className`))
	}
	checkFigures(t, p, frame, "embed=1&aws.value=50", "embedded aws.value=50")
	// Its link to the full view keeps the sub-path and the scenario.
	if href := evalJS[string](p, `(`+frame+`.querySelector("nav.actions a") || {}).href || ""`); href != "" {
		u, err := url.Parse(href)
		if err != nil || u.Path != subPath || u.RawQuery != "aws.value=50" {
			t.Errorf("the embedded view links to %q, want %s?aws.value=50", href, srv.URL+subPath)
		}
	} else {
		t.Error("the embedded view has no link to the full view")
	}
	// The page's CSP recorder runs in every frame: the iframe's violations.
	v := evalJS[[]string](p, `document.querySelector("iframe").contentWindow.__cspViolations || ["<no recorder in the iframe>"]`)
	for _, s := range v {
		t.Errorf("in the iframe: CSP violation: %s", s)
	}
	screenshot(p, "embed")
}

func TestBackForward(t *testing.T) {
	p := openDashboard(t, rootURL("/"))
	field := idSel("in-aws.value")
	for _, v := range []string{"50", "60"} {
		g := dashGen(p)
		typeInto(p, field, v)
		waitNewGen(p, g, "typing "+v)
		waitQuery(p, "aws.value="+v)
	}
	checkFigures(t, p, "document", "aws.value=60", "typed 60")

	for _, s := range []struct{ js, query, field string }{
		{"history.back()", "aws.value=50", "50"},
		{"history.forward()", "aws.value=60", "60"},
		{"history.back()", "aws.value=50", "50"},
		{"history.back()", "", "38"},
	} {
		g := dashGen(p)
		evalJS[bool](p, `(`+s.js+`, true)`)
		waitQuery(p, s.query)
		if err := pollFor(p, `document.getElementById("dash").dataset.gen !== `+jsString(g), 5*time.Second); err != nil {
			t.Errorf("%s: the URL is ?%s but the page shows the same scenario (data-gen %s)", s.js, s.query, g)
		}
		checkFigures(t, p, "document", s.query, s.js+" → "+s.query)
		if err := pollFor(p, `document.querySelector(`+jsString(field)+`).value === `+jsString(s.field), 3*time.Second); err != nil {
			t.Errorf("%s: the AWS value field shows %q, want %q", s.js, fieldValue(p, field), s.field)
		}
	}
}

func TestCopyLinkAndEmbed(t *testing.T) {
	p := openDashboard(t, subURL("?aws.value=50"))
	href := evalJS[string](p, `location.href`)

	click(p, "#copy-link")
	// The field is always there, hidden; its value comes with the render
	// that follows the click.
	waitOrFail(p, `document.querySelector("input.share").value !== ""`, 5*time.Second, "the link in the share field")
	if got := fieldValue(p, "input.share"); got != href {
		t.Errorf("copy link: the share field holds %q, want the page URL %q", got, href)
	}

	// The embed dialog previews the snippet; its button copies it.
	click(p, "#copy-embed")
	waitOrFail(p, `!!document.getElementById("embed-code")`, 5*time.Second, "the embed dialog")
	preview := fieldValue(p, "#embed-code")
	click(p, "#embed-copy")
	if err := pollFor(p, `document.querySelector("input.share").value.startsWith("<iframe")`, 5*time.Second); err != nil {
		t.Fatalf("copy embed: the share field holds %q, want an <iframe> snippet", fieldValue(p, "input.share"))
	}
	code := fieldValue(p, "input.share")
	if code != preview {
		t.Errorf("copy embed: copied %q, the dialog shows %q", code, preview)
	}
	m := regexp.MustCompile(`^<iframe src="([^"]*)"[^>]*></iframe>$`).FindStringSubmatch(code)
	if m == nil {
		t.Fatalf("copy embed: %q is not one <iframe src=\"…\"> element", code)
	}
	src, err := url.Parse(html.UnescapeString(m[1]))
	if err != nil {
		t.Fatalf("copy embed: src %q: %v", m[1], err)
	}
	page, _ := url.Parse(href)
	q := src.Query()
	if src.Scheme != page.Scheme || src.Host != page.Host || src.Path != page.Path || len(q) != 2 || q.Get("embed") != "1" || q.Get("aws.value") != "50" {
		t.Errorf("copy embed: src = %s, want %s with embed=1 and aws.value=50 only", src, href)
	}
}
