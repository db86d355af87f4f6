package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"computedash/site"
)

// TestHarnessCatchesProblems checks that newPage records what it must fail
// on, so that a green e2e run means something.
func TestHarnessCatchesProblems(t *testing.T) {
	other := httptest.NewServer(http.NotFoundHandler()) // another origin
	defer other.Close()

	mux := http.NewServeMux()
	mux.HandleFunc("/csp/", func(w http.ResponseWriter, r *http.Request) {
		site.SetSecurityHeaders(w.Header())
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><title>t</title>
<script>window.inlineRan = true;</script>
<img src="%s/pixel.png">
<script src="bad.js"></script>`, other.URL)
	})
	mux.HandleFunc("/csp/bad.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `console.error("boom-error"); console.warn("boom-warn"); throw new Error("boom-uncaught");`)
	})
	mux.HandleFunc("/open/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><title>t</title><img src="%s/pixel.png"><img src="/elsewhere.png">`, other.URL)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	cases := []struct {
		path string
		want []string // patterns, each must match one finding
	}{
		{"/csp/", []string{
			`^console\.error: boom-error$`,
			`^console\.warning: boom-warn$`,
			`^uncaught exception: .*boom-uncaught`,
			`^CSP violation: script-src-elem blocked inline`,
			`^CSP violation: img-src blocked ` + regexp.QuoteMeta(other.URL),
		}},
		{"/open/", []string{
			`^request outside ` + regexp.QuoteMeta(srv.URL+"/open/") + `: ` + regexp.QuoteMeta(other.URL+"/pixel.png"),
			`^request outside .*: ` + regexp.QuoteMeta(srv.URL+"/elsewhere.png"),
			`Failed to load resource: .*404`,
		}},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			p := newPage(t, srv.URL+c.path, onStub())
			found := p.findings()
			for _, w := range c.want {
				re := regexp.MustCompile(w)
				hit := false
				for _, f := range found {
					hit = hit || re.MatchString(f)
				}
				if !hit {
					t.Errorf("no finding matches %s; findings:\n\t%s", w, strings.Join(found, "\n\t"))
				}
			}
			// These were provoked: let the page's own cleanup pass.
			p.cfg.allowed = append(p.cfg.allowed, regexp.MustCompile(``))
			p.scope = ""
		})
	}
}
