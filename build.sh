#!/usr/bin/env bash
# Build, serve and test the scenario dashboard.
#
#   ./build.sh [build]   compile the dashboard to web/app.wasm (+ .gz, + .br if brotli exists;
#                        BROTLI_QUALITY=11 by default)
#   ./build.sh serve     build (BROTLI_QUALITY=9), then serve the site at http://localhost:8000/
#                        (ADDR=:9000 to change)
#   ./build.sh test      go vet, all native tests (unit, fuzz seeds, e2e in headless Chromium),
#                        then the core tests compiled to wasm and run under Node
#   ./build.sh bench     core benchmarks
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
	go test -run '^$' -bench . -benchmem ./core/...
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
