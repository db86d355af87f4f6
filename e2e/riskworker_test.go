package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"computedash/site"
)

// TestRiskWorker: the risk analysis computed in the Web Worker is core's,
// to the byte of the export, after a typed value; and where the worker
// cannot start (its wasm missing), the page says so (data-worker="off")
// and computes the same on its own.
func TestRiskWorker(t *testing.T) {
	requireSite(t)
	check := func(t *testing.T, url, state string) {
		p := openDashboard(t, url)
		waitOrFail(p, `document.getElementById("dash").dataset.worker === `+jsString(state), 30*time.Second, "the risk worker "+state)
		gen := dashGen(p)
		setInput(p, idSel("in-oai.growth"), "95")
		waitNewGen(p, gen, "oai.growth typed")
		waitRisk(p)
		q := urlQuery(p)
		if !strings.Contains(q, "oai.growth=95") {
			t.Fatalf("URL query %q lacks the typed growth", q)
		}
		checkGoal(t, p, q, "risk analysis with the worker "+state)
		sameBytes(t, "window.computedash.exportJSON() with the worker "+state,
			[]byte(evalJS[string](p, `window.computedash.exportJSON()`)), appExport(t, q))
	}
	t.Run("in the worker", func(t *testing.T) {
		check(t, rootURL("/?oracle.value=150"), "ready")
	})
	t.Run("on the page", func(t *testing.T) {
		h := site.Handler(env.siteDir)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, "/web/risk.wasm") {
				site.SetSecurityHeaders(w.Header())
				http.NotFound(w, r)
				return
			}
			h.ServeHTTP(w, r)
		}))
		defer srv.Close()
		check(t, srv.URL+"/?oracle.value=150", "off")
	})
}
