package e2e

// Tests of the static shell: index.html + web/boot.js + the go-app mount.
// The dashboard itself is loaded at the root, under a sub-path and through
// `app serve`; the shell's own mechanics (progress, no JS, no WebAssembly,
// load failure, crashes) are tested on the stub site (see env).

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"computedash/site"
)

const title = "AI compute commitments — scenario dashboard"

// checkMounted checks what every successfully booted page must show.
func checkMounted(t *testing.T, p *page) {
	t.Helper()
	if got := evalJS[string](p, `document.title`); got == "" {
		t.Error("empty document title")
	}
	// go-app replaced the placeholder (body's first element) with the app.
	if n := count(p, "#app-root"); n != 0 {
		t.Error("the placeholder #app-root is still in the page: go-app did not mount")
	}
	if n := count(p, "#app-wasm-loader"); n != 0 {
		t.Error("the loader is still in the page")
	}
	if got := evalJS[string](p, `document.documentElement.dataset.boot`); got != "ready" {
		t.Errorf("data-boot = %q, want ready", got)
	}
	if evalJS[bool](p, `!document.getElementById("boot-error").hidden`) {
		t.Errorf("the error message is shown: %q", textContent(p, "#boot-error"))
	}
	// No service worker: nothing is served cache-first behind our back.
	if regs := serviceWorkers(p); regs != 0 {
		t.Errorf("%d service worker registrations, want none", regs)
	}
	wasm := false
	for _, u := range p.Requests() {
		wasm = wasm || strings.HasSuffix(u, "/web/app.wasm")
	}
	if !wasm {
		t.Errorf("no request for web/app.wasm in %q", p.Requests())
	}
}

func TestRoot(t *testing.T) {
	p := newPage(t, rootURL("/"))
	waitReady(p)
	checkMounted(t, p)
	if got := evalJS[string](p, `goappGetenv("GOAPP_ROOT_PREFIX")`); got != "" {
		t.Errorf("GOAPP_ROOT_PREFIX = %q, want empty at the root", got)
	}
	if got := evalJS[string](p, `goappGetenv("GOAPP_STATIC_RESOURCES_URL")`); got != "/web" {
		t.Errorf("GOAPP_STATIC_RESOURCES_URL = %q, want /web", got)
	}
	// The root server sends the wasm gzipped with X-Decoded-Content-Length:
	// the loader showed real byte progress anyway.
	if got := evalJS[string](p, `document.documentElement.dataset.bootProgress`); got != "bytes" {
		t.Errorf("data-boot-progress = %q, want bytes", got)
	}
	screenshot(p, "root")
}

func TestSubPath(t *testing.T) {
	// The sub-path server has nothing outside subPath, and the page's scope
	// check fails on any request outside it: a path that escaped the prefix
	// shows up either way.
	for _, path := range []string{"", "index.html"} {
		t.Run("/"+path, func(t *testing.T) {
			p := newPage(t, subURL(path))
			waitReady(p)
			checkMounted(t, p)
			if got, want := evalJS[string](p, `goappGetenv("GOAPP_ROOT_PREFIX")`), strings.TrimSuffix(subPath, "/"); got != want {
				t.Errorf("GOAPP_ROOT_PREFIX = %q, want %q", got, want)
			}
			if got, want := evalJS[string](p, `goappGetenv("GOAPP_STATIC_RESOURCES_URL")`), subPath+"web"; got != want {
				t.Errorf("GOAPP_STATIC_RESOURCES_URL = %q, want %q", got, want)
			}
			if path == "" {
				screenshot(p, "subpath")
			}
		})
	}
}

func TestSubPathWithoutSlashRedirects(t *testing.T) {
	// "/intranet/stub" must become "/intranet/stub/", or the relative URLs
	// would resolve one level up.
	p := newPage(t, env.sub.URL+strings.TrimSuffix(stubSubPath, "/"), onStub())
	waitReady(p)
	if got := evalJS[string](p, `location.pathname`); got != stubSubPath {
		t.Errorf("location.pathname = %q, want %q", got, stubSubPath)
	}
	if got, want := evalJS[string](p, `goappGetenv("GOAPP_ROOT_PREFIX")`), strings.TrimSuffix(stubSubPath, "/"); got != want {
		t.Errorf("GOAPP_ROOT_PREFIX = %q, want %q", got, want)
	}
}

func TestProgress(t *testing.T) {
	cases := []struct {
		name, url, want string
	}{
		{"identity", env.plain.URL + "/", "bytes"},                  // Content-Length is the wasm size
		{"gzip", env.stub.URL + "/", "bytes"},                       // X-Decoded-Content-Length
		{"gzip-no-length", env.nolength.URL + "/", "indeterminate"}, // compressed, total unknown
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := newPage(t, c.url, onStub())
			waitReady(p)
			checkMounted(t, p)
			if got := evalJS[string](p, `document.documentElement.dataset.bootProgress`); got != c.want {
				t.Errorf("data-boot-progress = %q, want %q", got, c.want)
			}
		})
	}
}

// TestLoaderProgress holds app.wasm back after its first bytes and looks at
// the loader in between: a determinate bar, a percentage, then it goes away.
func TestLoaderProgress(t *testing.T) {
	requireStub(t)
	release := make(chan struct{})
	h := site.Handler(env.stubDir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/app.wasm" {
			w = &gateWriter{ResponseWriter: w, after: 256 << 10, release: release, done: r.Context().Done()}
		}
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()

	// A scenario's URL: the base case's shows its static page instead of
	// the loader (TestStaticBaseCase).
	p := newPage(t, srv.URL+"/?oracle.value=150", onStub())
	waitFor(p, `(() => {
  const bar = document.getElementById("app-wasm-loader-progress");
  return bar && bar.value > 0;
})()`)
	if got := evalJS[string](p, `document.documentElement.dataset.bootProgress`); got != "bytes" {
		t.Errorf("data-boot-progress = %q, want bytes", got)
	}
	value := evalJS[float64](p, `document.getElementById("app-wasm-loader-progress").value`)
	max := evalJS[float64](p, `document.getElementById("app-wasm-loader-progress").max`)
	if !(value > 0 && value < max) {
		t.Errorf("progress %v of %v while the download is held", value, max)
	}
	if label := text(p, "#app-wasm-loader-label"); !regexp.MustCompile(`^Loading… \d+ % \(\d+\.\d MB of \d+\.\d MB\)$`).MatchString(label) {
		t.Errorf("label = %q", label)
	}
	if !visible(t, p, "#app-wasm-loader") {
		t.Error("the loader is not visible")
	}
	screenshot(p, "loader")
	close(release)
	waitReady(p)
	checkMounted(t, p)
}

// gateWriter passes the first bytes of a body through, then waits for
// release before writing more.
type gateWriter struct {
	http.ResponseWriter
	after   int
	written int
	release <-chan struct{}
	done    <-chan struct{}
}

func (g *gateWriter) Write(b []byte) (int, error) {
	if g.written >= g.after {
		if f, ok := g.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
		select {
		case <-g.release:
		case <-g.done:
			return 0, http.ErrAbortHandler
		}
	}
	n, err := g.ResponseWriter.Write(b)
	g.written += n
	return n, err
}

func TestNoScript(t *testing.T) {
	p := newPage(t, stubURL("/"), onStub(), withoutJS())
	got := textContent(p, "noscript")
	if !strings.Contains(got, "needs JavaScript") {
		t.Errorf("noscript text = %q", got)
	}
	// Without JS the loader stays hidden (CSS shows it only under html.js).
	if vis := visible(t, p, "#app-wasm-loader"); vis {
		t.Error("the loader is visible without JavaScript")
	}
	if !visible(t, p, "noscript p") {
		t.Error("the noscript message is not visible")
	}
	checkNoWasm(t, p, "without JavaScript")
	screenshot(p, "noscript")
}

// checkNoWasm checks that the page did not ask for app.wasm.
func checkNoWasm(t *testing.T, p *page, why string) {
	t.Helper()
	for _, u := range p.Requests() {
		if strings.Contains(u, "app.wasm") {
			t.Errorf("app.wasm requested %s: %s", why, u)
		}
	}
}

// checkBootFailed checks a page whose boot ends in state (failed, nowasm):
// its message says each of want and the loader is gone.
func checkBootFailed(t *testing.T, p *page, state string, want ...string) {
	t.Helper()
	if got := bootState(p); got != state {
		t.Fatalf("boot state %q, want %s", got, state)
	}
	got := text(p, "#boot-error")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("message = %q, want it to say %q", got, w)
		}
	}
	if count(p, "#app-wasm-loader") != 0 {
		t.Error("the loader is still shown")
	}
}

// visible reports whether the element has a layout box (chromedp's notion of
// visible), without running page JavaScript.
func visible(t *testing.T, p *page, selector string) bool {
	t.Helper()
	nodes, err := chromedp.Run(p.ctx, chromedp.Nodes(chromedp.CSS(selector)))
	if err != nil || len(nodes) == 0 {
		t.Fatalf("no %s: %v", selector, err)
	}
	_, err = chromedp.Run(p.ctx, chromedp.Dimensions(chromedp.NodeIDs{nodes[0].NodeID}))
	return err == nil
}

func TestNoWebAssembly(t *testing.T) {
	p := newPage(t, stubURL("/"), onStub(), withoutWasm())
	checkBootFailed(t, p, "nowasm", "needs WebAssembly")
	checkNoWasm(t, p, "without WebAssembly")
	screenshot(p, "nowasm")
}

func TestLoadFailure(t *testing.T) {
	p := newPage(t, env.broken.URL+"/", onStub(),
		allowProblem(`Failed to load resource: .* 404`),
		allowProblem(`^console\.error: dashboard: The dashboard could not be loaded \(HTTP 404`))
	checkBootFailed(t, p, "failed", "could not be loaded", "HTTP 404")
}

func TestProgramCrash(t *testing.T) {
	p := newPage(t, stubURL("/?crash"), onStub(),
		allowProblem(`^console\.log: `), // the panic, printed by wasm_exec.js
		allowProblem(`^console\.warning: exit code: 2$`),
		allowProblem(`^console\.error: dashboard: The dashboard stopped while starting \(exit code 2\)$`))
	checkBootFailed(t, p, "failed", "stopped while starting")
}

func TestProgramCrashAfterReady(t *testing.T) {
	p := newPage(t, stubURL("/?crash-after-ready"), onStub(),
		allowProblem(`^console\.log: `),
		allowProblem(`^console\.warning: exit code: 2$`),
		allowProblem(`^console\.error: dashboard: The dashboard stopped \(exit code 2\)$`))
	waitFor(p, `document.documentElement.dataset.boot === "failed"`)
	if got := text(p, "#boot-error"); !strings.Contains(got, "The dashboard stopped (exit code 2). Reload") {
		t.Errorf("message = %q", got)
	}
	if got := attr(p, "#boot-error", "class"); !strings.Contains(got, "boot-banner") {
		t.Errorf("after ready the message is not a banner: class %q", got)
	}
	screenshot(p, "crash-after-ready")
}

// TestServeCommand runs the native `app serve` and loads the page from it.
func TestServeCommand(t *testing.T) {
	requireSite(t)

	// No subcommand: usage on stderr, exit 2.
	cmd := exec.Command(env.appBin)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), "usage:") {
		t.Errorf("app without arguments: %v, output %q; want exit 2 and usage", err, out)
	}

	// A directory that is not a built site is refused.
	cmd = exec.Command(env.appBin, "serve", "-addr", "127.0.0.1:0", "-dir", t.TempDir())
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "not a built site") {
		t.Errorf("serve of an empty dir: %v, %q", err, out)
	}

	cmd = exec.Command(env.appBin, "serve", "-addr", "127.0.0.1:0", "-dir", env.siteDir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGINT)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("app serve exited with %v after SIGINT", err)
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Error("app serve did not stop on SIGINT")
		}
	})

	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default:
			}
		}
		exited <- cmd.Wait()
	}()
	var base string
	select {
	case line := <-lines:
		base = regexp.MustCompile(`http://\S+/`).FindString(line)
		if base == "" {
			t.Fatalf("no URL in %q", line)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("app serve printed nothing")
	}

	resp, _ := httpGet(t, base)
	for k, v := range map[string]string{
		"Content-Security-Policy": site.HeaderCSP,
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"Cache-Control":           "no-cache",
		"Content-Type":            "text/html; charset=utf-8",
	} {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("GET /: %s = %q, want %q", k, got, v)
		}
	}
	resp, body := httpGet(t, base+"web/app.wasm", "Accept-Encoding", "gzip")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/wasm" ||
		resp.Header.Get("Content-Encoding") != "gzip" || resp.Header.Get(site.DecodedLengthHeader) == "" {
		t.Errorf("GET web/app.wasm (gzip): %d %v", resp.StatusCode, resp.Header)
	}
	if len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
		t.Error("web/app.wasm with Accept-Encoding: gzip is not gzip data")
	}
	if resp, _ := httpGet(t, base+"go.mod"); resp.StatusCode != 404 {
		t.Errorf("GET /go.mod: %d, want 404", resp.StatusCode)
	}

	p := newPage(t, base)
	waitReady(p)
	checkMounted(t, p)
	screenshot(p, "serve")
}
