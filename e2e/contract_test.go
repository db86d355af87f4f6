package e2e

// The contract of docs/testing.md, for the teams that drive the dashboard
// from their own headless tests: TestContractExample is the example it
// names, written with the names it documents and nothing else;
// TestContractNames reads the page for every name it documents, so a name
// that disappears fails the build; TestPlaywrightExample runs the
// JavaScript example, e2e/npm/example.mjs.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"computedash/core"
)

// TestContractExample drives the dashboard as docs/testing.md tells another
// team to: only data-ready, data-gen, data-risk, data-stale, data-figure,
// data-raw, data-input, data-chart, .notices li[data-notice] and
// window.computedash.
func TestContractExample(t *testing.T) {
	p := newPage(t, rootURL("/?oracle.value=150"))
	waitContractReady(p)
	if q := evalJS[string](p, `window.computedash.query()`); q != "oracle.value=150" {
		t.Errorf("window.computedash.query() = %q, want oracle.value=150", q)
	}

	// The figures: data-raw of each, as the summary and core say.
	figures := func() map[string]string {
		return evalJS[map[string]string](p, `Object.fromEntries([...document.querySelectorAll("[data-figure]")]
  .map((el) => [el.getAttribute("data-figure"), el.getAttribute("data-raw")]))`)
	}
	checkRaw := func(query, what string) {
		t.Helper()
		got := figures()
		want := wantFigures(query)
		if len(got) != len(want) {
			t.Errorf("%s: %d figures %v, core has %d", what, len(got), got, len(want))
		}
		for _, f := range want {
			if got[f.Key] != f.Raw {
				t.Errorf("%s: [data-figure=%q] data-raw = %q, core says %q", what, f.Key, got[f.Key], f.Raw)
			}
		}
		var page core.Summary
		if err := json.Unmarshal([]byte(evalJS[string](p, `JSON.stringify(window.computedash.summary())`)), &page); err != nil {
			t.Fatalf("%s: window.computedash.summary(): %v", what, err)
		}
		gotJSON, _ := json.Marshal(page)
		wantJSON, _ := json.Marshal(modelReport(query, false).Summary)
		if !bytes.Equal(gotJSON, wantJSON) {
			t.Errorf("%s: window.computedash.summary() = %s, core says %s", what, gotJSON, wantJSON)
		}
		if s, _ := json.Marshal(page.FundingNeed); string(s) != `"`+got["funding_need"]+`"` {
			t.Errorf("%s: the summary's funding need %s is not the figure's data-raw %q", what, s, got["funding_need"])
		}
	}
	checkRaw("oracle.value=150", "?oracle.value=150")
	if n := count(p, ".notices li[data-notice]"); n != 0 {
		t.Errorf("%d notices for a valid query", n)
	}

	// Move a slider by keyboard, then wait as documented: data-gen, every
	// chart's data-stale, data-risk.
	gen := evalJS[string](p, `document.getElementById("dash").getAttribute("data-gen")`)
	pressKeys(p, `input[type=range][data-input="aws.value"]`, kb.ArrowRight, 10)
	waitOrFail(p, `document.getElementById("dash").getAttribute("data-gen") !== `+jsString(gen), 10*time.Second, "data-gen to change")
	waitOrFail(p, `[...document.querySelectorAll("figure.chart[data-chart]")].every((f) => f.getAttribute("data-stale") === "false")`,
		30*time.Second, `every chart's data-stale="false"`)
	waitOrFail(p, `document.getElementById("dash").getAttribute("data-risk") === "ready"`, 30*time.Second, `data-risk="ready"`)
	q := evalJS[string](p, `window.computedash.query()`)
	if v, _ := url.ParseQuery(q); v.Get("aws.value") != "39" || v.Get("oracle.value") != "150" || len(v) != 2 {
		t.Errorf("after ten × ArrowRight on the AWS slider the query is %q, want aws.value=39 and oracle.value=150", q)
	}
	checkRaw(q, "after the keys")
	sameBytes(t, "window.computedash.exportJSON() of ?"+q, []byte(evalJS[string](p, `window.computedash.exportJSON()`)), appExport(t, q))

	// A link with a value that cannot be read: one notice.
	if err := chromedp.Do(p.ctx, chromedp.Navigate(rootURL("/?aws.value=abc"))); err != nil {
		t.Fatal(err)
	}
	waitContractReady(p)
	notices := evalJS[[]string](p, `[...document.querySelectorAll(".notices li[data-notice]")].map((li) => li.textContent)`)
	if len(notices) != 1 || !strings.Contains(notices[0], "aws.value") {
		t.Errorf("?aws.value=abc: notices %q, want one about aws.value", notices)
	}
	checkRaw("aws.value=abc", "?aws.value=abc")
	sameBytes(t, "window.computedash.exportJSON() of ?aws.value=abc", []byte(evalJS[string](p, `window.computedash.exportJSON()`)), appExport(t, "aws.value=abc"))
}

// contractUnit is a unit of docs/testing.md: a paragraph, a list item or
// a table row, with its code spans.
type contractUnit struct {
	text  string
	spans []string
}

// contractUnits splits docs/testing.md into its units.
func contractUnits(doc string) []contractUnit {
	span := regexp.MustCompile("`([^`]+)`")
	var units []contractUnit
	add := func(s string) {
		var spans []string
		for _, m := range span.FindAllStringSubmatch(s, -1) {
			spans = append(spans, m[1])
		}
		if len(spans) > 0 {
			units = append(units, contractUnit{s, spans})
		}
	}
	inCode := false
	for _, block := range strings.Split(doc, "\n\n") {
		if strings.HasPrefix(strings.TrimSpace(block), "```") {
			inCode = strings.Count(block, "```")%2 == 1
			continue
		}
		if inCode {
			if strings.Count(block, "```")%2 == 1 {
				inCode = false
			}
			continue
		}
		var item strings.Builder
		flush := func() { add(item.String()); item.Reset() }
		for line := range strings.Lines(block) {
			switch {
			case strings.HasPrefix(line, "|"):
				flush()
				add(line)
			case strings.HasPrefix(line, "- "):
				flush()
				item.WriteString(line)
			default:
				item.WriteString(line)
			}
		}
		flush()
	}
	return units
}

// contractKeys are sample values of the documented presentation keys of
// the URL; a key documented without one here fails the test.
var contractKeys = map[string]string{
	"lang": "it", "embed": "1", "show": "headline,notices", "print": "1",
	"preset": "stargate-slips", "vs": url.QueryEscape("aws.value=50"),
}

// TestContractNames reads docs/testing.md and checks that every name it
// documents is on the page: the data attributes, the selectors (an ID or
// GROUP expanded with the ids the same paragraph, row or item lists), the
// tone classes, the members of window.computedash, the presentation keys
// of the URL.
func TestContractNames(t *testing.T) {
	requireSite(t)
	doc, err := os.ReadFile(filepath.Join(env.modRoot, "docs", "testing.md"))
	if err != nil {
		t.Fatal(err)
	}
	units := contractUnits(string(doc))

	// Every name there is: a page with a notice, a comparison, the risk
	// analysis, every chart and every group of the panel open.
	p := openDashboard(t, rootURL("/?aws.value=abc&vs="+url.QueryEscape("oracle.value=150")))
	setViewport(p, viewW, viewH)
	for _, g := range evalJS[[]string](p, `[...document.querySelectorAll("details[data-group]:not([open])")].map((d) => d.dataset.group)`) {
		openGroup(p, core.Group(g))
	}
	waitCharts(p)
	waitCompared(p)

	idLike := regexp.MustCompile(`^[a-z][a-zA-Z0-9_.]*$`)
	attrName := regexp.MustCompile(`data-[a-z]+`)
	member := regexp.MustCompile(`^window\.computedash(?:\.([A-Za-z]+)(\(\))?)?$`)
	keyValue := regexp.MustCompile(`^([a-z]+)=`)
	var groups []string
	for _, u := range units {
		if strings.HasPrefix(u.text, "Groups:") {
			groups = u.spans
		}
	}
	var attrs, selectors, members, tones, keys, ignored []string
	add := func(list *[]string, s string) {
		if !slices.Contains(*list, s) {
			*list = append(*list, s)
		}
	}
	for _, u := range units {
		var ids []string
		for _, s := range u.spans {
			switch {
			case strings.HasPrefix(s, "xN."): // the slots of "Add a deal"
				ids = append(ids, "x1"+s[2:], "x2"+s[2:], "x3"+s[2:])
			case idLike.MatchString(s) && !strings.HasPrefix(s, "tone-") && s != "null":
				ids = append(ids, s)
			}
		}
		if i := len(ids); i > 0 && strings.Contains(ids[i-1], ".") && !strings.Contains(ids[0], ".") {
			ids = nil // inputs and file names, not the ids of a list
		}
		for _, s := range u.spans {
			for _, a := range attrName.FindAllString(s, -1) {
				add(&attrs, a)
			}
			switch {
			case member.MatchString(s):
				add(&members, s)
			case strings.HasPrefix(s, "tone-"):
				add(&tones, s)
			case strings.Contains(u.text, "Presentation keys") && keyValue.MatchString(s):
				add(&keys, keyValue.FindStringSubmatch(s)[1])
			case strings.HasPrefix(s, "<") && strings.Contains(s, "data-"):
				// An element as HTML: <details data-group="GROUP">.
				sel := regexp.MustCompile(`^<(\w+) (data-[a-z]+="[^"]*")>$`).ReplaceAllString(s, "$1[$2]")
				for _, g := range groups {
					add(&selectors, strings.ReplaceAll(sel, "GROUP", g))
				}
			case regexp.MustCompile(`^([.#][a-zA-Z]|\[|(figure|input|select|details|tr)\b)`).MatchString(s):
				switch {
				case !strings.Contains(s, "ID"):
					add(&selectors, s)
				case len(ids) == 0:
					add(&selectors, strings.ReplaceAll(strings.ReplaceAll(s, `="ID"`, ""), "-ID", ""))
				default:
					for _, id := range ids {
						add(&selectors, strings.ReplaceAll(s, "ID", id))
					}
				}
			default:
				add(&ignored, s)
			}
		}
	}
	// Every input of the model has a control (the README's parameter table).
	for _, s := range core.Specs() {
		add(&selectors, `[data-input="`+s.ID+`"]`)
	}
	t.Logf("docs/testing.md: %d data attributes %q, %d selectors, %d members %q, tones %q, presentation keys %q; not names: %q",
		len(attrs), attrs, len(selectors), len(members), members, tones, keys, ignored)
	if len(attrs) < 10 || len(selectors) < 40 || len(members) < 5 || len(tones) < 3 || len(keys) < 6 || len(groups) < 10 {
		t.Fatalf("docs/testing.md: read only %d data attributes, %d selectors, %d members, %d tones, %d keys, %d groups: the parser lost its way",
			len(attrs), len(selectors), len(members), len(tones), len(keys), len(groups))
	}

	for _, a := range attrs {
		switch a {
		case "data-held":
			continue // only while a drag holds the page's update: below
		case "data-warm":
			waitFor(p, `!!document.querySelector("[data-warm]")`) // once the page has warmed while idle
		}
		if count(p, "["+a+"]") == 0 {
			t.Errorf("docs/testing.md documents the attribute %s; no element of the page has it", a)
		}
	}
	for _, s := range selectors {
		if n := evalJS[int](p, `(() => { try { return document.querySelectorAll(`+jsString(s)+`).length; } catch (e) { return -1; } })()`); n <= 0 {
			t.Errorf("docs/testing.md documents the selector %s; it matches nothing on the page (%d)", s, n)
		}
	}
	pageTones := evalJS[[]string](p, `[...document.querySelectorAll("[data-figure]")].map((el) => [...el.classList].filter((c) => c.startsWith("tone-")).join(" "))`)
	for i, tone := range pageTones {
		if !slices.Contains(tones, tone) {
			t.Errorf("headline figure %d has the tone class %q, not one documented in docs/testing.md %q", i, tone, tones)
		}
	}
	for _, m := range members {
		sm := member.FindStringSubmatch(m)
		var js string
		switch {
		case sm[1] == "":
			js = `!!window.computedash && Object.isFrozen(window.computedash) && Object.getOwnPropertyDescriptor(window, "computedash").writable === false`
		case sm[1] == "ready":
			js = `window.computedash.ready instanceof Promise`
		case sm[1] == "version":
			js = `window.computedash.version === 1`
		case sm[2] != "":
			js = `typeof window.computedash.` + sm[1] + ` === "function" && window.computedash.` + sm[1] + `() != null`
		default:
			js = `window.computedash.` + sm[1] + ` !== undefined`
		}
		if !evalJS[bool](p, js) {
			t.Errorf("docs/testing.md documents %s; on the page it is not what it says (%s is false)", m, js)
		}
	}

	// data-held is there while a mouse drag holds the page's update.
	evalJS[bool](p, `(window.__sawHeld = false, new MutationObserver(() => {
  window.__sawHeld ||= !!document.querySelector("[data-held]");
}).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["data-held"]}), true)`)
	aws := `input[type=range][data-input="aws.value"]`
	dragSlider(p, aws, evalJS[float64](p, `(el => (el.value - el.min) / (el.max - el.min))(document.querySelector(`+jsString(aws)+`))`), 0.5)
	if !evalJS[bool](p, `window.__sawHeld`) {
		t.Errorf("docs/testing.md documents the attribute data-held; no element had it during a mouse drag")
	}

	// The presentation keys: known to the page, so no notice names them.
	var parts []string
	for _, k := range keys {
		v, ok := contractKeys[k]
		if !ok {
			t.Errorf("docs/testing.md documents the presentation key %s: give it a sample value in contractKeys", k)
			continue
		}
		parts = append(parts, k+"="+v)
	}
	slices.Sort(parts)
	q := "stargate.delay=18&stargate.capex=350&" + strings.Join(parts, "&")
	switchQuery(p, q)
	if n := evalJS[[]string](p, `[...document.querySelectorAll(".notices li[data-notice]")].map((li) => li.textContent)`); len(n) != 0 {
		t.Errorf("?%s: notices %q: a documented presentation key is not known to the page", q, n)
	}
}

// TestPlaywrightExample runs docs/testing.md's JavaScript example,
// e2e/npm/example.mjs (playwright-core and the system Chromium), against
// the test site.
func TestPlaywrightExample(t *testing.T) {
	requireSite(t)
	requireNpm(t, "playwright-core")
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node not found: install Debian's nodejs (apt-get install -y nodejs; ./build.sh test does it when run as root)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "example.mjs", rootURL("/"))
	cmd.Dir = npmDir
	if path, err := chromiumPath(); err == nil {
		cmd.Env = append(os.Environ(), "CHROMIUM="+path)
	}
	out, err := cmd.CombinedOutput()
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("node example.mjs %s did not finish in 2 minutes:\n%s", rootURL("/"), out)
	}
	if err != nil {
		t.Fatalf("node example.mjs %s: %v\n%s", rootURL("/"), err, out)
	}
	t.Logf("node example.mjs: %s", bytes.TrimSpace(out))
}
