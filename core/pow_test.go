package core

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"golang.org/x/sys/cpu"
)

// TestPowMatchesAmd64 checks, on an amd64 processor with FMA (where
// math.Exp is the assembly that Pow writes in Go), that Pow and expFMA give
// math.Pow's and math.Exp's bits for the exponents the model raises to and
// for random ones. Elsewhere math.Pow is not the reference, and the golden
// files (computed natively) are the check instead.
func TestPowMatchesAmd64(t *testing.T) {
	if runtime.GOARCH != "amd64" || !cpu.X86.HasAVX || !cpu.X86.HasFMA {
		t.Skipf("math.Exp on %s is not the amd64 FMA assembly: the golden tests compare instead", runtime.GOARCH)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 200000 {
		x := (r.Float64() - 0.5) * 1500
		if i%4 == 0 {
			x = (r.Float64() - 0.5) * 2
		}
		if got, want := expFMA(x), math.Exp(x); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("expFMA(%v) = %v, math.Exp = %v", x, got, want)
		}
		b, y := 1+r.Float64()*6, 1.0/12
		switch i % 3 {
		case 1:
			y = r.Float64() * 20
		case 2:
			b, y = r.Float64()*1e6, (r.Float64()-0.5)*30
		}
		if got, want := Pow(b, y), math.Pow(b, y); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("Pow(%v, %v) = %v, math.Pow = %v", b, y, got, want)
		}
	}
	for _, x := range []float64{0, -0.0, 1e-300, -745.2, -746, 709.78, 709.8, math.Inf(1), math.Inf(-1), math.NaN(), -1e10} {
		if got, want := expFMA(x), math.Exp(x); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("expFMA(%v) = %v, math.Exp = %v", x, got, want)
		}
	}
}

// TestPowSpecialCases checks the cases Pow leaves to math.Pow and exact
// integer powers, on every platform.
func TestPowSpecialCases(t *testing.T) {
	tests := []struct{ x, y, want float64 }{
		{2, 10, 1024}, {0.85, 0, 1}, {0.85, 1, 0.85}, {4, 0.5, 2}, {0, 2, 0}, {1, math.Inf(1), 1},
		{0.5, -2, 4}, {1.8, 1.0 / 12, 1.0502016801675471}, {10, 3, 1000},
	}
	for _, tt := range tests {
		if got := Pow(tt.x, tt.y); got != tt.want {
			t.Errorf("Pow(%v, %v) = %v, want %v", tt.x, tt.y, got, tt.want)
		}
	}
	if !math.IsNaN(Pow(-2, 0.5)) {
		t.Error("Pow(-2, 0.5) is not NaN")
	}
}
