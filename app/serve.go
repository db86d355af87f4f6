package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"computedash/site"
)

// siteHandler serves the static site in dir (index.html, wasm_exec.js, web/)
// with the security headers of opts, Cache-Control: no-cache,
// application/wasm, and precompressed web/app.wasm.br / .gz when the client
// accepts them.
func siteHandler(dir string, opts site.Options) http.Handler {
	return site.NewHandler(dir, opts)
}

// serveMain implements `app serve [-addr :8000] [-dir .] [-frame-ancestors
// LIST]`. It runs until SIGINT/SIGTERM.
func serveMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8000", "listen address")
	dir := fs.String("dir", ".", "site directory (holds index.html, wasm_exec.js and web/)")
	var opts site.Options
	fs.Var(&opts.FrameAncestors, "frame-ancestors",
		"`list` of the origins that may put the dashboard in a frame, separated by spaces or commas:\n"+
			"scheme://host[:port] (https://*.example.com for subdomains), 'self', 'none' or * (default *: any origin)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(stderr, "serve: unexpected arguments %q\n", fs.Args())
		return 2
	}
	for _, f := range []string{"index.html", "wasm_exec.js", filepath.Join("web", "boot.js"), filepath.Join("web", "app.wasm")} {
		if _, err := os.Stat(filepath.Join(*dir, f)); err != nil {
			fmt.Fprintf(stderr, "serve: %s is not a built site: %v (run ./build.sh first)\n", *dir, err)
			return 1
		}
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	}
	srv := &http.Server{
		Handler:           siteHandler(*dir, opts),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", *dir, siteURL(ln.Addr()))
	if opts.FrameAncestors.Any() {
		fmt.Fprintln(stdout, "any origin may frame the dashboard (-frame-ancestors to restrict)")
	} else {
		fmt.Fprintf(stdout, "frame-ancestors %s\n", opts.FrameAncestors)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	// Let requests in flight finish, briefly. Browsers keep speculative
	// connections open that never send a request, and Shutdown waits for
	// those, so close whatever is left after the grace period.
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
	}
	return 0
}

// siteURL turns a listener address into a URL to print.
func siteURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
