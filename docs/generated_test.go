package docs

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"computedash/docs/internal/render"
)

// generated pairs each document's Markdown with its committed HTML.
var generated = []struct{ name, markdown, html string }{
	{"methodology", source("methodology.md"), MethodologyHTML},
	{"facts", source("facts.md"), FactsHTML},
}

// source is a Markdown file of this folder; the package does not embed
// them.
func source(name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		panic(err) // tests run in docs/, where the files are
	}
	return string(b)
}

// TestGeneratedHTMLIsFresh fails when docs/*.html is not what
// go generate ./docs makes of docs/*.md today.
func TestGeneratedHTMLIsFresh(t *testing.T) {
	if len(render.Docs) != len(generated) {
		t.Fatalf("the generator renders %d documents, the package embeds %d", len(render.Docs), len(generated))
	}
	for i, g := range generated {
		if d := render.Docs[i]; d.Markdown != g.name+".md" || d.HTML != g.name+".html" {
			t.Errorf("the generator renders %s into %s, the package embeds %s.html", d.Markdown, d.HTML, g.name)
		}
		want, err := render.HTML([]byte(g.markdown))
		if err != nil {
			t.Fatal(err)
		}
		if g.html != string(want) {
			t.Errorf("docs/%s.html is stale: run go generate ./docs (from the module root) and commit it", g.name)
		}
	}
}

// TestHTMLAnchorsResolve checks that every in-page link of the Markdown,
// such as the methodology's "Contents", and of the HTML leads to an id of
// the same document, and that the ids of the two documents, shown on one
// page, are unique and clash with none of the methodology panel's own.
func TestHTMLAnchorsResolve(t *testing.T) {
	mdLink := regexp.MustCompile(`\]\(#([^)\s]*)\)`)
	href := regexp.MustCompile(`href="#([^"]*)"`)
	id := regexp.MustCompile(`\sid="([^"]*)"`)
	seen := map[string]string{"methodology": "the panel", "facts": "the panel"}
	for _, g := range generated {
		ids := map[string]bool{}
		for _, m := range id.FindAllStringSubmatch(g.html, -1) {
			ids[m[1]] = true
			if other, dup := seen[m[1]]; dup {
				t.Errorf("%s: the id %q is also in %s", g.name, m[1], other)
			}
			seen[m[1]] = g.name
		}
		links := mdLink.FindAllStringSubmatch(g.markdown, -1)
		if g.name == "methodology" && len(links) < 10 {
			t.Errorf("methodology.md has %d in-page links, want its Contents (10 or more)", len(links))
		}
		for _, m := range append(links, href.FindAllStringSubmatch(g.html, -1)...) {
			if !ids[m[1]] {
				t.Errorf("%s: the link to #%s leads to no id", g.name, m[1])
			}
		}
		if got, want := len(href.FindAllString(g.html, -1)), len(links); got != want {
			t.Errorf("%s.html has %d in-page links, the Markdown %d", g.name, got, want)
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
	for _, g := range generated {
		lower := strings.ToLower(g.html)
		for _, bad := range []string{"<script", "javascript:", "vbscript:", "data:text"} {
			if strings.Contains(lower, bad) {
				t.Errorf("%s.html contains %q", g.name, bad)
			}
		}
		for _, m := range tag.FindAllStringSubmatch(g.html, -1) {
			if !allowed[m[2]] {
				t.Errorf("%s.html: element <%s>", g.name, m[2])
			}
			rest := attr.ReplaceAllString(m[3], "")
			if strings.TrimSpace(strings.TrimSuffix(rest, "/")) != "" {
				t.Errorf("%s.html: unexpected attribute text %q in %s", g.name, rest, m[0])
			}
			for _, a := range attr.FindAllStringSubmatch(m[3], -1) {
				name, value := strings.ToLower(a[1]), a[2]
				switch name {
				case "id", "class", "scope", "start", "rel", "target":
				case "href":
					if !strings.HasPrefix(value, "#") && !strings.HasPrefix(value, "https://") && !strings.HasPrefix(value, "http://") {
						t.Errorf("%s.html: link to %q", g.name, value)
					}
				default:
					t.Errorf("%s.html: attribute %s in %s", g.name, name, m[0])
				}
			}
			if m[2] == "a" && m[1] == "" && strings.Contains(m[3], `href="http`) &&
				(!strings.Contains(m[3], `rel="noopener noreferrer"`) || !strings.Contains(m[3], `target="_blank"`)) {
				t.Errorf("%s.html: an external link without rel and target: %s", g.name, m[0])
			}
		}
	}
}

// TestHTMLIsComplete checks that each document is one <div class="md">
// and that every heading, table and list item of the Markdown comes out,
// with no Markdown syntax left over.
func TestHTMLIsComplete(t *testing.T) {
	sep := regexp.MustCompile(`(?m)^\|[-|: ]+\|\s*$`)
	head := regexp.MustCompile(`(?m)^#{1,6} `)
	item := regexp.MustCompile(`(?m)^\s*([-*]|[0-9]+\.) `)
	for _, g := range generated {
		if !strings.HasPrefix(g.html, `<div class="md">`) || !strings.HasSuffix(g.html, "</div>\n") ||
			strings.Count(g.html, "<div") != 1 {
			t.Errorf("%s.html is not one <div class=\"md\"> element", g.name)
		}
		if got, want := strings.Count(g.html, "<table>"), len(sep.FindAllString(g.markdown, -1)); got != want || want == 0 && g.name == "facts" {
			t.Errorf("%s: %d tables, want %d", g.name, got, want)
		}
		hs := len(regexp.MustCompile(`<h[1-6] id="[^"]+">`).FindAllString(g.html, -1))
		if want := len(head.FindAllString(g.markdown, -1)); hs != want {
			t.Errorf("%s: %d headings with an id, want %d", g.name, hs, want)
		}
		if got, want := strings.Count(g.html, "<li>"), len(item.FindAllString(g.markdown, -1)); got != want {
			t.Errorf("%s: %d list items, want %d", g.name, got, want)
		}
		for _, left := range []string{"**", "](", "|---", "raw HTML omitted"} {
			if strings.Contains(g.html, left) {
				t.Errorf("%s.html: %q left in the output", g.name, left)
			}
		}
	}
}
