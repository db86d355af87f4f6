package e2e

import (
	"slices"
	"testing"
)

// holdWasmJS keeps app.wasm from arriving: boot.js's fetch of it never
// resolves, so the page stays as index.html and boot.js made it.
const holdWasmJS = `(() => {
  const fetch = window.fetch;
  window.fetch = (u, o) => String(u).includes("app.wasm") ? new Promise(() => {}) : fetch(u, o);
})();`

// framesJS notes, in every animation frame from the start of the document,
// how many headline figures are visible (window.__frames), until the page
// is ready and a second after.
const framesJS = `(() => {
  const frames = window.__frames = [];
  let end = 0;
  const tick = () => {
    const n = [...document.querySelectorAll(".figure-value")].filter((el) =>
      el.textContent.trim() !== "" && el.checkVisibility({visibilityProperty: true, opacityProperty: true})).length;
    frames.push(n);
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
		waitFor(p, `document.documentElement.dataset.boot === "loading" && !!document.getElementById("app-prerender")`)
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

	t.Run("another scenario", func(t *testing.T) {
		p := newPage(t, rootURL("/?oracle.value=150"), withScript(holdWasmJS))
		waitFor(p, `document.documentElement.dataset.boot === "loading" && !!document.getElementById("app-prerender")`)
		if shown(p, ".figure-value") {
			t.Error("a URL with a query shows the base case's figures")
		}
		if !shown(p, "#app-wasm-loader") {
			t.Error("a URL with a query does not show the loader")
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
