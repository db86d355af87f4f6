// Package render turns the project's Markdown documents into the HTML
// files that the dashboard fetches when its methodology section is first
// opened. It is used at build time only (by docs/gen, through
// go generate ./docs) and by the tests of package docs: the dashboard
// carries neither goldmark nor the documents' text.
package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Doc is one document the page shows: its Markdown source in docs/, the
// HTML file made from it and the language it is written in.
type Doc struct {
	Markdown string // path from docs/, where go generate runs
	HTML     string // path from docs/: a file of the site under web/docs/
	Lang     string // the language of the text, for the root's lang attribute
}

// Dir is the folder of the site, from docs/, that holds the generated
// files; the page fetches them from web/docs/, relative to itself.
const Dir = "../web/docs"

// Docs are the documents of the page: the methodology in each language of
// the page (methodology.<lang>.html) and the fact table, which is a copy
// of the shared FACTS.md and exists in English only.
var Docs = []Doc{
	{"methodology.md", Dir + "/methodology.en.html", "en"},
	{"methodology.it.md", Dir + "/methodology.it.html", "it"},
	{"facts.md", Dir + "/facts.html", "en"},
}

// md is CommonMark with GFM pipe tables and GitHub-like heading ids, in
// goldmark's default safe mode: raw HTML in the source is left out
// ("<!-- raw HTML omitted -->") and dangerous link targets are dropped.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Table),
	goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		parser.WithASTTransformers(util.Prioritized(links{}, 100)),
	),
)

// HTML renders the Markdown src as one <div class="md" lang="…"> element
// (go-app's app.Raw needs a single root element), lang being the language
// of its text: the fact table stays English on the Italian page, and a
// screen reader reads it so. Links follow what the page always
// did: http(s) links open in a new tab with rel="noopener noreferrer",
// #anchor links stay in the page, and any other target (a relative path,
// mailto:, javascript:…) leaves only the link's text; an image leaves only
// its alternative text, since the page loads nothing from another origin.
// Header cells of a table get scope="col".
func HTML(src []byte, lang string) ([]byte, error) {
	if !langTag.MatchString(lang) {
		return nil, fmt.Errorf("language %q: want a tag such as en or it", lang)
	}
	var buf bytes.Buffer
	buf.WriteString(`<div class="md" lang="` + lang + "\">\n")
	if err := md.Convert(src, &buf); err != nil {
		return nil, err
	}
	buf.WriteString("</div>\n")
	return buf.Bytes(), nil
}

// langTag is what HTML accepts as a language: a BCP 47 tag of letters,
// digits and hyphens, which needs no escaping in an attribute.
var langTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// links is the AST transformer behind the link rules of HTML.
type links struct{}

func (links) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var unwrap []ast.Node     // links and images that leave their text
	var untie []*ast.AutoLink // autolinks that leave their label
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			switch kind(string(n.Destination)) {
			case external:
				n.SetAttributeString("rel", []byte("noopener noreferrer"))
				n.SetAttributeString("target", []byte("_blank"))
			case other:
				unwrap = append(unwrap, n)
			}
		case *ast.AutoLink:
			switch {
			case n.AutoLinkType == ast.AutoLinkURL && kind(string(n.URL(source))) == external:
				n.SetAttributeString("rel", []byte("noopener noreferrer"))
				n.SetAttributeString("target", []byte("_blank"))
			default:
				untie = append(untie, n)
			}
		case *ast.Image:
			unwrap = append(unwrap, n)
		case *east.TableCell:
			if n.Parent().Kind() == east.KindTableHeader {
				n.SetAttributeString("scope", []byte("col"))
			}
		}
		return ast.WalkContinue, nil
	})
	// The tree changes only after the walk, which would lose its way.
	for _, n := range untie {
		s := ast.NewString(n.Label(source))
		s.SetRaw(true) // escaped as text, with no entity or escape read
		n.Parent().ReplaceChild(n.Parent(), n, s)
	}
	for _, n := range unwrap {
		parent := n.Parent()
		for c := n.FirstChild(); c != nil; c = n.FirstChild() {
			n.RemoveChild(n, c)
			parent.InsertBefore(parent, n, c)
		}
		parent.RemoveChild(parent, n)
	}
}

const (
	external = iota // http:// or https://
	anchor          // #id in the same page
	other
)

func kind(url string) int {
	lower := strings.ToLower(strings.TrimSpace(url))
	switch {
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"):
		return external
	case strings.HasPrefix(url, "#"):
		return anchor
	}
	return other
}
