package core

import "math"

// Pow returns x**y as math.Pow does on amd64 processors with FMA, on every
// platform. math.Pow raises to a fractional power through math.Exp, which
// amd64 computes in assembly and other platforms (WebAssembly among them)
// in Go, with results that differ in the last bit and so, now and then, in
// a cent of revenue. Pow is math.Pow's own algorithm with that assembly
// written in Go, so that the browser and the command line print the same
// figures. Special cases, which do not reach the exponential, are left to
// math.Pow.
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1 || y == 1 || y == 0.5 || y == -0.5,
		math.IsNaN(x) || math.IsNaN(y) || x == 0,
		math.IsInf(x, 0) || math.IsInf(y, 0):
		return math.Pow(x, y)
	}
	yi, yf := math.Modf(math.Abs(y))
	if yf != 0 && x < 0 || yi >= 1<<63 {
		return math.Pow(x, y)
	}
	a1 := 1.0
	ae := 0
	if yf != 0 {
		if yf > 0.5 {
			yf--
			yi++
		}
		a1 = expFMA(yf * math.Log(x))
	}
	x1, xe := math.Frexp(x)
	for i := int64(yi); i != 0; i >>= 1 {
		if xe < -1<<12 || 1<<12 < xe {
			ae += xe
			break
		}
		if i&1 == 1 {
			a1 *= x1
			ae += xe
		}
		x1 *= x1
		xe <<= 1
		if x1 < .5 {
			x1 += x1
			xe--
		}
	}
	if y < 0 {
		a1 = 1 / a1
		ae = -ae
	}
	return math.Ldexp(a1, ae)
}

// expFMA is e**x as Go's exp_amd64.s computes it on a processor with FMA:
// N. Shibata's method (SLEEF), with fused multiply-adds.
func expFMA(x float64) float64 {
	const (
		log2e    = 1.4426950408889634073599246810018920
		ln2U     = 0.69314718055966295651160180568695068359375
		ln2L     = 0.28235290563031577122588448175013436025525412068e-12
		overflow = 7.09782712893384e+02
	)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case math.IsInf(x, -1):
		return 0
	case x > overflow:
		return math.Inf(1)
	}
	t := log2e * x
	e := int64(math.MinInt32) // CVTSD2SL: round to nearest even; out of range gives MinInt32
	if r := math.RoundToEven(t); r >= math.MinInt32 && r <= math.MaxInt32 {
		e = int64(r)
	}
	k := float64(e)
	r := math.FMA(-k, ln2U, x)
	r = math.FMA(-k, ln2L, r)
	r *= 0.0625
	p := 2.4801587301587301587e-5
	p = math.FMA(p, r, 1.9841269841269841270e-4)
	p = math.FMA(p, r, 1.3888888888888888889e-3)
	p = math.FMA(p, r, 8.3333333333333333333e-3)
	p = math.FMA(p, r, 4.1666666666666666667e-2)
	p = math.FMA(p, r, 1.6666666666666666667e-1)
	p = math.FMA(p, r, 0.5)
	p = math.FMA(p, r, 1.0)
	r *= p
	for range 3 {
		r *= r + 2
	}
	r = math.FMA(r+2, r, 1.0)
	// r × 2**e, as the assembly scales it
	b := e + 0x3FF
	switch {
	case b >= 0x7FF:
		return math.Inf(1)
	case b > 0:
		return r * math.Float64frombits(uint64(b)<<52)
	case b < -52:
		return 0
	}
	r *= math.Float64frombits(uint64(b+0x3FE) << 52)
	return r * math.Float64frombits(1<<52)
}
