package e2e

// Tests of the dashboard itself: the headline figures against the native
// `app export`, the sliders and text fields with real input events, hostile
// URLs, downloads, the embedded view under a sub-path, the browser's back
// and forward buttons, and the share field. Every page goes through newPage,
// so a console error, a CSP violation or a request outside the page's folder
// fails the test that caused it.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"computedash/site"
)

// figureKeys are the headline figures, in page order.
var figureKeys = []string{
	"cash_out_month", "funding_need", "break_even_year", "peak_gpus",
	"peak_facility_mw", "unplaced_gpus_peak", "hhi_2027", "revenue_gap_2030",
}

// Viewport of the screenshots and of the above-the-fold check.
const viewW, viewH = 1366, 768

// ---------------------------------------------------------------------------
// The native export
// ---------------------------------------------------------------------------

var exportCache struct {
	sync.Mutex
	m map[string][]byte
}

// nativeExport runs `app export -format FORMAT 'QUERY'` and returns its
// stdout. Results are cached: the command is deterministic.
func nativeExport(t *testing.T, format, query string) []byte {
	t.Helper()
	requireSite(t)
	key := format + "\x00" + query
	exportCache.Lock()
	defer exportCache.Unlock()
	if b, ok := exportCache.m[key]; ok {
		return b
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(env.appBin, "export", "-format", format, query)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("app export -format %s %q: %v\n%s", format, query, err, stderr.Bytes())
	}
	if exportCache.m == nil {
		exportCache.m = map[string][]byte{}
	}
	exportCache.m[key] = stdout.Bytes()
	return stdout.Bytes()
}

// exportDoc is the part of the JSON export the page's figures come from.
type exportDoc struct {
	Summary struct {
		CashOutMonth   json.RawMessage `json:"cash_out_month"`
		FundingNeed    json.RawMessage `json:"funding_need"`
		BreakEvenYear  json.RawMessage `json:"break_even_year"`
		PeakGPUs       json.RawMessage `json:"peak_gpus"`
		PeakFacilityMW float64         `json:"peak_facility_mw"`
	} `json:"summary"`
	Monthly struct {
		UnplacedGPUs []int64 `json:"unplaced_gpus"`
	} `json:"monthly"`
	Yearly []struct {
		Year       int             `json:"year"`
		HHI        json.RawMessage `json:"hhi"`
		RevenueGap float64         `json:"revenue_gap"`
	} `json:"yearly"`
	Risk *struct {
		GoalSeekGrowth json.RawMessage `json:"goal_seek_growth"`
	} `json:"risk"`
}

func decodeExport(t *testing.T, query string) *exportDoc {
	t.Helper()
	var d exportDoc
	if err := json.Unmarshal(nativeExport(t, "json", query), &d); err != nil {
		t.Fatalf("decoding the export of %q: %v", query, err)
	}
	return &d
}

// rawText is a JSON value as the page's data-raw writes it: a string
// without its quotes, a number as written, null as "null".
func rawText(t *testing.T, v json.RawMessage) string {
	t.Helper()
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || string(v) == "null":
		return "null"
	case v[0] == '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			t.Fatalf("decoding %s: %v", v, err)
		}
		return s
	}
	return string(v)
}

func floatRaw(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// expectedFigures returns the data-raw of every headline figure for the
// native export of query.
func expectedFigures(t *testing.T, query string) map[string]string {
	t.Helper()
	d := decodeExport(t, query)
	want := map[string]string{
		"cash_out_month":   rawText(t, d.Summary.CashOutMonth),
		"funding_need":     rawText(t, d.Summary.FundingNeed),
		"break_even_year":  rawText(t, d.Summary.BreakEvenYear),
		"peak_gpus":        rawText(t, d.Summary.PeakGPUs),
		"peak_facility_mw": floatRaw(d.Summary.PeakFacilityMW),
	}
	if len(d.Monthly.UnplacedGPUs) == 0 {
		t.Fatalf("export of %q: no monthly.unplaced_gpus", query)
	}
	want["unplaced_gpus_peak"] = strconv.FormatInt(slices.Max(d.Monthly.UnplacedGPUs), 10)
	for _, y := range d.Yearly {
		switch y.Year {
		case 2027:
			want["hhi_2027"] = rawText(t, y.HHI)
		case 2030:
			want["revenue_gap_2030"] = floatRaw(y.RevenueGap)
		}
	}
	for _, k := range figureKeys {
		if _, ok := want[k]; !ok {
			t.Fatalf("export of %q: nothing for %s", query, k)
		}
	}
	return want
}

// expectedGoal is risk.goal_seek_growth of the export, as JSON writes it.
func expectedGoal(t *testing.T, query string) string {
	t.Helper()
	d := decodeExport(t, query)
	if d.Risk == nil {
		t.Fatalf("export of %q has no risk", query)
	}
	return string(bytes.TrimSpace(d.Risk.GoalSeekGrowth))
}

// ---------------------------------------------------------------------------
// Page helpers
// ---------------------------------------------------------------------------

// idSel is a CSS selector for an element id that may hold dots.
func idSel(id string) string { return `[id="` + id + `"]` }

// jsString quotes s for JavaScript.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// figuresJS reads the data-raw of every [data-figure] under root.
const figuresJS = `(root => {
  const noRaw = ` + "`" + noRaw + "`" + `;
  const out = {};
  for (const el of root.querySelectorAll("[data-figure]"))
    out[el.dataset.figure] = el.hasAttribute("data-raw") ? el.getAttribute("data-raw") : noRaw;
  return out;
})`

// noRaw stands for a figure element without a data-raw attribute.
const noRaw = "<no data-raw attribute>"

func pageFigures(p *page) map[string]string {
	p.t.Helper()
	return evalJS[map[string]string](p, figuresJS+`(document)`)
}

// checkFigures waits (up to a few seconds, as the page re-renders) for the
// page's figures to equal want, then reports every difference.
func checkFigures(t *testing.T, p *page, read func() map[string]string, want map[string]string, what string) {
	t.Helper()
	var got map[string]string
	deadline := time.Now().Add(5 * time.Second)
	for {
		got = read()
		if mapsEqual(got, want) || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if len(got) != len(figureKeys) {
		t.Errorf("%s: %d [data-figure] elements, want %d: %v", what, len(got), len(figureKeys), got)
	}
	for _, k := range figureKeys {
		if g, ok := got[k]; !ok {
			t.Errorf("%s: no [data-figure=%s]", what, k)
		} else if g != want[k] {
			t.Errorf("%s: [data-figure=%s] data-raw = %q, want %q (native export)", what, k, g, want[k])
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// pollFor polls a JavaScript expression until it is truthy or d passes.
func pollFor(p *page, expr string, d time.Duration) error {
	ctx, cancel := context.WithTimeout(p.ctx, d)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(50*time.Millisecond),
		chromedp.WithPollingTimeout(d)))
	return err
}

// waitOrFail is waitFor with a shorter timeout and a description.
func waitOrFail(p *page, expr string, d time.Duration, what string) {
	p.t.Helper()
	if err := pollFor(p, expr, d); err != nil {
		p.t.Fatalf("waiting for %s (%s): %v; URL %s, data-gen %s, data-risk %s", what, expr, err,
			evalOr(p, `location.href`), evalOr(p, `document.getElementById("dash")?.dataset.gen ?? "?"`),
			evalOr(p, `document.getElementById("dash")?.dataset.risk ?? "?"`))
	}
}

// urlQuery returns the page's URL query without the "?".
func urlQuery(p *page) string {
	p.t.Helper()
	return evalJS[string](p, `location.search.replace(/^\?/, "")`)
}

func dashGen(p *page) string {
	p.t.Helper()
	return evalJS[string](p, `document.getElementById("dash").dataset.gen`)
}

// waitQuery waits until the page's URL query is want.
func waitQuery(p *page, want string) {
	p.t.Helper()
	if err := pollFor(p, `location.search.replace(/^\?/, "") === `+jsString(want), 10*time.Second); err != nil {
		p.t.Fatalf("URL query = %q, want %q", urlQuery(p), want)
	}
}

// waitRisk waits until the risk analysis on screen is the scenario's.
func waitRisk(p *page) {
	p.t.Helper()
	waitOrFail(p, `document.getElementById("dash").dataset.risk === "ready"`, 30*time.Second, "the risk analysis")
}

// waitCharts waits until every chart is drawn for the scenario on screen.
func waitCharts(p *page) {
	p.t.Helper()
	waitOrFail(p, `document.querySelectorAll("figure.chart").length > 0 &&
  document.querySelectorAll('figure.chart[data-stale="true"], figure.chart .chart-placeholder').length === 0`,
		30*time.Second, "the charts")
}

// setViewport emulates a desktop viewport of w×h CSS pixels.
func setViewport(p *page, w, h int64) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(w, h)); err != nil {
		p.t.Fatalf("setting the viewport to %d×%d: %v", w, h, err)
	}
	if err := pollFor(p, fmt.Sprintf(`innerWidth === %d && innerHeight === %d`, w, h), 5*time.Second); err != nil {
		p.t.Fatalf("viewport is %s, want %d×%d", evalOr(p, "innerWidth + '×' + innerHeight"), w, h)
	}
}

// clientRect is an element's bounding box in the viewport.
type clientRect struct {
	Left, Top, Right, Bottom, Width, Height float64
}

func boundingBox(p *page, selector string) clientRect {
	p.t.Helper()
	r := evalJS[*clientRect](p, fmt.Sprintf(`(() => {
  const el = document.querySelector(%s);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height};
})()`, jsString(selector)))
	if r == nil {
		p.t.Fatalf("no element %s", selector)
	}
	return *r
}

// scrollIntoView brings the element to the middle of the viewport.
func scrollIntoView(p *page, selector string) {
	p.t.Helper()
	if !evalJS[bool](p, fmt.Sprintf(`(() => {
  const el = document.querySelector(%s);
  if (!el) return false;
  el.scrollIntoView({block: "center", inline: "nearest"});
  return true;
})()`, jsString(selector))) {
		p.t.Fatalf("no element %s", selector)
	}
}

// mouseAt dispatches one real mouse event (Input.dispatchMouseEvent).
func mouseAt(typ input.DispatchMouseEventType, x, y float64, buttons int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		p := input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Buttons: buttons, PointerType: input.DispatchMouseEventPointerTypeMouse}
		if typ != chromedp.MouseMoved || buttons != 0 {
			p.Button = input.MouseButtonLeft
		}
		if typ != chromedp.MouseMoved {
			p.ClickCount = 1
		}
		_, err := cdp.Call(ctx, t, input.DispatchMouseEvent, p)
		return err
	})
}

// dragSlider drags a range input's thumb with real mouse events: it presses
// at fraction from of the track, moves in steps to fraction to, releases.
func dragSlider(p *page, selector string, from, to float64) {
	p.t.Helper()
	scrollIntoView(p, selector)
	r := boundingBox(p, selector)
	if r.Width < 20 || r.Height <= 0 {
		p.t.Fatalf("slider %s is %v×%v px: not draggable", selector, r.Width, r.Height)
	}
	y := r.Top + r.Height/2
	x := func(f float64) float64 { return r.Left + 8 + f*(r.Width-16) } // the thumb's center travels inside the track
	// Nothing covers the slider where the drag starts.
	hit := evalJS[bool](p, fmt.Sprintf(`document.elementFromPoint(%f, %f) === document.querySelector(%s)`, x(from), y, jsString(selector)))
	if !hit {
		p.t.Fatalf("slider %s is covered at (%.0f, %.0f) by %s", selector, x(from), y,
			evalOr(p, fmt.Sprintf(`(document.elementFromPoint(%f, %f) || {}).outerHTML?.slice(0, 120) ?? "nothing"`, x(from), y)))
	}
	steps := []chromedp.Action[chromedp.Void]{
		mouseAt(chromedp.MouseMoved, x(from), y, 0),
		mouseAt(chromedp.MousePressed, x(from), y, 1),
	}
	const n = 12
	for i := 1; i <= n; i++ {
		f := from + (to-from)*float64(i)/n
		steps = append(steps, mouseAt(chromedp.MouseMoved, x(f), y, 1), chromedp.Sleep(15*time.Millisecond))
	}
	steps = append(steps, mouseAt(chromedp.MouseReleased, x(to), y, 0))
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatalf("dragging %s: %v", selector, err)
	}
}

// pressKeys focuses the element and presses a key n times (real key events).
func pressKeys(p *page, selector, key string, n int) {
	p.t.Helper()
	steps := []chromedp.Action[chromedp.Void]{chromedp.Focus(chromedp.CSS(selector))}
	for range n {
		steps = append(steps, chromedp.KeyEvent(key), chromedp.Sleep(30*time.Millisecond))
	}
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatalf("pressing keys in %s: %v", selector, err)
	}
}

// typeInto focuses a text field, selects its text and types text followed
// by Enter, with real key events: the field's change event commits it.
func typeInto(p *page, selector, text string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Focus(chromedp.CSS(selector))); err != nil {
		p.t.Fatalf("focusing %s: %v", selector, err)
	}
	evalJS[bool](p, fmt.Sprintf(`(() => { const el = document.querySelector(%s); el.select(); return document.activeElement === el; })()`, jsString(selector)))
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(text), chromedp.KeyEvent(kb.Enter)); err != nil {
		p.t.Fatalf("typing into %s: %v", selector, err)
	}
}

// fieldValue returns the value property of a form field.
func fieldValue(p *page, selector string) string {
	p.t.Helper()
	v := evalJS[*string](p, fmt.Sprintf(`document.querySelector(%s)?.value ?? null`, jsString(selector)))
	if v == nil {
		p.t.Fatalf("no field %s", selector)
	}
	return *v
}

// openGroup opens a <details class="group"> of the panel by clicking its
// summary, unless it is open.
func openGroup(p *page, title string) {
	p.t.Helper()
	find := fmt.Sprintf(`[...document.querySelectorAll("aside.panel details.group > summary")].find(s => s.textContent.trim() === %s)`, jsString(title))
	if !evalJS[bool](p, `!!(`+find+`)`) {
		p.t.Fatalf("no group %q in the panel; groups: %s", title,
			evalOr(p, `[...document.querySelectorAll("aside.panel details.group > summary")].map(s => s.textContent.trim()).join(" | ")`))
	}
	if evalJS[bool](p, find+`.parentElement.open`) {
		p.t.Fatalf("group %q is open at load; only the AWS and OpenAI finance groups should be", title)
	}
	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.JSPath(find))); err != nil {
		p.t.Fatalf("clicking the summary %q: %v", title, err)
	}
	waitOrFail(p, find+`.parentElement.open`, 5*time.Second, "the group "+title+" to open")
	// The panel lays a group's controls out once it is open.
	waitOrFail(p, `!!`+find+`.parentElement.querySelector("[data-input]")`, 5*time.Second, "the controls of "+title)
}

// openDashboard opens url, waits for the figures, and returns the page.
func openDashboard(t *testing.T, url string, opts ...pageOption) *page {
	t.Helper()
	p := newPage(t, url, opts...)
	waitReady(p)
	if count(p, "#dash[data-ready='1']") != 1 {
		t.Fatal("no #dash[data-ready=1]")
	}
	return p
}

// ---------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------

// downloader saves the browser's downloads into a folder of the test.
type downloader struct {
	p   *page
	dir string
}

// allowDownloads lets the browser download into a temporary folder, named
// by GUID, with download events; it restores the default at cleanup.
func allowDownloads(p *page) *downloader {
	p.t.Helper()
	dir := p.t.TempDir()
	on := true
	if _, err := chromedp.CallBrowser(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &on,
	}); err != nil {
		p.t.Fatalf("Browser.setDownloadBehavior: %v", err)
	}
	p.t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(env.browserCtx, 5*time.Second)
		defer cancel()
		chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorDefault,
		})
	})
	return &downloader{p: p, dir: dir}
}

// click clicks the selector and returns the suggested name and the bytes of
// the download it starts.
func (d *downloader) click(selector string) (name string, data []byte) {
	p := d.p
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	begins := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	click(p, selector)
	var guid string
	for ev, err := range begins {
		if err != nil {
			p.t.Fatalf("clicking %s: no download began: %v", selector, err)
		}
		guid, name = ev.GUID, ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		if err != nil {
			p.t.Fatalf("download %s of %s did not complete: %v", name, selector, err)
		}
		if ev.GUID != guid {
			continue
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			p.t.Fatalf("download %s of %s was canceled", name, selector)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			break
		}
	}
	data, err := os.ReadFile(filepath.Join(d.dir, guid))
	if err != nil {
		p.t.Fatalf("download %s of %s: %v", name, selector, err)
	}
	return name, data
}

// sameBytes reports the first difference between a download and the native
// export.
func sameBytes(t *testing.T, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	ctx := func(b []byte) string {
		lo, hi := max(0, i-80), min(len(b), i+80)
		return string(b[lo:hi])
	}
	t.Errorf("%s: %d bytes, native export %d bytes; first difference at byte %d:\n--- page ---\n%s\n--- native ---\n%s",
		what, len(got), len(want), i, ctx(got), ctx(want))
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

func TestBaseCaseFigures(t *testing.T) {
	want := expectedFigures(t, "")
	p := openDashboard(t, rootURL("/"))
	setViewport(p, viewW, viewH)
	checkFigures(t, p, func() map[string]string { return pageFigures(p) }, want, "base case")

	if got := text(p, `[data-figure="cash_out_month"] .figure-value`); got != "2027-09" {
		t.Errorf("cash_out_month shows %q, want 2027-09", got)
	}
	if got := text(p, `[data-figure="funding_need"] .figure-value`); got != "$115.0B" {
		t.Errorf("funding_need shows %q, want $115.0B", got)
	}
	if q := urlQuery(p); q != "" {
		t.Errorf("the base case's URL query is %q, want empty", q)
	}

	// Above the fold on a 1366×768 laptop screen: all eight figures, whole,
	// without scrolling.
	evalJS[bool](p, `(scrollTo(0, 0), true)`)
	type box struct {
		Key                      string
		Top, Bottom, Left, Right float64
	}
	boxes := evalJS[[]box](p, `[...document.querySelectorAll("[data-figure]")].map(el => {
  const r = el.getBoundingClientRect();
  return {key: el.dataset.figure, top: r.top, bottom: r.bottom, left: r.left, right: r.right};
})`)
	if len(boxes) != len(figureKeys) {
		t.Errorf("%d figures on the page, want %d", len(boxes), len(figureKeys))
	}
	for _, b := range boxes {
		if b.Top < 0 || b.Bottom > viewH || b.Left < 0 || b.Right > viewW {
			t.Errorf("figure %s at (%.0f,%.0f)–(%.0f,%.0f) is not inside the %d×%d viewport without scrolling",
				b.Key, b.Left, b.Top, b.Right, b.Bottom, viewW, viewH)
		}
	}
	// No figure value is cut off (ellipsis or overflow).
	clipped := evalJS[[]string](p, `[...document.querySelectorAll("[data-figure] .figure-value, [data-figure] .figure-label")]
  .filter(el => el.scrollWidth > el.clientWidth + 1)
  .map(el => el.closest("[data-figure]").dataset.figure + ": " + el.textContent)`)
	for _, c := range clipped {
		t.Errorf("headline text is cut off at %d px wide: %s", viewW, c)
	}

	waitRisk(p)
	if got, want := attr(p, ".risk .goal", "data-goal"), expectedGoal(t, ""); got != want {
		t.Errorf("base case: .risk .goal data-goal = %q, want %q (native export)", got, want)
	}
	waitCharts(p)
	evalJS[bool](p, `(scrollTo(0, 0), true)`)
	screenshot(p, "base")
}

func TestSlidersMoveScenario(t *testing.T) {
	p := openDashboard(t, rootURL("/"))
	setViewport(p, viewW, viewH)
	const awsRange, awsText = `[id="range-aws.value"]`, `[id="in-aws.value"]`
	const delayRange, delayText = `[id="range-stargate.delay"]`, `[id="in-stargate.delay"]`

	if got := fieldValue(p, awsRange); got != "38" {
		t.Fatalf("the AWS value slider starts at %q, want 38 (the default)", got)
	}
	hist0 := evalJS[int](p, `history.length`)
	gen0 := dashGen(p)

	// A mouse drag of the AWS value: from the thumb (38 of 0–2000) to the
	// middle of the track.
	dragSlider(p, awsRange, 38.0/2000, 0.5)
	waitOrFail(p, `document.getElementById("dash").dataset.gen !== `+jsString(gen0), 10*time.Second, "a new scenario after the drag")
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
	checkFigures(t, p, func() map[string]string { return pageFigures(p) }, expectedFigures(t, urlQuery(p)), "after the drag")

	// The keyboard on the Stargate delay, in a group that is closed at load.
	openGroup(p, "Stargate and site capacity")
	if got := fieldValue(p, delayRange); got != "0" {
		t.Fatalf("the Stargate delay slider starts at %q, want 0", got)
	}
	gen1 := dashGen(p)
	const presses = 3
	scrollIntoView(p, delayRange)
	pressKeys(p, delayRange, kb.ArrowRight, presses)
	waitOrFail(p, `document.getElementById("dash").dataset.gen !== `+jsString(gen1), 10*time.Second, "a new scenario after the key presses")
	delay := fieldValue(p, delayRange)
	if delay != strconv.Itoa(presses) {
		t.Errorf("after %d × ArrowRight the Stargate delay slider says %q, want %d", presses, delay, presses)
	}
	want := "aws.value=" + aws + "&stargate.delay=" + delay
	waitQuery(p, want)
	t.Logf("after the drag and %d key presses: ?%s", presses, want)
	if got := fieldValue(p, delayText); got != delay {
		t.Errorf("the Stargate delay field shows %q, the slider %q", got, delay)
	}
	checkFigures(t, p, func() map[string]string { return pageFigures(p) }, expectedFigures(t, want), "after the drag and the keys")

	waitRisk(p)
	if q := urlQuery(p); q != want {
		t.Errorf("URL query changed to %q while the risk analysis ran, want %q", q, want)
	}
	if got, wantGoal := attr(p, ".risk .goal", "data-goal"), expectedGoal(t, want); got != wantGoal {
		t.Errorf("%s: .risk .goal data-goal = %q, want %q (native export)", want, got, wantGoal)
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

func TestHostileURL(t *testing.T) {
	q := hostileQuery()
	p := openDashboard(t, rootURL("/?"+q))
	if got := urlQuery(p); got != q {
		t.Fatalf("the browser changed the query: %q, sent %q", got, q)
	}
	waitOrFail(p, `document.querySelectorAll(".notices li").length > 0`, 5*time.Second, "the notices")
	notices := evalJS[[]string](p, `[...document.querySelectorAll(".notices li")].map(li => li.textContent)`)
	if len(notices) != 6 {
		t.Errorf("%d notices, want 6 (one per key):\n\t%s", len(notices), strings.Join(notices, "\n\t"))
	}
	// Each key: the texts its notice must hold (given, used).
	checks := []struct {
		key  string
		want []string
	}{
		{"aws.value", []string{"abc", "38"}},
		{"oai.growth", []string{"999", "300"}},
		{"nonsense", []string{"1"}},
		{"stargate.delay", []string{"-4", "0"}},
		{"x", []string{`<script>window.__xss=1</script>`}},
		{"y", []string{`<img src=x onerror="window.__xss=2">`}},
	}
	for _, c := range checks {
		var found string
		for _, n := range notices {
			if strings.HasPrefix(n, c.key+":") || strings.HasPrefix(n, c.key+" ") {
				found = n
				break
			}
		}
		if found == "" {
			t.Errorf("no notice names %s; notices:\n\t%s", c.key, strings.Join(notices, "\n\t"))
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(found, w) {
				t.Errorf("the notice of %s does not say %q: %q", c.key, w, found)
			}
		}
	}
	// The markup stayed text.
	if n := count(p, ".notices script, .notices img"); n != 0 {
		t.Errorf("%d <script>/<img> elements inside .notices", n)
	}
	if n := count(p, "img[src='x'], img[onerror]"); n != 0 {
		t.Errorf("%d <img> elements from the URL in the page", n)
	}
	time.Sleep(500 * time.Millisecond)
	if got := evalJS[string](p, `typeof window.__xss === "undefined" ? "undefined" : String(window.__xss)`); got != "undefined" {
		t.Errorf("window.__xss = %s: markup from the URL ran", got)
	}
	// The fields show the values used (the Stargate group opened as a user would).
	openGroup(p, "Stargate and site capacity")
	for id, want := range map[string]string{"in-oai.growth": "300", "in-stargate.delay": "0", "in-aws.value": "38"} {
		if got := fieldValue(p, idSel(id)); got != want {
			t.Errorf("#%s shows %q, want %q (the value used)", id, got, want)
		}
	}
	if got := fieldValue(p, idSel("range-oai.growth")); got != "300" {
		t.Errorf("the OpenAI growth slider is at %q, want 300", got)
	}
	checkFigures(t, p, func() map[string]string { return pageFigures(p) }, expectedFigures(t, q), "hostile query")
	screenshot(p, "hostile")
}

func TestDownloadJSON(t *testing.T) {
	t.Run("base", func(t *testing.T) {
		p := openDashboard(t, rootURL("/"))
		d := allowDownloads(p)
		waitRisk(p)
		name, got := d.click("#export-json")
		if name != "compute-scenario.json" {
			t.Errorf("JSON download named %q, want compute-scenario.json", name)
		}
		sameBytes(t, "base case JSON", got, nativeExport(t, "json", ""))
		for _, f := range []struct{ button, format, name string }{
			{"#export-csv-monthly", "csv-monthly", "compute-scenario-monthly.csv"},
			{"#export-csv-yearly", "csv-yearly", "compute-scenario-yearly.csv"},
		} {
			name, got := d.click(f.button)
			if name != f.name {
				t.Errorf("%s download named %q, want %s", f.format, name, f.name)
			}
			sameBytes(t, "base case "+f.format, got, nativeExport(t, f.format, ""))
		}
	})
	t.Run("hostile", func(t *testing.T) {
		q := hostileQuery()
		p := openDashboard(t, rootURL("/?"+q))
		d := allowDownloads(p)
		waitRisk(p)
		_, got := d.click("#export-json")
		sameBytes(t, "hostile query JSON", got, nativeExport(t, "json", urlQuery(p)))
	})
	t.Run("moved", func(t *testing.T) {
		p := openDashboard(t, rootURL("/"))
		d := allowDownloads(p)
		const awsRange = `[id="range-aws.value"]`
		scrollIntoView(p, awsRange)
		pressKeys(p, awsRange, kb.ArrowRight, 2)
		waitQuery(p, "aws.value=38.2")
		// At once, while the risk analysis is (most likely) still running, and
		// again once it is on screen: the page takes a different path to the
		// bytes in each case.
		state := attr(p, "#dash", "data-risk")
		t.Logf("clicking JSON with data-risk=%s", state)
		_, got := d.click("#export-json")
		sameBytes(t, "JSON after moving a slider (risk "+state+" at the click)", got, nativeExport(t, "json", urlQuery(p)))
		waitRisk(p)
		_, got = d.click("#export-json")
		sameBytes(t, "JSON after moving a slider (risk ready)", got, nativeExport(t, "json", urlQuery(p)))
	})
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
	if n := evalJS[int](p, frame+`.querySelectorAll(".headline [data-figure]").length`); n != len(figureKeys) {
		t.Errorf("%d headline figures in the embedded view, want %d", n, len(figureKeys))
	}
	checkFigures(t, p, func() map[string]string { return evalJS[map[string]string](p, figuresJS+`(`+frame+`)`) },
		expectedFigures(t, "embed=1&aws.value=50"), "embedded aws.value=50")
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
	const field = `[id="in-aws.value"]`
	for _, v := range []string{"50", "60"} {
		g := dashGen(p)
		typeInto(p, field, v)
		waitOrFail(p, `document.getElementById("dash").dataset.gen !== `+jsString(g), 10*time.Second, "a new scenario after typing "+v)
		waitQuery(p, "aws.value="+v)
	}
	checkFigures(t, p, func() map[string]string { return pageFigures(p) }, expectedFigures(t, "aws.value=60"), "typed 60")

	step := func(js, want string) {
		t.Helper()
		g := dashGen(p)
		evalJS[bool](p, `(`+js+`, true)`)
		waitQuery(p, want)
		if err := pollFor(p, `document.getElementById("dash").dataset.gen !== `+jsString(g), 5*time.Second); err != nil {
			t.Errorf("%s: the URL is ?%s but the page shows the same scenario (data-gen %s)", js, want, g)
		}
		wantFig := expectedFigures(t, want)
		checkFigures(t, p, func() map[string]string { return pageFigures(p) }, wantFig, js+" → "+want)
		if got := attr(p, `[data-figure="funding_need"]`, "data-raw"); got != wantFig["funding_need"] {
			t.Errorf("%s: funding_need = %q, want %q", js, got, wantFig["funding_need"])
		}
		v := strings.TrimPrefix(want, "aws.value=")
		if v == "" {
			v = "38"
		}
		if err := pollFor(p, `document.querySelector(`+jsString(field)+`).value === `+jsString(v), 3*time.Second); err != nil {
			t.Errorf("%s: the AWS value field shows %q, want %q", js, fieldValue(p, field), v)
		}
	}
	step("history.back()", "aws.value=50")
	step("history.forward()", "aws.value=60")
	step("history.back()", "aws.value=50")
	step("history.back()", "")
}

func TestCopyLinkAndEmbed(t *testing.T) {
	p := openDashboard(t, subURL("?aws.value=50"))
	href := evalJS[string](p, `location.href`)

	click(p, "#copy-link")
	waitOrFail(p, `!!document.querySelector("input.share")`, 5*time.Second, "the share field")
	if got := fieldValue(p, "input.share"); got != href {
		t.Errorf("copy link: the share field holds %q, want the page URL %q", got, href)
	}

	click(p, "#copy-embed")
	if err := pollFor(p, `document.querySelector("input.share").value.startsWith("<iframe")`, 5*time.Second); err != nil {
		t.Fatalf("copy embed: the share field holds %q, want an <iframe> snippet", fieldValue(p, "input.share"))
	}
	code := fieldValue(p, "input.share")
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
	if src.Scheme != page.Scheme || src.Host != page.Host || src.Path != page.Path || q.Get("embed") != "1" || q.Get("aws.value") != "50" {
		t.Errorf("copy embed: src = %s, want %s with embed=1 and aws.value=50", src, href)
	}
	var keys []string
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if strings.Join(keys, ",") != "aws.value,embed" {
		t.Errorf("copy embed: src has the keys %v, want aws.value and embed", keys)
	}
}
