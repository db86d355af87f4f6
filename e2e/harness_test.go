package e2e

// The harness: TestMain builds the site once and starts one Chromium for the
// package; newPage opens a tab per test and records everything that must not
// happen. See doc.go. The helpers every test uses are in helpers_test.go.
//
// Typical use in a test:
//
//	p := openDashboard(t, rootURL("/?aws.value=60")) // newPage, then waits for the figures
//	checkFigures(t, p, "document", "aws.value=60", "aws.value=60") // the headline is core's
//	typeInto(p, idSel("in-aws.value"), "50")          // real key events, then Enter
//	waitQuery(p, "aws.value=50")
//	n := evalJS[int](p, `document.querySelectorAll("svg").length`)
//	screenshot(p, "dashboard")                        // e2e/artifacts/dashboard.png

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"computedash/site"
)

const (
	// testTimeout bounds each page (tab) of a test.
	testTimeout = 60 * time.Second
	// subPath is where the sub-path server mounts the dashboard site.
	subPath = "/intranet/dash/"
	// stubSubPath is where it mounts the stub site.
	stubSubPath = "/intranet/stub/"
)

// env is set up once by TestMain.
//
// Two sites are built from the same shell (index.html, wasm_exec.js, web/):
// the dashboard site, with ./app as web/app.wasm, and the stub site, with
// e2e/testdata/shellapp, a tiny program that mounts a [data-ready="1"]
// element at once (or crashes on request). The tests of the shell's own
// mechanics use the stub site, so they are fast and do not depend on the
// dashboard.
var env struct {
	buildErr   error  // building the dashboard site (app.wasm, native app) failed
	stubErr    error  // building the stub site failed
	browserErr error  // no Chromium, or it did not start
	modRoot    string // module root (holds go.mod)
	siteDir    string // the dashboard site: index.html, wasm_exec.js, web/ with app.wasm(.gz)
	stubDir    string // the stub site: the same shell with shellapp as app.wasm(.gz)
	appBin     string // the native app binary (app serve / app export)

	root *httptest.Server // dashboard site at "/", wasm gzipped as a browser gets it
	sub  *httptest.Server // dashboard site at subPath, stub site at stubSubPath, nothing else

	stub     *httptest.Server // stub site at "/" (gzip, with X-Decoded-Content-Length)
	plain    *httptest.Server // stub site, no compression: Content-Length is the wasm size
	nolength *httptest.Server // stub site, gzip without X-Decoded-Content-Length: indeterminate bar
	broken   *httptest.Server // stub site whose web/app.wasm is a 404

	browserCtx context.Context // one Chromium for the package; a tab per page
}

// rootURL, subURL: URLs of the dashboard site on the root server and under
// subPath on the sub-path server.
func rootURL(path string) string { return env.root.URL + path }
func subURL(path string) string {
	return env.sub.URL + strings.TrimSuffix(subPath, "/") + "/" + strings.TrimPrefix(path, "/")
}

// stubURL: a URL of the stub site at the root of its server.
func stubURL(path string) string { return env.stub.URL + path }

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "computedash-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)

	start := time.Now()
	buildSite(tmp)
	if env.buildErr == nil {
		fmt.Fprintf(os.Stderr, "e2e: site built in %v\n", time.Since(start).Round(time.Millisecond))
	}
	// Start the servers and the browser even when the build failed, so every
	// test fails with the build error (newPage, requireSite) instead of a nil
	// server.
	startServers()
	defer stopServers()
	defer closeBare()
	stop, err := startBrowser(tmp)
	env.browserErr = err
	if stop != nil {
		defer stop()
	}
	return m.Run()
}

// ---------------------------------------------------------------------------
// Site
// ---------------------------------------------------------------------------

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("not in a Go module")
	}
	return filepath.Dir(gomod), nil
}

// buildSite builds both sites into tmp (see env): it copies the shell, builds
// the wasm with the same flags as build.sh and gzips it; it also builds the
// native app. Errors go to env.buildErr (dashboard) and env.stubErr (stub), so
// the shell tests run while the dashboard does not compile.
func buildSite(tmp string) {
	root, err := moduleRoot()
	if err != nil {
		env.buildErr, env.stubErr = err, err
		return
	}
	env.modRoot = root
	env.siteDir = filepath.Join(tmp, "site")
	env.stubDir = filepath.Join(tmp, "site-stub")
	env.appBin = filepath.Join(tmp, "app")

	// buildWasm copies the shell to dir and builds each package to
	// web/<name>.wasm: pkgs holds package, name pairs.
	buildWasm := func(dir string, pkgs ...string) error {
		if err := copySite(root, dir); err != nil {
			return fmt.Errorf("copying the site: %w", err)
		}
		for i := 0; i+1 < len(pkgs); i += 2 {
			wasm := filepath.Join(dir, "web", pkgs[i+1]+".wasm")
			if err := goBuild(root, []string{"GOOS=js", "GOARCH=wasm"},
				"-trimpath", "-ldflags=-s -w", "-o", wasm, pkgs[i]); err != nil {
				return err
			}
			if err := gzipFile(wasm); err != nil {
				return err
			}
		}
		return nil
	}

	var wg sync.WaitGroup
	var wasmErr, binErr error
	wg.Go(func() { wasmErr = buildWasm(env.siteDir, "./app", "app", "./worker", "risk") })
	wg.Go(func() { binErr = goBuild(root, nil, "-o", env.appBin, "./app") })
	wg.Go(func() { env.stubErr = buildWasm(env.stubDir, "./e2e/testdata/shellapp", "app") })
	wg.Wait()
	switch {
	case wasmErr != nil:
		env.buildErr = fmt.Errorf("building app.wasm: %w", wasmErr)
	case binErr != nil:
		env.buildErr = fmt.Errorf("building the native app: %w", binErr)
	}
	if env.stubErr != nil {
		env.stubErr = fmt.Errorf("building the stub site: %w", env.stubErr)
	}
}

func goBuild(dir string, extraEnv []string, args ...string) error {
	cmd := exec.Command("go", append([]string{"build"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), extraEnv...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %v: %w\n%s", strings.Join(extraEnv, " "), cmd.Args, err, out)
	}
	return nil
}

// copySite copies index.html, wasm_exec.js and web/ (without build output).
func copySite(from, to string) error {
	for _, f := range []string{"index.html", "wasm_exec.js"} {
		if err := copyFile(filepath.Join(from, f), filepath.Join(to, f)); err != nil {
			return err
		}
	}
	return copyTree(filepath.Join(from, "web"), filepath.Join(to, "web"), func(name string) bool {
		return strings.HasPrefix(name, "app.wasm") || strings.HasPrefix(name, "risk.wasm")
	})
}

// copyTree copies every file of a folder but those whose name skip
// reports (skip may be nil).
func copyTree(from, to string, skip func(name string) bool) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		if skip != nil && skip(d.Name()) {
			return nil
		}
		return copyFile(p, filepath.Join(to, rel))
	})
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

func gzipFile(name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	w.Write(b)
	if err := w.Close(); err != nil {
		return err
	}
	return os.WriteFile(name+".gz", buf.Bytes(), 0o644)
}

// ---------------------------------------------------------------------------
// Servers
// ---------------------------------------------------------------------------

func startServers() {
	h := site.Handler(env.siteDir)
	env.root = httptest.NewServer(h)

	stub := site.Handler(env.stubDir)
	mux := http.NewServeMux()
	mux.Handle(subPath, http.StripPrefix(strings.TrimSuffix(subPath, "/"), h))
	mux.Handle(stubSubPath, http.StripPrefix(strings.TrimSuffix(stubSubPath, "/"), stub))
	env.sub = httptest.NewServer(mux)

	env.stub = httptest.NewServer(stub)
	env.plain = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("Accept-Encoding")
		stub.ServeHTTP(w, r)
	}))
	env.nolength = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		stub.ServeHTTP(dropHeader{w, site.DecodedLengthHeader}, r)
	}))
	env.broken = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/web/app.wasm") {
			site.SetSecurityHeaders(w.Header())
			http.NotFound(w, r)
			return
		}
		stub.ServeHTTP(w, r)
	}))
}

func stopServers() {
	for _, s := range []*httptest.Server{env.root, env.sub, env.stub, env.plain, env.nolength, env.broken} {
		if s != nil {
			s.CloseClientConnections()
			s.Close()
		}
	}
}

// hostServer serves pages written by a test (path → HTML) from a server of
// their own: another origin than the dashboard's (another port of
// 127.0.0.1; the same site, so Chromium keeps the dashboard's frames in the
// tab's process, where the tab's recorder and frameEval reach them). The
// pages get no Content-Security-Policy: their inline scripts run.
func hostServer(t *testing.T, pages map[string]string) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for path, body := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			io.WriteString(w, body)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// dropHeader removes one header just before the response is written.
type dropHeader struct {
	http.ResponseWriter
	name string
}

func (d dropHeader) WriteHeader(code int) {
	d.Header().Del(d.name)
	d.ResponseWriter.WriteHeader(code)
}

func (d dropHeader) Write(b []byte) (int, error) {
	d.Header().Del(d.name)
	return d.ResponseWriter.Write(b)
}

// ---------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------

// chromiumPath finds Chromium: $CHROMIUM, /usr/bin/chromium, or PATH.
func chromiumPath() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("CHROMIUM=%s: %w", p, err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("Chromium not found (looked at $CHROMIUM, /usr/bin/chromium and PATH): " +
		"install it with `apt-get install -y chromium`, or run .ci/run, or set CHROMIUM=/path/to/chromium")
}

func startBrowser(tmp string) (stop func(), err error) {
	path, err := chromiumPath()
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(filepath.Join(tmp, "chromium-profile")),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("no-default-browser-check", true),
		// chromedp's own two, and the browser's omnibox popup, a page of
		// its own (chrome://omnibox-popup.top-chrome) whose renderer
		// follows every tab: it used a third of a core while the
		// performance test opened and closed its pages
		// (docs/performance.md).
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	stop = func() { cancelBrowser(); cancelAlloc() }

	// The first Do starts Chromium; its life is bound to browserCtx, so the
	// timeout is a timer, not a context deadline.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(browserCtx) }()
	select {
	case err = <-done:
	case <-time.After(testTimeout):
		err = errors.New("timed out")
	}
	if err != nil {
		stop()
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	env.browserCtx = browserCtx
	return stop, nil
}

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

// page is one browser tab of a test, with everything it recorded.
type page struct {
	t     *testing.T
	ctx   context.Context // the tab; its deadline is testTimeout
	url   string          // the URL newPage opened
	scope string          // every request must start with this (the page's directory)
	cfg   pageConfig

	closeOnce sync.Once
	cancel    func() // closes the tab

	mu       sync.Mutex
	problems []string // console errors/warnings, exceptions, log errors/warnings
	console  []string // every console message, for the failure report
	requests []string // every request URL
}

type pageConfig struct {
	noJS    bool
	noWasm  bool
	noCache bool
	stub    bool
	allowed []*regexp.Regexp
	timeout time.Duration // the tab's deadline; testTimeout when zero
	scripts []string      // evaluated in every document before its own scripts
	scopes  []string      // more URL prefixes the page may request (alsoScope)
}

type pageOption func(*pageConfig)

// withoutJS disables script execution (emulation.SetScriptExecutionDisabled).
func withoutJS() pageOption { return func(c *pageConfig) { c.noJS = true } }

// onStub says the page does not run the dashboard (stub site or a page of
// the test's own): newPage then checks that the stub site built, not the
// dashboard.
func onStub() pageOption { return func(c *pageConfig) { c.stub = true } }

// withoutWasm removes window.WebAssembly before any page script runs.
func withoutWasm() pageOption { return func(c *pageConfig) { c.noWasm = true } }

// withoutCache disables the browser's cache for the tab
// (Network.setCacheDisabled), for a cold load.
func withoutCache() pageOption { return func(c *pageConfig) { c.noCache = true } }

// withTimeout gives the tab a deadline of d instead of testTimeout, for a
// long test.
func withTimeout(d time.Duration) pageOption { return func(c *pageConfig) { c.timeout = d } }

// withScript evaluates js in every document of the tab before its own
// scripts.
func withScript(js string) pageOption {
	return func(c *pageConfig) { c.scripts = append(c.scripts, js) }
}

// alsoScope lets the page request URLs under prefix too: a host page of
// one server that frames the dashboard of another (another origin).
func alsoScope(prefix string) pageOption {
	return func(c *pageConfig) { c.scopes = append(c.scopes, prefix) }
}

// allowProblem lets recorded problems (console errors, log entries, ...)
// that match the pattern pass; use it for failures a test provokes.
func allowProblem(pattern string) pageOption {
	re := regexp.MustCompile(pattern)
	return func(c *pageConfig) { c.allowed = append(c.allowed, re) }
}

// recordViolations is evaluated in every document before its own scripts.
const recordViolations = `
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
    " at " + (e.sourceFile || "?") + ":" + e.lineNumber);
});
`

// newPage opens url in a new tab of the package's Chromium and waits for the
// load event. When the page closes (close, or at cleanup) the test fails on
// any recorded problem.
func newPage(t *testing.T, url string, opts ...pageOption) *page {
	t.Helper()
	p := &page{t: t, url: url, scope: scopeOf(url)}
	for _, o := range opts {
		o(&p.cfg)
	}
	timeout := testTimeout
	if p.cfg.timeout > 0 {
		timeout = p.cfg.timeout
	}
	if p.cfg.stub {
		requireStub(t)
	} else {
		requireSite(t)
	}
	if env.browserErr != nil {
		t.Fatalf("no browser: %v", env.browserErr)
	}

	deadline, cancelDeadline := context.WithTimeout(env.browserCtx, timeout)
	tab, cancelTab := chromedp.NewContext(deadline, chromedp.WithListener(p.listen))
	p.ctx = tab
	p.cancel = func() { cancelTab(); cancelDeadline() }
	t.Cleanup(p.close)

	steps := []chromedp.Action[chromedp.Void]{addScript(recordViolations)}
	for _, js := range p.cfg.scripts {
		steps = append(steps, addScript(js))
	}
	if p.cfg.noWasm {
		steps = append(steps, addScript(`delete window.WebAssembly;`))
	}
	if p.cfg.noCache {
		steps = append(steps, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
			return err
		}))
	}
	if p.cfg.noJS {
		steps = append(steps, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled,
				emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
	}
	steps = append(steps, chromedp.Navigate(url))
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	return p
}

// scopeOf is the folder of a URL, its query and fragment left out (a query
// can hold a "/").
func scopeOf(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return u[:strings.LastIndex(u, "/")+1]
}

func addScript(source string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument,
			cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: source})
		return err
	})
}

// listen runs in the tab's event loop: record only, return fast.
func (p *page) listen(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		msg := fmt.Sprintf("console.%s: %s", ev.Type, argsText(ev.Args))
		p.console = append(p.console, msg)
		switch ev.Type {
		case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeWarning,
			runtime.ConsoleAPICalledTypeAssert:
			p.problems = append(p.problems, msg)
		}
	case *runtime.EventExceptionThrown:
		msg := "uncaught exception: " + exceptionText(ev.ExceptionDetails)
		p.console = append(p.console, msg)
		p.problems = append(p.problems, msg)
	case *cdplog.EventEntryAdded:
		e := ev.Entry
		if e == nil {
			return
		}
		msg := fmt.Sprintf("browser log (%s, %s): %s", e.Source, e.Level, e.Text)
		if e.URL != "" {
			msg += " [" + e.URL + "]"
		}
		p.console = append(p.console, msg)
		if e.Level == cdplog.EntryLevelError || e.Level == cdplog.EntryLevelWarning {
			p.problems = append(p.problems, msg)
		}
	case *network.EventRequestWillBeSent:
		if ev.Request != nil {
			p.requests = append(p.requests, ev.Request.URL)
		}
	}
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a == nil:
		case len(a.Value) > 0:
			var s string
			if json.Unmarshal(a.Value, &s) == nil {
				parts = append(parts, s)
			} else {
				parts = append(parts, string(a.Value))
			}
		case a.Description != "":
			parts = append(parts, a.Description)
		case a.UnserializableValue != "":
			parts = append(parts, string(a.UnserializableValue))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "?"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	return fmt.Sprintf("%s (%s:%d:%d)", s, d.URL, d.LineNumber+1, d.ColumnNumber+1)
}

// findings returns what the page must not have done so far: console errors
// and warnings, uncaught exceptions, browser log errors and warnings, CSP
// violations, requests outside the page's scope (data: and blob: are fine),
// minus what allowProblem lets pass.
func (p *page) findings() []string {
	// CSP violations seen by the page itself (taken out of the page, so a
	// second call does not report them twice). Without JS the recorder did
	// not run; the browser log reports violations too.
	var violations []string
	var readErr error
	if !p.cfg.noJS {
		ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
		violations, readErr = chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`(window.__cspViolations || []).splice(0)`))
		cancel()
	}

	p.mu.Lock()
	defer p.mu.Unlock()
	if readErr != nil {
		p.problems = append(p.problems, "reading CSP violations: "+readErr.Error())
	}
	for _, v := range violations {
		p.problems = append(p.problems, "CSP violation: "+v)
	}
	var out []string
	for _, msg := range p.problems {
		if !p.isAllowed(msg) {
			out = append(out, msg)
		}
	}
	for _, u := range p.requests {
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") || p.inScope(u) {
			continue
		}
		out = append(out, "request outside "+strings.Join(append([]string{p.scope}, p.cfg.scopes...), " and ")+": "+u)
	}
	return out
}

// inScope reports whether the page may request u: it is in the page's
// folder, or under a prefix given with alsoScope.
func (p *page) inScope(u string) bool {
	for _, s := range append([]string{p.scope}, p.cfg.scopes...) {
		if strings.HasPrefix(u, s) {
			return true
		}
	}
	return false
}

// close fails the test on every finding and closes the tab; it runs at
// cleanup too, and only once.
func (p *page) close() {
	p.closeOnce.Do(func() {
		p.check()
		p.cancel()
	})
}

// check fails the test on every finding.
func (p *page) check() {
	t := p.t
	t.Helper()
	found := p.findings()
	for _, f := range found {
		t.Errorf("%s: %s", p.url, f)
	}
	if len(found) > 0 || testing.Verbose() {
		p.mu.Lock()
		console := "(none)"
		if len(p.console) > 0 {
			console = "\n\t" + strings.Join(p.console, "\n\t")
		}
		t.Logf("%s: %d requests; console: %s", p.url, len(p.requests), console)
		p.mu.Unlock()
	}
}

func (p *page) isAllowed(msg string) bool {
	for _, re := range p.cfg.allowed {
		if re.MatchString(msg) {
			return true
		}
	}
	return false
}

// Requests returns the URLs requested so far.
func (p *page) Requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

// requireSite fails the test when the dashboard site (app.wasm, native app)
// did not build.
func requireSite(t *testing.T) {
	t.Helper()
	if env.buildErr != nil {
		t.Fatalf("building the site failed: %v", env.buildErr)
	}
}

// requireStub fails the test when the stub site did not build.
func requireStub(t *testing.T) {
	t.Helper()
	if env.stubErr != nil {
		t.Fatalf("%v", env.stubErr)
	}
}
