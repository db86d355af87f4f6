package e2e

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"computedash/site"
)

// holdWasmJS keeps app.wasm from arriving: boot.js's fetch of it never
// resolves, so the page stays as index.html and boot.js made it.
const holdWasmJS = `(() => {
  const fetch = window.fetch;
  window.fetch = (u, o) => String(u).includes("app.wasm") ? new Promise(() => {}) : fetch(u, o);
})();`

// framesJS notes, in every animation frame from the start of the document,
// how many headline figures are visible (window.__frames), the raw values
// of those (window.__raws, joined by spaces) and html's data-prerender
// (window.__modes), until the page is ready and a second after.
const framesJS = `(() => {
  const frames = window.__frames = [], raws = window.__raws = [], modes = window.__modes = [];
  let end = 0;
  const tick = () => {
    const shown = [...document.querySelectorAll(".figure-value")].filter((el) =>
      el.textContent.trim() !== "" && el.checkVisibility({visibilityProperty: true, opacityProperty: true}));
    frames.push(shown.length);
    raws.push(shown.map((el) => el.closest("[data-figure]").dataset.raw).join(" "));
    modes.push(document.documentElement.dataset.prerender);
    if (!end && document.documentElement.dataset.boot === "ready") end = performance.now() + 1000;
    if (!end || performance.now() < end) requestAnimationFrame(tick); else window.__framesDone = true;
  };
  requestAnimationFrame(tick);
})();`

// TestStaticBaseCase: index.html carries the base case's page, so its
// figures and charts are on screen before the wasm arrives; another
// scenario never shows them (its loader does, until the wasm computed);
// and the live page takes the static one's place without a frame that
// shows both, or neither.
func TestStaticBaseCase(t *testing.T) {
	requireSite(t)
	want := wantFigures("")

	t.Run("before the wasm", func(t *testing.T) {
		p := newPage(t, rootURL("/"), withScript(holdWasmJS))
		waitFor(p, `document.documentElement.dataset.boot === "loading" && document.readyState !== "loading"`)
		checkFigures(t, p, "document.getElementById('app-prerender')", "", "static page")
		if !shown(p, "#app-prerender .figure-value") || shown(p, "#app-wasm-loader") {
			t.Error("the static page's figures are not on screen, or the loader covers them")
		}
		if n := evalJS[int](p, `document.querySelectorAll("#app-prerender figure.chart svg").length`); n != 10 {
			t.Errorf("the static page has %d charts drawn, want 10", n)
		}
		if got := text(p, "#app-prerender .status"); got == "" {
			t.Error("the static page does not say that the controls are on their way")
		}
		if !evalJS[bool](p, `document.getElementById("app-prerender").inert`) {
			t.Error("the static page's controls take input before the live page is there")
		}
		screenshotViewport(p, "static-base-case")
	})

	t.Run("a query the early headline cannot show", func(t *testing.T) {
		// A notice, a language, a comparison: the page would show more
		// than the figures, so the loader stays until the wasm computed.
		for _, q := range []string{"oracle.value=abc", "oracle.value=150&lang=it", "oracle.value=150&vs="} {
			p := newPage(t, rootURL("/?"+q), withScript(holdWasmJS+workerSpyJS))
			waitFor(p, `window.__workerSaid.some((m) => "headline" in m)`)
			if shown(p, ".figure-value") || attr(p, "html", "data-prerender") != "off" {
				t.Errorf("%s: figures on screen before the wasm", q)
			}
			if !shown(p, "#app-wasm-loader") {
				t.Errorf("%s: no loader", q)
			}
		}
	})

	t.Run("index.html arriving in two parts", func(t *testing.T) {
		// The browser paints what it has parsed: the first part ends
		// inside the headline, the rest comes later. No frame shows part
		// of the figures.
		index, err := os.ReadFile(filepath.Join(env.siteDir, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		cut := bytes.Index(index, []byte(`data-figure="peak_facility_mw"`))
		if cut < 0 {
			t.Fatal("index.html has no figure peak_facility_mw")
		}
		files := site.Handler(env.siteDir)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/" {
				files.ServeHTTP(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(index[:cut])
			w.(http.Flusher).Flush()
			time.Sleep(700 * time.Millisecond)
			w.Write(index[cut:])
		}))
		defer srv.Close()
		p := newPage(t, srv.URL+"/", withScript(framesJS+holdWasmJS))
		waitFor(p, `window.__frames.length > 60 && document.readyState !== "loading"`)
		frames := evalJS[[]int](p, `window.__frames`)
		if i := slices.IndexFunc(frames, func(n int) bool { return n != 0 && n != len(want) }); i >= 0 {
			t.Errorf("frame %d shows %d figures of %d: %v", i, frames[i], len(want), frames)
		}
		if frames[len(frames)-1] != len(want) {
			t.Errorf("the static page's figures are not on screen once it is parsed: %v", frames)
		}
	})

	t.Run("the live page takes over", func(t *testing.T) {
		p := openDashboard(t, rootURL("/"), withScript(framesJS))
		waitFor(p, `window.__framesDone === true`)
		frames := evalJS[[]int](p, `window.__frames`)
		first := slices.IndexFunc(frames, func(n int) bool { return n > 0 })
		if first < 0 {
			t.Fatalf("no frame showed the figures: %v", frames)
		}
		for i, n := range frames[first:] {
			if n != len(want) {
				t.Fatalf("frame %d after the first paint shows %d figures, want %d always (frames: %v)", i, n, len(want), frames)
			}
		}
		if count(p, "#app-prerender") != 0 || count(p, "#dash") != 1 || attr(p, "html", "data-prerender") != "done" {
			t.Error("the static page is still there once the live page is ready")
		}
		checkFigures(t, p, "document", "", "live page")
	})
}

// workerSpyJS notes every message a Web Worker of the page posts
// (window.__workerSaid) and counts the workers started and ended
// (window.__workers, window.__workersEnded).
const workerSpyJS = `(() => {
  const Real = window.Worker;
  window.__workerSaid = [];
  window.__workers = 0;
  window.__workersEnded = 0;
  window.Worker = function (...args) {
    const w = new Real(...args);
    window.__workers++;
    w.addEventListener("message", (e) => window.__workerSaid.push(e.data));
    const terminate = w.terminate.bind(w);
    w.terminate = () => { window.__workersEnded++; terminate(); };
    return w;
  };
})();`

// TestEarlyHeadline: for a URL with a query, the risk worker computes the
// page's headline while app.wasm loads, and the static page's top shows it
// (the figures against the base case, the scenario in words), never a
// figure of the base case; the live page then takes its place with the
// same figures, and takes over the worker for its risk analyses.
func TestEarlyHeadline(t *testing.T) {
	requireSite(t)
	const query = "oracle.value=150&oai.growth=90"

	// The live page's headline and scenario line, to hold the early ones
	// against.
	live := openDashboard(t, rootURL("/?"+query))
	words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	wantHeadline, wantLine := words(text(live, "#dash .headline")), words(text(live, "#dash .top .scenario"))

	t.Run("before the wasm", func(t *testing.T) {
		p := newPage(t, rootURL("/?"+query), withScript(holdWasmJS))
		waitFor(p, `document.documentElement.dataset.prerender === "headline"`)
		checkFigures(t, p, "document.getElementById('app-prerender')", query, "early headline")
		if got := words(text(p, "#app-prerender .headline")); got != wantHeadline {
			t.Errorf("the early headline reads\n%s\nthe live page's\n%s", got, wantHeadline)
		}
		if got := words(text(p, "#app-prerender .top .scenario")); got != wantLine {
			t.Errorf("the early scenario line %q, the live page's %q", got, wantLine)
		}
		if !shown(p, "#app-prerender .figure-value") || shown(p, "#app-wasm-loader") {
			t.Error("the early figures are not on screen, or the loader covers them")
		}
		if count(p, "#app-prerender figure.chart, #app-prerender .body, #app-prerender [data-analysis]") != 0 {
			t.Error("the base case's charts or analysis are still in the page")
		}
		if got := attr(p, "html", "data-boot-worker"); got != "running" {
			t.Errorf(`data-boot-worker=%q, want "running": the worker's first message was not seen`, got)
		}
		screenshotViewport(p, "early-headline")
	})

	t.Run("under a sub-path", func(t *testing.T) {
		// The worker's script and program are found beside boot.js, and
		// nothing is asked of the server outside the sub-path.
		p := newPage(t, subURL("?"+query), withScript(holdWasmJS))
		waitFor(p, `document.documentElement.dataset.prerender === "headline"`)
		checkFigures(t, p, "document.getElementById('app-prerender')", query, "early headline under a sub-path")
	})

	t.Run("the live page takes over", func(t *testing.T) {
		p := openDashboard(t, rootURL("/?"+query), withScript(framesJS+workerSpyJS))
		waitFor(p, `window.__framesDone === true`)
		frames, raws, modes := evalJS[[]int](p, `window.__frames`), evalJS[[]string](p, `window.__raws`), evalJS[[]string](p, `window.__modes`)
		var want []string
		for _, f := range wantFigures(query) {
			want = append(want, f.Raw)
		}
		first := slices.IndexFunc(frames, func(n int) bool { return n > 0 })
		if first < 0 {
			t.Fatalf("no frame showed the figures: %v", frames)
		}
		if modes[first] != "headline" {
			t.Errorf("the first figures on screen came with data-prerender=%q, not the early headline", modes[first])
		}
		for i := first; i < len(frames); i++ {
			if frames[i] != len(want) || raws[i] != strings.Join(want, " ") {
				t.Fatalf("frame %d (data-prerender=%s) shows %d figures %q, want %q always", i, modes[i], frames[i], raws[i], want)
			}
		}
		if count(p, "#app-prerender") != 0 || attr(p, "html", "data-prerender") != "done" {
			t.Error("the early headline is still there once the live page is ready")
		}
		waitFor(p, `document.getElementById("dash").dataset.worker === "ready"`)
		if n := evalJS[int](p, `window.__workers`); n != 1 {
			t.Errorf("%d workers started, want the one the page took over", n)
		}
		click(p, "#reset-all")
		waitRisk(p)
		checkGoal(t, p, "", "after the page took the worker over")
	})

	t.Run("the board pack ends it", func(t *testing.T) {
		// The print view analyzes on the page at once: the worker boot.js
		// started for its link is not left running.
		p := openDashboard(t, rootURL("/?print=1&"+query), withScript(workerSpyJS))
		waitFor(p, `window.__workersEnded === 1`)
		if n := evalJS[int](p, `window.__workers`); n != 1 {
			t.Errorf("%d workers started, want 1", n)
		}
	})
}
