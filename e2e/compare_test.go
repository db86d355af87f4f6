package e2e

// Tests of the comparison as an executive makes one with the mouse: "Pin
// as A" (#pin), a drag of a slider (B), each headline figure held against
// A in its own terms, A in the URL (vs), the comparison table once the
// risk analyses are done, A drawn in the charts, the same comparison from
// the link in a fresh tab, a malformed A, and the base case as the
// reference again once A is cleared.

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"computedash/core"
)

// shownHeadline is a headline figure's words as the page shows them.
type shownHeadline struct {
	Key, Raw, Value, Ref string
	RefShown             bool
}

// headlineWords reads every headline figure's raw value, value and
// reference line.
func headlineWords(p *page) map[string]shownHeadline {
	p.t.Helper()
	list := evalJS[[]shownHeadline](p, `[...document.querySelectorAll("[data-figure]")].map((el) => ({
  key: el.dataset.figure, raw: el.dataset.raw,
  value: el.querySelector(".figure-value")?.textContent.trim() ?? "",
  ref: el.querySelector(".figure-ref")?.textContent.trim() ?? "",
  refShown: `+visibleJS+`(el.querySelector(".figure-ref")),
}))`)
	m := map[string]shownHeadline{}
	for _, f := range list {
		m[f.Key] = f
	}
	return m
}

// compareRows reads the comparison table: per row, the cells label, A,
// B, B − A.
func compareRows(p *page) map[string][]string {
	p.t.Helper()
	return evalJS[map[string][]string](p, `Object.fromEntries([...document.querySelectorAll(".compare tr[data-compare]")]
  .map((tr) => [tr.dataset.compare, [...tr.cells].map((c) => c.textContent.trim())]))`)
}

// waitCompared waits until the comparison table has the risk analyses of
// both scenarios: no cell says "…" any more.
func waitCompared(p *page) {
	p.t.Helper()
	waitRisk(p)
	waitOrFail(p, `document.querySelectorAll(".compare tr[data-compare]").length > 0 &&
  [...document.querySelectorAll(".compare td")].every((td) => td.textContent.trim() !== "…")`, 30*time.Second,
		"the risk analysis of A in the comparison table")
}

// month is a "YYYY-MM" raw value as a count of months.
func month(t *testing.T, raw string) int {
	t.Helper()
	y, m, ok := strings.Cut(raw, "-")
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil {
		t.Fatalf("%q is not a month", raw)
	}
	return yi*12 + mi - 1
}

// checkAgainstA checks that every figure's reference line is A's value
// and the difference in the figure's own terms: "A 2027-09 · 3 months
// earlier".
func checkAgainstA(t *testing.T, what string, a, b map[string]shownHeadline) {
	t.Helper()
	delta := regexp.MustCompile(`^(same|[+−]\S.*|\d+ (months?|years?) (earlier|later))$`)
	for _, id := range wantFigures("") {
		key := id.Key
		fa, fb := a[key], b[key]
		prefix := "A " + fa.Value
		if !fb.RefShown || (fb.Ref != prefix && !strings.HasPrefix(fb.Ref, prefix+" · ")) {
			t.Errorf("%s: %s's reference reads %q (shown %v), want %q and the difference", what, key, fb.Ref, fb.RefShown, prefix)
			continue
		}
		d, hasDelta := strings.CutPrefix(fb.Ref, prefix+" · ")
		switch {
		case fa.Raw == fb.Raw && d != "same":
			t.Errorf("%s: %s is %s in A and B, the reference says %q", what, key, fa.Raw, fb.Ref)
		case hasDelta && !delta.MatchString(d):
			t.Errorf("%s: %s's difference %q is not a difference in the figure's terms", what, key, d)
		case key == string(core.FigCashOut) && fa.Raw != "null" && fb.Raw != "null" && fa.Raw != fb.Raw:
			n := month(t, fb.Raw) - month(t, fa.Raw)
			want := fmt.Sprintf("%d months later", n)
			switch {
			case n == 1:
				want = "1 month later"
			case n == -1:
				want = "1 month earlier"
			case n < 0:
				want = fmt.Sprintf("%d months earlier", -n)
			}
			if d != want {
				t.Errorf("%s: the cash-out month went from %s to %s; the reference says %q, want %q", what, fa.Raw, fb.Raw, fb.Ref, prefix+" · "+want)
			}
		}
	}
}

func TestCompare(t *testing.T) {
	// A is a preset, as an executive would pin it.
	const start = "stargate.delay=18&stargate.capex=350&preset=stargate-slips"
	p := openDashboard(t, rootURL("/?"+start))
	setViewport(p, viewW, viewH)
	a := headlineWords(p)
	pa, _ := core.ParseQuery("stargate.delay=18&stargate.capex=350")
	aQuery := core.EncodeQuery(&pa)

	click(p, "#pin")
	waitOrFail(p, `new URLSearchParams(location.search).has("vs")`, 5*time.Second, "vs in the URL after Pin as A")
	if q := urlQuery(p); !strings.Contains("&"+q+"&", "&vs="+url.QueryEscape(aQuery)+"&") {
		t.Errorf("after Pin as A the URL query is %q, want vs=%s (A's query %q URL-encoded)", q, url.QueryEscape(aQuery), aQuery)
	}
	if got := text(p, "#pin"); got != "Clear A" {
		t.Errorf("once A is pinned the pin button says %q, want Clear A", got)
	}

	// B: the AWS deal's value dragged with the mouse to the middle of its range.
	gen := dashGen(p)
	dragSlider(p, idSel("range-aws.value"), 38.0/2000, 0.5)
	waitNewGen(p, gen, "the drag")
	b := evalJS[string](p, `window.computedash.query()`)
	if v, _ := url.ParseQuery(b); v.Get("aws.value") == "" || v.Get("stargate.delay") != "18" {
		t.Fatalf("after the drag the scenario is %q, want A's with aws.value moved", b)
	}
	waitOrFail(p, `new URLSearchParams(location.search).get("vs") === `+jsString(aQuery), 5*time.Second, "A still in the URL after the drag")
	checkFigures(t, p, "document", b, "B")
	bWords := headlineWords(p)
	checkAgainstA(t, "after the drag", a, bWords)

	// The table: the eight figures, the 2030 cash P50 and the probability
	// of a cash-out before 2030, once both risk analyses are done.
	waitCompared(p)
	rows := compareRows(p)
	var keys []string
	for _, f := range wantFigures(b) {
		keys = append(keys, f.Key)
	}
	keys = append(keys, "cash_p50_2030", "p_cash_out_before_2030")
	if len(rows) != len(keys) {
		t.Errorf("the comparison table has %d rows %v, want %d: %v", len(rows), rows, len(keys), keys)
	}
	for _, k := range keys {
		r, ok := rows[k]
		switch {
		case !ok:
			t.Errorf("the comparison table has no row %s", k)
		case len(r) != 4:
			t.Errorf("the comparison row %s has cells %q, want label, A, B, B − A", k, r)
		case k == "cash_p50_2030" || k == "p_cash_out_before_2030":
			if r[1] == "" || r[2] == "" || r[3] == "" {
				t.Errorf("the comparison row %s has an empty cell: %q", k, r)
			}
		case r[1] != a[k].Value || r[2] != bWords[k].Value:
			t.Errorf("the comparison row %s says A %q, B %q; the headline said A %q, B %q", k, r[1], r[2], a[k].Value, bWords[k].Value)
		default:
			if _, d, _ := strings.Cut(bWords[k].Ref, " · "); r[3] != d {
				t.Errorf("the comparison row %s says B − A is %q, the figure says %q", k, r[3], d)
			}
		}
	}

	// A drawn in the charts.
	waitCharts(p)
	for _, id := range []string{"obligations", "cash", "gpus"} {
		texts := evalJS[[]string](p, `[...document.querySelectorAll('figure.chart[data-chart="`+id+`"] svg text')].map((t) => t.textContent.trim())`)
		if !strings.Contains(strings.Join(texts, "\n"), "A (pinned)") {
			t.Errorf("the %s chart's legend does not name \"A (pinned)\": %q", id, texts)
		}
	}
	scrollIntoView(p, ".compare")
	screenshot(p, "compare")

	// The link, in a fresh tab: the same comparison.
	href := evalJS[string](p, `location.href`)
	p2 := openDashboard(t, href)
	setViewport(p2, viewW, viewH)
	waitCompared(p2)
	again := headlineWords(p2)
	for k, f := range bWords {
		if again[k] != f {
			t.Errorf("the link in a fresh tab: %s shows %+v, the first tab %+v", k, again[k], f)
		}
	}
	if rows2 := compareRows(p2); fmt.Sprint(rows2) != fmt.Sprint(rows) {
		t.Errorf("the link in a fresh tab: the comparison table is\n\t%v\nthe first tab's\n\t%v", rows2, rows)
	}

	// A malformed A: a notice about it, prefixed "A:".
	switchQuery(p2, b+"&vs="+url.QueryEscape("stargate.delay=abc"))
	waitOrFail(p2, `[...document.querySelectorAll(".notices li")].some((li) => li.textContent.startsWith("A: "))`, 5*time.Second, `a notice prefixed "A:"`)
	notices := evalJS[[]string](p2, `[...document.querySelectorAll(".notices li")].map((li) => li.textContent)`)
	if len(notices) != 1 || !strings.HasPrefix(notices[0], "A: stargate.delay") || !strings.Contains(notices[0], "abc") || !shown(p2, ".notices li") {
		t.Errorf("vs=stargate.delay%%3Dabc: notices %q, want one shown, \"A: stargate.delay: “abc” …\"", notices)
	}
	p2.close()

	// A cleared: the figures are held against the base case again.
	click(p, "#pin")
	waitOrFail(p, `!new URLSearchParams(location.search).has("vs")`, 5*time.Second, "the URL without vs after Clear A")
	if q := evalJS[string](p, `window.computedash.query()`); q != b {
		t.Errorf("Clear A changed the scenario to %q, want B %q", q, b)
	}
	for k, f := range headlineWords(p) {
		if !f.RefShown || !strings.HasPrefix(f.Ref, "base ") {
			t.Errorf("without A, %s's reference reads %q (shown %v), want it to start with \"base \"", k, f.Ref, f.RefShown)
		}
	}
	if n := count(p, ".compare"); n != 0 {
		t.Errorf("without A the page still has %d comparison tables", n)
	}
}

func TestComparePinBaseCase(t *testing.T) {
	// The base case is what an executive pins first: "A 2027-09 · …".
	p := openDashboard(t, rootURL("/"))
	setViewport(p, viewW, viewH)
	a := headlineWords(p)
	click(p, "#pin")
	pinned := pollFor(p, `document.getElementById("pin").textContent === "Clear A"`, 3*time.Second) == nil
	gen := dashGen(p)
	dragSlider(p, idSel("range-aws.value"), 38.0/2000, 0.5)
	waitNewGen(p, gen, "the drag")
	b := headlineWords(p)
	if !pinned {
		t.Fatalf("APP BUG: Pin as A on the base case does nothing: the button still says %q, the URL after a drag is %q, "+
			"and the cash-out figure reads %q, want \"A 2027-09 · …\" (the page pins A as vs=<A's query>, and the base case's query is empty)",
			text(p, "#pin"), evalOr(p, "location.href"), b[string(core.FigCashOut)].Ref)
	}
	checkAgainstA(t, "base case pinned, then a drag", a, b)
	if n := count(p, ".compare tr[data-compare]"); n == 0 {
		t.Error("no comparison table after pinning the base case and moving a slider")
	}
}
