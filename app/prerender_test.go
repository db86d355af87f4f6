package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"computedash/i18n"
)

// TestIndexHTMLStaticPageIsCurrent fails when index.html's static page is
// not what the components render now: `./build.sh build` (or
// `go run ./app prerender`) writes it.
func TestIndexHTMLStaticPageIsCurrent(t *testing.T) {
	index, err := os.ReadFile("../index.html")
	if err != nil {
		t.Fatal(err)
	}
	page, err := staticPage()
	if err != nil {
		t.Fatal(err)
	}
	want, err := withStaticPage(index, page)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(index, want) {
		t.Error("index.html's static page of the base case is out of date: run ./build.sh build (or go run ./app prerender) and commit index.html")
	}
}

// TestStaticPage checks what the static page says: the base case's
// figures, settled, never marked ready (boot.js waits for the live page).
func TestStaticPage(t *testing.T) {
	page, err := staticPage()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`data-static="1"`, `data-settled="true"`, `data-risk="ready"`, `data-stale="false"`} {
		if !strings.Contains(page, want) {
			t.Errorf("static page lacks %s", want)
		}
	}
	for _, bad := range []string{`data-ready=`, `data-stale="true"`, ` hidden="false"`, ` open="false"`} {
		if strings.Contains(page, bad) {
			t.Errorf("static page has %s", bad)
		}
	}
	for _, f := range i18n.For("en").Headline(scenarioOf("").report) {
		if !strings.Contains(page, `data-raw="`+f.Raw+`"`) || !strings.Contains(page, ">"+f.Value+"<") {
			t.Errorf("static page lacks figure %s = %s (raw %s)", f.Key, f.Value, f.Raw)
		}
	}
}

func TestCanonicalHTML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<div id="a" class="b">x</div>`, `<div class="b" id="a">x</div>`},
		{`<details open="false" class="g"><summary hidden>`, `<details class="g"><summary hidden>`},
		{`<details open="true">`, `<details open>`},
		{`<a aria-current data-x href="?a=1&copy=2&amp;b=3&#39;">`, `<a aria-current="true" data-x="true" href="?a=1&amp;copy=2&amp;b=3&#39;">`},
		{`<p title="1\u2009GW \"q\"">`, `<p title="1` + "\u2009" + `GW &#34;q&#34;">`},
		{`<svg xmlns="http://www.w3.org/2000/svg" width="10"/>`, `<svg width="10" xmlns="http://www.w3.org/2000/svg"/>`},
		{`a < b & c`, `a < b & c`},
	} {
		if got := canonicalHTML(tc.in); got != tc.want {
			t.Errorf("canonicalHTML(%s)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}
