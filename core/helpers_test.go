package core

import (
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/sys/cpu"
)

// Helpers shared by the test files of this package.

// underWasm is true when the tests run as js/wasm under Node, where they
// are several times slower: random counts are scaled down there.
const underWasm = runtime.GOOS == "js"

// refPow is the power function of the references in these tests:
// math.Pow, as MODEL.md §6 writes it, on amd64 with FMA (whose bits the
// engine's Pow reproduces, TestPowMatchesAmd64); elsewhere, such as under
// wasm, math.Pow differs from that in the last bit now and then, and the
// engine's portable Pow is the reference.
var refPow = func() func(x, y float64) float64 {
	if runtime.GOARCH == "amd64" && cpu.X86.HasAVX && cpu.X86.HasFMA {
		return math.Pow
	}
	return Pow
}()

// randomCount returns n natively and n/10 (but at least 1,000, or n when
// n is smaller) under wasm.
func randomCount(n int) int {
	if !underWasm {
		return n
	}
	return max(min(n, 1000), n/10)
}

// dec parses a decimal literal of a test table.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// spec returns the Spec of the given id, failing the test if there is none.
func spec(t testing.TB, id string) *Spec {
	t.Helper()
	i := Index(id)
	if i < 0 {
		t.Fatalf("no input %q", id)
	}
	return &specs[i]
}

// dealValue returns the input value ($B) of the deal id of p: its
// ".value" input, or aws.ext for the AWS extension.
func dealValue(p *Params, id DealID) decimal.Decimal {
	if id == DealAWSExt {
		return p.AWSExt
	}
	return specs[Index(string(id)+".value")].Get(p)
}

// dealIndex returns the position of the deal id in r's ledger, or -1.
func dealIndex(r *Result, id DealID) int {
	for i := range r.Ledger.Deals {
		if r.Ledger.Deals[i].ID == id {
			return i
		}
	}
	return -1
}

// siteIndex returns the position of the site id in r's placement, or -1.
func siteIndex(r *Result, id string) int {
	for j := range r.Placement.Sites {
		if r.Placement.Sites[j].ID == id {
			return j
		}
	}
	return -1
}

// mustQuery parses q and fails the test if it gives any notice.
func mustQuery(t testing.TB, q string) Params {
	t.Helper()
	p, n := ParseQuery(q)
	if len(n) != 0 {
		t.Fatalf("ParseQuery(%q) gave notices %v", q, n)
	}
	return p
}

// randomValue returns a value for s within [Min, Max]: on its Step grid
// (anchored at Min), or, when offGrid is set, any value the input can take
// (money and numbers with up to 6 random decimals; whole numbers and
// months anywhere in range).
func randomValue(r *rand.Rand, s *Spec, offGrid bool) decimal.Decimal {
	switch s.Kind {
	case Flag:
		return decimal.NewFromInt(int64(r.IntN(2)))
	case Whole, MonthKind, Choice:
		if offGrid || s.Step.Equal(decimal.NewFromInt(1)) {
			span := s.Max.Sub(s.Min).IntPart()
			return s.Min.Add(decimal.NewFromInt(r.Int64N(span + 1)))
		}
	}
	if offGrid {
		// Min + (Max − Min) × u, u a random fraction with up to 6 decimals,
		// then truncated to a random number of decimals, 0..6.
		u := decimal.New(r.Int64N(1_000_001), -6)
		v := s.Min.Add(s.Max.Sub(s.Min).Mul(u)).Truncate(int32(r.IntN(7)))
		return v
	}
	steps := s.Max.Sub(s.Min).Div(s.Step).IntPart()
	return s.Min.Add(s.Step.Mul(decimal.NewFromInt(r.Int64N(steps + 1))))
}

// randomParams sets every input to a random in-range value (see
// randomValue); offGridShare is the chance that a given input is set off
// its grid.
func randomParams(r *rand.Rand, offGridShare float64) Params {
	p := Defaults()
	for i := range specs {
		s := &specs[i]
		s.Set(&p, randomValue(r, s, r.Float64() < offGridShare))
	}
	return p
}

// describe shortens a query for failure messages.
func describe(q string) string {
	if q == "" {
		return "(base case)"
	}
	if len(q) > 300 {
		return q[:300] + "…"
	}
	return strings.ReplaceAll(q, "\n", "\\n")
}
