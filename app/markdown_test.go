package main

import (
	"regexp"
	"strings"
	"testing"

	"computedash/docs"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func renderMarkdown(src string) string {
	return app.HTMLString(app.Div().Body(markdown(src)...))
}

// containsFlow reports whether html holds the given pieces in this order,
// with nothing but the white space HTMLString puts between nodes in between.
func containsFlow(html string, pieces ...string) bool {
	for i, p := range pieces {
		pieces[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(strings.Join(pieces, `\s*`)).MatchString(html)
}

const markdownSample = `# The scenario model
Intro with **bold**, *italic*, ` + "`code <b>`" + ` and a [source](https://example.com/a?b=1&c=2).

## 1. Time & money
## 1. Time & money

### Third level
#### Fourth level
##### Not a heading

| id | default | range |
|---|---|---|
| ` + "`aws.value`" + ` | 38 | 0 – 2000 |
| p200 \| p300 | 3.50 |

- first item
  continues here
* second *item*
- third

1. one
2. two

3. restart at three

<script>alert(1)</script>

[bad](javascript:alert(1)) and [BAD](JavaScript:alert(2)) and [rel](/etc/passwd) and [ok](#the-scenario-model).
An unclosed **bold, a lone * star, 2 * 3 * 4 and an ` + "`open code" + `.
`

func TestMarkdownHeadings(t *testing.T) {
	html := renderMarkdown(markdownSample)
	for _, want := range []string{
		`<h1 id="the-scenario-model">The scenario model</h1>`,
		`<h2 id="1-time--money">1. Time &amp; money</h2>`,
		`<h2 id="1-time--money-1">1. Time &amp; money</h2>`,
		`<h3 id="third-level">Third level</h3>`,
		`<h4 id="fourth-level">Fourth level</h4>`,
		`<p>##### Not a heading</p>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
}

func TestMarkdownInline(t *testing.T) {
	html := renderMarkdown(markdownSample)
	for _, want := range []string{
		`<strong>bold</strong>`, `<em>italic</em>`, `<code>code &lt;b&gt;</code>`,
		`href="https://example.com/a?b=1&c=2"`, `rel="noopener noreferrer"`, `target="_blank"`, `>source</a>`,
		`href="#the-scenario-model"`, `>ok</a>`,
		`. An unclosed **bold, a lone * star, 2 * 3 * 4 and an ` + "`" + `open code.`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
}

func TestMarkdownInlineOrder(t *testing.T) {
	html := renderMarkdown(markdownSample)
	if !containsFlow(html, "<p>", "Intro with", "<strong>bold</strong>", ",", "<em>italic</em>", ",", "<code>code &lt;b&gt;</code>", "and a", "<a ") {
		t.Errorf("the intro paragraph is not rendered in order:\n%s", html)
	}
}

func TestMarkdownTable(t *testing.T) {
	html := renderMarkdown(markdownSample)
	if n := strings.Count(html, "<table>"); n != 1 {
		t.Fatalf("%d tables, want 1:\n%s", n, html)
	}
	for _, want := range []string{
		`<th scope="col">id</th>`, `<th scope="col">default</th>`, `<th scope="col">range</th>`,
		`<code>aws.value</code>`, `<td>38</td>`, `<td>0 – 2000</td>`,
		`<td>p200 | p300</td>`, `<td>3.50</td>`, // an escaped pipe; a short row is padded
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if got := strings.Count(html, "<td"); got != 6 {
		t.Errorf("%d cells, want 6", got)
	}
	if strings.Contains(html, "---") {
		t.Errorf("the separator row was rendered:\n%s", html)
	}
}

func TestMarkdownLists(t *testing.T) {
	html := renderMarkdown(markdownSample)
	for _, want := range []string{
		`<li>first item continues here</li>`, `<em>item</em>`, `<li>third</li>`,
		`<li>one</li>`, `<li>two</li>`, `<ol start="3">`, `<li>restart at three</li>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if n := strings.Count(html, "<ul>"); n != 1 {
		t.Errorf("%d bullet lists, want 1", n)
	}
	if n := strings.Count(html, "<ol"); n != 2 {
		t.Errorf("%d numbered lists, want 2", n)
	}
	if n := strings.Count(html, "<li>"); n != 6 {
		t.Errorf("%d list items, want 6", n)
	}
}

func TestMarkdownEscapes(t *testing.T) {
	html := renderMarkdown(markdownSample)
	if strings.Contains(html, "<script") || strings.Contains(html, "<b>") {
		t.Errorf("markup from the source became elements:\n%s", html)
	}
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the script tag is not shown as text:\n%s", html)
	}
	lower := strings.ToLower(html)
	if strings.Contains(lower, `href="javascript`) || strings.Contains(lower, `href="/etc`) {
		t.Errorf("a javascript: link became a link:\n%s", html)
	}
	if strings.Contains(html, "/etc/passwd") {
		t.Errorf("a relative link's target was rendered:\n%s", html)
	}
	for _, want := range []string{">bad<", ">BAD<", ">rel<"} {
		if strings.Contains(html, "<a"+want) {
			t.Errorf("%s is a link", want)
		}
	}
	if n := strings.Count(html, "<a "); n != 2 {
		t.Errorf("%d links, want 2 (https and #anchor):\n%s", n, html)
	}
	if !containsFlow(html, "<p>", "bad", "and", "BAD", "and", "rel", "and", `<a href="#the-scenario-model">ok</a>`) {
		t.Errorf("the text of unsafe links is missing:\n%s", html)
	}
}

func TestMarkdownEmpty(t *testing.T) {
	if got := markdown(""); len(got) != 0 {
		t.Errorf("markdown(\"\") = %d elements", len(got))
	}
	if got := markdown("\n\n  \r\n"); len(got) != 0 {
		t.Errorf("blank lines gave %d elements", len(got))
	}
}

// TestMarkdownDocs renders the two embedded documents: every heading,
// every table and every list item comes out, every #anchor link leads to a
// heading, and no Markdown syntax is left over in the text.
func TestMarkdownDocs(t *testing.T) {
	sep := regexp.MustCompile(`(?m)^\|[-|: ]+\|\s*$`)
	head := regexp.MustCompile(`(?m)^#{1,4} `)
	item := regexp.MustCompile(`(?m)^\s*([-*]|[0-9]+\.) `)
	for name, src := range map[string]string{"methodology.md": docs.Methodology, "facts.md": docs.Facts} {
		html := renderMarkdown(src)
		if got, want := strings.Count(html, "<table>"), len(sep.FindAllString(src, -1)); got != want || want == 0 && name == "facts.md" {
			t.Errorf("%s: %d tables, want %d", name, got, want)
		}
		hs := len(regexp.MustCompile(`<h[1-4] id="[^"]+">`).FindAllString(html, -1))
		if want := len(head.FindAllString(src, -1)); hs != want {
			t.Errorf("%s: %d headings, want %d", name, hs, want)
		}
		if got, want := strings.Count(html, "<li>"), len(item.FindAllString(src, -1)); got != want {
			t.Errorf("%s: %d list items, want %d", name, got, want)
		}
		for _, m := range regexp.MustCompile(`href="#([^"]*)"`).FindAllStringSubmatch(html, -1) {
			if !strings.Contains(html, `id="`+m[1]+`"`) {
				t.Errorf("%s: the link to #%s leads to no heading", name, m[1])
			}
		}
		for _, left := range []string{"**", "](", "|---", "<script"} {
			if strings.Contains(html, left) {
				t.Errorf("%s: %q left in the output", name, left)
			}
		}
	}
}
