package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func readSiteFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestIndexHTML(t *testing.T) {
	html := readSiteFile(t, "index.html")

	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("index.html has no CSP meta tag")
	}
	if m[1] != MetaCSP {
		t.Errorf("CSP meta tag and site.MetaCSP differ:\nmeta:  %s\nconst: %s", m[1], MetaCSP)
	}
	if !strings.HasPrefix(HeaderCSP, MetaCSP+";") || !strings.HasSuffix(HeaderCSP, "; frame-ancestors *") {
		t.Errorf("HeaderCSP must extend MetaCSP and end with frame-ancestors *: %s", HeaderCSP)
	}
	if !strings.Contains(html, "<title>AI compute commitments — scenario dashboard</title>") {
		t.Error("title missing or changed")
	}

	// go-app mounts the root component in place of body.firstElementChild.
	body := html[strings.Index(html, "<body>")+len("<body>"):]
	first := regexp.MustCompile(`<[a-zA-Z][^>]*>`).FindString(body)
	if !strings.HasPrefix(first, "<div") {
		t.Errorf("the first element of <body> must be the placeholder <div>, got %q", first)
	}

	// No inline script: every <script> has a src and no body.
	for _, s := range regexp.MustCompile(`(?s)<script([^>]*)>(.*?)</script>`).FindAllStringSubmatch(html, -1) {
		if !strings.Contains(s[1], "src=") || strings.TrimSpace(s[2]) != "" {
			t.Errorf("inline script in index.html: %q", s[0])
		}
	}
	// Inline event handlers are inline script too.
	if regexp.MustCompile(`\son[a-z]+=`).MatchString(html) {
		t.Error("index.html has an inline event handler attribute")
	}

	// Every src/href is relative, so the site works under a sub-path.
	for _, a := range regexp.MustCompile(`\s(?:src|href)="([^"]*)"`).FindAllStringSubmatch(html, -1) {
		u := a[1]
		if strings.HasPrefix(u, "/") || strings.Contains(u, "://") {
			t.Errorf("index.html references %q: use a relative URL", u)
		}
	}
	for _, want := range []string{`src="wasm_exec.js"`, `src="web/boot.js"`, `href="web/style.css"`, "<noscript>"} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

// The shell must not reach another origin.
func TestNoForeignURLs(t *testing.T) {
	for _, name := range []string{"index.html", "web/boot.js", "web/style.css"} {
		// XML namespace names (the inline SVG charts of index.html's
		// static page) are names, never fetched.
		text := regexp.MustCompile(`\sxmlns(?::[a-z]+)?="[^"]*"`).ReplaceAllString(readSiteFile(t, name), "")
		if m := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`).FindString(text); m != "" {
			t.Errorf("%s references another origin: %q", name, m)
		}
		if strings.Contains(text, "serviceWorker") {
			t.Errorf("%s mentions serviceWorker: the site has none", name)
		}
	}
}

var siteTime = time.Date(2025, 11, 1, 12, 0, 0, 0, time.UTC)

// newSite makes a site directory with the given files (name -> content).
func newSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		// One mtime for all: the map order must not make a .gz look stale.
		if err := os.Chtimes(p, siteTime, siteTime); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func gz(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	io.WriteString(w, s)
	w.Close()
	return b.String()
}

func get(t *testing.T, h http.Handler, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestHandler(t *testing.T) {
	const wasm = "\x00asm\x01\x00\x00\x00 pretend this is a big module"
	dir := newSite(t, map[string]string{
		"index.html":       "<!DOCTYPE html><title>x</title>",
		"wasm_exec.js":     "// go",
		"web/boot.js":      "// boot",
		"web/style.css":    "body{}",
		"web/app.wasm":     wasm,
		"web/app.wasm.gz":  gz(t, wasm),
		"web/app.wasm.br":  "pretend-brotli",
		"web/.hidden":      "secret",
		"web/sub/data.csv": "a,b\n",
		"go.mod":           "module x",
		"app/main.go":      "package main",
		".git/config":      "[core]",
	})
	h := Handler(dir)

	cases := []struct {
		target, wantType string
	}{
		{"/", "text/html; charset=utf-8"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/wasm_exec.js", "text/javascript; charset=utf-8"},
		{"/web/boot.js", "text/javascript; charset=utf-8"},
		{"/web/style.css", "text/css; charset=utf-8"},
		{"/web/app.wasm", "application/wasm"},
		{"/web/sub/data.csv", "text/csv; charset=utf-8"},
	}
	for _, c := range cases {
		w := get(t, h, "GET", c.target)
		if w.Code != http.StatusOK {
			t.Errorf("GET %s: %d", c.target, w.Code)
			continue
		}
		if got := w.Header().Get("Content-Type"); got != c.wantType {
			t.Errorf("GET %s: Content-Type %q, want %q", c.target, got, c.wantType)
		}
		for k, v := range map[string]string{
			"Content-Security-Policy": HeaderCSP,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "no-referrer",
			"Cache-Control":           "no-cache",
		} {
			if got := w.Header().Get(k); got != v {
				t.Errorf("GET %s: %s = %q, want %q", c.target, k, got, v)
			}
		}
		if w.Header().Get("Content-Encoding") != "" {
			t.Errorf("GET %s without Accept-Encoding: got Content-Encoding %q", c.target, w.Header().Get("Content-Encoding"))
		}
	}

	for _, target := range []string{
		"/go.mod", "/app/main.go", "/.git/config", "/web/.hidden", "/web/", "/web",
		"/web/../go.mod", "//web/boot.js", "/web/./boot.js", "/web/missing.js", "/index.html/",
	} {
		w := get(t, h, "GET", target)
		if w.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", target, w.Code)
		}
		if w.Header().Get("Content-Security-Policy") != HeaderCSP {
			t.Errorf("GET %s: error response lacks the CSP header", target)
		}
	}

	if w := get(t, h, "POST", "/"); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %d, want 405", w.Code)
	}
	if w := get(t, h, "HEAD", "/web/app.wasm"); w.Code != http.StatusOK || w.Body.Len() != 0 ||
		w.Header().Get("Content-Length") != strconv.Itoa(len(wasm)) {
		t.Errorf("HEAD /web/app.wasm: %d, body %d bytes, Content-Length %q", w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
	}
}

func TestHandlerPrecompressed(t *testing.T) {
	const wasm = "\x00asm\x01\x00\x00\x00 pretend this is a big module"
	compressed := gz(t, wasm)
	dir := newSite(t, map[string]string{
		"index.html":      "<!DOCTYPE html>",
		"web/app.wasm":    wasm,
		"web/app.wasm.gz": compressed,
		"web/app.wasm.br": "pretend-brotli",
	})
	h := Handler(dir)

	check := func(accept, wantEnc, wantBody string) {
		t.Helper()
		w := get(t, h, "GET", "/web/app.wasm", "Accept-Encoding", accept)
		if w.Code != http.StatusOK {
			t.Fatalf("Accept-Encoding %q: %d", accept, w.Code)
		}
		if got := w.Header().Get("Content-Encoding"); got != wantEnc {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", accept, got, wantEnc)
		}
		if got := w.Header().Get("Content-Type"); got != "application/wasm" {
			t.Errorf("Accept-Encoding %q: Content-Type %q", accept, got)
		}
		if !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("Accept-Encoding %q: no Vary: Accept-Encoding", accept)
		}
		if w.Body.String() != wantBody {
			t.Errorf("Accept-Encoding %q: wrong body", accept)
		}
		if got, want := w.Header().Get("Content-Length"), strconv.Itoa(len(wantBody)); got != want {
			t.Errorf("Accept-Encoding %q: Content-Length %s, want %s", accept, got, want)
		}
		decoded := w.Header().Get(DecodedLengthHeader)
		if wantEnc == "" && decoded != "" {
			t.Errorf("Accept-Encoding %q: %s set on an identity response", accept, DecodedLengthHeader)
		}
		if wantEnc != "" && decoded != strconv.Itoa(len(wasm)) {
			t.Errorf("Accept-Encoding %q: %s = %q, want %d", accept, DecodedLengthHeader, decoded, len(wasm))
		}
	}
	check("", "", wasm)
	check("identity", "", wasm)
	check("gzip, deflate", "gzip", compressed)
	check("gzip, deflate, br, zstd", "br", "pretend-brotli")
	check("br;q=0, gzip", "gzip", compressed)
	check("gzip;q=0", "", wasm)
	check("*", "br", "pretend-brotli")

	// Revalidation (Cache-Control: no-cache) of an unchanged file is a 304.
	w := get(t, h, "GET", "/web/app.wasm", "Accept-Encoding", "gzip",
		"If-Modified-Since", siteTime.Format(http.TimeFormat))
	if w.Code != http.StatusNotModified || w.Header().Get("Content-Length") != "" || w.Body.Len() != 0 {
		t.Errorf("revalidation: %d, Content-Length %q, %d body bytes", w.Code, w.Header().Get("Content-Length"), w.Body.Len())
	}

	// A compressed file older than the file it compresses is stale: the wasm
	// was rebuilt without recompressing. It must not be served.
	old := siteTime.Add(-time.Hour)
	for _, f := range []string{"web/app.wasm.gz", "web/app.wasm.br"} {
		if err := os.Chtimes(filepath.Join(dir, f), old, old); err != nil {
			t.Fatal(err)
		}
	}
	check("gzip, deflate, br", "", wasm)

	// Within the same second counts as fresh: brotli copies the mtime with
	// whole-second precision only.
	wasmTime := siteTime.Add(900 * time.Millisecond)
	os.Chtimes(filepath.Join(dir, "web/app.wasm"), wasmTime, wasmTime)
	os.Chtimes(filepath.Join(dir, "web/app.wasm.br"), siteTime, siteTime)
	check("gzip, deflate, br", "br", "pretend-brotli")
}

func TestAcceptsEncoding(t *testing.T) {
	cases := []struct {
		header, enc string
		want        bool
	}{
		{"", "gzip", false},
		{"gzip", "gzip", true},
		{"GZIP", "gzip", true},
		{"x-gzip", "gzip", true},
		{"deflate, gzip;q=1.0, *;q=0.5", "gzip", true},
		{"gzip;q=0", "gzip", false},
		{"gzip; q=0.000", "gzip", false},
		{"gzip;q=0.001", "gzip", true},
		{"gzip;q=bogus", "gzip", false},
		{"br", "gzip", false},
		{"*", "br", true},
		{"*;q=0", "br", false},
		{"*, br;q=0", "br", false},
		{"identity", "gzip", false},
		{" br ; q=1 , gzip", "br", true},
	}
	for _, c := range cases {
		if got := AcceptsEncoding(c.header, c.enc); got != c.want {
			t.Errorf("AcceptsEncoding(%q, %q) = %v, want %v", c.header, c.enc, got, c.want)
		}
	}
}

func FuzzAcceptsEncoding(f *testing.F) {
	for _, s := range []string{"", "gzip", "br;q=0, gzip", "*;q=0.5", "gzip;q=NaN", ",,;;=", "gzip;q=1e309"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		for _, enc := range []string{"gzip", "br"} {
			got := AcceptsEncoding(header, enc)
			// Appending an explicit refusal never turns a refusal into acceptance,
			// and a header that is only the coding itself always accepts.
			if !got && AcceptsEncoding(header+", "+enc+";q=0", enc) {
				t.Errorf("%q + refusal accepts %s", header, enc)
			}
			if !AcceptsEncoding(enc, enc) {
				t.Fatal("plain coding not accepted")
			}
		}
	})
}

func TestSitePath(t *testing.T) {
	for _, p := range []string{"", "/", "/index.html", "/wasm_exec.js", "/web/app.wasm", "/web/a/b.svg"} {
		if _, ok := sitePath(p); !ok {
			t.Errorf("sitePath(%q) refused", p)
		}
	}
	for _, p := range []string{"/x", "/web", "/web/", "/web//a", "/web/../x", "/web/.a", "/.git/HEAD", "/index.html/", "/web/a/.b/c"} {
		if name, ok := sitePath(p); ok {
			t.Errorf("sitePath(%q) = %q, want refused", p, name)
		}
	}
}

// TestFramingHeaders checks the headers that decide who may frame the site,
// by default and with a restricted list, on a file and on an error response.
func TestFramingHeaders(t *testing.T) {
	dir := newSite(t, map[string]string{"index.html": "<!DOCTYPE html>"})
	const rest = MetaCSP + "; form-action 'self'; frame-ancestors "
	cases := []struct {
		name, list string // list "" means the zero Options
		wantCSP    string
		wantXFO    string // "" means no X-Frame-Options header
	}{
		{"default", "", rest + "*", ""},
		{"explicit any", "*", rest + "*", ""},
		{"one origin", "https://intranet.example.com", rest + "https://intranet.example.com", ""},
		{"two origins", "https://intranet.example.com https://wiki.example.com:8443",
			rest + "https://intranet.example.com https://wiki.example.com:8443", ""},
		{"commas, case, slash, repeats", "HTTPS://Intranet.Example.com/, 'SELF',https://intranet.example.com",
			rest + "https://intranet.example.com 'self'", ""},
		{"self only", "'self'", rest + "'self'", "SAMEORIGIN"},
		{"none", "'none'", rest + "'none'", "DENY"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var opts Options
			if c.list != "" {
				fa, err := ParseFrameAncestors(c.list)
				if err != nil {
					t.Fatalf("ParseFrameAncestors(%q): %v", c.list, err)
				}
				opts.FrameAncestors = fa
			}
			if got := opts.CSP(); got != c.wantCSP {
				t.Errorf("CSP() = %q, want %q", got, c.wantCSP)
			}
			h := NewHandler(dir, opts)
			for _, target := range []string{"/", "/nothing-here"} {
				w := get(t, h, "GET", target)
				if got := w.Header().Get("Content-Security-Policy"); got != c.wantCSP {
					t.Errorf("GET %s: Content-Security-Policy %q, want %q", target, got, c.wantCSP)
				}
				if got := w.Header().Values("X-Frame-Options"); c.wantXFO == "" && len(got) != 0 ||
					c.wantXFO != "" && (len(got) != 1 || got[0] != c.wantXFO) {
					t.Errorf("GET %s: X-Frame-Options %q, want %q", target, got, c.wantXFO)
				}
			}
		})
	}

	// Handler and SetSecurityHeaders are the defaults.
	if got := get(t, Handler(dir), "GET", "/").Header().Get("Content-Security-Policy"); got != HeaderCSP {
		t.Errorf("Handler: Content-Security-Policy %q, want HeaderCSP", got)
	}
	h := http.Header{"X-Frame-Options": {"SAMEORIGIN"}}
	SetSecurityHeaders(h)
	if h.Get("Content-Security-Policy") != HeaderCSP || h.Get("X-Frame-Options") != "" {
		t.Errorf("SetSecurityHeaders: %v", h)
	}
}

// TestParseFrameAncestorsRejects checks that a list that is not a plain list
// of origins and keywords is refused, so that nothing can be added to the
// policy or the response through it.
func TestParseFrameAncestorsRejects(t *testing.T) {
	cases := []struct {
		list, wantErr string // wantErr: a part of the message
	}{
		{"", "empty list"},
		{" , ", "empty list"},
		{"https://a.example.com; script-src *", "semicolon"},
		{"https://a.example.com;", "semicolon"},
		{"'self';", "semicolon"},
		{"'unsafe-inline'", "only 'self' and 'none' may be quoted"},
		{"'self", "only 'self' and 'none' may be quoted"},
		{"' self'", "only 'self' and 'none' may be quoted"},
		{`"https://a.example.com"`, "only 'self' and 'none' may be quoted"},
		{"https://a.example.com\r\nSet-Cookie: x=1", "control"},
		{"https://a.example.com\tX", "control"},
		{"https://bücher.example", "non-ASCII"},
		{"a.example.com", "not an origin"},
		{"https:", "not an origin"},
		{"data:", "not an origin"},
		{"javascript://a.example.com", "scheme"},
		{"file://x", "scheme"},
		{"https://", "host"},
		{"https://a.example.com/path", "no path"},
		{"https://a.example.com?x=1", "no path"},
		{"https://a.example.com#x", "no path"},
		{"https://user@a.example.com", "user info"},
		{"https://a.example.com:0", "port"},
		{"https://a.example.com:65536", "port"},
		{"https://a.example.com:080", "port"},
		{"https://a.example.com:", "port"},
		{"https://a.example.com:80:81", "port"},
		{"https://*", "host"},
		{"https://a.*.example.com", "host"},
		{"https://-a.example.com", "host"},
		{"https://a..example.com", "host"},
		{"https://a_b.example.com", "host"},
		{"https://[::1]", "host"},
		{"* https://a.example.com", "only entry"},
		{"'none' 'self'", "only entry"},
	}
	for _, c := range cases {
		fa, err := ParseFrameAncestors(c.list)
		if err == nil {
			t.Errorf("ParseFrameAncestors(%q) = %q, want an error", c.list, fa)
			continue
		}
		if !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("ParseFrameAncestors(%q): error %q, want it to mention %q", c.list, err, c.wantErr)
		}
		// A failed Set leaves the value as it was.
		var v FrameAncestors
		if err := v.Set(c.list); err == nil || !v.Any() {
			t.Errorf("Set(%q): %v, value %q", c.list, err, v)
		}
	}
}

// FuzzParseFrameAncestors checks that whatever is accepted is written into
// the policy as one directive made only of the characters of origins and
// keywords, and that parsing the result again gives the same list.
func FuzzParseFrameAncestors(f *testing.F) {
	for _, s := range []string{"*", "'self'", "https://a.example.com:8443 'self'", "https://*.example.com", "https://a;b", "'none'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		fa, err := ParseFrameAncestors(list)
		if err != nil {
			return
		}
		s := fa.String()
		for _, r := range s {
			if !strings.ContainsRune("abcdefghijklmnopqrstuvwxyz0123456789-.:/*' ", r) {
				t.Fatalf("%q gave %q with %q", list, s, r)
			}
		}
		again, err := ParseFrameAncestors(s)
		if err != nil || again.String() != s {
			t.Fatalf("%q gave %q, which parses to %q, %v", list, s, again, err)
		}
		if csp := (Options{FrameAncestors: fa}).CSP(); strings.Count(csp, "frame-ancestors") != 1 || !strings.HasSuffix(csp, "frame-ancestors "+s) {
			t.Fatalf("CSP %q", csp)
		}
	})
}

// TestEmbeddingDoc checks that docs/embedding.md gives the policy the server
// sends: in its table of headers and in the nginx, Apache and IIS
// configurations.
func TestEmbeddingDoc(t *testing.T) {
	doc := readSiteFile(t, "docs/embedding.md")
	if n := strings.Count(doc, HeaderCSP); n < 4 {
		t.Errorf("docs/embedding.md gives site.HeaderCSP %d times, want 4 (the table, nginx, Apache, IIS):\n%s", n, HeaderCSP)
	}
	for _, want := range []string{"-frame-ancestors", "FRAME_ANCESTORS", `{type: "computedash:height", height: <number>}`} {
		if !strings.Contains(doc, want) {
			t.Errorf("docs/embedding.md does not mention %s", want)
		}
	}
}
