package e2e

// Tests of the dashboard living in other pages (docs/embedding.md): a host
// page on another origin that frames a one-chart embed and a headline
// embed, sizes them from their computedash:height messages, sets a
// scenario with computedash:set and reads the computedash:result; the
// messages the dashboard must ignore; the one-chart embed's title, legend,
// source line and link; the "Copy embed code" dialog; and show= with a
// part the page does not have.

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"computedash/charts"
	"computedash/core"
	"computedash/format"
	"computedash/i18n"
)

// hostHTML is a wiki page on another origin that frames two embeds of the
// dashboard at dash (its base URL), side by side, and a frame of its own
// ("sibling") that relays what the page sends it to the headline embed.
// Its script is docs/embedding.md's: it sizes each frame from its height
// messages and, after the headline frame's first one, sets a scenario;
// it records the heights and every result in window.host.
func hostHTML(dash string) string {
	src := func(q string) string { return html.EscapeString(dash + "?" + q) }
	return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Wiki — our compute exposure</title>
<style>body { font: 15px sans-serif; margin: 1rem; } .row { display: flex; gap: 1rem; align-items: flex-start; }
.row iframe { flex: 1; min-width: 0; border: 1px solid #ccc; height: 120px; } #sibling { width: 200px; height: 40px; border: 0; }</style></head>
<body>
<h1>Wiki: our compute exposure</h1>
<div class="row">
<iframe id="chart" name="chart" src="` + src("oracle.value=150&embed=1&show=cash") + `" title="OpenAI cash: scenario dashboard"></iframe>
<iframe id="head" name="head" src="` + src("embed=1&show=headline") + `" title="Headline figures: scenario dashboard"></iframe>
</div>
<iframe id="sibling" name="sibling" title="relay" srcdoc="<script>addEventListener('message', (e) => { if (e.source === parent) parent.frames.head.postMessage(e.data, '*'); });</script>"></iframe>
<script>
window.host = {heights: {chart: [], head: []}, results: []};
host.send = (msg) => {
  const frame = document.getElementById("head");
  frame.contentWindow.postMessage(msg, new URL(frame.src).origin);
};
for (const name of ["chart", "head"]) {
  const frame = document.getElementById(name);
  const dashboardOrigin = new URL(frame.src).origin;
  window.addEventListener("message", (event) => {
    if (event.origin !== dashboardOrigin || event.source !== frame.contentWindow) return;
    const msg = event.data;
    if (!msg) return;
    if (msg.type === "computedash:result") {
      host.results.push({frame: name, json: JSON.stringify(msg)});
      return;
    }
    if (msg.type !== "computedash:height") return;
    const height = msg.height;
    if (typeof height !== "number" || !Number.isFinite(height) || height <= 0) return;
    frame.style.height = Math.ceil(Math.min(height, 20000)) + "px";
    host.heights[name].push(height);
    if (name === "head" && host.heights.head.length === 1) {
      host.send({type: "computedash:set", query: "aws.value=60&stargate.delay=12"});
    }
  });
}
</script>
</body>
</html>
`
}

// hostResult is a computedash:result message as the host page got it.
type hostResult struct {
	Type    string        `json:"type"`
	Query   string        `json:"query"`
	Summary core.Summary  `json:"summary"`
	Notices []core.Notice `json:"notices"`
}

// hostResults waits until the host page has n results and returns them,
// decoded, with the JSON of each.
func hostResults(p *page, n int, what string) ([]hostResult, []string) {
	p.t.Helper()
	if err := pollFor(p, fmt.Sprintf(`host.results.length >= %d`, n), 10*time.Second); err != nil {
		p.t.Fatalf("the host page got no computedash:result %d (%s) in 10 s: %v; results so far %s; the headline frame shows the error %q",
			n, what, err, evalOr(p, `JSON.stringify(host.results)`),
			frameEval[string](p, "head", `(el => el && !el.hidden ? el.textContent.trim() : "(none)")(document.getElementById("boot-error"))`))
	}
	raw := evalJS[[]string](p, `host.results.map((r) => r.frame + " " + r.json)`)
	var out []hostResult
	var docs []string
	for _, r := range raw {
		frame, doc, _ := strings.Cut(r, " ")
		if frame != "head" {
			p.t.Errorf("a computedash:result from the %s frame, which no one set: %s", frame, doc)
		}
		var res hostResult
		if err := json.Unmarshal([]byte(doc), &res); err != nil {
			p.t.Fatalf("result %s: %v", doc, err)
		}
		out, docs = append(out, res), append(docs, doc)
	}
	return out, docs
}

// checkHostResult checks a result against core's summary and notices of
// the query, natively.
func checkHostResult(t *testing.T, res hostResult, doc, query string) {
	t.Helper()
	rep := modelReport(query, false)
	want, _ := json.Marshal(rep.Summary)
	got, _ := json.Marshal(res.Summary)
	wantNotices, _ := json.Marshal(rep.Notices)
	if len(rep.Notices) == 0 {
		wantNotices = []byte("[]")
	}
	gotNotices, _ := json.Marshal(res.Notices)
	if res.Notices == nil {
		gotNotices = []byte("null")
	}
	switch {
	case res.Type != "computedash:result" || res.Query != query:
		t.Errorf("result %s: want type computedash:result and query %q", doc, query)
	case string(got) != string(want):
		t.Errorf("result of %s: summary %s, core says %s", query, got, want)
	case string(gotNotices) != string(wantNotices):
		t.Errorf("result of %s: notices %s, core says %s", query, gotNotices, wantNotices)
	}
}

// frameGen is the data-gen of a frame's dashboard.
func frameGen(p *page, name string) string {
	p.t.Helper()
	return frameEval[string](p, name, `document.getElementById("dash")?.dataset.gen ?? ""`)
}

// checkFrameHeights waits until each frame is as tall as its last height
// message says, and that is its document's height and its content's.
func checkFrameHeights(t *testing.T, p *page, what string) {
	t.Helper()
	type sizes struct{ Told, Style, Scroll, Content float64 }
	var got map[string]sizes
	ok := func(s sizes) bool {
		return s.Told > 0 && s.Style == math.Ceil(s.Told) && math.Abs(s.Scroll-s.Told) <= 2 && math.Abs(s.Content-s.Told) <= 2
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		got = map[string]sizes{}
		for _, name := range []string{"chart", "head"} {
			s := sizes{
				Told:  evalJS[float64](p, `host.heights.`+name+`.at(-1) ?? 0`),
				Style: evalJS[float64](p, `parseFloat(document.getElementById("`+name+`").style.height) || 0`),
			}
			s.Scroll = frameEval[float64](p, name, `document.documentElement.scrollHeight`)
			s.Content = frameEval[float64](p, name, `Math.ceil(document.documentElement.getBoundingClientRect().height)`)
			got[name] = s
		}
		if ok(got["chart"]) && ok(got["head"]) || time.Now().After(deadline) {
			break
		}
	}
	for name, s := range got {
		if !ok(s) && s.Content < s.Told-2 && s.Scroll == s.Told {
			t.Errorf("APP BUG: %s: the %s frame does not shrink to its content: its content is %.0f px, and the page tells %.0f px "+
				"(messages %s), the frame's own height: documentElement.scrollHeight is never less than the frame", what, name,
				s.Content, s.Told, evalOr(p, `JSON.stringify(host.heights.`+name+`)`))
		} else if !ok(s) {
			t.Errorf("%s: the %s frame was last told %.0f px (messages %s), is %.0f px tall; its document is %.0f px, its content %.0f px",
				what, name, s.Told, evalOr(p, `JSON.stringify(host.heights.`+name+`)`), s.Style, s.Scroll, s.Content)
		}
	}
}

func TestHostPage(t *testing.T) {
	requireSite(t)
	srv := hostServer(t, map[string]string{"/wiki/compute.html": hostHTML(rootURL("/"))})
	p := newPage(t, srv.URL+"/wiki/compute.html", alsoScope(rootURL("/")))
	setViewport(p, 1280, 900)
	t.Cleanup(func() {
		if t.Failed() { // the host page as the failure left it
			screenshot(p, "host")
		}
	})
	history := evalJS[int](p, `history.length`)

	// The first scenario the host sets, after the headline frame's first
	// height message: its result is core's.
	const first = "aws.value=60&stargate.delay=12"
	res, docs := hostResults(p, 1, "the first computedash:set")
	checkHostResult(t, res[0], docs[0], first)
	if !strings.Contains(docs[0], `"notices":[]`) {
		t.Errorf("the first result's notices are not an empty list: %s", docs[0])
	}
	want := wantFigures(first)
	var got []shownFigure
	for deadline := time.Now().Add(5 * time.Second); !slices.Equal(got, want) && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		got = frameEval[[]shownFigure](p, "head", figuresJS+"(document)")
	}
	if !slices.Equal(got, want) {
		t.Errorf("the headline frame after computedash:set shows %+v, core says %+v", got, want)
	}
	checkFrameHeights(t, p, "after the first scenario")

	// A malformed query: the result carries the notice, the frame shows it.
	host := func(msg string) { evalJS[bool](p, `(host.send(`+msg+`), true)`) }
	host(`{type: "computedash:set", query: "aws.value=abc"}`)
	res, docs = hostResults(p, 2, "a malformed query")
	checkHostResult(t, res[1], docs[1], "aws.value=abc")
	if len(res[1].Notices) != 1 || res[1].Notices[0].Key != "aws.value" || res[1].Notices[0].Given != "abc" {
		t.Errorf("the result of aws.value=abc has notices %+v, want one for aws.value, given abc", res[1].Notices)
	}
	if !frameEval[bool](p, "head", `[...document.querySelectorAll(".notices li")].some((li) => `+visibleJS+`(li) && li.textContent.includes("abc"))`) {
		t.Error("the headline frame does not show the notice of aws.value=abc")
	}
	checkFrameHeights(t, p, "with aws.value=abc (a notice, no reference lines)")

	// Messages the frame must ignore: from a sibling frame, from itself,
	// and from its parent with a query that is not a string.
	gen := frameGen(p, "head")
	evalJS[bool](p, `(document.getElementById("sibling").contentWindow.postMessage({type: "computedash:set", query: "aws.value=70"}, "*"), true)`)
	frameEval[bool](p, "head", `(window.postMessage({type: "computedash:set", query: "aws.value=71"}, "*"), true)`)
	host(`{type: "computedash:set", query: 72}`)
	host(`{type: "computedash:set", query: ["aws.value=73"]}`)
	host(`{type: "computedash:set", query: null}`)
	host(`{type: "computedash:set"}`)
	host(`"computedash:set"`)
	time.Sleep(1500 * time.Millisecond)
	if n := evalJS[int](p, `host.results.length`); n != 2 {
		t.Errorf("%d results after messages the frame must ignore, want still 2: %s", n, evalOr(p, `JSON.stringify(host.results.slice(2))`))
	}
	if g := frameGen(p, "head"); g != gen {
		t.Errorf("the headline frame's data-gen went from %s to %s on messages it must ignore (it shows %s)", gen, g,
			frameEval[string](p, "head", `location.search`))
	}

	// The parent can still set one: the frame comes back to its size
	// without the notice.
	host(`{type: "computedash:set", query: "aws.value=75"}`)
	res, docs = hostResults(p, 3, "a valid query after the ignored ones")
	checkHostResult(t, res[2], docs[2], "aws.value=75")
	checkFrameHeights(t, p, "the notice gone")
	if h := evalJS[int](p, `history.length`); h != history {
		t.Errorf("the host page's history went from %d to %d entries: computedash:set must replace the frame's URL", history, h)
	}

	// The one-chart embed: the chart's title and legend, a source line, a
	// link to the same scenario in the full dashboard.
	c := i18n.For(format.English)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if frameEval[bool](p, "chart", `!!document.querySelector('figure.chart[data-chart="cash"][data-stale="false"] svg')`) {
			break
		}
	}
	texts := frameEval[[]string](p, "chart", `[...document.querySelectorAll('figure.chart[data-chart="cash"] svg text')].map((t) => t.textContent.trim())`)
	for _, w := range []string{charts.Title(charts.Cash, c), c.T("chart.cash.band"), c.T("chart.cash.p50"), c.T("chart.cash.base")} {
		if !slices.Contains(texts, w) {
			t.Errorf("the one-chart embed's chart does not show %q: %q", w, texts)
		}
	}
	type part struct {
		Charts, Headlines, Panels int
		Source                    string
		SourceShown               bool
		Link                      map[string]string
	}
	got1 := frameEval[part](p, "chart", `(() => {
  const a = document.querySelector(".embed-foot a");
  return {charts: document.querySelectorAll("figure.chart").length, headlines: document.querySelectorAll(".headline").length,
    panels: document.querySelectorAll(".panel").length,
    source: document.querySelector(".embed-source")?.textContent.trim() ?? "",
    sourceShown: `+visibleJS+`(document.querySelector(".embed-source")),
    link: a ? {text: a.textContent.trim(), href: a.href, target: a.target, rel: a.rel, shown: String(`+visibleJS+`(a))} : {}};
})()`)
	if got1.Charts != 1 || got1.Headlines != 0 || got1.Panels != 0 {
		t.Errorf("the one-chart embed has %d charts, %d headlines, %d panels; want the cash chart alone", got1.Charts, got1.Headlines, got1.Panels)
	}
	if !got1.SourceShown || got1.Source != c.T("embed.source") {
		t.Errorf("the one-chart embed's source line is %q (shown %v), want %q", got1.Source, got1.SourceShown, c.T("embed.source"))
	}
	l := got1.Link
	u, err := url.Parse(l["href"])
	if l["text"] != "Open in the full dashboard" {
		t.Errorf("APP/DOCS MISMATCH: the one-chart embed's link says %q, want \"Open in the full dashboard\" (docs/embedding.md)", l["text"])
	}
	if err != nil || l["target"] != "_blank" || !slices.Contains(strings.Fields(l["rel"]), "noopener") || l["shown"] != "true" ||
		u.Scheme+"://"+u.Host+u.Path != rootURL("/") || u.RawQuery != "oracle.value=150" {
		t.Errorf("the one-chart embed's link is %v, want target _blank, rel noopener, href %s?oracle.value=150 (the scenario without embed)", l, rootURL("/"))
	}
	if href := frameEval[string](p, "head", `document.querySelector(".embed-foot a")?.href ?? ""`); href != rootURL("/?aws.value=75") {
		t.Errorf("after computedash:set the headline frame's link goes to %q, want %s", href, rootURL("/?aws.value=75"))
	}
	screenshot(p, "host")
}

func TestEmbedDialog(t *testing.T) {
	p := openDashboard(t, rootURL("/?oracle.value=150"))
	setViewport(p, viewW, viewH)

	// Tick the cash chart, set a height: the snippet follows.
	click(p, "#copy-embed")
	waitOrFail(p, `!!document.getElementById("embed-code")`, 5*time.Second, "the embed dialog")
	click(p, `#embed-dialog input[type=checkbox][data-part="cash"]`)
	waitOrFail(p, `document.getElementById("embed-code").value.includes("show=cash")`, 5*time.Second, "show=cash in the snippet")
	typeInto(p, "#embed-height", "620")
	waitOrFail(p, `document.getElementById("embed-code").value.includes('height="620"')`, 5*time.Second, `height="620" in the snippet`)
	code := fieldValue(p, "#embed-code")
	m := regexp.MustCompile(`^<iframe src="([^"]*)"[^>]*></iframe>$`).FindStringSubmatch(code)
	if m == nil {
		t.Fatalf("the snippet %q is not one <iframe src=\"…\"> element", code)
	}
	src, err := url.Parse(html.UnescapeString(m[1]))
	if q := src.Query(); err != nil || q.Get("embed") != "1" || q.Get("show") != "cash" || q.Get("oracle.value") != "150" || len(q) != 3 {
		t.Errorf("the snippet's src is %s, want the scenario (oracle.value=150) with embed=1 and show=cash", m[1])
	}
	click(p, "#embed-copy")
	if err := pollFor(p, `document.querySelector("input.share").value === document.getElementById("embed-code").value`, 5*time.Second); err != nil {
		t.Errorf("APP BUG: #embed-copy copies the snippet the dialog showed when it opened, not the one on screen: "+
			"it puts %q in the share field, want the snippet %q", fieldValue(p, "input.share"), code)
	}
	if !shown(p, "input.share") {
		t.Error("the share field with the snippet is not shown")
	}

	// show= with a part the page does not have: a notice, and the other
	// parts in the order given.
	loadQuery(p, "oracle.value=150&embed=1&show=risk,nonsense,cash,headline")
	waitRisk(p)
	notices := evalJS[[]string](p, `[...document.querySelectorAll(".notices li")].filter(`+visibleJS+`).map((li) => li.textContent)`)
	if len(notices) != 1 || !strings.Contains(notices[0], "nonsense") {
		t.Errorf("show=risk,nonsense,cash,headline: shown notices %q, want one about \"nonsense\"", notices)
	}
	parts := evalJS[[]string](p, `[...document.getElementById("dash").children].filter(`+visibleJS+`).map((el) =>
  el.matches(".notices") ? "notices" : el.matches(".risk") ? "risk" : el.matches("figure.chart") ? "chart " + el.dataset.chart :
  el.matches(".headline") ? "headline" : el.matches(".embed-foot") ? "link" : el.tagName + "." + el.className)`)
	if want := []string{"notices", "risk", "chart cash", "headline", "link"}; !slices.Equal(parts, want) {
		t.Errorf("show=risk,nonsense,cash,headline shows %q, want %q", parts, want)
	}
	checkFigures(t, p, "document", "oracle.value=150", "embedded headline")
}
