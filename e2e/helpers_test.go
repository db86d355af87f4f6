package e2e

// The helpers of the package's tests, one of each for every file: reading
// and driving a page, opening the dashboard and waiting for it, acting on
// it as a user does, downloads, the in-page movers of the long tests, and
// what the page must show, from core run natively in the test
// (core.Report) and from the native `app export`.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"
)

// ---------------------------------------------------------------------------
// Reading and driving a page
// ---------------------------------------------------------------------------

// bootState polls until boot.js reached a final state and returns it:
// "ready" (an element [data-ready="1"] is on the page and the loader is
// gone), "failed" or "nowasm".
func bootState(p *page) string {
	p.t.Helper()
	const js = `(() => {
  const b = document.documentElement.dataset.boot;
  if (b === "failed" || b === "nowasm") return b;
  if (document.querySelector('[data-ready="1"]') && !document.getElementById("app-wasm-loader")) return "ready";
  return "";
})()`
	state, err := chromedp.Run(p.ctx, chromedp.Poll[string](js,
		chromedp.WithPollingInterval(50*time.Millisecond),
		chromedp.WithPollingTimeout(testTimeout-5*time.Second)))
	if err != nil {
		p.t.Fatalf("%s: waiting for the dashboard: %v (boot state %q, label %q)", p.url, err,
			evalOr(p, `document.documentElement.dataset.boot || ""`),
			evalOr(p, `(document.getElementById("app-wasm-loader-label") || {}).textContent || ""`))
	}
	return state
}

// waitReady waits until the dashboard is on screen: an element with
// data-ready="1" exists and the loader is gone. It fails the test at once if
// the boot failed.
func waitReady(p *page) {
	p.t.Helper()
	if state := bootState(p); state != "ready" {
		p.t.Fatalf("%s: boot %s: %s", p.url, state, evalOr(p, `document.getElementById("boot-error").textContent`))
	}
}

// text returns the visible text (innerText) of the first element matching
// the CSS selector, waiting for it to exist.
func text(p *page, selector string) string {
	p.t.Helper()
	return nodeText(p, "text", selector, chromedp.Text(chromedp.CSS(selector)))
}

// textContent returns the textContent of the first element matching the CSS
// selector, visible or not, waiting for it to exist.
func textContent(p *page, selector string) string {
	p.t.Helper()
	return nodeText(p, "textContent", selector, chromedp.TextContent(chromedp.CSS(selector)))
}

func nodeText(p *page, what, selector string, read chromedp.Action[string]) string {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, read)
	if err != nil {
		p.t.Fatalf("%s(%q): %v", what, selector, err)
	}
	return strings.TrimSpace(s)
}

// evalJS evaluates a JavaScript expression, awaits it when it is a promise,
// and decodes its result into T.
func evalJS[T any](p *page, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("%s: evaluating %.300s: %v", p.url, expr, err)
	}
	return v
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// evalOr evaluates a string expression, returning the error text on failure
// (for failure messages).
func evalOr(p *page, expr string) string {
	ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return v
}

// count returns how many elements match the CSS selector (no waiting).
func count(p *page, selector string) int {
	p.t.Helper()
	return evalJS[int](p, `document.querySelectorAll(`+jsString(selector)+`).length`)
}

// attr returns an attribute of the first element matching the selector
// ("" when absent), waiting for the element to exist.
func attr(p *page, selector, name string) string {
	p.t.Helper()
	r, err := chromedp.Run(p.ctx, chromedp.AttributeValue(chromedp.CSS(selector), name))
	if err != nil {
		p.t.Fatalf("attr(%q, %q): %v", selector, name, err)
	}
	return r.Value
}

// click clicks the first element matching the selector (mouse events at its
// center, after scrolling it into view).
func click(p *page, selector string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(selector))); err != nil {
		p.t.Fatalf("click(%q): %v", selector, err)
	}
}

// setInput sets the value of an <input>/<select>/<textarea> and fires the
// input and change events, as a user edit does (go-app's OnInput/OnChange).
// It waits for the element to exist.
func setInput(p *page, selector, value string) {
	p.t.Helper()
	el := `document.querySelector(` + jsString(selector) + `)`
	waitFor(p, `!!`+el)
	evalJS[bool](p, `(el => {
  el.value = `+jsString(value)+`;
  el.dispatchEvent(new Event("input", {bubbles: true}));
  el.dispatchEvent(new Event("change", {bubbles: true}));
  return true;
})(`+el+`)`)
}

// waitFor polls a JavaScript expression until it is truthy (or the tab's
// deadline passes).
func waitFor(p *page, expr string) {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(50*time.Millisecond),
		chromedp.WithPollingTimeout(testTimeout-5*time.Second)))
	if err != nil {
		p.t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// screenshot saves a PNG of the whole page to e2e/artifacts/<name>.png.
func screenshot(p *page, name string) string {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("screenshot %s: %v", name, err)
	}
	return saveArtifact(p.t, name+".png", buf)
}

// screenshotViewport saves a PNG of what the viewport shows to
// e2e/artifacts/<name>.png: the fold of a phone, say.
func screenshotViewport(p *page, name string) string {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf("screenshot %s: %v", name, err)
	}
	return saveArtifact(p.t, name+".png", buf)
}

// saveArtifact writes data to e2e/artifacts/<name> and returns its path.
func saveArtifact(t *testing.T, name string, data []byte) string {
	t.Helper()
	dir := "artifacts"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// visibleJS reports whether an element is rendered: it has a box, and
// neither it nor an ancestor is display: none or visibility: hidden.
const visibleJS = `((el) => !!el && el.checkVisibility({visibilityProperty: true}) && el.getClientRects().length > 0)`

// shown reports whether the first element matching the selector is
// rendered (visibleJS); false when there is none.
func shown(p *page, selector string) bool {
	p.t.Helper()
	return evalJS[bool](p, visibleJS+`(document.querySelector(`+jsString(selector)+`))`)
}

// frameEval evaluates a JavaScript expression in the child frame whose
// <iframe name> is name, in an isolated world of the test's: it reads the
// frame's DOM whatever the frame's origin, without the frame's own
// JavaScript objects, and without the host page's help. Promises are
// awaited.
func frameEval[T any](p *page, name, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, func(ctx context.Context, tg *chromedp.Target) (T, error) {
		var zero T
		tree, err := cdp.Call(ctx, tg, cdppage.GetFrameTree, cdp.Empty{})
		if err != nil {
			return zero, err
		}
		var names []string
		for _, f := range tree.FrameTree.ChildFrames {
			names = append(names, f.Frame.Name)
			if f.Frame.Name != name {
				continue
			}
			world, err := cdp.Call(ctx, tg, cdppage.CreateIsolatedWorld, cdppage.CreateIsolatedWorldParams{FrameID: f.Frame.ID, WorldName: "e2e"})
			if err != nil {
				return zero, err
			}
			return chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise, func(ep *runtime.EvaluateParams) { ep.ContextID = world.ExecutionContextID })(ctx, tg)
		}
		return zero, fmt.Errorf("no child frame named %q (frames: %q)", name, names)
	})
	if err != nil {
		p.t.Fatalf("%s: evaluating %.300s in frame %s: %v", p.url, expr, name, err)
	}
	return v
}

// httpGet fetches a URL with the given request headers (name, value pairs).
func httpGet(t *testing.T, url string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	// A transport of its own, so Go does not add Accept-Encoding: gzip and
	// decode behind our back.
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	resp, err := (&http.Client{Transport: tr, Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// Viewport of the screenshots and of the above-the-fold check.
const viewW, viewH = 1366, 768

// ---------------------------------------------------------------------------
// Opening and waiting
// ---------------------------------------------------------------------------

// openDashboard opens url as newPage does and waits for the dashboard.
func openDashboard(t *testing.T, url string, opts ...pageOption) *page {
	t.Helper()
	p := newPage(t, url, opts...)
	waitReady(p)
	if count(p, `#dash[data-ready="1"]`) != 1 {
		t.Fatalf("%s: no #dash[data-ready=1]", url)
	}
	return p
}

// idSel is a CSS selector for an element id that may hold dots.
func idSel(id string) string { return `[id="` + id + `"]` }

// pollFor polls a JavaScript expression until it is truthy or d passes.
func pollFor(p *page, expr string, d time.Duration) error {
	ctx, cancel := context.WithTimeout(p.ctx, d)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(d)))
	return err
}

// waitOrFail is waitFor with a timeout and a description.
func waitOrFail(p *page, expr string, d time.Duration, what string) {
	p.t.Helper()
	if err := pollFor(p, expr, d); err != nil {
		p.t.Fatalf("waiting for %s (%.300s): %v; URL %.300s, data-gen %s, data-risk %s", what, expr, err,
			evalOr(p, `location.href`), evalOr(p, `document.getElementById("dash")?.dataset.gen ?? "?"`),
			evalOr(p, `document.getElementById("dash")?.dataset.risk ?? "?"`))
	}
}

// urlQuery returns the page's URL query without the "?".
func urlQuery(p *page) string {
	p.t.Helper()
	return evalJS[string](p, `location.search.replace(/^\?/, "")`)
}

// waitQuery waits until the page's URL query is want.
func waitQuery(p *page, want string) {
	p.t.Helper()
	if err := pollFor(p, `location.search.replace(/^\?/, "") === `+jsString(want), 10*time.Second); err != nil {
		p.t.Fatalf("URL query = %q, want %q", urlQuery(p), want)
	}
}

// dashGen is #dash's data-gen, which bumps with every scenario shown.
func dashGen(p *page) string {
	p.t.Helper()
	return evalJS[string](p, `document.getElementById("dash").dataset.gen`)
}

// waitNewGen waits until the page shows another scenario than gen.
func waitNewGen(p *page, gen, what string) {
	p.t.Helper()
	waitOrFail(p, `document.getElementById("dash").dataset.gen !== `+jsString(gen), 10*time.Second, "a new scenario after "+what)
}

// serviceWorkers is how many service workers the page registered.
func serviceWorkers(p *page) int {
	p.t.Helper()
	return evalJS[int](p, `navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then((r) => r.length) : 0`)
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
  document.querySelectorAll('figure.chart[data-stale="true"], figure.chart .chart-svg:empty').length === 0`,
		30*time.Second, "the charts")
}

// switchJS pushes a URL query and tells the app, as the browser's back
// button would (the app reloads the scenario of the URL on popstate); it
// resolves with the milliseconds until #dash shows a new data-gen, or -1.
const switchJS = `(async (q, ms) => {
  const gen = () => (document.getElementById("dash") || {dataset: {}}).dataset.gen;
  const g0 = gen();
  const t0 = performance.now();
  history.pushState(null, "", "?" + q);
  dispatchEvent(new PopStateEvent("popstate"));
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r));
    if (gen() !== g0) return performance.now() - t0;
    if (performance.now() - t0 > ms) return -1;
  }
})`

// switchQuery shows the scenario of query q without a page load and
// returns the milliseconds it took.
func switchQuery(p *page, q string) float64 {
	p.t.Helper()
	ms := evalJS[float64](p, switchJS+"("+jsString(q)+", 30000)")
	if ms < 0 {
		p.t.Fatalf("?%.200s: no new scenario on screen 30 s after popstate (URL %.200s)", q, evalOr(p, "location.search"))
	}
	return ms
}

// loadQuery opens the dashboard at query q with a page load in the same tab.
func loadQuery(p *page, q string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(rootURL("/?"+q))); err != nil {
		p.t.Fatalf("loading ?%.200s: %v", q, err)
	}
	waitReady(p)
}

// ---------------------------------------------------------------------------
// Acting as a user
// ---------------------------------------------------------------------------

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
	Key                                     string // the data-figure of a headline figure
	Left, Top, Right, Bottom, Width, Height float64
}

// rectJS is the clientRect of an element.
const rectJS = `((el) => {
  const r = el.getBoundingClientRect();
  return {key: el.dataset.figure || "", left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height};
})`

func boundingBox(p *page, selector string) clientRect {
	p.t.Helper()
	r := evalJS[*clientRect](p, `(el => el && `+rectJS+`(el))(document.querySelector(`+jsString(selector)+`))`)
	if r == nil {
		p.t.Fatalf("no element %s", selector)
	}
	return *r
}

// scrollIntoView brings the element to the middle of the viewport.
func scrollIntoView(p *page, selector string) {
	p.t.Helper()
	if !evalJS[bool](p, `(el => !!el && (el.scrollIntoView({block: "center", inline: "nearest"}), true))(document.querySelector(`+jsString(selector)+`))`) {
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
	dragAlong(p, selector, from, to)
}

// dragAlong drags a range input's thumb with real mouse events: it presses
// at the first fraction of the track, moves in steps 15 ms apart through
// each next one, and releases at the last.
func dragAlong(p *page, selector string, stops ...float64) {
	p.t.Helper()
	scrollIntoView(p, selector)
	r := boundingBox(p, selector)
	if r.Width < 20 || r.Height <= 0 {
		p.t.Fatalf("slider %s is %v×%v px: not draggable", selector, r.Width, r.Height)
	}
	y := r.Top + r.Height/2
	x := func(f float64) float64 { return r.Left + 8 + f*(r.Width-16) } // the thumb's center travels inside the track
	// Nothing covers the slider where the drag starts.
	from := stops[0]
	at := fmt.Sprintf(`document.elementFromPoint(%f, %f)`, x(from), y)
	if !evalJS[bool](p, at+` === document.querySelector(`+jsString(selector)+`)`) {
		p.t.Fatalf("slider %s is covered at (%.0f, %.0f) by %s", selector, x(from), y, evalOr(p, `(`+at+` || {}).outerHTML?.slice(0, 120) ?? "nothing"`))
	}
	steps := []chromedp.Action[chromedp.Void]{
		mouseAt(chromedp.MouseMoved, x(from), y, 0),
		mouseAt(chromedp.MousePressed, x(from), y, 1),
	}
	const n = 12
	for k := 1; k < len(stops); k++ {
		a, b := stops[k-1], stops[k]
		for i := 1; i <= n; i++ {
			f := a + (b-a)*float64(i)/n
			steps = append(steps, mouseAt(chromedp.MouseMoved, x(f), y, 1), chromedp.Sleep(15*time.Millisecond))
		}
	}
	steps = append(steps, mouseAt(chromedp.MouseReleased, x(stops[len(stops)-1]), y, 0))
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

// hover moves the mouse over the center of the first element matching the
// selector (scrolled into view first), with a real mouse event.
func hover(p *page, selector string) {
	p.t.Helper()
	scrollIntoView(p, selector)
	r := boundingBox(p, selector)
	if err := chromedp.Do(p.ctx, mouseAt(chromedp.MouseMoved, r.Left+r.Width/2, r.Top+r.Height/2, 0)); err != nil {
		p.t.Fatalf("hovering over %s: %v", selector, err)
	}
}

// browserBack goes one entry back in the tab's history, as the browser's
// back button does (Page.navigateToHistoryEntry). It does not wait for a
// load: the dashboard's entries are of one document.
func browserBack(p *page) {
	p.t.Helper()
	err := chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		h, err := cdp.Call(ctx, tg, cdppage.GetNavigationHistory, cdp.Empty{})
		if err != nil {
			return err
		}
		if h.CurrentIndex <= 0 || int(h.CurrentIndex) >= len(h.Entries) {
			return fmt.Errorf("no entry before entry %d of %d", h.CurrentIndex, len(h.Entries))
		}
		_, err = cdp.Call(ctx, tg, cdppage.NavigateToHistoryEntry, cdppage.NavigateToHistoryEntryParams{EntryID: h.Entries[h.CurrentIndex-1].ID})
		return err
	}))
	if err != nil {
		p.t.Fatalf("going back: %v", err)
	}
}

// setMobileViewport emulates a phone held upright: a w×h CSS-pixel
// viewport (Emulation.setDeviceMetricsOverride with mobile true, the page's
// meta viewport applies), three device pixels a CSS pixel, touch.
func setMobileViewport(p *page, w, h int64) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(w, h, chromedp.EmulateMobile, chromedp.EmulateTouch,
		chromedp.EmulateScale(3), chromedp.EmulatePortrait)); err != nil {
		p.t.Fatalf("emulating a %d×%d phone: %v", w, h, err)
	}
	if err := pollFor(p, fmt.Sprintf(`innerWidth === %d && innerHeight === %d`, w, h), 5*time.Second); err != nil {
		p.t.Fatalf("viewport is %s, want %d×%d", evalOr(p, "innerWidth + '×' + innerHeight"), w, h)
	}
}

// pressTabUntil presses Tab, with real key events, until the focused
// element matches the selector, at most max times; it returns the
// elements focused on the way (tag#id[data-input]), the last one matching.
func pressTabUntil(p *page, selector string, max int) []string {
	p.t.Helper()
	var path []string
	for range max {
		if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			p.t.Fatalf("pressing Tab: %v", err)
		}
		path = append(path, evalJS[string](p, `(el => el ? el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
  (el.dataset && el.dataset.input ? "[" + el.dataset.input + "]" : "") : "none")(document.activeElement)`))
		if evalJS[bool](p, `!!document.activeElement && document.activeElement.matches(`+jsString(selector)+`)`) {
			return path
		}
	}
	p.t.Fatalf("%d × Tab never reached %s; focus went through %s", max, selector, strings.Join(path, " → "))
	return nil
}

// typeInto focuses a text field, selects its text and types text followed
// by Enter, with real key events: the field's change event commits it.
func typeInto(p *page, selector, text string) {
	p.t.Helper()
	scrollIntoView(p, selector)
	if err := chromedp.Do(p.ctx, chromedp.Focus(chromedp.CSS(selector))); err != nil {
		p.t.Fatalf("focusing %s: %v", selector, err)
	}
	if !evalJS[bool](p, `(el => (el.select(), document.activeElement === el))(document.querySelector(`+jsString(selector)+`))`) {
		p.t.Fatalf("%s does not keep the focus", selector)
	}
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(text), chromedp.KeyEvent(kb.Enter)); err != nil {
		p.t.Fatalf("typing into %s: %v", selector, err)
	}
}

// fieldValue returns the value property of a form field.
func fieldValue(p *page, selector string) string {
	p.t.Helper()
	v := evalJS[*string](p, `document.querySelector(`+jsString(selector)+`)?.value ?? null`)
	if v == nil {
		p.t.Fatalf("no field %s", selector)
	}
	return *v
}

// openGroup opens a group of the panel, closed at load, by clicking its
// summary, and waits for its controls.
func openGroup(p *page, g core.Group) {
	p.t.Helper()
	sel := `aside.panel details.group[data-group="` + string(g) + `"]`
	el := `document.querySelector(` + jsString(sel) + `)`
	switch {
	case count(p, sel) != 1:
		p.t.Fatalf("no group %s in the panel; groups: %s", g,
			evalOr(p, `[...document.querySelectorAll("aside.panel details.group")].map(d => d.dataset.group).join(" ")`))
	case evalJS[bool](p, el+`.open`):
		p.t.Fatalf("group %s is open at load; only the AWS and OpenAI finance groups should be", g)
	}
	click(p, sel+" > summary")
	// The panel lays a group's controls out once it is open.
	waitOrFail(p, el+`.open && !!`+el+`.querySelector("[data-input]")`, 5*time.Second, "the controls of the group "+string(g))
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
	ctx := func(b []byte) string { return string(b[max(0, i-80):min(len(b), i+80)]) }
	t.Errorf("%s: %d bytes, native export %d bytes; first difference at byte %d:\n--- page ---\n%s\n--- native ---\n%s",
		what, len(got), len(want), i, ctx(got), ctx(want))
}

// ---------------------------------------------------------------------------
// What the page must show
// ---------------------------------------------------------------------------

// modelReport is core's report of a page query, computed natively in the
// test: what the page, built to wasm, must show for the query. The page's
// presentation keys (viewKeys) are no inputs: core takes them for unknown
// keys, and the page, which sets them aside, gives no notice for them.
//
// The last report is kept: tests that poll the page ask for it again.
func modelReport(query string, withRisk bool) *core.Report {
	lastReport.Lock()
	defer lastReport.Unlock()
	if lastReport.rep == nil || lastReport.query != query || lastReport.withRisk != withRisk {
		lastReport.query, lastReport.withRisk, lastReport.rep = query, withRisk, newReport(query, withRisk)
	}
	return lastReport.rep
}

// viewKeys are the page's presentation parameters (README, "The scenario
// in the URL"; docs/testing.md).
var viewKeys = []string{"embed", "lang", "print", "preset", "show", "vs"}

var lastReport struct {
	sync.Mutex
	query    string
	withRisk bool
	rep      *core.Report
}

func newReport(query string, withRisk bool) *core.Report {
	p, notices := core.ParseQuery(query)
	notices = slices.DeleteFunc(notices, func(n core.Notice) bool { return slices.Contains(viewKeys, n.Key) })
	r := core.Evaluate(p, notices)
	if !withRisk {
		return core.NewReport(r, nil)
	}
	risk := core.Analyze(r)
	return core.NewReport(r, &risk)
}

// shownFigure is a headline figure as a test reads it: its data-figure,
// its data-raw and its tone (class tone-<tone>).
type shownFigure struct {
	Key, Raw, Tone string
}

// wantFigures is the headline of core's report for a page query, in page
// order.
func wantFigures(query string) []shownFigure {
	rep := modelReport(query, false)
	out := make([]shownFigure, len(rep.Headline))
	for i, f := range rep.Headline {
		out[i] = shownFigure{string(f.ID), f.Raw, string(f.Tone)}
	}
	return out
}

// figuresJS reads every headline figure under a document, in page order.
const figuresJS = `((root) => [...root.querySelectorAll("[data-figure]")].map((el) => ({
  key: el.dataset.figure,
  raw: el.hasAttribute("data-raw") ? el.getAttribute("data-raw") : "<no data-raw>",
  tone: [...el.classList].filter((c) => c.startsWith("tone-")).map((c) => c.slice(5)).join(" ") || "<no tone>",
})))`

// checkFigures waits (a few seconds, as the page re-renders) for the
// headline figures under root (a JavaScript expression of a document) to
// be core's for query, then reports every difference.
func checkFigures(t *testing.T, p *page, root, query, what string) {
	t.Helper()
	want := wantFigures(query)
	var got []shownFigure
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if got = evalJS[[]shownFigure](p, figuresJS+"("+root+")"); slices.Equal(got, want) || time.Now().After(deadline) {
			break
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d headline figures %v, want %d %v", what, len(got), got, len(want), want)
		return
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: headline figure %d is %+v, core says %+v", what, i, got[i], want[i])
		}
	}
}

// wantGoal is the goal seek of core's risk analysis of a query, as the
// page's data-goal and the JSON export write it.
func wantGoal(query string) string {
	b, _ := json.Marshal(modelReport(query, true).Risk.GoalSeekGrowth)
	return string(b)
}

// checkGoal waits for the risk analysis and compares the page's goal seek
// with core's.
func checkGoal(t *testing.T, p *page, query, what string) {
	t.Helper()
	waitRisk(p)
	if got, want := attr(p, ".risk .goal", "data-goal"), wantGoal(query); got != want {
		t.Errorf("%s: .risk .goal data-goal = %q, core says %q", what, got, want)
	}
	// The words too: the progress painted while the analysis ran must not
	// outlive it.
	updating := i18n.For(format.English).T("risk.updating")
	if text := evalJS[string](p, `document.querySelector("#dash .risk").textContent`); strings.Contains(text, updating) {
		t.Errorf("%s: the risk analysis is on screen, but its section still says %q: %q", what, updating, text)
	}
}

var exports struct {
	sync.Mutex
	m map[string][]byte
}

// appExport runs the native `app export FLAGS… QUERY` and returns its
// stdout. Results are cached: the command is deterministic.
func appExport(t *testing.T, query string, flags ...string) []byte {
	t.Helper()
	requireSite(t)
	args := append(append([]string{"export"}, flags...), query)
	key := strings.Join(args, "\x00")
	exports.Lock()
	defer exports.Unlock()
	if b, ok := exports.m[key]; ok {
		return b
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(env.appBin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("app %q: %v\n%s", args, err, stderr.Bytes())
	}
	if exports.m == nil {
		exports.m = map[string][]byte{}
	}
	exports.m[key] = stdout.Bytes()
	return stdout.Bytes()
}

// decodeReport decodes a JSON export into core's report type, and checks
// that it writes back byte for byte: the export is a core.Report.
func decodeReport(t *testing.T, what string, doc []byte) *core.Report {
	t.Helper()
	var rep core.Report
	if err := json.Unmarshal(doc, &rep); err != nil {
		t.Fatalf("%s: decoding the export: %v", what, err)
	}
	if again, err := rep.JSON(); err != nil || !bytes.Equal(again, doc) {
		t.Errorf("%s: the export decoded into core.Report does not write back byte for byte (%v)", what, err)
	}
	return &rep
}

// ---------------------------------------------------------------------------
// In-page movers
// ---------------------------------------------------------------------------

// handJS installs window.__hand, what the in-page movers of the long
// tests share: a seeded random number generator (mulberry32: the same
// moves on every run); the panel's sliders in a random order (every group
// opened, whose controls come a render later; mc.n left alone, it sets the
// cost of the risk analysis); opened, which opens every group and waits
// for their controls; and a slider's next value, 1 to 10 % of its range
// away from the current one, on its step, as a hand moves it.
const handJS = `(() => {
if (window.__hand) return true;
let seed = 0x5eed;
const rand = () => {
  let t = (seed = (seed + 0x6d2b79f5) >>> 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sliders = () => {
  document.querySelectorAll("details.group").forEach((d) => { d.open = true; });
  const els = [...document.querySelectorAll("input[type=range][data-input]")].filter((el) => el.dataset.input !== "mc.n");
  if (els.length === 0) throw new Error("no sliders");
  for (let i = els.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [els[i], els[j]] = [els[j], els[i]];
  }
  return els;
};
// opened opens every group and resolves once their controls, which come
// a render later, are on the page and painted.
const opened = async () => {
  const groups = [...document.querySelectorAll("details.group")];
  groups.forEach((d) => { d.open = true; });
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  for (const t0 = performance.now(); !groups.every((d) => d.querySelector(".control")); await frame()) {
    if (performance.now() - t0 > 20000) throw new Error("the groups' controls did not come");
  }
  await frame();
  await frame();
};
const next = (el) => {
  const min = +el.min, max = +el.max, step = +el.step || 1, cur = +el.value, span = max - min;
  for (let k = 0; k < 50; k++) {
    let v = cur + (rand() < 0.5 ? -1 : 1) * (0.01 + 0.09 * rand()) * span;
    v = Math.min(max, Math.max(min, min + Math.round((Math.min(max, Math.max(min, v)) - min) / step) * step));
    const s = String(+v.toPrecision(12));
    if (+s !== cur) return s;
  }
  return String(cur === min ? max : min);
};
window.__hand = {rand, sliders, opened, next};
return true;
})()`

// wasmJS runs before the page's scripts: it notes when
// WebAssembly.instantiate or instantiateStreaming resolves and keeps the
// Go instance's linear memory (boot.js keeps the instance to itself) in
// window.__wasm.
const wasmJS = `(() => {
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const real = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return real.apply(this, args).then((r) => {
        window.__wasm = {end: performance.now(), memory: r.instance && r.instance.exports.mem};
        return r;
      });
    };
  }
})();`

// ---------------------------------------------------------------------------
// The contract of docs/testing.md
// ---------------------------------------------------------------------------

// waitContractReady waits, with the names of docs/testing.md only, until
// the page's first scenario is on screen: window.computedash appears, its
// ready promise resolves, and #dash says data-ready="1".
func waitContractReady(p *page) {
	p.t.Helper()
	waitOrFail(p, `!!window.computedash && window.computedash.version === 1`, testTimeout-10*time.Second, "window.computedash")
	if !evalJS[bool](p, `window.computedash.ready.then(() => true)`) {
		p.t.Fatal("window.computedash.ready did not resolve")
	}
	waitOrFail(p, `!!document.querySelector('#dash[data-ready="1"]')`, 5*time.Second, `#dash[data-ready="1"] after window.computedash.ready`)
}

// ---------------------------------------------------------------------------
// Tools: printing, PDF text, accessibility, the test-only npm folder
// ---------------------------------------------------------------------------

// printPDF prints the page with the DevTools protocol (Page.printToPDF) as
// a board pack is printed: landscape, on the page size of the page's CSS
// @page rule, backgrounds included.
func printPDF(p *page) []byte {
	p.t.Helper()
	pdf, err := chromedp.Run(p.ctx, chromedp.PrintToPDF(chromedp.PDFLandscape(), chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if err != nil {
		p.t.Fatalf("%s: printing to PDF: %v", p.url, err)
	}
	return pdf
}

// poppler runs a command of Debian's poppler-utils (pdftotext, pdfinfo)
// and returns its stdout; without the package the test fails saying what
// to install.
func poppler(t *testing.T, name string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found: install the Debian package poppler-utils (apt-get install -y poppler-utils; ./build.sh test installs it when run as root)", name)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %q: %v\n%s", name, args, err, stderr.Bytes())
	}
	return stdout.String()
}

// pdfPages is the page count of a PDF file (pdfinfo).
func pdfPages(t *testing.T, file string) int {
	t.Helper()
	for line := range strings.Lines(poppler(t, "pdfinfo", file)) {
		if rest, ok := strings.CutPrefix(line, "Pages:"); ok {
			var n int
			if _, err := fmt.Sscan(rest, &n); err == nil {
				return n
			}
		}
	}
	t.Fatalf("pdfinfo %s: no page count", file)
	return 0
}

// pdfText is the text of a PDF file, in reading order (pdftotext).
func pdfText(t *testing.T, file string) string {
	t.Helper()
	return poppler(t, "pdftotext", file, "-")
}

// npmDir is the test-only npm folder (e2e/npm), relative to the package.
const npmDir = "npm"

// requireNpm fails the test when a package of the test-only npm folder is
// not installed, saying how to install it.
func requireNpm(t *testing.T, pkg string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(npmDir, "node_modules", pkg, "package.json")); err != nil {
		t.Fatalf("e2e/npm/node_modules/%s is missing (%v): run `cd e2e/npm && npm ci` (or ./build.sh test, which does it)", pkg, err)
	}
}

// axeViolation is a rule of axe-core that the page breaks, with the
// elements that break it.
type axeViolation struct {
	ID, Impact, Help string
	Targets          []string
}

// wcagTags are the axe-core tags of WCAG 2.2 level AA: every A and AA rule
// of WCAG 2.0, 2.1 and 2.2.
var wcagTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"}

// runAxe puts axe-core into the page (test-only, from e2e/npm; the site
// never loads it: Runtime.evaluate runs it beside the page's scripts) and
// runs the WCAG 2.2 AA rules on the whole document.
func runAxe(p *page) []axeViolation {
	p.t.Helper()
	if !evalJS[bool](p, `!!window.axe`) {
		requireNpm(p.t, "axe-core")
		src, err := os.ReadFile(filepath.Join(npmDir, "node_modules", "axe-core", "axe.min.js"))
		if err != nil {
			p.t.Fatal(err)
		}
		evalJS[bool](p, string(src)+"\n;!!window.axe")
	}
	tags, _ := json.Marshal(wcagTags)
	r := evalJS[struct {
		Passes     int
		Violations []axeViolation
	}](p, `axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]})
  .then((r) => ({passes: r.passes.length, violations: r.violations.map((v) => ({id: v.id, impact: v.impact || "", help: v.help,
    targets: v.nodes.map((n) => n.target.join(" "))}))}))`)
	if r.Passes == 0 {
		p.t.Fatalf("%s: axe-core checked no rule", p.url)
	}
	p.t.Logf("%s: axe-core: %d rules pass, %d fail", evalOr(p, "location.href"), r.Passes, len(r.Violations))
	return r.Violations
}
