package e2e

// Reliability and security of the page (docs/reliability.md):
//
//   - TestReliabilityHostileLinks: the battery of hostile URL queries of
//     internal/hostile (markup, event handlers, javascript: URLs, 100 kB
//     values, direction overrides, control characters, broken and double
//     escapes, thousands of keys, __proto__, CSS, absurd numbers and
//     months), some with full page loads, the rest switched inside the app
//     through popstate.
//   - TestReliabilityCSP: the policy in index.html and in the header, and a
//     page that tries to run inline script, an inline handler, eval and a
//     javascript: URL at run time: the browser blocks each.
//   - TestReliabilityExtremes: every input at its minimum, at its maximum,
//     and 200 random in-range scenarios, against core run in the test.
//   - TestReliabilityNewBuild: a rebuilt site is picked up at the next load
//     (Cache-Control: no-cache, no service worker); TestReliabilityNewBuild-
//     SameMtime: even when its files keep their modification times.
//   - TestReliabilityLongSession: thousands of slider moves and a large
//     Monte Carlo; the page stays responsive and its memory stops growing.
//     Short in CI; RELIABILITY_FULL=1 runs 2,000 moves and 20,000 draws.
//   - TestReliabilityMoney: every exported money figure sums back, to the
//     cent, on the native command's JSON and on the page's download.
//
// The page paints the headline and bumps #dash's data-gen in the task of a
// change; go-app renders the rest a few frames later, so checks of the
// notices poll (relSettled).

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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

// ---------------------------------------------------------------------------
// The state of the page, in one round trip
// ---------------------------------------------------------------------------

// relState is what a check of the page reads.
type relState struct {
	Pwned    string   `json:"pwned"`
	Polluted bool     `json:"polluted"`
	Figures  int      `json:"figures"` // [data-figure] elements
	Texts    []string `json:"texts"`   // figure values and notes, the risk section
	Notices  []string `json:"notices"` // textContent of every .notices li
	Bad      []string `json:"bad"`     // elements inside .notices that are not its own
	OnAttrs  []string `json:"onAttrs"` // elements with an on* attribute
	Scripts  int      `json:"scripts"`
	Styles   int      `json:"styles"`
	Frames   int      `json:"frames"`
	JSLinks  int      `json:"jsLinks"`
	Visible  bool     `json:"visible"`
	Title    string   `json:"title"`
	Query    string   `json:"query"`
	Embed    bool     `json:"embed"`
}

const relStateJS = `(() => {
  const dash = document.getElementById("dash");
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
  // getAttributeNames, not attributes: Attr nodes would stay alive and
  // count in the long session's DOM nodes.
  const onAttrs = [...document.querySelectorAll("*")]
    .filter((el) => el.getAttributeNames().some((a) => /^on/i.test(a)))
    .map((el) => el.tagName + " " + el.getAttributeNames().join(","));
  const urlAttr = (el) => ["href", "src", "action", "formaction", "xlink:href", "data"].map((a) => el.getAttribute(a) || "").join(" ");
  const jsLinks = [...document.querySelectorAll("[href], [src], [action], [formaction], [data]")]
    .filter((el) => /(^|\s)\s*(javascript|vbscript|data:text\/html)/i.test(urlAttr(el))).length;
  const body = getComputedStyle(document.body);
  return {
    pwned: typeof window.__pwned === "undefined" ? "" : String(window.__pwned),
    polluted: ({}).polluted !== undefined || ({}).x !== undefined || Object.prototype.hasOwnProperty("polluted"),
    figures: document.querySelectorAll("[data-figure]").length,
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

// relSettled reads the page until its notices are core's for the page's
// query, or 5 s pass. The page paints the headline figures and data-gen in
// the task of the change; go-app renders the rest (notices, panel, risk) a
// few frames later.
func relSettled(p *page) relState {
	p.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		st := relReadState(p)
		if len(relNoticeProblems("", st)) == 0 || time.Now().After(deadline) {
			return st
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// relBadText matches what no figure or risk text may show.
var relBadText = regexp.MustCompile(`NaN|Infinity|undefined|\[object|\bnull\b|%!`)

// relCheckPage checks the headline figures against core's and fails on a
// figure or risk text that is empty or shows NaN, Infinity, undefined,
// null or a formatting error.
func relCheckPage(t *testing.T, p *page, what string, st relState) {
	t.Helper()
	checkFigures(t, p, "document", st.Query, what)
	if n := len(st.Texts); n != 2*st.Figures+1 {
		t.Errorf("%s: %d figure and risk texts for %d figures", what, n, st.Figures)
	}
	for _, s := range st.Texts {
		where, txt, _ := strings.Cut(s, "\x00")
		if txt = strings.TrimSpace(txt); txt == "" || relBadText.MatchString(txt) {
			t.Errorf("%s: %s shows %q", what, where, txt)
		}
	}
}

// relEscape is a character as a notice shows it when it does not show or
// reorders the text around it.
var relEscape = regexp.MustCompile(`⟨U\+([0-9A-F]{4,6})⟩`)

// relUnescape reads a notice back: every ⟨U+XXXX⟩ as its character.
func relUnescape(s string) string {
	return relEscape.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.ParseUint(relEscape.FindStringSubmatch(m)[1], 16, 32)
		return string(rune(n))
	})
}

// relNoticeProblems compares the page's notices with core's for the
// page's query: as many, in order, none longer than 400 characters, no
// character in them that does not show or that reorders the text (they
// show as ⟨U+XXXX⟩); each, read back, holds the start of its key and of
// its given text (a notice cuts them to 80 characters).
func relNoticeProblems(what string, st relState) []string {
	var out []string
	want := modelReport(st.Query, false).Notices
	if len(st.Notices) != len(want) {
		out = append(out, fmt.Sprintf("%s: %d notices on the page, core gives %d", what, len(st.Notices), len(want)))
	}
	start := func(s string) string { r := []rune(s); return string(r[:min(len(r), 8)]) }
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
		if i >= len(want) {
			continue
		}
		read, key, given := relUnescape(li), start(want[i].Key), start(want[i].Given)
		if !strings.Contains(read, key) || !strings.Contains(read, given) {
			out = append(out, fmt.Sprintf("%s: notice %d = %.200q; want the key %.100q and the given text %.100q", what, i, li, key, given))
		}
	}
	return out
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
	p := openDashboard(t, rootURL("/"), withTimeout(4*time.Minute))
	base := relReadState(p)
	pwned := `typeof window.__pwned === "undefined" ? "" : String(window.__pwned)`
	var full, inApp int
	for i, pl := range payloads {
		what := fmt.Sprintf("payload %d (%s)", i, pl.Name)
		t0 := time.Now()
		if pl.Load {
			loadQuery(p, pl.Query)
			full++
		} else {
			switchQuery(p, pl.Query)
			inApp++
		}
		st := relSettled(p)
		if sent, _, _ := strings.Cut(pl.Query, "#"); st.Query != sent {
			t.Errorf("%s: the browser changed the query: %.200q, sent %.200q", what, st.Query, sent)
		}
		relCheckHostile(t, p, what, st, base)
		if pl.Load {
			// A handler of injected markup would run once its resource
			// failed: give it the time before leaving the document.
			time.Sleep(300 * time.Millisecond)
			if got := evalJS[string](p, pwned); got != "" {
				t.Errorf("%s: window.__pwned = %s", what, got)
			}
		}
		t.Logf("%-45s %5d bytes, %3d notices, %v", pl.Name, len(pl.Query), len(st.Notices), time.Since(t0).Round(time.Millisecond))
	}
	time.Sleep(500 * time.Millisecond)
	if got := evalJS[string](p, pwned); got != "" {
		t.Errorf("after the battery: window.__pwned = %s", got)
	}

	// Still usable: a slider moves the scenario.
	if st := relSettled(p); st.Embed {
		switchQuery(p, "aws.value=45")
	}
	gen := dashGen(p)
	setInput(p, idSel("range-aws.value"), "123") // the AWS group is open at load
	waitNewGen(p, gen, "moving a slider")
	waitOrFail(p, `location.search.includes("aws.value=123")`, 10*time.Second, "the slider's value in the URL")
	relCheckPage(t, p, "after the battery, a slider moved", relSettled(p))
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
	relCheckPage(t, p, what, st)
	for _, msg := range relNoticeProblems(what, st) {
		t.Error(msg)
	}
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
		return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
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
	if fa := relDirectives(site.HeaderCSP)["frame-ancestors"]; len(fa) != 1 || fa[0] != site.AnyFrameAncestor {
		t.Errorf("the header's frame-ancestors is %v, want %s (any page may frame the dashboard)", fa, site.AnyFrameAncestor)
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
	p := openDashboard(t, rootURL("/"),
		allowProblem(`^CSP violation: script-src(-elem|-attr)? blocked (inline|eval)`),
		allowProblem(`(?i)^browser log \([a-z]+, error\): .*(Refused to (execute|evaluate|run)|Content Security Policy)`),
		allowProblem(`(?i)^console\.error: .*(Refused to (execute|evaluate|run)|Content Security Policy)`),
	)
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
	checkFigures(t, p, "document", "", "under the policy")
}

// ---------------------------------------------------------------------------
// Extreme and random scenarios
// ---------------------------------------------------------------------------

// relBoundQuery sets every input to its minimum or maximum.
func relBoundQuery(max bool) string {
	var parts []string
	for _, s := range core.Specs() {
		v := s.Min
		if max {
			v = s.Max
		}
		parts = append(parts, s.ID+"="+url.QueryEscape(s.Format(v)))
	}
	return strings.Join(parts, "&")
}

// relRandomQuery sets about 70 % of the inputs to random values in their
// ranges, the others left at their defaults: a flag on 85 % of the time;
// whole numbers, months and choices anywhere; any other input on its step
// grid, or one time in three anywhere in range with up to four decimals.
// mcN > 0 fixes mc.n.
func relRandomQuery(r *rand.Rand, mcN int) string {
	var parts []string
	for _, s := range core.Specs() {
		span := s.Max.Sub(s.Min)
		var v decimal.Decimal
		switch {
		case s.ID == "mc.n" && mcN > 0:
			v = decimal.NewFromInt(int64(mcN))
		case r.Float64() < 0.3:
			continue
		case s.Kind == core.Flag:
			v = decimal.NewFromInt(1)
			if r.Float64() < 0.15 {
				v = decimal.Zero
			}
		case s.Kind == core.Whole || s.Kind == core.MonthKind || s.Kind == core.Choice:
			v = s.Min.Add(decimal.NewFromInt(r.Int64N(span.IntPart() + 1)))
		case r.IntN(3) == 0:
			v = decimal.Max(s.Min, s.Min.Add(span.Mul(decimal.New(r.Int64N(1_000_001), -6))).Truncate(int32(r.IntN(5))))
		default:
			v = s.Min.Add(s.Step.Mul(decimal.NewFromInt(r.Int64N(span.Div(s.Step).IntPart() + 1))))
		}
		parts = append(parts, s.ID+"="+url.QueryEscape(s.Format(v)))
	}
	return strings.Join(parts, "&")
}

func TestReliabilityExtremes(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 11))
	queries := make([]string, 200)
	for i := range queries {
		mcN := 0
		if i%40 == 39 {
			mcN = 100 + 100*rng.IntN(3) // these wait for the risk analysis
		}
		queries[i] = relRandomQuery(rng, mcN)
	}
	start := time.Now()
	p := openDashboard(t, rootURL("/"), withTimeout(4*time.Minute))
	check := func(what, q string, risk bool) {
		t.Helper()
		st := relSettled(p)
		if st.Query != q {
			t.Errorf("%s: the page's query is %.200q, want %.200q", what, st.Query, q)
		}
		relCheckPage(t, p, what, st)
		for _, msg := range relNoticeProblems(what, st) {
			t.Error(msg)
		}
		// In range, the only notices are the model's own (a dropped AWS
		// extension).
		for _, n := range modelReport(q, false).Notices {
			if n.Reason != core.ReasonDropped {
				t.Errorf("%s: an in-range query gives the notice %+v", what, n)
			}
		}
		if risk {
			checkGoal(t, p, q, what)
			relCheckPage(t, p, what+" (risk on screen)", relReadState(p))
		}
	}

	loadQuery(p, relBoundQuery(false))
	check("every input at its minimum", relBoundQuery(false), true)
	switchQuery(p, relBoundQuery(true))
	// At the maximum mc.n is 20,000 (a few seconds in the browser).
	t0 := time.Now()
	check("every input at its maximum", relBoundQuery(true), true)
	t.Logf("every input at its maximum: risk analysis of 20,000 draws on screen in %v", time.Since(t0).Round(time.Millisecond))
	var slowest float64
	for i, q := range queries {
		slowest = max(slowest, switchQuery(p, q))
		check(fmt.Sprintf("random scenario %d", i), q, i%40 == 39)
		if t.Failed() {
			t.Fatalf("random scenario %d: ?%s", i, q)
		}
	}
	t.Logf("min, max and %d random scenarios in %v; slowest switch %.0f ms", len(queries), time.Since(start).Round(time.Millisecond), slowest)
}

// ---------------------------------------------------------------------------
// New builds are never stale
// ---------------------------------------------------------------------------

// relSiteCopy serves a copy of the dashboard site, for a test to rebuild,
// and opens a page of it.
func relSiteCopy(t *testing.T) (dir string, srv *httptest.Server, p *page) {
	t.Helper()
	requireSite(t)
	dir = t.TempDir()
	if err := copyTree(env.siteDir, dir, nil); err != nil {
		t.Fatal(err)
	}
	srv = httptest.NewServer(site.Handler(dir))
	t.Cleanup(srv.Close)
	return dir, srv, openDashboard(t, srv.URL+"/", withTimeout(2*time.Minute))
}

// relRestyle adds a rule to the copy's style.css, as a new build writes
// it; the page shows it as body::after's content (relAfterJS).
func relRestyle(t *testing.T, dir string) (css string) {
	t.Helper()
	css = filepath.Join(dir, "web", "style.css")
	b, err := os.ReadFile(css)
	if err == nil {
		err = os.WriteFile(css, append(b, "\nbody::after { content: \"build-2\"; }\n"...), 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
	return css
}

const relAfterJS = `getComputedStyle(document.body, "::after").content`

// relReload navigates the page to url again, as a user does.
func relReload(t *testing.T, p *page, url string) {
	t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if state := bootState(p); state != "ready" {
		t.Fatalf("the new build did not start: boot %s", state)
	}
}

func TestReliabilityNewBuild(t *testing.T) {
	requireStub(t)
	dir, srv, p := relSiteCopy(t)
	for _, path := range []string{"/", "/wasm_exec.js", "/web/boot.js", "/web/style.css", "/web/app.wasm"} {
		resp, _ := httpGet(t, srv.URL+path, "Accept-Encoding", "gzip")
		if got := resp.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache", path, got)
		}
	}
	if c := evalJS[bool](p, `!!(navigator.serviceWorker && navigator.serviceWorker.controller)`); c || serviceWorkers(p) != 0 {
		t.Errorf("%d service workers registered (controlling the page: %v), want none", serviceWorkers(p), c)
	}
	if got := evalJS[string](p, relAfterJS); strings.Contains(got, "build-2") {
		t.Fatalf("body::after is %s before the new build", got)
	}

	// The new build: a rule more in style.css and another program as
	// app.wasm (the shell test's stub), written as a build writes them,
	// at least a second after the files the page loaded.
	time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second + 10*time.Millisecond)))
	relRestyle(t, dir)
	for _, f := range []string{"app.wasm", "app.wasm.gz"} { // the .gz after the .wasm: never older
		if err := copyFile(filepath.Join(env.stubDir, "web", f), filepath.Join(dir, "web", f)); err != nil {
			t.Fatal(err)
		}
	}

	// An ordinary navigation to the same page (the browser's cache is
	// warm): every file is revalidated, the changed ones come anew; then a
	// reload.
	for _, how := range []string{"navigation", "reload"} {
		relReload(t, p, srv.URL+"/")
		if n := count(p, `main#shellapp[data-ready="1"]`); n != 1 {
			t.Errorf("after a %s: the page does not run the new app.wasm: %d #shellapp, %d #dash", how, n, count(p, "#dash"))
		}
		if got := evalJS[string](p, relAfterJS); got != `"build-2"` {
			t.Errorf("after a %s: body::after is %s, want \"build-2\": style.css is stale", how, got)
		}
	}
	if n := serviceWorkers(p); n != 0 {
		t.Errorf("%d service workers registered after the new build, want none", n)
	}
}

// TestReliabilityNewBuildSameMtime: a new build whose files keep the old
// modification times (a deploy that preserves or normalizes mtimes: tar,
// rsync -t, reproducible images) must still reach the browser. Validation
// by Last-Modified alone would answer 304 Not Modified; site.Handler sends
// an ETag of the content, which takes precedence.
func TestReliabilityNewBuildSameMtime(t *testing.T) {
	dir, srv, p := relSiteCopy(t)
	info, err := os.Stat(filepath.Join(dir, "web", "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(relRestyle(t, dir), info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	relReload(t, p, srv.URL+"/")
	if got := evalJS[string](p, relAfterJS); got != `"build-2"` {
		t.Errorf("style.css rewritten with its old modification time: the page still uses the old one (body::after %s)", got)
	}
}

// ---------------------------------------------------------------------------
// Long sessions
// ---------------------------------------------------------------------------

// relSessionJS installs window.__rel, over handJS: moves(n) moves sliders
// as a hand does (a drag of 20 input events on one slider, then its change
// event; a frame every five moves); probe(id) moves one slider and
// resolves with the milliseconds until the figures of the new scenario are
// on screen.
const relSessionJS = `(() => {
if (window.__rel) return true;
const {sliders, next} = window.__hand;
const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
let i = 0, els = [];
window.__rel = {
  moves: async (n) => {
    for (let k = 0; k < n; k++, i++) {
      if (i % 20 === 0) els = sliders();
      const el = els[0];
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
	nodes     float64 // DOM nodes alive, in the document or not
	doc       float64 // DOM nodes in the document
	listeners float64 // JS event listeners
}

func (m relMem) String() string {
	return fmt.Sprintf("%-28s JS heap %7.2f MB, wasm memory %7.2f MB, %6.0f DOM nodes (%5.0f in the document), %5.0f listeners",
		m.label, m.jsHeap/1e6, m.wasm/1e6, m.nodes, m.doc, m.listeners)
}

// relSample forces a garbage collection of the JS heap and reads the
// page's metrics (Performance.getMetrics) and its wasm memory, once every
// chart shows the scenario: samples of pages that differ by charts not
// drawn yet would not compare.
func relSample(p *page, label string) relMem {
	p.t.Helper()
	waitCharts(p)
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
	m.doc = evalJS[float64](p, `(w => { let n = 0; while (w.nextNode()) n++; return n; })(document.createTreeWalker(document))`)
	m.wasm = evalJS[float64](p, `window.__wasm?.memory ? window.__wasm.memory.buffer.byteLength : -1`)
	if m.wasm <= 0 {
		p.t.Fatal("the Go instance's memory was not captured")
	}
	return m
}

func TestReliabilityLongSession(t *testing.T) {
	moves, draws, timeout := 100, 2000, 3*time.Minute
	if os.Getenv("RELIABILITY_FULL") == "1" {
		moves, draws, timeout = 2000, 20000, 20*time.Minute
	}
	start := time.Now()
	p := openDashboard(t, rootURL("/"), withTimeout(timeout), withScript(wasmJS))
	// Every group of the panel open (__hand.sliders), so that every slider
	// is there: a closed group lays out no controls.
	if !evalJS[bool](p, handJS+";"+relSessionJS+"; __hand.sliders().length > 0") {
		t.Fatal("installing the session functions failed")
	}
	sliders := 0
	for _, s := range core.Specs() {
		if s.Kind != core.Flag && s.Kind != core.Choice {
			sliders++
		}
	}
	waitOrFail(p, `document.querySelectorAll("input[type=range][data-input]").length === `+strconv.Itoa(sliders), 10*time.Second, "every slider")
	waitRisk(p)
	samples := []relMem{relSample(p, "at load")}
	var probes []float64
	probe := func(what string) {
		t.Helper()
		ms := evalJS[float64](p, `__rel.probe("oai.growth")`)
		probes = append(probes, ms)
		if ms < 0 || ms > 1000 {
			t.Errorf("%s: a move's figures took %.0f ms (-1: more than 10 s), want under 1 s", what, ms)
		}
		// The URL follows the change event of the move at once, and a
		// move without one within urlDelay (200 ms).
		time.Sleep(300 * time.Millisecond)
		checkFigures(t, p, "document", urlQuery(p), what)
	}
	step := moves / 4
	for done := 0; done < moves; {
		t0 := time.Now()
		done = evalJS[int](p, fmt.Sprintf(`__rel.moves(%d)`, step))
		probe(fmt.Sprintf("after %d moves", done))
		samples = append(samples, relSample(p, fmt.Sprintf("after %d moves", done)))
		t.Logf("%d moves, %v for the last %d", done, time.Since(t0).Round(time.Millisecond), step)
	}
	relCheckPage(t, p, "after the moves", relReadState(p))

	// A large Monte Carlo: the mc.n slider, as a user sets it, and the
	// time to its result on screen.
	waitForRisk := func(what string) time.Duration {
		t.Helper()
		t0 := time.Now()
		waitOrFail(p, `document.getElementById("dash").dataset.risk === "ready"`, timeout, "the risk analysis of "+what)
		return time.Since(t0)
	}
	t0 := time.Now()
	setInput(p, idSel("range-mc.n"), strconv.Itoa(draws))
	waitOrFail(p, `location.search.includes("mc.n=`+strconv.Itoa(draws)+`")`, 10*time.Second, "mc.n in the URL")
	mcTime := waitForRisk(fmt.Sprintf("%d draws", draws))
	// While it runs again, the page answers a move within a second (the
	// move starts the analysis anew).
	setInput(p, idSel("range-mc.seed"), "7")
	if err := pollFor(p, `!!document.querySelector("section.risk.updating") && /%/.test(document.querySelector("section.risk.updating").textContent)`, 10*time.Second); err != nil {
		t.Logf("the risk analysis of %d draws showed no progress (finished already?)", draws)
	}
	probe(fmt.Sprintf("during a Monte Carlo of %d draws", draws))
	mcTime2 := waitForRisk(fmt.Sprintf("%d draws after a move", draws))
	relCheckPage(t, p, fmt.Sprintf("after a Monte Carlo of %d draws", draws), relReadState(p))
	checkGoal(t, p, urlQuery(p), fmt.Sprintf("after a Monte Carlo of %d draws", draws))
	if risk := textContent(p, "section.risk"); !strings.Contains(strings.ReplaceAll(risk, ",", ""), strconv.Itoa(draws)) {
		t.Errorf("the risk section does not name %d draws: %q", draws, risk)
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
		t.Errorf("DOM nodes grew from %.0f to %.0f (in the document: from %.0f to %.0f)", first.nodes, last.nodes, first.doc, last.doc)
	}
	if last.listeners > first.listeners*1.5+200 {
		t.Errorf("event listeners grew from %.0f to %.0f", first.listeners, last.listeners)
	}
	t.Logf("session total %v", time.Since(start).Round(time.Millisecond))
}

// ---------------------------------------------------------------------------
// Money is never lost
// ---------------------------------------------------------------------------

// relCheckMoney checks that every money figure of a JSON export sums back,
// to the cent: each deal's total is its input × 10⁹, and its months sum
// to it when the deal lies inside 2025–2039 (to no more otherwise); the
// months' obligations are the deals' sums; net is revenue × (1 − opex/100);
// 2025's revenue is its input; cash opens at the opening cash and moves by
// net − obligations; a year's money is its months'; the funding need and
// the cash-out month are those of the cash series. It returns the number
// of money figures checked.
func relCheckMoney(t *testing.T, what string, doc []byte) int {
	t.Helper()
	rep := decodeReport(t, what, doc)
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s: "+format, append([]any{what}, args...)...)
	}
	input := func(id string) decimal.Decimal {
		i := core.Index(id)
		if i < 0 {
			t.Fatalf("%s: no input %s", what, id)
		}
		return core.Specs()[i].Get(&rep.Inputs)
	}
	dollars := func(id string) decimal.Decimal { return input(id).Shift(9).Round(2) }
	month := func(id string) core.Month { return core.Month(input(id).IntPart()) }
	mo := &rep.Monthly
	if len(mo.Obligations) != core.HorizonMonths || len(mo.Cash) != core.HorizonMonths || len(rep.Yearly) != core.HorizonYears {
		t.Fatalf("%s: series of the wrong length", what)
	}
	for m, c := range mo.Cash { // none before 2025-12
		if (c == nil) != (m < 11) {
			t.Fatalf("%s: month %d has cash %v", what, m, c)
		}
	}
	checked := 0
	same := func(a, b decimal.Decimal) bool { checked++; return a.Equal(b) }

	// The deals: the default ones that are on, the slots of a value above
	// 0, and the AWS extension when it has months (MODEL.md §12, §14).
	type span struct {
		total       decimal.Decimal
		first, last core.Month
	}
	want := map[string]span{}
	for _, id := range []string{"aws", "oracle", "microsoft", "coreweave", "x1", "x2", "x3"} {
		on := input(id+".value").Sign() > 0
		if id[0] != 'x' {
			on = input(id+".on").Sign() > 0
		}
		if on {
			want[id] = span{dollars(id + ".value"), month(id + ".start"), month(id+".start") + core.Month(input(id+".term").IntPart()) - 1}
		}
	}
	if aws, ok := want["aws"]; ok && input("aws.ext").Sign() > 0 && aws.last >= max(aws.first, core.MonthOf(2027, 1)) {
		want["aws-ext"] = span{dollars("aws.ext"), max(aws.first, core.MonthOf(2027, 1)), aws.last}
	}
	sums := make([]decimal.Decimal, core.HorizonMonths)
	for i := range sums {
		sums[i] = decimal.Zero
	}
	for _, d := range rep.Deals {
		s, ok := want[string(d.ID)]
		if !ok {
			fail("deal %s should not be in the export", d.ID)
			continue
		}
		delete(want, string(d.ID))
		inside := decimal.Zero
		for m, o := range d.Obligations {
			inside, sums[m] = inside.Add(o.Decimal()), sums[m].Add(o.Decimal())
		}
		if !same(d.Total.Decimal(), s.total) {
			fail("deal %s total %s, its input × 10⁹ is %s", d.ID, d.Total, s.total.StringFixed(2))
		}
		if s.first.InHorizon() && s.last.InHorizon() && !same(inside, s.total) || inside.GreaterThan(s.total) {
			fail("deal %s (%s–%s): its months sum to %s of %s", d.ID, s.first, s.last, inside.StringFixed(2), s.total.StringFixed(2))
		}
	}
	for id := range want {
		fail("deal %s is missing from the export", id)
	}

	keep := decimal.NewFromInt(1).Sub(input("oai.opex").Shift(-2))
	rev2025, deepest := decimal.Zero, decimal.Zero
	var cashOut *core.Month
	for m := range core.HorizonMonths {
		obl, rev, net := mo.Obligations[m].Decimal(), mo.Revenue[m].Decimal(), mo.Net[m].Decimal()
		if !same(obl, sums[m]) {
			fail("month %d: obligations %s, the deals sum to %s", m, obl.StringFixed(2), sums[m].StringFixed(2))
		}
		if w := rev.Mul(keep).Round(2); !same(net, w) {
			fail("month %d: net %s, revenue × (1 − opex/100) = %s", m, net.StringFixed(2), w.StringFixed(2))
		}
		if m < 12 {
			rev2025 = rev2025.Add(rev)
		}
		// Cash: the opening cash in 2025-12, then
		// cash(m) = cash(m−1) + net(m) − obligations(m).
		switch c := mo.Cash[m]; {
		case m == 11 && !same(c.Decimal(), dollars("oai.cash")):
			fail("cash in 2025-12 is %s, the opening cash %s", c, dollars("oai.cash").StringFixed(2))
		case m > 11:
			if w := mo.Cash[m-1].Decimal().Add(net).Sub(obl); !same(c.Decimal(), w) {
				fail("cash in month %d is %s; cash(m−1) + net − obligations = %s", m, c, w.StringFixed(2))
			}
			deepest = decimal.Min(deepest, c.Decimal())
			if c.Sign() < 0 && cashOut == nil {
				cashOut = new(core.Month(m))
			}
		}
	}
	if !same(rev2025, dollars("oai.rev2025")) {
		fail("2025 revenue sums to %s, its input is %s", rev2025.StringFixed(2), dollars("oai.rev2025").StringFixed(2))
	}
	for y, yr := range rep.Yearly {
		so, sr, sn := decimal.Zero, decimal.Zero, decimal.Zero
		for m := 12 * y; m < 12*y+12; m++ {
			so, sr, sn = so.Add(mo.Obligations[m].Decimal()), sr.Add(mo.Revenue[m].Decimal()), sn.Add(mo.Net[m].Decimal())
		}
		for _, c := range []struct {
			name      string
			got, want decimal.Decimal
		}{{"obligations", yr.Obligations.Decimal(), so}, {"revenue", yr.Revenue.Decimal(), sr}, {"net", yr.Net.Decimal(), sn}, {"cash_end", yr.CashEnd.Decimal(), mo.Cash[12*y+11].Decimal()}} {
			if !same(c.got, c.want) {
				fail("%d %s %s, the months give %s", yr.Year, c.name, c.got.StringFixed(2), c.want.StringFixed(2))
			}
		}
	}
	if !same(rep.Summary.FundingNeed.Decimal(), deepest.Neg()) {
		fail("funding need %s, the deepest cash is %s", rep.Summary.FundingNeed, deepest.StringFixed(2))
	}
	if got := rep.Summary.CashOutMonth; (got == nil) != (cashOut == nil) || got != nil && *got != *cashOut {
		fail("cash-out month %v, the cash series gives %v", got, cashOut)
	}
	return checked
}

func TestReliabilityMoney(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 7))
	t.Run("native", func(t *testing.T) {
		start := time.Now()
		figures := relCheckMoney(t, "base case (native, with risk)", appExport(t, ""))
		queries := []string{
			// Deals before and after the horizon: money outside it.
			"aws.start=2023-01&aws.term=240&oracle.start=2039-12&oracle.term=240&microsoft.start=2030-06&microsoft.term=240&coreweave.start=2023-01&coreweave.term=1",
			"aws.ext=500&aws.start=2026-05&aws.term=240&aws.value=1999.99&oai.growth=300&oai.fade=0&oai.runrate=500",
			"aws.ext=100&aws.start=2025-01&aws.term=12",
			"x1.value=2000&x1.start=2023-01&x1.term=240&x2.value=0.01&x2.supplier=google&x2.start=2039-12&x3.value=7&x3.supplier=aws&x3.ramp=60",
			relBoundQuery(false), relBoundQuery(true),
		}
		for range 50 {
			queries = append(queries, relRandomQuery(rng, 0))
		}
		for i, q := range queries {
			figures += relCheckMoney(t, fmt.Sprintf("scenario %d (native) ?%.120s", i, q), appExport(t, q, "-risk=false"))
			if t.Failed() {
				break
			}
		}
		t.Logf("base case and %d scenarios: %d money figures checked in %v", len(queries), figures, time.Since(start).Round(time.Millisecond))
	})
	t.Run("page", func(t *testing.T) {
		p := openDashboard(t, rootURL("/"), withTimeout(3*time.Minute))
		dl := allowDownloads(p)
		queries := []string{"", extraDeal}
		for range 2 {
			queries = append(queries, relRandomQuery(rng, 200))
		}
		for i, q := range queries {
			if i > 0 {
				switchQuery(p, q)
			}
			waitRisk(p)
			_, got := dl.click("#export-json")
			what := fmt.Sprintf("scenario %d (page download) ?%.120s", i, q)
			sameBytes(t, what, got, appExport(t, q))
			t.Logf("%s: %d money figures", what, relCheckMoney(t, what, got))
		}
	})
}
