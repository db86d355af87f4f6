#!/usr/bin/env bash
# Build, serve and test the scenario dashboard.
#
#   ./build.sh [build]   compile the dashboard to web/app.wasm and its risk worker to web/risk.wasm
#                        (+ .gz, + .br if brotli exists; BROTLI_QUALITY=11 by default) and write the base case's static page
#                        into index.html (app prerender)
#   ./build.sh serve     build (BROTLI_QUALITY=9), then serve the site at http://localhost:8000/
#                        (ADDR=:9000 to change; any origin may frame it, FRAME_ANCESTORS=
#                        "https://intranet.example.com https://wiki.example.com" to restrict)
#   ./build.sh test      set up what the tests need (as root: apt-get install chromium, nodejs,
#                        npm, brotli, poppler-utils when missing; npm ci in the test-only npm
#                        folders), then go vet, all native tests (unit, fuzz seeds, e2e in
#                        headless Chromium), then the core and risk worker tests compiled to wasm and run under Node
#   ./build.sh bench     set up as for test, build, then measure: wasm sizes, core and chart benchmarks (native,
#                        wasm), the page in headless Chromium; writes docs/performance.md
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# build_wasm PKG NAME compiles PKG to web/NAME.wasm, with .gz and, if
# brotli exists, .br beside it.
build_wasm() {
	local pkg="$1" out="web/$2.wasm"
	echo "==> GOOS=js GOARCH=wasm go build -o $out $pkg"
	rm -f "$out.gz" "$out.br"
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$out" "$pkg"
	gzip -9 -k -f "$out"
	if command -v brotli >/dev/null 2>&1; then
		brotli -q "${BROTLI_QUALITY:-11}" -f -o "$out.br" "$out"
	fi
	# gzip and brotli copy the wasm's mtime; the server only sends a
	# compressed file that is not older than the file, so make them newer.
	touch -c "$out.gz" "$out.br"
	ls -l "$out"*
}

build() {
	build_wasm ./app app
	# The risk analysis's Web Worker: the model without the page.
	build_wasm ./worker risk
	# index.html carries the base case's page, rendered by the same
	# components natively, so its figures are on screen at the first paint.
	echo "==> go run ./app prerender"
	go run ./app prerender
}

serve() {
	# Quality 11 takes ~20 s for little gain over 9 (~1 s); serve is for the edit loop.
	BROTLI_QUALITY="${BROTLI_QUALITY:-9}" build
	local addr="${ADDR:-:8000}"
	local port="${addr##*:}"
	local args=(-addr "$addr" -dir .)
	# Who may put the dashboard in a frame: any origin unless FRAME_ANCESTORS
	# lists origins (the server refuses a malformed list with a usage error).
	if [ -n "${FRAME_ANCESTORS:-}" ]; then
		args+=(-frame-ancestors "$FRAME_ANCESTORS")
	fi
	echo "==> serving on http://localhost:${port}/"
	exec go run ./app serve "${args[@]}"
}

# Test-only npm folders: each one that has a package-lock.json gets `npm ci`
# when its node_modules is missing or older than the lockfile.
test_npm_dirs=(e2e/npm)

# npm_stale prints the test npm folders whose node_modules needs `npm ci`.
npm_stale() {
	local d
	for d in "${test_npm_dirs[@]}"; do
		[ -f "$d/package-lock.json" ] || continue
		# npm ci writes node_modules/.package-lock.json; compare it with the lockfile.
		if [ ! -f "$d/node_modules/.package-lock.json" ] || [ "$d/package-lock.json" -nt "$d/node_modules/.package-lock.json" ]; then
			echo "$d"
		fi
	done
}

# test_setup installs what the tests need and is missing: Debian's chromium,
# nodejs, npm (only when a test npm folder needs it), brotli and
# poppler-utils (pdftotext and pdfinfo read the printed board pack), then
# the test npm folders' packages. As root it installs them; otherwise it says
# what to install and carries on, so each test fails with its own message.
test_setup() {
	local need=() stale=() d
	mapfile -t stale < <(npm_stale)
	if [ -z "${CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ] &&
		! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
		need+=(chromium)
	fi
	command -v node >/dev/null 2>&1 || need+=(nodejs)
	if [ "${#stale[@]}" -gt 0 ] && ! command -v npm >/dev/null 2>&1; then
		need+=(npm)
	fi
	command -v brotli >/dev/null 2>&1 || need+=(brotli)
	{ command -v pdftotext && command -v pdfinfo; } >/dev/null 2>&1 || need+=(poppler-utils)

	local root=
	[ "$(id -u)" = 0 ] && root=1
	if [ "${#need[@]}" -gt 0 ]; then
		if [ -n "$root" ]; then
			echo "==> apt-get install -y ${need[*]}"
			export DEBIAN_FRONTEND=noninteractive
			if ! { apt-get update && apt-get install -y "${need[@]}"; }; then
				echo "warning: apt-get install -y ${need[*]} failed: the tests that need them will fail" >&2
			fi
		else
			echo "warning: missing ${need[*]}; as root, run: apt-get install -y ${need[*]}" >&2
			echo "warning: carrying on: the tests that need them will fail and say so" >&2
		fi
	fi

	for d in "${stale[@]}"; do
		if ! command -v npm >/dev/null 2>&1; then
			echo "warning: $d needs npm ci, and npm is missing (apt-get install -y npm)" >&2
			continue
		fi
		echo "==> npm ci in $d"
		(cd "$d" && npm ci --no-audit --no-fund) ||
			echo "warning: npm ci failed in $d: the tests that use it will fail" >&2
	done
}

run_tests() {
	test_setup

	echo "==> go vet ./..."
	go vet ./...
	echo "==> GOOS=js GOARCH=wasm go vet ./app ./core/... ./worker"
	GOOS=js GOARCH=wasm go vet ./app ./core/... ./worker

	echo "==> go test ./... (native: unit, fuzz seed corpora, e2e in headless Chromium)"
	go test -count=1 ./...

	echo "==> core and risk worker tests under WebAssembly (Node)"
	if [ -n "$(find core -name '*_test.go' -print -quit 2>/dev/null)" ]; then
		command -v node >/dev/null 2>&1 || { echo "node is required for the wasm tests (apt-get install -y nodejs)" >&2; exit 1; }
		PATH="$PATH:$(go env GOROOT)/lib/wasm" GOOS=js GOARCH=wasm go test -count=1 ./core/... ./worker
	else
		echo "core/ has no test files yet: skipping the wasm test run"
	fi
}

bench() {
	# Everything the performance report needs, on this machine: the site as
	# shipped (sizes), the core benchmarks natively and under wasm (Node), the
	# chart renders, and the page in headless Chromium (e2e/perf_test.go,
	# full configuration). The table goes to stdout and, between the
	# bench:begin/bench:end markers, into docs/performance.md. ~5 minutes on 2 cores.
	local doc=docs/performance.md
	bench_tmp="$(mktemp -d)"
	trap 'rm -rf "$bench_tmp"' EXIT
	local tmp="$bench_tmp"
	test_setup # Chromium and Node, as for the tests
	build

	echo "==> core benchmarks, native"
	go test -run '^$' -bench . -benchmem ./core | tee "$tmp/core-native.txt"
	echo "==> core benchmarks, wasm (Node)"
	command -v node >/dev/null 2>&1 || { echo "node is required for the wasm benchmarks (apt-get install -y nodejs)" >&2; exit 1; }
	PATH="$PATH:$(go env GOROOT)/lib/wasm" GOOS=js GOARCH=wasm \
		go test -run '^$' -bench . -benchmem ./core | tee "$tmp/core-wasm.txt"
	echo "==> chart renders, native"
	go test -run '^$' -bench . -benchmem ./charts | tee "$tmp/charts.txt"

	echo "==> the page in headless Chromium (e2e TestPerformance, full configuration)"
	mkdir -p e2e/artifacts
	PERF_FULL=1 PERF_OUT="$tmp/table.md" PERF_BENCH_DIR="$tmp" PERF_SAMPLES="$PWD/e2e/artifacts/perf-samples.json" \
		go test ./e2e -run '^TestPerformance$' -count=1 -v -timeout 15m >"$tmp/e2e.txt" 2>&1 ||
		{ cat "$tmp/e2e.txt" >&2; echo "bench: TestPerformance failed" >&2; exit 1; }
	[ -s "$tmp/table.md" ] || { cat "$tmp/e2e.txt" >&2; echo "bench: no table" >&2; exit 1; }

	# Splice the table into the document: replace the block between the
	# markers, or add a section with the markers when there is none.
	local begin='<!-- bench:begin -->' end='<!-- bench:end -->'
	if [ -f "$doc" ] && grep -qxF "$begin" "$doc" && grep -qxF "$end" "$doc"; then
		awk -v begin="$begin" -v end="$end" -v table="$tmp/table.md" '
			$0 == begin { print; while ((getline line < table) > 0) print line; skip = 1; next }
			$0 == end { skip = 0 }
			!skip { print }' "$doc" >"$tmp/doc.md"
	else
		{
			if [ -f "$doc" ]; then cat "$doc"; echo; else echo "# Performance"; echo; fi
			echo "## Measurements"
			echo
			echo "Written by \`./build.sh bench\`: do not edit between the markers."
			echo
			echo "$begin"
			cat "$tmp/table.md"
			echo "$end"
		} >"$tmp/doc.md"
	fi
	cp "$tmp/doc.md" "$doc"
	echo
	cat "$tmp/table.md"
	echo
	echo "==> written to $doc"
}

case "${1:-build}" in
build) build ;;
serve) serve ;;
test) run_tests ;;
bench) bench ;;
*)
	echo "usage: $0 [build|serve|test|bench]" >&2
	exit 2
	;;
esac
