// Package site serves the static dashboard site: the top-level index.html and
// wasm_exec.js, and everything under web/ (boot.js, style.css, app.wasm, ...).
//
// The site is plain files. go-app's own page generator is not used, so there is
// no service worker and nothing is fetched from another origin. The same files
// work at "/" and under any sub-path, because index.html and web/boot.js only
// use relative URLs.
//
// Handler is used both by `go run ./app serve` and by the e2e tests.
package site

import (
	"errors"
	"fmt"
	"hash/crc64"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// MetaCSP is the Content-Security-Policy that index.html carries in its
// <meta http-equiv> tag. It must stay identical to the tag (a test checks).
//
// style-src allows 'unsafe-inline' because go-chart's SVG output uses inline
// style attributes. script-src allows 'wasm-unsafe-eval' only, which lets the
// page compile WebAssembly but not eval JavaScript; there is no inline script.
const MetaCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'"

// HeaderCSP is the policy sent as an HTTP header: the meta policy plus the
// directives that only work in a header (frame-ancestors) and form-action.
const HeaderCSP = MetaCSP + "; form-action 'self'; frame-ancestors 'self'"

// DecodedLengthHeader carries the decoded (uncompressed) size of a response
// that is sent with a Content-Encoding, so the loader in web/boot.js can show
// real progress: the Content-Length of such a response is the compressed size,
// while the fetch reader counts decoded bytes.
const DecodedLengthHeader = "X-Decoded-Content-Length"

// encodings are the precompressed variants Handler looks for, best first.
var encodings = []struct {
	name string // Content-Encoding token
	ext  string // file suffix
}{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// contentTypes is consulted before the mime package so that the types do not
// depend on the machine's /etc/mime.types.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".wasm":  "application/wasm",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".ico":   "image/x-icon",
	".json":  "application/json",
	".txt":   "text/plain; charset=utf-8",
	".csv":   "text/csv; charset=utf-8",
	".woff2": "font/woff2",
	".gz":    "application/gzip",
	".br":    "application/octet-stream",
}

// ContentType returns the Content-Type for a file name, by extension.
func ContentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// SetSecurityHeaders sets the headers every response of the site carries.
func SetSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", HeaderCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "SAMEORIGIN")
	// no-cache = "revalidate every time": a rebuilt app.wasm is never stale,
	// an unchanged one costs a 304.
	h.Set("Cache-Control", "no-cache")
}

// Handler serves the site rooted at dir. Only the site's own files are
// served: "/" and "/index.html", "/wasm_exec.js" and files under "/web/".
// Everything else, dot files and directory listings included, is a 404, so
// serving the module root (`-dir .`) does not expose sources or .git.
//
// For a file F under web/, when F.br or F.gz exists, is not older than F (to
// the second), and the client accepts that encoding, the compressed file is
// sent with Content-Encoding, Vary: Accept-Encoding, F's Content-Type, and
// X-Decoded-Content-Length = size of F.
func Handler(dir string) http.Handler {
	return &handler{root: dir}
}

type handler struct {
	root string
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	SetSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}

	name, ok := sitePath(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}

	full := filepath.Join(h.root, filepath.FromSlash(name))
	info, err := os.Stat(full)
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}

	w.Header().Set("Content-Type", ContentType(name))
	if strings.HasPrefix(name, "web/") {
		w.Header().Add("Vary", "Accept-Encoding")
		for _, enc := range encodings {
			if !AcceptsEncoding(r.Header.Get("Accept-Encoding"), enc.name) {
				continue
			}
			cinfo, err := os.Stat(full + enc.ext)
			// Missing, or stale: older than the file it compresses (compared
			// to the second: gzip and brotli copy the mtime, some with
			// whole-second precision only).
			if err != nil || !cinfo.Mode().IsRegular() || cinfo.ModTime().Before(info.ModTime().Truncate(time.Second)) {
				continue
			}
			w.Header().Set("Content-Encoding", enc.name)
			w.Header().Set(DecodedLengthHeader, strconv.FormatInt(info.Size(), 10))
			if r.Header.Get("Range") == "" {
				// ServeContent omits Content-Length when Content-Encoding is
				// set; for a whole file it is known, so send it (no chunking).
				w.Header().Set("Content-Length", strconv.FormatInt(cinfo.Size(), 10))
			}
			serveFile(w, r, full+enc.ext, cinfo.ModTime())
			return
		}
	}
	serveFile(w, r, full, info.ModTime())
}

func serveFile(w http.ResponseWriter, r *http.Request, name string, mod time.Time) {
	f, err := os.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			http.NotFound(w, r)
			return
		}
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	// A strong ETag of the content: a new build is never taken for the old
	// one, even when its files keep the old modification times (tar,
	// rsync -t, reproducible images), because If-None-Match takes
	// precedence over If-Modified-Since.
	h := crc64.New(crc64.MakeTable(crc64.ECMA))
	n, err := io.Copy(h, f)
	if err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	w.Header().Set("ETag", fmt.Sprintf(`"%x-%x"`, n, h.Sum64()))
	// ServeContent handles HEAD, Range, If-None-Match, If-Modified-Since and
	// Content-Length. The Content-Type is already set, so it does not sniff.
	http.ServeContent(w, r, path.Base(name), mod, f)
}

// sitePath maps a URL path to a slash-separated path relative to the site
// root, and reports whether it is one of the site's files.
func sitePath(urlPath string) (string, bool) {
	if urlPath == "" {
		urlPath = "/"
	}
	if !strings.HasPrefix(urlPath, "/") {
		urlPath = "/" + urlPath
	}
	if urlPath == "/" {
		return "index.html", true
	}
	clean := path.Clean(urlPath)
	if clean != urlPath {
		return "", false // no "..", "//" or "/./" games; no trailing slash
	}
	name := strings.TrimPrefix(clean, "/")
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	switch {
	case name == "index.html", name == "wasm_exec.js":
		return name, true
	case strings.HasPrefix(name, "web/"):
		return name, true
	}
	return "", false
}

// AcceptsEncoding reports whether an Accept-Encoding header value accepts the
// content coding enc ("gzip", "br"), honouring q=0 and "*".
func AcceptsEncoding(header, enc string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		token, params, _ := strings.Cut(part, ";")
		token = strings.ToLower(strings.TrimSpace(token))
		if token == "" {
			continue
		}
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || f != f || f < 0 { // NaN or negative: ignore the token
					f = 0
				}
				q = f
			}
		}
		switch token {
		case enc, "x-" + enc:
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}
