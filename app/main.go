// Command app is the scenario dashboard.
//
// Compiled with GOOS=js GOARCH=wasm it is the dashboard itself (web/app.wasm),
// loaded by index.html and web/boot.js. Compiled natively it is a small CLI:
//
//	app export [flags]              write the scenario export (see cmd_export.go)
//	app serve [-addr :8000] [-dir .] serve the static site
//	app prerender                   write the base case's page into index.html
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	if app.IsClient {
		// The page can live under any sub-path. boot.js sets GOAPP_ROOT_PREFIX,
		// which go-app strips before routing, but index.html may also be
		// reached as ".../index.html", so every path shows the dashboard.
		debug.SetGCPercent(gcPercent)
		repairURL()
		watchURL()
		app.Route("/", func() app.Composer { return newDashboard() })
		app.RouteWithRegexp("^/.*", func() app.Composer { return newDashboard() })
		app.RunWhenOnBrowser()
		return
	}
	os.Exit(cli(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  app export [flags]                write the scenario export (app export -h)
  app serve [-addr :8000] [-dir .]  serve the static site in dir
  app prerender [-index index.html] write the base case's static page into index.html
`

// cli dispatches the native subcommands and returns the exit code.
func cli(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "export":
		return exportMain(args[1:], stdout, stderr)
	case "serve":
		return serveMain(args[1:], stdout, stderr)
	case "prerender":
		return prerenderMain(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "app: unknown command %q\n%s", args[0], usage)
		return 2
	}
}
