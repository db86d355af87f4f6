package site

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The site ships a copy of the toolchain's wasm_exec.js. It must match the Go
// that builds app.wasm, or the wasm ABI may not match: after a Go upgrade,
// copy it again with
//
//	cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" wasm_exec.js
func TestWasmExecMatchesToolchain(t *testing.T) {
	goroot := runtime.GOROOT()
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		goroot = strings.TrimSpace(string(out))
	}
	if goroot == "" {
		t.Fatal("cannot find GOROOT (is the go command on PATH?)")
	}
	want, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatalf("toolchain wasm_exec.js: %v", err)
	}
	got, err := os.ReadFile(filepath.Join("..", "wasm_exec.js"))
	if err != nil {
		t.Fatalf("site wasm_exec.js: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("wasm_exec.js differs from %s/lib/wasm/wasm_exec.js; copy it again:\n\tcp \"$(go env GOROOT)/lib/wasm/wasm_exec.js\" wasm_exec.js", goroot)
	}
}
