#!/usr/bin/env bash
# Build, serve and test the scenario dashboard.
#
#   ./build.sh [build]   compile the dashboard to web/app.wasm (+ .gz, + .br if brotli exists;
#                        BROTLI_QUALITY=11 by default)
#   ./build.sh serve     build (BROTLI_QUALITY=9), then serve the site at http://localhost:8000/
#                        (ADDR=:9000 to change)
#   ./build.sh test      go vet, all native tests (unit, fuzz seeds, e2e in headless Chromium),
#                        then the core tests compiled to wasm and run under Node
#   ./build.sh bench     build, then measure: wasm sizes, core and chart benchmarks (native,
#                        wasm), the page in headless Chromium; writes docs/performance.md
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

build() {
	echo "==> GOOS=js GOARCH=wasm go build -o web/app.wasm ./app"
	rm -f web/app.wasm.gz web/app.wasm.br
	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o web/app.wasm ./app
	gzip -9 -k -f web/app.wasm
	if command -v brotli >/dev/null 2>&1; then
		brotli -q "${BROTLI_QUALITY:-11}" -f -o web/app.wasm.br web/app.wasm
	fi
	# gzip and brotli copy app.wasm's mtime; the server only sends a
	# compressed file that is not older than app.wasm, so make them newer.
	touch -c web/app.wasm.gz web/app.wasm.br
	ls -l web/app.wasm*
}

serve() {
	# Quality 11 takes ~20 s for little gain over 9 (~1 s); serve is for the edit loop.
	BROTLI_QUALITY="${BROTLI_QUALITY:-9}" build
	local addr="${ADDR:-:8000}"
	local port="${addr##*:}"
	echo "==> serving on http://localhost:${port}/"
	exec go run ./app serve -addr "$addr" -dir .
}

run_tests() {
	echo "==> go vet ./..."
	go vet ./...
	echo "==> GOOS=js GOARCH=wasm go vet ./app ./core/..."
	GOOS=js GOARCH=wasm go vet ./app ./core/...

	echo "==> go test ./... (native: unit, fuzz seed corpora, e2e in headless Chromium)"
	go test -count=1 ./...

	echo "==> core tests under WebAssembly (Node)"
	if [ -n "$(find core -name '*_test.go' -print -quit 2>/dev/null)" ]; then
		command -v node >/dev/null 2>&1 || { echo "node is required for the wasm tests (apt-get install -y nodejs)" >&2; exit 1; }
		PATH="$PATH:$(go env GOROOT)/lib/wasm" GOOS=js GOARCH=wasm go test -count=1 ./core/...
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
