package render

import (
	"regexp"
	"strings"
	"testing"
)

func render(t *testing.T, src string) string {
	t.Helper()
	b, err := HTML([]byte(src), "en")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const sample = `# The scenario model
Intro with **bold**, *italic*, ` + "`code <b>`" + ` and a [source](https://example.com/a?b=1&c=2).

## 1. Time & money
## 1. Time & money

| id | default | range |
|---|---|---|
| ` + "`aws.value`" + ` | 38 | 0 – 2000 |
| p200 \| p300 | 3.50 |

- first item
  continues here
- second *item*

3. restart at three

<script>alert(1)</script>

<img src=x onerror=alert(1)> <b onclick="alert(1)">b</b>

[bad](javascript:alert(1)) and [BAD](JavaScript:alert(2)) and [rel](../etc/passwd) and [data](data:text/html,x) and [ok](#the-scenario-model) and ![alt text](https://example.com/i.png) and <https://example.org/x> and <javascript:alert(3)> and <someone@example.com>.
`

func TestHTMLOneRoot(t *testing.T) {
	html := render(t, sample)
	if !strings.HasPrefix(html, `<div class="md" lang="en">`) || !strings.HasSuffix(html, "</div>\n") {
		t.Errorf("not one <div class=\"md\" lang=\"en\">:\n%s", html)
	}
	if empty := render(t, ""); empty != "<div class=\"md\" lang=\"en\">\n</div>\n" {
		t.Errorf("empty source: %q", empty)
	}
	it, err := HTML([]byte("# Titolo\n"), "it")
	if err != nil || !strings.HasPrefix(string(it), `<div class="md" lang="it">`) {
		t.Errorf("Italian: %q, %v", it, err)
	}
}

// TestHTMLLang refuses a language that is not a plain tag, which would
// otherwise end the attribute.
func TestHTMLLang(t *testing.T) {
	for _, bad := range []string{"", "EN", "e", "en\"", `en" onclick="x`, "en us", "it-"} {
		if out, err := HTML([]byte("x"), bad); err == nil {
			t.Errorf("language %q accepted: %s", bad, out)
		}
	}
	for _, good := range []string{"en", "it", "en-US", "pt-BR"} {
		if _, err := HTML([]byte("x"), good); err != nil {
			t.Errorf("language %q: %v", good, err)
		}
	}
}

func TestHTMLBlocks(t *testing.T) {
	html := render(t, sample)
	for _, want := range []string{
		`<h1 id="the-scenario-model">The scenario model</h1>`,
		`<h2 id="1-time--money">1. Time &amp; money</h2>`,
		`<h2 id="1-time--money-1">1. Time &amp; money</h2>`,
		`<strong>bold</strong>`, `<em>italic</em>`, `<code>code &lt;b&gt;</code>`,
		`<th scope="col">id</th>`, `<td><code>aws.value</code></td>`, `<td>0 – 2000</td>`,
		`<td>p200 | p300</td>`, `<td>3.50</td>`, "<td></td>", // an escaped pipe; a short row is padded
		"<li>first item\ncontinues here</li>", `<li>second <em>item</em></li>`,
		`<ol start="3">`, `<li>restart at three</li>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
}

func TestHTMLLinks(t *testing.T) {
	html := render(t, sample)
	for _, want := range []string{
		`<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">source</a>`,
		`<a href="#the-scenario-model">ok</a>`,
		`<a href="https://example.org/x" rel="noopener noreferrer" target="_blank">https://example.org/x</a>`,
		// Any other target leaves the text; an image leaves its alt text.
		"<p>bad and BAD and rel and data and ", " and alt text and ",
		" and javascript:alert(3) and someone@example.com.",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if n := strings.Count(html, "<a "); n != 3 {
		t.Errorf("%d links, want 3 (two https, one #anchor):\n%s", n, html)
	}
}

func TestHTMLSafe(t *testing.T) {
	html := render(t, sample)
	lower := strings.ToLower(html)
	for _, bad := range []string{"<script", "<img", "<b>", "<b ", "onerror", "onclick", `href="javascript`, `href="data`, "passwd", "src="} {
		if strings.Contains(lower, bad) {
			t.Errorf("%q in the output:\n%s", bad, html)
		}
	}
	if !strings.Contains(html, "<!-- raw HTML omitted -->") {
		t.Errorf("raw HTML was not omitted:\n%s", html)
	}
	if attr := regexp.MustCompile(`(?i)<[^>]*\son[a-z]+\s*=`).FindString(html); attr != "" {
		t.Errorf("an event handler attribute: %s", attr)
	}
}
