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

// HeaderCSP is the policy sent as an HTTP header by default: the meta policy
// plus form-action and the directive that only works in a header,
// frame-ancestors. By default any origin may put the site in a frame: the
// dashboard is read-only, holds no credentials and acts for no one, so
// framing it cannot trick a user into doing anything. [Options.CSP] gives the
// policy for a restricted list of framing origins.
const HeaderCSP = headerCSPPrefix + AnyFrameAncestor

// headerCSPPrefix is HeaderCSP up to the frame-ancestors source list.
const headerCSPPrefix = MetaCSP + "; form-action 'self'; frame-ancestors "

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

// Options configure the site's headers. The zero value is the default: any
// origin may frame the site.
type Options struct {
	// FrameAncestors are the origins allowed to put the site in a frame;
	// the zero value allows any origin.
	FrameAncestors FrameAncestors
}

// CSP returns the Content-Security-Policy header value for o: HeaderCSP with
// o's frame-ancestors source list.
func (o Options) CSP() string {
	return headerCSPPrefix + o.FrameAncestors.String()
}

// SetSecurityHeaders sets the headers every response of the site carries,
// with the frame-ancestors of o.
//
// X-Frame-Options is sent only when it says the same as frame-ancestors, for
// browsers too old to know the directive: SAMEORIGIN for 'self' alone and
// DENY for 'none'. It cannot express any origin or a list of origins, and a
// browser that knows frame-ancestors ignores it anyway.
func (o Options) SetSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", o.CSP())
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if xfo := o.FrameAncestors.xFrameOptions(); xfo != "" {
		h.Set("X-Frame-Options", xfo)
	} else {
		h.Del("X-Frame-Options")
	}
	// no-cache = "revalidate every time": a rebuilt app.wasm is never stale,
	// an unchanged one costs a 304.
	h.Set("Cache-Control", "no-cache")
}

// SetSecurityHeaders sets the headers every response of the site carries,
// with the default options (any origin may frame the site).
func SetSecurityHeaders(h http.Header) {
	Options{}.SetSecurityHeaders(h)
}

// Handler serves the site rooted at dir with the default options. Only the
// site's own files are served: "/" and "/index.html", "/wasm_exec.js" and
// files under "/web/". Everything else, dot files and directory listings
// included, is a 404, so serving the module root (`-dir .`) does not expose
// sources or .git.
//
// For a file F under web/, when F.br or F.gz exists, is not older than F (to
// the second), and the client accepts that encoding, the compressed file is
// sent with Content-Encoding, Vary: Accept-Encoding, F's Content-Type, and
// X-Decoded-Content-Length = size of F.
func Handler(dir string) http.Handler {
	return NewHandler(dir, Options{})
}

// NewHandler is like Handler, with the headers of opts.
func NewHandler(dir string, opts Options) http.Handler {
	return &handler{root: dir, opts: opts}
}

type handler struct {
	root string
	opts Options
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.opts.SetSecurityHeaders(w.Header())
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

// AnyFrameAncestor is the frame-ancestors source list that lets any origin
// put the site in a frame: the default.
const AnyFrameAncestor = "*"

// FrameAncestors is a validated frame-ancestors source list: the origins that
// may put the site in a frame. The zero value allows any origin. A
// *FrameAncestors is a [flag.Value]; [ParseFrameAncestors] says what it
// accepts.
type FrameAncestors struct {
	sources []string // normalised entries; nil means any origin
}

// ParseFrameAncestors parses a list of frame ancestors separated by spaces or
// commas. Each entry is one of
//
//   - an origin, scheme://host[:port]: scheme http or https; host made of
//     letters, digits, hyphens and dots, optionally starting with "*." for
//     any subdomain; port 1 to 65535; nothing after it but an optional "/";
//   - 'self', the site's own origin, or 'none', no framing at all (alone);
//   - *, any origin (alone).
//
// Schemes, hosts and keywords are lowercased and repeated entries dropped.
// Anything else is an error: a semicolon, a quote other than those of 'self'
// and 'none', a path, a query, user info, a control or non-ASCII character
// (write an international host name in its xn-- form). The list therefore
// cannot end the directive or the header it is written into.
func ParseFrameAncestors(list string) (FrameAncestors, error) {
	entries := strings.FieldsFunc(list, func(r rune) bool {
		return r == ' ' || r == ','
	})
	if len(entries) == 0 {
		return FrameAncestors{}, errors.New("frame ancestors: empty list: give origins such as https://intranet.example.com, or 'self', 'none' or *")
	}
	var sources []string
	seen := make(map[string]bool)
	for _, e := range entries {
		src, err := frameAncestor(e)
		if err != nil {
			return FrameAncestors{}, fmt.Errorf("frame ancestors: %q: %v", e, err)
		}
		if !seen[src] {
			seen[src] = true
			sources = append(sources, src)
		}
	}
	for _, alone := range []string{"'none'", AnyFrameAncestor} {
		if seen[alone] && len(sources) > 1 {
			return FrameAncestors{}, fmt.Errorf("frame ancestors: %s must be the only entry of the list %q", alone, list)
		}
	}
	if len(sources) == 1 && sources[0] == AnyFrameAncestor {
		return FrameAncestors{}, nil
	}
	return FrameAncestors{sources: sources}, nil
}

// frameAncestor validates and normalises one entry of a frame-ancestors list.
func frameAncestor(e string) (string, error) {
	for _, r := range e {
		if r < 0x21 || r > 0x7e {
			return "", errors.New("control, space or non-ASCII character (write an international host name in its xn-- form)")
		}
	}
	switch {
	case e == AnyFrameAncestor:
		return e, nil
	case strings.EqualFold(e, "'self'"), strings.EqualFold(e, "'none'"):
		return strings.ToLower(e), nil
	case strings.Contains(e, ";"):
		return "", errors.New("a semicolon would end the directive")
	case strings.ContainsAny(e, `'"`):
		return "", errors.New("only 'self' and 'none' may be quoted")
	}
	scheme, rest, ok := strings.Cut(e, "://")
	if !ok {
		return "", errors.New("not an origin: write scheme://host[:port], such as https://intranet.example.com")
	}
	scheme = strings.ToLower(scheme)
	if scheme != "http" && scheme != "https" {
		return "", fmt.Errorf("scheme %q: only http and https", scheme)
	}
	rest = strings.TrimSuffix(rest, "/")
	if i := strings.IndexAny(rest, "/?#@\\"); i >= 0 {
		return "", fmt.Errorf("an origin has no path, query, fragment or user info (%q)", rest[i:])
	}
	if strings.HasPrefix(rest, "[") {
		return "", errors.New("host: IPv6 addresses are not accepted (the CSP source grammar has none): use a host name")
	}
	host, port, hasPort := strings.Cut(rest, ":")
	if hasPort {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || port[0] < '1' || port[0] > '9' {
			return "", fmt.Errorf("port %q: a number from 1 to 65535", port)
		}
	}
	host = strings.ToLower(host)
	if err := checkHost(host); err != nil {
		return "", err
	}
	src := scheme + "://" + host
	if hasPort {
		src += ":" + port
	}
	return src, nil
}

// checkHost reports whether host is a host name or IPv4 address of an
// origin, optionally with a leading "*." wildcard label.
func checkHost(host string) error {
	name := strings.TrimPrefix(host, "*.")
	if name == "" || len(name) > 253 {
		return fmt.Errorf("host %q: empty or too long", host)
	}
	for label := range strings.SplitSeq(name, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return fmt.Errorf("host %q: each dot-separated label is 1 to 63 letters, digits or inner hyphens", host)
		}
		for _, c := range []byte(label) {
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return fmt.Errorf("host %q: character %q (letters, digits, hyphens and dots only)", host, c)
			}
		}
	}
	return nil
}

// String returns the source list as written in the directive: "*" for the
// zero value, else the entries separated by single spaces.
func (f FrameAncestors) String() string {
	if f.sources == nil {
		return AnyFrameAncestor
	}
	return strings.Join(f.sources, " ")
}

// Set parses list with ParseFrameAncestors and stores the result in f.
func (f *FrameAncestors) Set(list string) error {
	p, err := ParseFrameAncestors(list)
	if err != nil {
		return err
	}
	*f = p
	return nil
}

// Any reports whether f lets any origin frame the site.
func (f FrameAncestors) Any() bool {
	return f.sources == nil
}

// xFrameOptions returns the X-Frame-Options value that says the same as f,
// or "" when there is none.
func (f FrameAncestors) xFrameOptions() string {
	if len(f.sources) != 1 {
		return ""
	}
	switch f.sources[0] {
	case "'self'":
		return "SAMEORIGIN"
	case "'none'":
		return "DENY"
	}
	return ""
}
