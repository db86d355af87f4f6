package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"computedash/charts"
	"computedash/core"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The markers of index.html between which `app prerender` writes the
// static page.
const (
	prerenderBegin = "<!-- prerender:begin -->"
	prerenderEnd   = "<!-- prerender:end -->"
)

// staticPage is the dashboard on the base case, computed whole (the risk
// analysis and every chart), as HTML. index.html carries it, so that the
// base case's figures and charts are on screen at the first paint, before
// the wasm has arrived; web/boot.js shows it only for a URL without a
// query, and swaps in the live page once that has settled. The same
// components render it, natively.
func staticPage() (string, error) {
	d := newDashboard()
	d.static, d.whole = true, true
	d.view = parseView("")
	d.sc = scenarioOf("")
	risk, err := json.Marshal(d.sc.analyze())
	if err != nil {
		return "", fmt.Errorf("the base case's risk analysis: %w", err)
	}
	d.staticRisk = string(risk)
	d.present()
	d.words = d.newWords()
	d.drawAll()
	d.status.text = d.catalog().T("app.starting")
	return canonicalHTML(app.HTMLString(d)), nil
}

// adoptStatic takes over what index.html's static page of the base case
// computed, when it is on screen and shows the same headline: its risk
// analysis and its charts, so that the live page has nothing left to
// compute when it takes the static page's place.
func (d *dashboard) adoptStatic() {
	risk, svgs, ok := prerendered(d.catalog().Headline(d.sc.report))
	if !ok {
		return
	}
	d.sc.report = core.NewReport(d.sc.result, &risk)
	for id, svg := range svgs {
		d.charts.adopt(id, svg)
	}
}

// prerendered reads index.html's static page of the base case while it is
// on screen (web/boot.js): its risk analysis and its charts' SVG. It
// reports false when there is none, or when its headline is not figs (a
// static page from another build than the wasm's).
func prerendered(figs []i18n.Figure) (risk core.Risk, svgs map[charts.ID]string, ok bool) {
	doc := app.Window().Get("document")
	if doc.Get("documentElement").Get("dataset").Get("prerender").String() != "on" {
		return risk, nil, false
	}
	dash := doc.Call("querySelector", "#app-prerender #dash")
	if !dash.Truthy() {
		return risk, nil, false
	}
	for _, f := range figs {
		el := dash.Call("querySelector", `[data-figure="`+f.Key+`"]`)
		if !el.Truthy() || el.Call("getAttribute", "data-raw").String() != f.Raw {
			return risk, nil, false
		}
	}
	if err := json.Unmarshal([]byte(dash.Get("dataset").Get("analysis").String()), &risk); err != nil {
		return risk, nil, false
	}
	svgs = map[charts.ID]string{}
	for _, id := range charts.All() {
		if svg := dash.Call("querySelector", `figure.chart[data-chart="`+string(id)+`"] svg`); svg.Truthy() {
			svgs[id] = svg.Get("outerHTML").String()
		}
	}
	return risk, svgs, len(svgs) == len(charts.All())
}

// tagPattern matches a start tag and its attributes as go-app's encoder
// writes them (values quoted with strconv.Quote) or as the charts' SVG
// has them (plain double-quoted values).
var (
	tagPattern  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/"]+(?:="(?:[^"\\]|\\.)*")?)*)\s*(/?)>`)
	attrPattern = regexp.MustCompile(`\s+([^\s=>/"]+)(?:="((?:[^"\\]|\\.)*)")?`)
)

// canonicalHTML makes go-app's encoding of a page deterministic, and the
// HTML a browser reads what go-app's live page holds:
//   - the attributes of each tag in name order (go-app keeps them in a map);
//   - the attributes the live page sets as boolean properties (hidden,
//     open, checked, …) present when true and absent when false, where the
//     encoder writes hidden="false", which HTML reads as hidden;
//   - aria-* and data-* true as ="true", not bare (HTML reads bare as "");
//   - values strconv.Quote escaped (a thin space as \u2009) as HTML, and a
//     lone & as &amp;.
//
// Text and the rest are left as they are.
func canonicalHTML(s string) string {
	return tagPattern.ReplaceAllStringFunc(s, func(tag string) string {
		m := tagPattern.FindStringSubmatch(tag)
		attrs := attrPattern.FindAllStringSubmatch(m[2], -1)
		sort.SliceStable(attrs, func(i, j int) bool { return attrs[i][1] < attrs[j][1] })
		var b strings.Builder
		b.WriteString("<" + m[1])
		for _, a := range attrs {
			name, v, hasValue := a[1], a[2], strings.Contains(a[0], "=")
			if strings.Contains(v, `\`) {
				if u, err := strconv.Unquote(`"` + v + `"`); err == nil {
					v = strings.ReplaceAll(html.EscapeString(u), "&#39;", "'")
				}
			}
			switch {
			case booleanProperties[name]:
				if hasValue && v != "true" {
					continue // false: absent
				}
				b.WriteString(" " + name)
			case !hasValue && (strings.HasPrefix(name, "aria-") || strings.HasPrefix(name, "data-")):
				b.WriteString(" " + name + `="true"`)
			case !hasValue:
				b.WriteString(" " + name)
			default:
				b.WriteString(" " + name + `="` + escapeAmpersands(v) + `"`)
			}
		}
		b.WriteString(m[3] + ">")
		return b.String()
	})
}

// booleanProperties are the attributes go-app's live page sets as boolean
// properties of the element (setJSAttribute in go-app's attribute.go).
var booleanProperties = map[string]bool{
	"async": true, "autofocus": true, "autoplay": true, "checked": true, "default": true, "defer": true,
	"disabled": true, "hidden": true, "ismap": true, "loop": true, "multiple": true, "muted": true,
	"open": true, "readonly": true, "required": true, "reversed": true, "selected": true,
}

// charRef matches the character reference at the start of a text after &.
var charRef = regexp.MustCompile(`^(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);`)

// escapeAmpersands writes every & of v that does not start a character
// reference as &amp;, so that "?a=1&copy=2" stays what it says.
func escapeAmpersands(v string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(v, '&')
		if i < 0 {
			b.WriteString(v)
			return b.String()
		}
		b.WriteString(v[:i])
		if charRef.MatchString(v[i+1:]) {
			b.WriteByte('&')
		} else {
			b.WriteString("&amp;")
		}
		v = v[i+1:]
	}
}

// withStaticPage returns index.html's text with page between its markers.
func withStaticPage(index []byte, page string) ([]byte, error) {
	before, rest, ok := bytes.Cut(index, []byte(prerenderBegin))
	_, after, ok2 := bytes.Cut(rest, []byte(prerenderEnd))
	if !ok || !ok2 {
		return nil, errors.New("no " + prerenderBegin + " … " + prerenderEnd + " markers")
	}
	var b bytes.Buffer
	b.Write(before)
	b.WriteString(prerenderBegin + "\n" + page + "\n" + prerenderEnd)
	b.Write(after)
	return b.Bytes(), nil
}

// prerenderMain implements `app prerender [-index index.html]`: it writes
// the static page of the base case into index.html, between its markers,
// when it changed.
func prerenderMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("prerender", flag.ContinueOnError)
	fs.SetOutput(stderr)
	index := fs.String("index", "index.html", "the site's index.html, with the prerender markers")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	old, err := os.ReadFile(*index)
	if err != nil {
		fmt.Fprintf(stderr, "prerender: %v\n", err)
		return 1
	}
	page, err := staticPage()
	if err != nil {
		fmt.Fprintf(stderr, "prerender: %v\n", err)
		return 1
	}
	updated, err := withStaticPage(old, page)
	if err != nil {
		fmt.Fprintf(stderr, "prerender: %s: %v\n", *index, err)
		return 1
	}
	if bytes.Equal(updated, old) {
		fmt.Fprintf(stdout, "%s: the base case's static page is up to date (%d kB)\n", *index, len(page)/1000)
		return 0
	}
	if err := os.WriteFile(*index, updated, 0o644); err != nil {
		fmt.Fprintf(stderr, "prerender: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: wrote the base case's static page (%d kB)\n", *index, len(page)/1000)
	return 0
}
