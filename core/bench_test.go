package core

import "testing"

// Benchmarks of the base case. Run natively with
//
//	go test ./core -run '^$' -bench . -benchmem
//
// and under WebAssembly (Node) with
//
//	PATH=$PATH:$(go env GOROOT)/lib/wasm GOOS=js GOARCH=wasm go test ./core -run '^$' -bench . -benchmem
//
// Results: docs/performance.md, "Core benchmarks".

// BenchmarkEvaluate is the deterministic model (MODEL.md §1–8) without risk.
func BenchmarkEvaluate(b *testing.B) {
	p := Defaults()
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(p, nil)
	}
}

// BenchmarkNewReport is the report of an evaluated scenario without risk:
// what the page builds after every move, on top of Evaluate.
func BenchmarkNewReport(b *testing.B) {
	r := Evaluate(Defaults(), nil)
	b.ReportAllocs()
	for b.Loop() {
		NewReport(r, nil)
	}
}

// BenchmarkMonteCarlo is the Monte Carlo of MODEL.md §9 with n = 1,000.
func BenchmarkMonteCarlo(b *testing.B) {
	r := Evaluate(Defaults(), nil)
	if r.Params.MCN != 1000 {
		b.Fatalf("mc.n = %d", r.Params.MCN)
	}
	b.ReportAllocs()
	for b.Loop() {
		monteCarlo(newEngine(&r.Params, &r.Ledger))
	}
}

// BenchmarkTornado is the sensitivity analysis: 43 inputs, two sides each.
func BenchmarkTornado(b *testing.B) {
	r := Evaluate(Defaults(), nil)
	b.ReportAllocs()
	for b.Loop() {
		tornado(&r.Params, newEngine(&r.Params, &r.Ledger))
	}
}

// BenchmarkGoalSeek is the bisection on 2026 growth.
func BenchmarkGoalSeek(b *testing.B) {
	r := Evaluate(Defaults(), nil)
	b.ReportAllocs()
	for b.Loop() {
		goalSeek(newEngine(&r.Params, &r.Ledger))
	}
}

// BenchmarkAnalyze is the whole risk block: Monte Carlo, tornado and goal
// seek.
func BenchmarkAnalyze(b *testing.B) {
	r := Evaluate(Defaults(), nil)
	b.ReportAllocs()
	for b.Loop() {
		Analyze(r)
	}
}

// BenchmarkExportJSON is the JSON export of the base case with its risk.
func BenchmarkExportJSON(b *testing.B) {
	r := Evaluate(Defaults(), nil)
	risk := Analyze(r)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ExportJSON(r, &risk); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseQuery reads a query with a dozen inputs and notices.
func BenchmarkParseQuery(b *testing.B) {
	const q = "aws.value=60&aws.ext=20&stargate.delay=12&oai.growth=150&oai.fade=5&microsoft.on=0&p200=2.5&p300=3&pue=1.4&mc.n=500&mc.seed=7&nonsense=1&aws.value=5"
	b.ReportAllocs()
	for b.Loop() {
		ParseQuery(q)
	}
}
