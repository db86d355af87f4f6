// Package e2e holds the browser tests of the dashboard: native Go tests that
// build the wasm once, serve the site with site.Handler through httptest, and
// drive headless Chromium (/usr/bin/chromium, or $CHROMIUM) with chromedp.
//
// Every page opened with newPage fails its test at cleanup on any console
// error or warning, uncaught exception, browser log error/warning, CSP
// violation, or request outside the page's own directory on the test server.
//
// Screenshots go to e2e/artifacts/ (gitignored).
package e2e
