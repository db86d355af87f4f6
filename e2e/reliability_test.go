package e2e

// Reliability and security of the page (docs/reliability.md):
//
//   - TestReliabilityHostileLinks: a battery of hostile URL queries (markup,
//     event handlers, javascript: URLs, 100 kB values, direction overrides,
//     control characters, broken and double escapes, thousands of keys,
//     __proto__, CSS, absurd numbers and months), some with full page loads,
//     the rest switched inside the app through popstate.
//   - TestReliabilityCSP: the policy in index.html and in the header, and a
//     page that tries to run inline script, an inline handler, eval and a
//     javascript: URL at run time: the browser blocks each.
//   - TestReliabilityExtremes: every input at its minimum, at its maximum,
//     and 200 random in-range scenarios, against the model run in-process.
//   - TestReliabilityNewBuild: a rebuilt site is picked up at the next load
//     (Cache-Control: no-cache, no service worker). TestReliabilityNewBuild-
//     SameMtime (opt-in) shows a known limitation of site.Handler.
//   - TestReliabilityLongSession: thousands of slider moves and a large
//     Monte Carlo; the page stays responsive and its memory stops growing.
//     Short in CI; RELIABILITY_FULL=1 runs 2,000 moves and 20,000 draws.
//   - TestReliabilityMoney: every exported money figure sums back, to the
//     cent, on the native command's JSON and on the page's download.
//
// The page paints the headline and bumps #dash's data-gen in the task of a
// change; go-app renders the rest a few frames later, so checks of the
// notices poll (relSettled). Every helper of this file is named rel*, so
// that it cannot collide with the other files of the package.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/performance"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"

	"computedash/core"
	"computedash/internal/hostile"
	"computedash/site"
)

// relFull reports whether the long versions run (RELIABILITY_FULL=1).
func relFull() bool { return os.Getenv("RELIABILITY_FULL") == "1" }

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

// relOpen opens url as newPage does, with a deadline of its own and
// scripts run before the page's, and waits for the dashboard.
func relOpen(t *testing.T, url string, timeout time.Duration, scripts ...string) *page {
	t.Helper()
	opts := []pageOption{withTimeout(timeout)}
	for _, js := range scripts {
		opts = append(opts, withScript(js))
	}
	p := newPage(t, url, opts...)
	waitReady(p)
	return p
}

// relRun awaits a promise in the page.
func relRun[T any](p *page, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("%s: %.200s: %v", p.url, expr, err)
	}
	return v
}

// relSwitchJS pushes a URL query and tells the app, as the browser's back
// button would (the app reloads the scenario of the URL on popstate); it
// resolves with the milliseconds until #dash shows a new data-gen, or -1.
const relSwitchJS = `(async (q, ms) => {
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

// relSwitch shows the scenario of query q without a page load.
func relSwitch(p *page, q string) float64 {
	p.t.Helper()
	ms := relRun[float64](p, relSwitchJS+"("+jsString(q)+", 30000)")
	if ms < 0 {
		p.t.Fatalf("?%.200s: no new scenario on screen 30 s after popstate (URL %.200s)", q, evalOr(p, "location.search"))
	}
	return ms
}

// relLoad opens the page at query q with a full page load in the same tab.
func relLoad(p *page, q string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(rootURL("/?"+q))); err != nil {
		p.t.Fatalf("loading ?%.200s: %v", q, err)
	}
	waitReady(p)
}

// ---------------------------------------------------------------------------
// The model, in-process
// ---------------------------------------------------------------------------

// relEvaluate runs the model on a URL query as the page and the native
// command do (core.ParseQuery, core.Evaluate).
func relEvaluate(q string) *core.Result {
	p, notices := core.ParseQuery(q)
	return core.Evaluate(p, notices)
}

// relFigures returns the data-raw of every headline figure of the JSON
// export of r: the same reading of the export as expectedFigures.
func relFigures(t *testing.T, r *core.Result, what string) map[string]string {
	t.Helper()
	b, err := core.ExportJSON(r, nil)
	if err != nil {
		t.Fatalf("%s: ExportJSON: %v", what, err)
	}
	var d exportDoc
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: decoding the export: %v", what, err)
	}
	want := map[string]string{
		"cash_out_month":   rawText(t, d.Summary.CashOutMonth),
		"funding_need":     rawText(t, d.Summary.FundingNeed),
		"break_even_year":  rawText(t, d.Summary.BreakEvenYear),
		"peak_gpus":        rawText(t, d.Summary.PeakGPUs),
		"peak_facility_mw": floatRaw(d.Summary.PeakFacilityMW),
	}
	var peak int64
	for _, n := range d.Monthly.UnplacedGPUs {
		peak = max(peak, n)
	}
	want["unplaced_gpus_peak"] = strconv.FormatInt(peak, 10)
	for _, y := range d.Yearly {
		switch y.Year {
		case 2027:
			want["hhi_2027"] = rawText(t, y.HHI)
		case 2030:
			want["revenue_gap_2030"] = floatRaw(y.RevenueGap)
		}
	}
	return want
}

// relGoal is the goal seek of q's risk analysis as data-goal writes it.
func relGoal(t *testing.T, q string) string {
	t.Helper()
	r := relEvaluate(q)
	rk := core.Analyze(r)
	if !rk.Reachable {
		return "null"
	}
	return floatRaw(rk.GoalSeek)
}

// relShown is a given text as a notice shows it (app/notices.go, shown):
// characters that do not show or that reorder the text around them as
// ⟨U+XXXX⟩, then at most 80 characters and "…".
func relShown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
			continue
		}
		b.WriteRune(r)
	}
	r := []rune(b.String())
	if len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return string(r)
}

// ---------------------------------------------------------------------------
// The state of the page, in one round trip
// ---------------------------------------------------------------------------

// relState is what a check of the page reads.
type relState struct {
	Pwned    string            `json:"pwned"`
	Polluted bool              `json:"polluted"`
	Gen      string            `json:"gen"`
	Figures  map[string]string `json:"figures"`
	Texts    []string          `json:"texts"`   // figure values and notes, the risk section
	Notices  []string          `json:"notices"` // textContent of every .notices li
	Bad      []string          `json:"bad"`     // elements inside .notices that are not its own
	OnAttrs  []string          `json:"onAttrs"` // elements with an on* attribute
	Scripts  int               `json:"scripts"`
	Styles   int               `json:"styles"`
	Frames   int               `json:"frames"`
	JSLinks  int               `json:"jsLinks"`
	Visible  bool              `json:"visible"`
	Title    string            `json:"title"`
	Query    string            `json:"query"`
	Embed    bool              `json:"embed"`
}

const relStateJS = `(() => {
  const dash = document.getElementById("dash");
  const figures = {};
  for (const el of document.querySelectorAll("[data-figure]"))
    figures[el.dataset.figure] = el.hasAttribute("data-raw") ? el.getAttribute("data-raw") : ` + "`" + noRaw + "`" + `;
  const texts = [...document.querySelectorAll("[data-figure] .figure-value, [data-figure] .figure-note, section.risk")]
    .map((el) => (el.closest("[data-figure]") ? el.closest("[data-figure]").dataset.figure + " " + el.className : "risk") + "\u0000" + el.textContent);
  const own = (el) => {
    const p = el.parentElement;
    switch (el.tagName) {
    case "DIV": return el.classList.contains("notices-head") && p.classList.contains("notices");
    case "STRONG": case "BUTTON": return p.classList.contains("notices-head") && el.childElementCount === 0;
    case "UL": return p.classList.contains("notices");
    case "LI": return p.tagName === "UL" && p.parentElement.classList.contains("notices") && el.childElementCount === 0;
    }
    return false;
  };
  const bad = [...document.querySelectorAll(".notices *")].filter((el) => !own(el)).map((el) => el.outerHTML.slice(0, 200));
  const onAttrs = [...document.querySelectorAll("*")]
    .filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
    .map((el) => el.tagName + " " + [...el.attributes].map((a) => a.name).join(","));
  const urlAttr = (el) => ["href", "src", "action", "formaction", "xlink:href", "data"].map((a) => el.getAttribute(a) || "").join(" ");
  const jsLinks = [...document.querySelectorAll("[href], [src], [action], [formaction], [data]")]
    .filter((el) => /(^|\s)\s*(javascript|vbscript|data:text\/html)/i.test(urlAttr(el))).length;
  const body = getComputedStyle(document.body);
  return {
    pwned: typeof window.__pwned === "undefined" ? "" : String(window.__pwned),
    polluted: ({}).polluted !== undefined || ({}).x !== undefined || Object.prototype.hasOwnProperty("polluted"),
    gen: dash ? dash.dataset.gen || "" : "",
    figures,
    texts,
    notices: [...document.querySelectorAll(".notices li")].map((li) => li.textContent),
    bad,
    onAttrs,
    scripts: document.scripts.length,
    styles: document.querySelectorAll("style, link[rel~=stylesheet]").length,
    frames: document.querySelectorAll("iframe, frame, object, embed").length,
    jsLinks,
    visible: body.display !== "none" && body.visibility !== "hidden" && !!dash && dash.getBoundingClientRect().height > 0,
    title: document.title,
    query: location.search.replace(/^\?/, ""),
    embed: !!dash && dash.classList.contains("embed"),
  };
})()`

func relReadState(p *page) relState {
	p.t.Helper()
	return evalJS[relState](p, relStateJS)
}

// relBadText matches what no figure or risk text may show.
var relBadText = regexp.MustCompile(`NaN|Infinity|undefined|\[object|\bnull\b|%!`)

// relCheckTexts fails on a figure or risk text that is empty or shows
// NaN, Infinity, undefined, null or a formatting error.
func relCheckTexts(t *testing.T, what string, st relState) {
	t.Helper()
	if n := len(st.Texts); n != 2*len(figureKeys)+1 {
		t.Errorf("%s: %d figure and risk texts, want %d", what, n, 2*len(figureKeys)+1)
	}
	for _, s := range st.Texts {
		where, txt, _ := strings.Cut(s, "\x00")
		txt = strings.TrimSpace(txt)
		if txt == "" {
			t.Errorf("%s: %s is empty", what, where)
		}
		if relBadText.MatchString(txt) {
			t.Errorf("%s: %s shows %q", what, where, txt)
		}
	}
}

// relCheckFigures compares the headline figures with the model's, waiting
// for a re-render when they differ.
func relCheckFigures(t *testing.T, p *page, what string, st relState) {
	t.Helper()
	want := relFigures(t, relEvaluate(st.Query), what)
	if mapsEqual(st.Figures, want) {
		return
	}
	checkFigures(t, p, func() map[string]string { return pageFigures(p) }, want, what)
}

// ---------------------------------------------------------------------------
// Hostile links
// ---------------------------------------------------------------------------

func TestReliabilityHostileLinks(t *testing.T) {
	payloads := hostile.Links()
	if len(payloads) < 30 {
		t.Fatalf("only %d payloads", len(payloads))
	}
	start := time.Now()
	p := relOpen(t, rootURL("/"), 4*time.Minute)
	base := relReadState(p)
	var full, inApp int
	for i, pl := range payloads {
		what := fmt.Sprintf("payload %d (%s)", i, pl.Name)
		t0 := time.Now()
		if pl.Load {
			relLoad(p, pl.Query)
			full++
		} else {
			relSwitch(p, pl.Query)
			inApp++
		}
		st := relSettled(p)
		sent, _, _ := strings.Cut(pl.Query, "#")
		if st.Query != sent {
			t.Errorf("%s: the browser changed the query: %.200q, sent %.200q", what, st.Query, sent)
		}
		relCheckHostile(t, p, what, st, base)
		if pl.Load {
			// A handler of injected markup would run once its resource
			// failed: give it the time before leaving the document.
			time.Sleep(300 * time.Millisecond)
			if got := evalJS[string](p, `typeof window.__pwned === "undefined" ? "" : String(window.__pwned)`); got != "" {
				t.Errorf("%s: window.__pwned = %s", what, got)
			}
		}
		t.Logf("%-45s %5d bytes, %3d notices, %v", pl.Name, len(pl.Query), len(st.Notices), time.Since(t0).Round(time.Millisecond))
	}
	time.Sleep(500 * time.Millisecond)
	if got := evalJS[string](p, `typeof window.__pwned === "undefined" ? "" : String(window.__pwned)`); got != "" {
		t.Errorf("after the battery: window.__pwned = %s", got)
	}

	// Still usable: a slider moves the scenario.
	if st := relSettled(p); st.Embed {
		relSwitch(p, "aws.value=45")
	}
	gen := dashGen(p)
	setInput(p, `[id="range-aws.value"]`, "123") // the AWS group is open at load
	waitOrFail(p, `document.getElementById("dash").dataset.gen !== `+jsString(gen), 10*time.Second, "a new scenario after moving a slider")
	waitOrFail(p, `location.search.includes("aws.value=123")`, 10*time.Second, "the slider's value in the URL")
	st := relSettled(p)
	relCheckFigures(t, p, "after the battery, a slider moved", st)
	relCheckTexts(t, "after the battery, a slider moved", st)
	t.Logf("%d payloads (%d with a page load, %d switched in the app) in %v", len(payloads), full, inApp, time.Since(start).Round(time.Millisecond))
}

// relCheckHostile checks the page after a hostile link.
func relCheckHostile(t *testing.T, p *page, what string, st, base relState) {
	t.Helper()
	if st.Pwned != "" {
		t.Errorf("%s: window.__pwned = %s: script from the URL ran", what, st.Pwned)
	}
	if st.Polluted {
		t.Errorf("%s: Object.prototype was polluted", what)
	}
	if !st.Visible {
		t.Errorf("%s: the page is hidden", what)
	}
	if st.Scripts != base.Scripts || st.Styles != base.Styles || st.Frames != base.Frames {
		t.Errorf("%s: %d scripts, %d style sheets, %d frames; at load %d, %d, %d", what,
			st.Scripts, st.Styles, st.Frames, base.Scripts, base.Styles, base.Frames)
	}
	if st.JSLinks != 0 {
		t.Errorf("%s: %d elements with a javascript: URL", what, st.JSLinks)
	}
	for _, el := range st.OnAttrs {
		t.Errorf("%s: an element with an event-handler attribute: %s", what, el)
	}
	for _, el := range st.Bad {
		t.Errorf("%s: an element inside .notices: %s", what, el)
	}
	if strings.ContainsAny(st.Title, "<>") || strings.Contains(st.Title, "pwned") {
		t.Errorf("%s: title %q", what, st.Title)
	}
	relCheckFigures(t, p, what, st)
	relCheckTexts(t, what, st)

	for _, msg := range relNoticeProblems(what, st, relEvaluate(st.Query)) {
		t.Error(msg)
	}
}

// relSettled reads the page until its notices are the model's for the
// page's query, or 5 s pass. The page paints the headline figures and
// data-gen in the task of the change; go-app renders the rest (notices,
// panel, risk) a few frames later.
func relSettled(p *page) relState {
	p.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		st := relReadState(p)
		if len(relNoticeProblems("", st, relEvaluate(st.Query))) == 0 || time.Now().After(deadline) {
			return st
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// relNoticeProblems compares the page's notices with the model's: every
// one, in order, shows the key and the given text as text (invisible and
// reordering characters made visible), cut to 80 characters, and no
// notice is longer than 400 characters.
func relNoticeProblems(what string, st relState, r *core.Result) []string {
	var out []string
	if len(st.Notices) != len(r.Notices) {
		out = append(out, fmt.Sprintf("%s: %d notices on the page, the model gives %d", what, len(st.Notices), len(r.Notices)))
	}
	for i, li := range st.Notices {
		if len(out) > 5 {
			return append(out, what+": more notices wrong; stopping")
		}
		if strings.ContainsFunc(li, func(r rune) bool {
			return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
		}) {
			out = append(out, fmt.Sprintf("%s: notice %d shows an invisible or reordering character: %.200q", what, i, li))
		}
		if n := utf8.RuneCountInString(li); n > 400 {
			out = append(out, fmt.Sprintf("%s: notice %d is %d characters long: %.120q…", what, i, n, li))
		}
		if i >= len(r.Notices) {
			continue
		}
		n := r.Notices[i]
		if key, given := relShown(n.Key), relShown(n.Given); !strings.Contains(li, key) || !strings.Contains(li, given) {
			out = append(out, fmt.Sprintf("%s: notice %d = %.200q; want the key %.100q and the given text %.100q", what, i, li, key, given))
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// CSP
// ---------------------------------------------------------------------------

// relDirectives parses a Content-Security-Policy into its directives.
func relDirectives(policy string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			out[strings.ToLower(f[0])] = f[1:]
		}
	}
	return out
}

func relCheckPolicy(t *testing.T, what, policy string) {
	t.Helper()
	d := relDirectives(policy)
	script, ok := d["script-src"]
	if !ok {
		t.Errorf("%s: no script-src: %s", what, policy)
	}
	has := func(list []string, s string) bool {
		for _, x := range list {
			if strings.EqualFold(x, s) {
				return true
			}
		}
		return false
	}
	for _, forbidden := range []string{"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:", "http:", "https:", "'unsafe-hashes'"} {
		if has(script, forbidden) {
			t.Errorf("%s: script-src allows %s: %s", what, forbidden, policy)
		}
	}
	for _, need := range []string{"'self'", "'wasm-unsafe-eval'"} {
		if !has(script, need) {
			t.Errorf("%s: script-src lacks %s: %s", what, need, policy)
		}
	}
	for _, dir := range []string{"script-src-elem", "script-src-attr"} {
		if _, ok := d[dir]; ok {
			t.Errorf("%s: %s overrides script-src: %s", what, dir, policy)
		}
	}
	if got := d["object-src"]; len(got) != 1 || got[0] != "'none'" {
		t.Errorf("%s: object-src %v, want 'none'", what, got)
	}
	if got := d["base-uri"]; len(got) != 1 || got[0] != "'self'" {
		t.Errorf("%s: base-uri %v, want 'self'", what, got)
	}
	if got := d["default-src"]; len(got) != 1 || got[0] != "'self'" {
		t.Errorf("%s: default-src %v, want 'self'", what, got)
	}
}

func TestReliabilityCSP(t *testing.T) {
	requireSite(t)
	// The policy of index.html's meta tag and of the header.
	index, err := os.ReadFile(filepath.Join(env.modRoot, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindSubmatch(index)
	if m == nil {
		t.Fatal("index.html has no CSP meta tag")
	}
	if string(m[1]) != site.MetaCSP {
		t.Errorf("index.html's CSP differs from site.MetaCSP:\n%s\n%s", m[1], site.MetaCSP)
	}
	relCheckPolicy(t, "index.html", string(m[1]))
	relCheckPolicy(t, "site.HeaderCSP", site.HeaderCSP)
	if fa := relDirectives(site.HeaderCSP)["frame-ancestors"]; len(fa) != 1 || fa[0] != "'self'" {
		t.Errorf("the header's frame-ancestors is %v, want 'self'", fa)
	}
	if bytes.Contains(bytes.ToLower(index), []byte("<script>")) || regexp.MustCompile(`(?i)<script(\s+[^>]*)?>\s*[^<\s]`).Match(index) {
		t.Error("index.html has an inline script")
	}
	for _, path := range []string{"/", "/index.html", "/wasm_exec.js", "/web/boot.js", "/web/style.css", "/web/app.wasm", "/nothing-here"} {
		resp, _ := httpGet(t, rootURL(path), "Accept-Encoding", "gzip")
		if got := resp.Header.Get("Content-Security-Policy"); got != site.HeaderCSP {
			t.Errorf("GET %s: Content-Security-Policy %q, want site.HeaderCSP", path, got)
		}
	}

	// At run time: inline script, an inline handler, eval, a string timer
	// and a javascript: URL are all blocked, each with a violation.
	p := newPage(t, rootURL("/"),
		allowProblem(`^CSP violation: script-src(-elem|-attr)? blocked (inline|eval)`),
		allowProblem(`(?i)^browser log \([a-z]+, error\): .*(Refused to (execute|evaluate|run)|Content Security Policy)`),
		allowProblem(`(?i)^console\.error: .*(Refused to (execute|evaluate|run)|Content Security Policy)`),
	)
	waitReady(p)
	// Each attempt runs in a task of the page's own (a timer), not inside
	// DevTools' Runtime.evaluate, which may lift the ban on eval for the
	// code it evaluates; it resolves with what the attempt saw.
	type attempt struct{ name, js, want string }
	attempts := []attempt{
		{"an inline <script>", `const s = document.createElement("script"); s.textContent = "window.__pwned = 'inline script'"; document.body.appendChild(s); return "appended";`, "appended"},
		{"an inline event handler", `const b = document.createElement("button"); b.setAttribute("onclick", "window.__pwned = 'inline handler'"); document.body.appendChild(b); b.click(); b.remove(); return "clicked";`, "clicked"},
		{"eval", `eval("window.__pwned = 'eval'"); return "ran";`, "EvalError"},
		{"new Function", `new Function("window.__pwned = 'Function'")(); return "ran";`, "EvalError"},
		{"setTimeout with a string", `setTimeout("window.__pwned = 'timer'", 0); return "scheduled";`, "scheduled"},
		{"a javascript: URL", `const a = document.createElement("a"); a.href = "javascript:window.__pwned='javascript URL'"; document.body.appendChild(a); a.dispatchEvent(new MouseEvent("click", {bubbles: false, cancelable: true})); a.remove(); return "clicked";`, "clicked"},
	}
	noEval := func(ep *cdpruntime.EvaluateParams) { f := false; ep.AllowUnsafeEvalBlockedByCSP = &f }
	for _, a := range attempts {
		before := evalJS[int](p, `window.__cspViolations.length`)
		js := `new Promise((resolve) => setTimeout(() => { try { resolve(String((() => {` + a.js + `})())); } catch (e) { resolve(e && e.name || String(e)); } }, 0))`
		got, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise, noEval))
		if err != nil {
			t.Fatalf("%s: %v", a.name, err)
		}
		if got != a.want {
			t.Errorf("%s: %q, want %q", a.name, got, a.want)
		}
		if err := pollFor(p, `window.__cspViolations.length > `+strconv.Itoa(before), 3*time.Second); err != nil {
			t.Errorf("%s: no CSP violation recorded", a.name)
		}
		v := evalJS[[]string](p, `window.__cspViolations.slice(`+strconv.Itoa(before)+`)`)
		t.Logf("%s: %s; %s", a.name, got, strings.Join(v, "; "))
	}
	time.Sleep(300 * time.Millisecond)
	if got := evalJS[string](p, `typeof window.__pwned === "undefined" ? "" : String(window.__pwned)`); got != "" {
		t.Errorf("window.__pwned = %q: the policy let it run", got)
	}
	// WebAssembly compiled under the same policy: the dashboard is there.
	if n := count(p, `#dash[data-ready="1"] [data-figure]`); n != len(figureKeys) {
		t.Errorf("%d figures on the page, want %d", n, len(figureKeys))
	}
}

// ---------------------------------------------------------------------------
// Extreme and random scenarios
// ---------------------------------------------------------------------------

// relBoundQuery sets every input to its minimum or maximum.
func relBoundQuery(max bool) string {
	specs := core.Specs()
	parts := make([]string, 0, len(specs))
	for i := range specs {
		s := &specs[i]
		v := s.Min
		if max {
			v = s.Max
		}
		parts = append(parts, s.ID+"="+url.QueryEscape(s.Format(v)))
	}
	return strings.Join(parts, "&")
}

// relRandomValue is a random value of s in its range: on the Step grid, or
// (one time in three) anywhere with up to four decimals.
func relRandomValue(r *rand.Rand, s *core.Spec) decimal.Decimal {
	switch s.Kind {
	case core.Flag:
		if r.Float64() < 0.85 {
			return decimal.NewFromInt(1)
		}
		return decimal.Zero
	case core.Whole, core.MonthKind:
		span := s.Max.Sub(s.Min).IntPart()
		return s.Min.Add(decimal.NewFromInt(r.Int64N(span + 1)))
	}
	if r.IntN(3) == 0 {
		u := decimal.New(r.Int64N(1_000_001), -6)
		return s.Min.Add(s.Max.Sub(s.Min).Mul(u)).Truncate(int32(r.IntN(5)))
	}
	steps := s.Max.Sub(s.Min).Div(s.Step).IntPart()
	return s.Min.Add(s.Step.Mul(decimal.NewFromInt(r.Int64N(steps + 1))))
}

// relRandomQuery sets about 70 % of the inputs to random in-range values,
// the others left at their defaults; mcN > 0 fixes mc.n.
func relRandomQuery(r *rand.Rand, mcN int) string {
	specs := core.Specs()
	var parts []string
	for i := range specs {
		s := &specs[i]
		if s.ID == "mc.n" && mcN > 0 {
			parts = append(parts, "mc.n="+strconv.Itoa(mcN))
			continue
		}
		if r.Float64() < 0.3 {
			continue
		}
		parts = append(parts, s.ID+"="+url.QueryEscape(s.Format(relRandomValue(r, s))))
	}
	return strings.Join(parts, "&")
}

func TestReliabilityExtremes(t *testing.T) {
	minQ, maxQ := relBoundQuery(false), relBoundQuery(true)
	// The model in-process is the native export: check it on a subset
	// against the native binary.
	rng := rand.New(rand.NewPCG(2026, 11))
	n := 200
	queries := make([]string, n)
	for i := range queries {
		mcN := 0
		if i%40 == 39 {
			mcN = 100 + 100*rng.IntN(3) // these wait for the risk analysis
		}
		queries[i] = relRandomQuery(rng, mcN)
	}
	for _, q := range []string{minQ, maxQ, queries[0], queries[1], queries[2]} {
		if got, want := relFigures(t, relEvaluate(q), q), expectedFigures(t, q); !mapsEqual(got, want) {
			t.Fatalf("%.100s: the model in-process gives %v, the native export %v", q, got, want)
		}
	}

	start := time.Now()
	p := relOpen(t, rootURL("/"), 4*time.Minute)
	check := func(what, q string, risk bool) {
		t.Helper()
		st := relSettled(p)
		if st.Query != q {
			t.Errorf("%s: the page's query is %.200q, want %.200q", what, st.Query, q)
		}
		relCheckFigures(t, p, what, st)
		relCheckTexts(t, what, st)
		// In range, the only notices are the model's own (a dropped AWS
		// extension).
		for _, msg := range relNoticeProblems(what, st, relEvaluate(q)) {
			t.Error(msg)
		}
		for _, n := range relEvaluate(q).Notices {
			if n.Reason != core.ReasonDropped {
				t.Errorf("%s: an in-range query gives the notice %+v", what, n)
			}
		}
		if risk {
			waitRisk(p)
			if got, want := attr(p, ".risk .goal", "data-goal"), relGoal(t, q); got != want {
				t.Errorf("%s: .risk .goal data-goal = %q, want %q", what, got, want)
			}
			relCheckTexts(t, what+" (risk on screen)", relReadState(p))
		}
	}

	relLoad(p, minQ)
	check("every input at its minimum", minQ, true)
	relSwitch(p, maxQ)
	// At the maximum mc.n is 20,000 (a few seconds in the browser).
	t0 := time.Now()
	check("every input at its maximum", maxQ, true)
	t.Logf("every input at its maximum: risk analysis of 20,000 draws on screen in %v", time.Since(t0).Round(time.Millisecond))
	var slowest float64
	for i, q := range queries {
		ms := relSwitch(p, q)
		slowest = max(slowest, ms)
		check(fmt.Sprintf("random scenario %d", i), q, i%40 == 39)
		if t.Failed() {
			t.Fatalf("random scenario %d: ?%s", i, q)
		}
	}
	t.Logf("min, max and %d random scenarios in %v; slowest switch %.0f ms", n, time.Since(start).Round(time.Millisecond), slowest)
}

// ---------------------------------------------------------------------------
// New builds are never stale
// ---------------------------------------------------------------------------

// relCopyTree copies every file of a folder.
func relCopyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		return copyFile(p, filepath.Join(to, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestReliabilityNewBuild(t *testing.T) {
	requireSite(t)
	requireStub(t)
	dir := t.TempDir()
	relCopyTree(t, env.siteDir, dir)
	srv := httptest.NewServer(site.Handler(dir))
	t.Cleanup(srv.Close)

	for _, path := range []string{"/", "/wasm_exec.js", "/web/boot.js", "/web/style.css", "/web/app.wasm"} {
		resp, _ := httpGet(t, srv.URL+path, "Accept-Encoding", "gzip")
		if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache", path, got)
		}
	}

	p := relOpen(t, srv.URL+"/", 2*time.Minute)
	if n := relRun[int](p, `navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then((r) => r.length) : 0`); n != 0 {
		t.Errorf("%d service workers registered, want none", n)
	}
	if c := evalJS[bool](p, `!!(navigator.serviceWorker && navigator.serviceWorker.controller)`); c {
		t.Error("the page is controlled by a service worker")
	}
	after := `getComputedStyle(document.body, "::after").content`
	if got := evalJS[string](p, after); strings.Contains(got, "build-2") {
		t.Fatalf("body::after is %s before the new build", got)
	}

	// The new build: a rule more in style.css and another program as
	// app.wasm (the shell test's stub), written as a build writes them,
	// at least a second after the files the page loaded.
	var newest time.Time
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if info, err := d.Info(); err == nil && info.ModTime().After(newest) {
			newest = info.ModTime()
		}
		return nil
	})
	if wait := time.Until(newest.Truncate(time.Second).Add(time.Second + 10*time.Millisecond)); wait > 0 {
		time.Sleep(wait)
	}
	css := filepath.Join(dir, "web", "style.css")
	b, err := os.ReadFile(css)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, append(b, "\nbody::after { content: \"build-2\"; }\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"app.wasm", "app.wasm.gz"} { // the .gz after the .wasm: never older
		if err := copyFile(filepath.Join(env.stubDir, "web", f), filepath.Join(dir, "web", f)); err != nil {
			t.Fatal(err)
		}
	}

	// An ordinary navigation to the same page (the browser's cache is
	// warm): every file is revalidated, the changed ones come anew.
	if err := chromedp.Do(p.ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if state := bootState(p); state != "ready" {
		t.Fatalf("the new build did not start: boot %s", state)
	}
	if n := count(p, `main#shellapp[data-ready="1"]`); n != 1 {
		t.Errorf("the page does not run the new app.wasm: %d #shellapp, %d #dash", n, count(p, "#dash"))
	}
	if got := evalJS[string](p, after); got != `"build-2"` {
		t.Errorf("body::after is %s after the new build, want \"build-2\": style.css is stale", got)
	}
	// A reload as well.
	if err := chromedp.Do(p.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if state := bootState(p); state != "ready" || count(p, "main#shellapp") != 1 || evalJS[string](p, after) != `"build-2"` {
		t.Errorf("after a reload: boot %s, %d #shellapp, body::after %s", state, count(p, "main#shellapp"), evalJS[string](p, after))
	}
	if n := relRun[int](p, `navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then((r) => r.length) : 0`); n != 0 {
		t.Errorf("%d service workers registered after the new build, want none", n)
	}
}

// TestReliabilityNewBuildSameMtime: a new build whose files keep the old
// modification times (a deploy that preserves or normalizes mtimes: tar,
// rsync -t, reproducible images) must still reach the browser. Validation
// by Last-Modified alone would answer 304 Not Modified; site.Handler sends
// an ETag of the content, which takes precedence.
func TestReliabilityNewBuildSameMtime(t *testing.T) {
	requireSite(t)
	dir := t.TempDir()
	relCopyTree(t, env.siteDir, dir)
	srv := httptest.NewServer(site.Handler(dir))
	t.Cleanup(srv.Close)
	p := relOpen(t, srv.URL+"/", time.Minute)
	css := filepath.Join(dir, "web", "style.css")
	info, err := os.Stat(css)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(css)
	if err := os.WriteFile(css, append(b, "\nbody::after { content: \"build-2\"; }\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(css, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	waitReady(p)
	if got := evalJS[string](p, `getComputedStyle(document.body, "::after").content`); got != `"build-2"` {
		t.Errorf("style.css rewritten with its old modification time: the page still uses the old one (body::after %s)", got)
	}
}

// ---------------------------------------------------------------------------
// Long sessions
// ---------------------------------------------------------------------------

// relWasmMemoryJS runs before the page's scripts: it keeps the Go
// instance's linear memory (boot.js keeps the instance to itself).
const relWasmMemoryJS = `(() => {
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then((r) => {
      if (r.instance && r.instance.exports.mem) window.__relWasmMemory = r.instance.exports.mem;
      return r;
    });
  };
})();`

// relSessionJS installs window.__rel: moves(n) moves sliders as a hand
// does (a drag of 20 input events on one slider, then its change event;
// a frame every five moves); probe() moves one slider and resolves with
// the milliseconds until the figures of the new scenario are on screen.
const relSessionJS = `(() => {
if (window.__rel) return true;
const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
let seed = 0x2026;
const rand = () => {
  let t = (seed = (seed + 0x6d2b79f5) >>> 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sliders = () => [...document.querySelectorAll("input[type=range][data-input]")]
  .filter((el) => el.dataset.input !== "mc.n");
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
let i = 0;
window.__rel = {
  moves: async (n) => {
    const els = sliders();
    if (els.length === 0) throw new Error("no sliders");
    for (let k = 0; k < n; k++, i++) {
      const el = els[Math.floor(i / 20) % els.length];
      el.value = next(el);
      el.dispatchEvent(new Event("input", {bubbles: true}));
      if (i % 20 === 19) el.dispatchEvent(new Event("change", {bubbles: true}));
      if (k % 5 === 4) await frame();
    }
    await frame();
    return i;
  },
  probe: async (id) => {
    const gen = () => document.getElementById("dash").dataset.gen;
    await frame();
    const g0 = gen(), el = document.getElementById("range-" + id);
    el.value = next(el);
    const t0 = performance.now();
    el.dispatchEvent(new Event("input", {bubbles: true}));
    el.dispatchEvent(new Event("change", {bubbles: true}));
    for (;;) {
      const t = await frame();
      if (gen() !== g0) return t - t0;
      if (t - t0 > 10000) return -1;
    }
  },
};
return true;
})()`

// relMem is one sample of the page's memory.
type relMem struct {
	label     string
	jsHeap    float64 // JSHeapUsedSize, bytes
	wasm      float64 // the Go instance's linear memory, bytes
	nodes     float64 // DOM nodes
	listeners float64 // JS event listeners
}

func (m relMem) String() string {
	return fmt.Sprintf("%-28s JS heap %7.2f MB, wasm memory %7.2f MB, %6.0f DOM nodes, %5.0f listeners",
		m.label, m.jsHeap/1e6, m.wasm/1e6, m.nodes, m.listeners)
}

// relSample forces a garbage collection of the JS heap and reads the
// page's metrics (Performance.getMetrics) and its wasm memory.
func relSample(p *page, label string) relMem {
	p.t.Helper()
	var res performance.GetMetricsResult
	err := chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, performance.Enable, performance.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
			return err
		}
		var err error
		res, err = cdp.Call(ctx, tg, performance.GetMetrics, cdp.Empty{})
		return err
	}))
	if err != nil {
		p.t.Fatalf("reading the page's metrics: %v", err)
	}
	m := relMem{label: label}
	for _, x := range res.Metrics {
		switch x.Name {
		case "JSHeapUsedSize":
			m.jsHeap = x.Value
		case "Nodes":
			m.nodes = x.Value
		case "JSEventListeners":
			m.listeners = x.Value
		}
	}
	m.wasm = evalJS[float64](p, `window.__relWasmMemory ? window.__relWasmMemory.buffer.byteLength : -1`)
	if m.wasm <= 0 {
		p.t.Fatal("the Go instance's memory was not captured")
	}
	return m
}

func TestReliabilityLongSession(t *testing.T) {
	moves, draws, timeout := 100, 2000, 3*time.Minute
	if relFull() {
		moves, draws, timeout = 2000, 20000, 20*time.Minute
	}
	start := time.Now()
	p := relOpen(t, rootURL("/"), timeout, relWasmMemoryJS)
	if !evalJS[bool](p, relSessionJS) {
		t.Fatal("installing the session functions failed")
	}
	// Every group of the panel open, so that every slider is there (a
	// closed group lays out no controls).
	evalJS[bool](p, `(document.querySelectorAll("details.group").forEach((d) => { d.open = true; }), true)`)
	sliders := 0
	for i := range core.Specs() {
		if core.Specs()[i].Kind != core.Flag {
			sliders++
		}
	}
	waitOrFail(p, `document.querySelectorAll("input[type=range][data-input]").length === `+strconv.Itoa(sliders), 10*time.Second, "every slider")
	waitRisk(p)
	samples := []relMem{relSample(p, "at load")}
	var probes []float64
	probe := func(what string) {
		t.Helper()
		ms := relRun[float64](p, `__rel.probe("oai.growth")`)
		probes = append(probes, ms)
		if ms < 0 || ms > 1000 {
			t.Errorf("%s: a move's figures took %.0f ms (-1: more than 10 s), want under 1 s", what, ms)
		}
		// The URL follows the change event of the move at once, and a
		// move without one within urlDelay (200 ms).
		time.Sleep(300 * time.Millisecond)
		relCheckFigures(t, p, what, relReadState(p))
	}
	step := moves / 4
	for done := 0; done < moves; {
		t0 := time.Now()
		done = relRun[int](p, fmt.Sprintf(`__rel.moves(%d)`, step))
		probe(fmt.Sprintf("after %d moves", done))
		samples = append(samples, relSample(p, fmt.Sprintf("after %d moves", done)))
		t.Logf("%d moves, %v for the last %d", done, time.Since(t0).Round(time.Millisecond), step)
	}
	st := relReadState(p)
	relCheckTexts(t, "after the moves", st)

	// A large Monte Carlo: the mc.n slider, as a user sets it, and the
	// time to its result on screen.
	waitForRisk := func(what string) time.Duration {
		t.Helper()
		t0 := time.Now()
		ctx, cancel := context.WithTimeout(p.ctx, timeout)
		defer cancel()
		if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`document.getElementById("dash").dataset.risk === "ready"`,
			chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(timeout))); err != nil {
			t.Fatalf("%s: the risk analysis did not finish: %v", what, err)
		}
		return time.Since(t0)
	}
	t0 := time.Now()
	setInput(p, `[id="range-mc.n"]`, strconv.Itoa(draws))
	waitOrFail(p, `location.search.includes("mc.n=`+strconv.Itoa(draws)+`")`, 10*time.Second, "mc.n in the URL")
	mcTime := waitForRisk(fmt.Sprintf("%d draws", draws))
	// While it runs again, the page answers a move within a second (the
	// move starts the analysis anew).
	setInput(p, `[id="range-mc.seed"]`, "7")
	if err := pollFor(p, `!!document.querySelector("section.risk.updating") && /%/.test(document.querySelector("section.risk.updating").textContent)`, 10*time.Second); err != nil {
		t.Logf("the risk analysis of %d draws showed no progress (finished already?)", draws)
	}
	probe(fmt.Sprintf("during a Monte Carlo of %d draws", draws))
	mcTime2 := waitForRisk(fmt.Sprintf("%d draws after a move", draws))
	st = relReadState(p)
	relCheckTexts(t, fmt.Sprintf("after a Monte Carlo of %d draws", draws), st)
	if want := relGoal(t, st.Query); attr(p, ".risk .goal", "data-goal") != want {
		t.Errorf("after %d draws: data-goal %s, want %s", draws, attr(p, ".risk .goal", "data-goal"), want)
	}
	if !strings.Contains(strings.ReplaceAll(textContent(p, "section.risk"), ",", ""), strconv.Itoa(draws)) {
		t.Errorf("the risk section does not name %d draws: %q", draws, textContent(p, "section.risk"))
	}
	samples = append(samples, relSample(p, fmt.Sprintf("after %d draws", draws)))
	probe("after the Monte Carlo")
	samples = append(samples, relSample(p, "at the end"))

	sort.Float64s(probes)
	t.Logf("%d moves; a Monte Carlo of %d draws on screen in %v (again after a move: %v); the risk part took %v; moves answered in %.0f–%.0f ms",
		moves, draws, mcTime.Round(time.Millisecond), mcTime2.Round(time.Millisecond), time.Since(t0).Round(time.Millisecond), probes[0], probes[len(probes)-1])
	for _, s := range samples {
		t.Log(s)
	}

	// Memory stops growing: from the first quarter of the moves to the
	// end, the JS heap (after a collection) grows by less than half and
	// 8 MB, and the wasm memory by less than a quarter and 32 MB. (The
	// wasm memory never shrinks: it is the Go heap's high-water mark.)
	first, last := samples[1], samples[len(samples)-1]
	if limit := first.jsHeap*1.5 + 8e6; last.jsHeap > limit {
		t.Errorf("the JS heap grew from %.1f MB to %.1f MB", first.jsHeap/1e6, last.jsHeap/1e6)
	}
	if limit := first.wasm*1.25 + 32e6; last.wasm > limit {
		t.Errorf("the wasm memory grew from %.1f MB to %.1f MB", first.wasm/1e6, last.wasm/1e6)
	}
	if last.nodes > first.nodes*1.5+2000 {
		t.Errorf("DOM nodes grew from %.0f to %.0f", first.nodes, last.nodes)
	}
	if last.listeners > first.listeners*1.5+200 {
		t.Errorf("event listeners grew from %.0f to %.0f", first.listeners, last.listeners)
	}
	t.Logf("session total %v", time.Since(start).Round(time.Millisecond))
}

// ---------------------------------------------------------------------------
// Money is never lost
// ---------------------------------------------------------------------------

// relMoneyDoc is the money of the JSON export.
type relMoneyDoc struct {
	Inputs map[string]json.RawMessage `json:"inputs"`
	Deals  []struct {
		ID          string   `json:"id"`
		Total       string   `json:"total"`
		Obligations []string `json:"obligations"`
	} `json:"deals"`
	Monthly struct {
		Obligations []string  `json:"obligations"`
		Revenue     []string  `json:"revenue"`
		Net         []string  `json:"net"`
		Cash        []*string `json:"cash"`
	} `json:"monthly"`
	Yearly []struct {
		Year        int    `json:"year"`
		Obligations string `json:"obligations"`
		Revenue     string `json:"revenue"`
		Net         string `json:"net"`
		CashEnd     string `json:"cash_end"`
	} `json:"yearly"`
	Summary struct {
		CashOutMonth *string `json:"cash_out_month"`
		FundingNeed  string  `json:"funding_need"`
	} `json:"summary"`
}

var relMoneyText = regexp.MustCompile(`^-?[0-9]+\.[0-9]{2}$`)

// relAllocate spreads cents over weights by the largest-remainder method
// of MODEL.md §3, written again here.
func relAllocate(cents int64, w []int64) []int64 {
	var total int64
	for _, x := range w {
		total += x
	}
	out := make([]int64, len(w))
	rem := make([]int64, len(w))
	left := cents
	for k, x := range w {
		out[k], rem[k] = cents*x/total, cents*x%total
		left -= out[k]
	}
	idx := make([]int, len(w))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(a, b int) bool { return rem[idx[a]] > rem[idx[b]] })
	for _, k := range idx[:left] {
		out[k]++
	}
	return out
}

// relCheckMoney checks that every money figure of a JSON export sums back
// to the cent; it returns the number of figures checked.
func relCheckMoney(t *testing.T, what string, doc []byte) int {
	t.Helper()
	var d relMoneyDoc
	if err := json.Unmarshal(doc, &d); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	checked := 0
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s: "+format, append([]any{what}, args...)...)
	}
	money := func(where, s string) decimal.Decimal {
		t.Helper()
		checked++
		if !relMoneyText.MatchString(s) {
			fail("%s = %q is not dollars with two decimals", where, s)
			return decimal.Zero
		}
		return decimal.RequireFromString(s)
	}
	input := func(id string) string {
		raw, ok := d.Inputs[id]
		if !ok {
			t.Fatalf("%s: no input %s", what, id)
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
		return string(raw)
	}
	dollars := func(id string) decimal.Decimal { return decimal.RequireFromString(input(id)).Shift(9).Round(2) }
	whole := func(id string) int64 { n, _ := strconv.ParseInt(input(id), 10, 64); return n }
	month := func(id string) int64 {
		s := input(id)
		y, _ := strconv.Atoi(s[:4])
		m, _ := strconv.Atoi(s[5:])
		return int64((y-2025)*12 + m - 1)
	}
	const months = 180
	if len(d.Monthly.Obligations) != months || len(d.Monthly.Revenue) != months || len(d.Monthly.Net) != months || len(d.Monthly.Cash) != months || len(d.Yearly) != 15 {
		t.Fatalf("%s: series of the wrong length", what)
	}

	// The deals: the enabled ones and the AWS extension when it has months.
	type schedule struct {
		value       decimal.Decimal
		start, term int64
		ramp        int64
	}
	want := map[string]schedule{}
	for _, id := range []string{"aws", "oracle", "microsoft", "coreweave"} {
		if input(id+".on") == "1" {
			want[id] = schedule{dollars(id + ".value"), month(id + ".start"), whole(id + ".term"), whole(id + ".ramp")}
		}
	}
	if aws, ok := want["aws"]; ok && dollars("aws.ext").Sign() > 0 {
		from, to := max(int64(24), aws.start), aws.start+aws.term-1
		if to >= from {
			want["aws-ext"] = schedule{dollars("aws.ext"), from, to - from + 1, 0}
		}
	}
	var sumDeals [months]decimal.Decimal
	for i := range sumDeals {
		sumDeals[i] = decimal.Zero
	}
	seen := map[string]bool{}
	for _, deal := range d.Deals {
		s, ok := want[deal.ID]
		if !ok {
			fail("deal %s should not be in the export", deal.ID)
			continue
		}
		seen[deal.ID] = true
		total := money("deal "+deal.ID+" total", deal.Total)
		if !total.Equal(s.value) {
			fail("deal %s total %s, input × 10⁹ = %s", deal.ID, total, s.value.StringFixed(2))
		}
		w := make([]int64, s.term)
		for k := range w {
			w[k] = 1
			if s.ramp > 0 {
				w[k] = min(int64(k+1), s.ramp)
			}
		}
		alloc := relAllocate(total.Shift(2).IntPart(), w)
		inside, outside := decimal.Zero, decimal.Zero
		for k, c := range alloc {
			m := s.start + int64(k)
			if m < 0 || m >= months {
				outside = outside.Add(decimal.New(c, -2))
			}
		}
		if len(deal.Obligations) != months {
			t.Fatalf("%s: deal %s has %d months", what, deal.ID, len(deal.Obligations))
		}
		for m, o := range deal.Obligations {
			v := money(fmt.Sprintf("deal %s month %d", deal.ID, m), o)
			inside = inside.Add(v)
			sumDeals[m] = sumDeals[m].Add(v)
			k := int64(m) - s.start
			exp := decimal.Zero
			if k >= 0 && k < s.term {
				exp = decimal.New(alloc[k], -2)
			}
			if !v.Equal(exp) {
				fail("deal %s owes %s in month %d, the allocation gives %s", deal.ID, o, m, exp.StringFixed(2))
			}
		}
		if got := total.Sub(inside); !got.Equal(outside) {
			fail("deal %s: total − Σ obligations = %s, the part outside 2025–2039 is %s", deal.ID, got.StringFixed(2), outside.StringFixed(2))
		}
		if s.start >= 0 && s.start+s.term <= months && !inside.Equal(total) {
			fail("deal %s lies within the horizon but its months sum to %s of %s", deal.ID, inside.StringFixed(2), total.StringFixed(2))
		}
	}
	for id := range want {
		if !seen[id] {
			fail("deal %s is missing from the export", id)
		}
	}

	// Monthly obligations are the sums over deals; revenue 2025 is the
	// input spread to the cent; net is revenue × (1 − opex/100) to the cent.
	share := decimal.NewFromInt(1).Sub(decimal.RequireFromString(input("oai.opex")).Shift(-2))
	rev2025 := decimal.Zero
	obl, rev, net := make([]decimal.Decimal, months), make([]decimal.Decimal, months), make([]decimal.Decimal, months)
	for m := range months {
		obl[m] = money(fmt.Sprintf("monthly obligations %d", m), d.Monthly.Obligations[m])
		rev[m] = money(fmt.Sprintf("monthly revenue %d", m), d.Monthly.Revenue[m])
		net[m] = money(fmt.Sprintf("monthly net %d", m), d.Monthly.Net[m])
		if !obl[m].Equal(sumDeals[m]) {
			fail("month %d: obligations %s, the deals sum to %s", m, obl[m].StringFixed(2), sumDeals[m].StringFixed(2))
		}
		if want := rev[m].Mul(share).Round(2); !net[m].Equal(want) {
			fail("month %d: net %s, revenue × (1 − opex/100) = %s", m, net[m].StringFixed(2), want.StringFixed(2))
		}
		if m < 12 {
			rev2025 = rev2025.Add(rev[m])
		}
	}
	if want := dollars("oai.rev2025"); !rev2025.Equal(want) {
		fail("2025 revenue sums to %s, input %s", rev2025.StringFixed(2), want.StringFixed(2))
	}

	// Cash: null before 2025-12, the opening cash in 2025-12, then
	// cash(m) = cash(m−1) + net(m) − obligations(m).
	cash := make([]decimal.Decimal, months)
	minCash := decimal.Zero
	var cashOut *string
	for m, c := range d.Monthly.Cash {
		switch {
		case m < 11:
			if c != nil {
				fail("month %d has cash %s", m, *c)
			}
			continue
		case c == nil:
			fail("month %d has no cash", m)
			continue
		}
		cash[m] = money(fmt.Sprintf("cash %d", m), *c)
		if m == 11 {
			if want := dollars("oai.cash"); !cash[m].Equal(want) {
				fail("cash in 2025-12 is %s, the opening cash %s", cash[m].StringFixed(2), want.StringFixed(2))
			}
			continue
		}
		if want := cash[m-1].Add(net[m]).Sub(obl[m]); !cash[m].Equal(want) {
			fail("cash in month %d is %s; cash(m−1) + net − obligations = %s", m, cash[m].StringFixed(2), want.StringFixed(2))
		}
		minCash = decimal.Min(minCash, cash[m])
		if cash[m].Sign() < 0 && cashOut == nil {
			s := fmt.Sprintf("%d-%02d", 2025+m/12, m%12+1)
			cashOut = &s
		}
	}

	// Years: sums of the monthly strings; cash at the end is December's.
	for y, yr := range d.Yearly {
		if yr.Year != 2025+y {
			fail("yearly[%d] is %d", y, yr.Year)
		}
		so, sr, sn := decimal.Zero, decimal.Zero, decimal.Zero
		for m := 12 * y; m < 12*y+12; m++ {
			so, sr, sn = so.Add(obl[m]), sr.Add(rev[m]), sn.Add(net[m])
		}
		for _, c := range []struct {
			name string
			got  string
			want decimal.Decimal
		}{{"obligations", yr.Obligations, so}, {"revenue", yr.Revenue, sr}, {"net", yr.Net, sn}, {"cash_end", yr.CashEnd, cash[12*y+11]}} {
			if got := money(fmt.Sprintf("%d %s", yr.Year, c.name), c.got); !got.Equal(c.want) {
				fail("%d %s %s, the months give %s", yr.Year, c.name, c.got, c.want.StringFixed(2))
			}
		}
	}

	// The summary: funding need and cash-out from the cash series.
	if got := money("funding_need", d.Summary.FundingNeed); !got.Equal(minCash.Neg()) {
		fail("funding need %s, the deepest cash is %s", d.Summary.FundingNeed, minCash.StringFixed(2))
	}
	if (cashOut == nil) != (d.Summary.CashOutMonth == nil) || (cashOut != nil && *cashOut != *d.Summary.CashOutMonth) {
		fail("cash-out month %v, the cash series gives %v", d.Summary.CashOutMonth, cashOut)
	}
	return checked
}

// relNativeJSON runs the native command without the risk analysis (the
// money does not depend on it).
func relNativeJSON(t *testing.T, q string) []byte {
	t.Helper()
	requireSite(t)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(env.appBin, "export", "-risk=false", q)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("app export -risk=false %q: %v\n%s", q, err, stderr.Bytes())
	}
	return stdout.Bytes()
}

func TestReliabilityMoney(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 7))
	t.Run("native", func(t *testing.T) {
		start := time.Now()
		figures := relCheckMoney(t, "base case (native, with risk)", nativeExport(t, "json", ""))
		queries := []string{
			// Deals before and after the horizon: money outside it.
			"aws.start=2023-01&aws.term=240&oracle.start=2039-12&oracle.term=240&microsoft.start=2030-06&microsoft.term=240&coreweave.start=2023-01&coreweave.term=1",
			"aws.ext=500&aws.start=2026-05&aws.term=240&aws.value=1999.99&oai.growth=300&oai.fade=0&oai.runrate=500",
			"aws.ext=100&aws.start=2025-01&aws.term=12",
			relBoundQuery(false), relBoundQuery(true),
		}
		for range 50 {
			queries = append(queries, relRandomQuery(rng, 0))
		}
		for i, q := range queries {
			figures += relCheckMoney(t, fmt.Sprintf("scenario %d (native) ?%.120s", i, q), relNativeJSON(t, q))
			if t.Failed() {
				break
			}
		}
		t.Logf("base case and %d scenarios: %d money figures checked in %v", len(queries), figures, time.Since(start).Round(time.Millisecond))
	})
	t.Run("page", func(t *testing.T) {
		p := relOpen(t, rootURL("/"), 3*time.Minute)
		dl := allowDownloads(p)
		queries := []string{""}
		for range 3 {
			queries = append(queries, relRandomQuery(rng, 200))
		}
		for i, q := range queries {
			if i > 0 {
				relSwitch(p, q)
			}
			waitRisk(p)
			name, got := dl.click("#export-json")
			if name != "compute-scenario.json" {
				t.Errorf("download named %q", name)
			}
			what := fmt.Sprintf("scenario %d (page download) ?%.120s", i, q)
			sameBytes(t, what, got, nativeExport(t, "json", q))
			n := relCheckMoney(t, what, got)
			t.Logf("%s: %d money figures", what, n)
		}
	})
}
