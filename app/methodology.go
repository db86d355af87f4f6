package main

import (
	"errors"
	"strconv"
	"strings"

	"computedash/format"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// methodology shows how every number is made and where every default comes
// from. The documents are static files of the site, rendered from docs/*.md
// at build time (go generate ./docs): web/docs/methodology.<lang>.html and
// web/docs/facts.html, each one <div class="md"> element without script,
// event handler or raw HTML from the source. The section fetches the ones
// of the page's language when it is first opened, so the WebAssembly
// binary carries neither a Markdown renderer nor their text, and keeps
// them for when it is opened again or the language comes back.
type methodology struct {
	app.Compo

	Title      string
	FactsTitle string
	Lang       format.Lang // the page's language

	open    bool
	docs    map[string]string // fetched documents by file name
	loading map[string]bool   // file names being fetched
	failed  bool              // a fetch failed; opening the section again retries
}

// docsDir is where the documents are, relative to the page's URL, so that
// a site served under a sub-path ("/intranet/dash/") finds them too; the
// Content-Security-Policy's connect-src 'self' allows the request.
const docsDir = "web/docs/"

// factsDoc is the fact table, a copy of the shared FACTS.md, in English on
// every page.
const factsDoc = "facts.html"

// methodologyDoc is the file of the methodology in lang.
func methodologyDoc(lang format.Lang) string {
	return "methodology." + string(lang) + ".html"
}

func (m *methodology) onToggle(ctx app.Context, e app.Event) {
	m.open = ctx.JSSrc().Get("open").Bool()
	if m.open {
		m.load(ctx)
	}
}

// OnUpdate fetches the documents of a new language while the section is
// open.
func (m *methodology) OnUpdate(ctx app.Context) {
	if m.open {
		m.load(ctx)
	}
}

// load fetches each document the section needs that it neither has nor is
// fetching.
func (m *methodology) load(ctx app.Context) {
	if m.docs == nil {
		m.docs, m.loading = map[string]string{}, map[string]bool{}
	}
	for _, name := range []string{methodologyDoc(m.Lang), factsDoc} {
		if _, ok := m.docs[name]; ok || m.loading[name] {
			continue
		}
		m.loading[name] = true
		m.failed = false // a new try: the error shows again only if it fails too
		fetchDoc(ctx, docsDir+name, func(ctx app.Context, html string, err error) {
			delete(m.loading, name)
			if err != nil {
				app.Logf("methodology: %s: %v", name, err)
				m.failed = true
				return
			}
			m.docs[name] = html
		})
	}
}

// fetchDoc fetches a document of the site with the browser's fetch and
// hands it, or the error, to done on the UI goroutine. A document must be
// what the generator writes, one <div class="md"> element: anything else
// (a proxy's login page, a server's error page) is an error, not shown.
func fetchDoc(ctx app.Context, url string, done func(app.Context, string, error)) {
	var onResponse, onText, onError app.Func
	finish := func(html string, err error) {
		onResponse.Release()
		onText.Release()
		onError.Release()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, html, err) })
	}
	onError = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "the request failed"
		if len(args) > 0 {
			// String() of whatever was thrown: Value.Call would throw on
			// a primitive.
			msg = app.Window().Call("String", args[0]).String()
		}
		finish("", errors.New(msg))
		return nil
	})
	onText = app.FuncOf(func(this app.Value, args []app.Value) any {
		html := ""
		if len(args) > 0 {
			html = args[0].String()
		}
		if !strings.HasPrefix(html, `<div class="md"`) {
			finish("", errors.New("not a document of the site"))
			return nil
		}
		finish(html, nil)
		return nil
	})
	onResponse = app.FuncOf(func(this app.Value, args []app.Value) any {
		resp := args[0]
		if !resp.Get("ok").Bool() {
			finish("", errors.New("HTTP "+strconv.Itoa(resp.Get("status").Int())))
			return nil
		}
		resp.Call("text").Call("then", onText, onError)
		return nil
	})
	app.Window().Call("fetch", url, map[string]any{"cache": "no-cache", "credentials": "same-origin"}).
		Call("then", onResponse, onError)
}

func (m *methodology) Render() app.UI {
	return app.Details().ID("methodology").Class("section", "method").OnToggle(m.onToggle).Body(
		app.Summary().Text(m.Title),
		app.If(m.open, func() app.UI {
			c := i18n.For(m.Lang)
			method, okMethod := m.docs[methodologyDoc(m.Lang)]
			facts, okFacts := m.docs[factsDoc]
			switch {
			case okMethod && okFacts:
				return app.Div().Class("doc").Body(
					app.Raw(method),
					app.H2().ID("facts").Text(m.FactsTitle),
					app.Raw(facts),
				)
			case m.failed:
				return app.Div().Class("doc").Body(
					app.P().Class("note", "doc-failed").Attr("role", "alert").Text(c.T("method.failed")),
				)
			}
			return app.Div().Class("doc").Body(
				app.P().Class("note", "doc-loading").Attr("role", "status").Text(c.T("method.loading")),
			)
		}),
	)
}
