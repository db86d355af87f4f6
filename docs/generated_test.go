package docs

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"computedash/docs/internal/render"
)

// generated is each document the page shows: its Markdown and the
// committed HTML file of the site made from it.
type generated struct {
	name     string // the HTML file's name under web/docs/
	markdown string
	html     string
	lang     string
}

// documents reads every document of render.Docs from disk (tests run in
// docs/).
func documents(t *testing.T) []generated {
	t.Helper()
	var out []generated
	for _, d := range render.Docs {
		out = append(out, generated{
			name:     path.Base(d.HTML),
			markdown: source(d.Markdown),
			html:     read(t, filepath.FromSlash(d.HTML)),
			lang:     d.Lang,
		})
	}
	return out
}

// source is a Markdown file of this folder.
func source(name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		panic(err) // tests run in docs/, where the files are
	}
	return string(b)
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v: run go generate ./docs (from the module root) and commit web/docs/", err)
	}
	return string(b)
}

// pages are the documents the page shows together, by its language: the
// methodology of the language, then the fact table (English only). The
// page fetches web/docs/methodology.<lang>.html.
var pages = map[string][]string{
	"en": {"methodology.en.html", "facts.html"},
	"it": {"methodology.it.html", "facts.html"},
}

// TestGeneratedHTMLIsFresh fails when a file of web/docs/ is not what
// go generate ./docs makes of docs/*.md today, and when web/docs/ holds a
// file that the generator does not write (a leftover the site would
// serve).
func TestGeneratedHTMLIsFresh(t *testing.T) {
	want := map[string]bool{}
	for _, d := range render.Docs {
		if path.Dir(d.HTML) != render.Dir {
			t.Errorf("%s is rendered into %s, not into %s", d.Markdown, d.HTML, render.Dir)
		}
		want[path.Base(d.HTML)] = true
		html, err := render.HTML([]byte(source(d.Markdown)), d.Lang)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.FromSlash(d.HTML))
		if err != nil || string(b) != string(html) {
			t.Errorf("web/docs/%s is missing or stale: run go generate ./docs (from the module root) and commit web/docs/", path.Base(d.HTML))
		}
	}
	entries, err := os.ReadDir(filepath.FromSlash(render.Dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("web/docs/%s is not a generated document: remove it", e.Name())
		}
	}
	for lang, names := range pages {
		for _, n := range names {
			if !want[n] {
				t.Errorf("the %s page shows %s, which the generator does not write", lang, n)
			}
		}
	}
}

// TestHTMLAnchorsResolve checks that every in-page link of the Markdown,
// such as the methodology's "Contents" and "Indice", and of the HTML leads
// to an id of the same document, and that the ids of the documents shown
// on one page are unique and clash with none of the methodology panel's
// own.
func TestHTMLAnchorsResolve(t *testing.T) {
	mdLink := regexp.MustCompile(`\]\(#([^)\s]*)\)`)
	href := regexp.MustCompile(`href="#([^"]*)"`)
	id := regexp.MustCompile(`\sid="([^"]*)"`)
	docs := map[string]generated{}
	for _, g := range documents(t) {
		docs[g.name] = g
		ids := map[string]bool{}
		for _, m := range id.FindAllStringSubmatch(g.html, -1) {
			if ids[m[1]] {
				t.Errorf("%s: the id %q twice", g.name, m[1])
			}
			ids[m[1]] = true
		}
		links := mdLink.FindAllStringSubmatch(g.markdown, -1)
		if strings.HasPrefix(g.name, "methodology.") && len(links) < 10 {
			t.Errorf("%s has %d in-page links, want its contents (10 or more)", g.name, len(links))
		}
		for _, m := range append(links, href.FindAllStringSubmatch(g.html, -1)...) {
			if !ids[m[1]] {
				t.Errorf("%s: the link to #%s leads to no id", g.name, m[1])
			}
		}
		if got, want := len(href.FindAllString(g.html, -1)), len(links); got != want {
			t.Errorf("%s has %d in-page links, the Markdown %d", g.name, got, want)
		}
	}
	for lang, names := range pages {
		seen := map[string]string{"methodology": "the panel", "facts": "the panel"}
		for _, n := range names {
			for _, m := range id.FindAllStringSubmatch(docs[n].html, -1) {
				if other, dup := seen[m[1]]; dup && other != n {
					t.Errorf("%s page: the id %q of %s is also in %s", lang, m[1], n, other)
				}
				seen[m[1]] = n
			}
		}
	}
}

// allowed are the elements the documents may use.
var allowed = map[string]bool{
	"div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"p": true, "ul": true, "ol": true, "li": true, "blockquote": true, "pre": true, "hr": true, "br": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"strong": true, "em": true, "code": true, "a": true, "del": true,
}

// TestHTMLIsSafe checks what the page's Content-Security-Policy and its
// promise of no request to another origin need: no script, no event
// handler attribute, no javascript: (or any other) URL but https, http and
// #anchors, no image, frame, object or style element.
func TestHTMLIsSafe(t *testing.T) {
	tag := regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
	attr := regexp.MustCompile(`\s([a-zA-Z-]+)="([^"]*)"`)
	for _, g := range documents(t) {
		lower := strings.ToLower(g.html)
		for _, bad := range []string{"<script", "javascript:", "vbscript:", "data:text"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s contains %q", g.name, bad)
			}
		}
		if a := regexp.MustCompile(`(?i)<[^>]*\son[a-z]+\s*=`).FindString(g.html); a != "" {
			t.Errorf("%s: an event handler attribute: %s", g.name, a)
		}
		for _, m := range tag.FindAllStringSubmatch(g.html, -1) {
			if !allowed[m[2]] {
				t.Errorf("%s: element <%s>", g.name, m[2])
			}
			rest := attr.ReplaceAllString(m[3], "")
			if strings.TrimSpace(strings.TrimSuffix(rest, "/")) != "" {
				t.Errorf("%s: unexpected attribute text %q in %s", g.name, rest, m[0])
			}
			for _, a := range attr.FindAllStringSubmatch(m[3], -1) {
				name, value := strings.ToLower(a[1]), a[2]
				switch name {
				case "id", "class", "scope", "start", "rel", "target":
				case "lang":
					if m[2] != "div" || value != g.lang {
						t.Errorf("%s: lang=%q on <%s>, want it on the root only, %q", g.name, value, m[2], g.lang)
					}
				case "href":
					if !strings.HasPrefix(value, "#") && !strings.HasPrefix(value, "https://") && !strings.HasPrefix(value, "http://") {
						t.Errorf("%s: link to %q", g.name, value)
					}
				default:
					t.Errorf("%s: attribute %s in %s", g.name, name, m[0])
				}
			}
			if m[2] == "a" && m[1] == "" && strings.Contains(m[3], `href="http`) &&
				(!strings.Contains(m[3], `rel="noopener noreferrer"`) || !strings.Contains(m[3], `target="_blank"`)) {
				t.Errorf("%s: an external link without rel and target: %s", g.name, m[0])
			}
		}
	}
}

// TestHTMLIsComplete checks that each document is one
// <div class="md" lang="…"> element, the root go-app's app.Raw needs, and
// that every heading, table and list item of the Markdown comes out, with
// no Markdown syntax left over.
func TestHTMLIsComplete(t *testing.T) {
	for _, g := range documents(t) {
		root := `<div class="md" lang="` + g.lang + `">`
		if !strings.HasPrefix(g.html, root) || !strings.HasSuffix(g.html, "</div>\n") ||
			strings.Count(g.html, "<div") != 1 {
			t.Errorf("%s is not one %s element", g.name, root)
		}
		s := structureOf(g.markdown)
		if got := strings.Count(g.html, "<table>"); got != len(s.tables) || got == 0 && g.name == "facts.html" {
			t.Errorf("%s: %d tables, want %d", g.name, got, len(s.tables))
		}
		hs := len(regexp.MustCompile(`<h[1-6] id="[^"]+">`).FindAllString(g.html, -1))
		if want := len(s.headings); hs != want {
			t.Errorf("%s: %d headings with an id, want %d", g.name, hs, want)
		}
		if got, want := strings.Count(g.html, "<li>"), s.items; got != want {
			t.Errorf("%s: %d list items, want %d", g.name, got, want)
		}
		if got, want := strings.Count(g.html, "<code>"), len(s.code); got != want {
			t.Errorf("%s: %d code spans, want %d", g.name, got, want)
		}
		for _, left := range []string{"**", "](", "|---", "raw HTML omitted"} {
			if strings.Contains(g.html, left) {
				t.Errorf("%s: %q left in the output", g.name, left)
			}
		}
	}
}

// structure is what a translation must keep of its original.
type structure struct {
	headings []string // the level of each heading: "#", "##", …
	tables   []string // each table's shape: columns × rows
	items    int      // list items
	code     []string // the code spans' text, sorted
	links    []string // the external links' targets, sorted
}

// structureOf reads the structure of a Markdown document line by line, as
// the documents are written: one line per paragraph, list item or table
// row, no fenced code.
func structureOf(md string) structure {
	head := regexp.MustCompile(`^(#{1,6}) `)
	item := regexp.MustCompile(`^\s*([-*]|[0-9]+\.) `)
	sep := regexp.MustCompile(`^\|[-|: ]+\|\s*$`)
	code := regexp.MustCompile("`([^`]+)`")
	link := regexp.MustCompile(`\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>`)
	var s structure
	lines := strings.Split(md, "\n")
	for i, line := range lines {
		if m := head.FindStringSubmatch(line); m != nil {
			s.headings = append(s.headings, m[1])
		}
		if item.MatchString(line) {
			s.items++
		}
		if sep.MatchString(line) {
			rows := 0
			for _, l := range lines[i+1:] {
				if !strings.HasPrefix(l, "|") {
					break
				}
				rows++
			}
			s.tables = append(s.tables, strings.Repeat("|", strings.Count(line, "|"))+" "+strings.Repeat("-", rows))
		}
		for _, m := range code.FindAllStringSubmatch(line, -1) {
			s.code = append(s.code, m[1])
		}
		for _, m := range link.FindAllStringSubmatch(line, -1) {
			s.links = append(s.links, m[1]+m[2])
		}
	}
	slices.Sort(s.code)
	slices.Sort(s.links)
	return s
}
