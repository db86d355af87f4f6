package core

// FuzzEvaluate: the whole evaluate path under the fuzzer (docs/reliability.md).
// Its seeds (f.Add below and testdata/fuzz/FuzzEvaluate/) run with every
// `go test`; run it for real with
//
//	go test ./core -run '^$' -fuzz '^FuzzEvaluate$' -fuzztime 5m
//
// The long run of the invariants is TestInvariants with a count:
//
//	go test ./core -run '^TestInvariants$' -invariants.n=100000 -timeout 30m

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// fuzzBytesPerInput is what fuzzParams reads for one input: a mode byte and
// a 64-bit value.
const fuzzBytesPerInput = 9

// fuzzParams turns a byte vector into inputs, every one in its range. The
// first byte says whether to run the risk analysis too (1 in 8, with
// mc.n = 100); then each input of Specs, in order, takes a mode byte and
// eight value bytes: mode%8 = 0 its minimum, 1 its maximum, 2 its default,
// 3–5 a point of its Step grid, 6–7 any value of its range (whole numbers
// and months anywhere, other numbers with 0 to 6 decimals). An input the
// vector does not reach keeps its default.
func fuzzParams(data []byte) (p Params, risk bool) {
	p = Defaults()
	if len(data) == 0 {
		return p, false
	}
	risk, data = data[0]%8 == 0, data[1:]
	for i := range specs {
		if len(data) < fuzzBytesPerInput {
			break
		}
		s := &specs[i]
		mode, u := data[0]%8, binary.LittleEndian.Uint64(data[1:fuzzBytesPerInput])
		data = data[fuzzBytesPerInput:]
		var v decimal.Decimal
		switch {
		case mode == 0:
			v = s.Min
		case mode == 1:
			v = s.Max
		case mode == 2:
			v = s.Default
		case s.Kind == Flag:
			v = decimal.NewFromInt(int64(u & 1))
		case s.Kind == Whole || s.Kind == MonthKind || mode >= 6:
			span := s.Max.Sub(s.Min)
			if s.Kind == Whole || s.Kind == MonthKind {
				v = s.Min.Add(decimal.NewFromInt(int64(u % uint64(span.IntPart()+1))))
			} else {
				frac := decimal.NewFromInt(int64(u >> 11)).Div(decimal.NewFromInt(1 << 53))
				v = s.Min.Add(span.Mul(frac)).Truncate(int32(u % 7))
			}
		default:
			steps := s.Max.Sub(s.Min).Div(s.Step).IntPart()
			v = s.Min.Add(s.Step.Mul(decimal.NewFromInt(int64(u % uint64(steps+1)))))
		}
		s.Set(&p, v)
	}
	if risk {
		p.MCN = 100
	}
	return p, risk
}

// checkExportJSON fails on an export error, on an export that is not valid
// JSON, and on one that holds a number that is not finite or a string
// that spells NaN or Inf. The fuzz target and the invariant suite share it.
func checkExportJSON(t *testing.T, q string, out []byte, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: ExportJSON: %v", describe(q), err)
	}
	d := json.NewDecoder(bytes.NewReader(out))
	d.UseNumber()
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: the export does not decode: %v", describe(q), err)
		}
		switch v := tok.(type) {
		case json.Number:
			x, err := strconv.ParseFloat(string(v), 64)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("%s: the number %s in the export", describe(q), v)
			}
		case string:
			if strings.ContainsAny(v, "NnIi") && (strings.Contains(v, "NaN") || strings.Contains(v, "Inf")) {
				t.Fatalf("%s: the string %q in the export", describe(q), v)
			}
		}
	}
}

func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0}, 1+fuzzBytesPerInput*len(specs)))    // every input at its minimum, with risk
	f.Add(bytes.Repeat([]byte{1}, 1+fuzzBytesPerInput*len(specs)))    // every input at its maximum
	f.Add(bytes.Repeat([]byte{0xff}, 1+fuzzBytesPerInput*len(specs))) // off the grid, near the top
	f.Fuzz(func(t *testing.T, data []byte) {
		p, risk := fuzzParams(data)
		q := EncodeQuery(&p)
		for i := range specs {
			if v := specs[i].Get(&p); v.LessThan(specs[i].Min) || v.GreaterThan(specs[i].Max) {
				t.Fatalf("%s: %s = %s outside its range", describe(q), specs[i].ID, v)
			}
		}
		r := Evaluate(p, nil)

		// Money: every deal holds its input to the cent, and the ledger's
		// months are the sums over the deals; cash follows net and
		// obligations from 2026-01.
		var total [HorizonMonths]Cents
		for i := range r.Ledger.Deals {
			d := &r.Ledger.Deals[i]
			var sum Cents
			for m, c := range d.Obligations {
				if c < 0 {
					t.Fatalf("%s: deal %s owes %s in %s", describe(q), d.ID, c, Month(m))
				}
				sum += c
				total[m] += c
			}
			if sum > d.Total {
				t.Fatalf("%s: deal %s: its months sum to %s, its total is %s", describe(q), d.ID, sum, d.Total)
			}
		}
		if total != r.Ledger.Total {
			t.Fatalf("%s: the ledger's months are not the sums over its deals", describe(q))
		}
		fin := &r.Finance
		for m := firstCashMonth; m <= LastMonth; m++ {
			if want := fin.Cash[m-1].Add(fin.Net[m]).Sub(r.Ledger.Total[m].Decimal()); !fin.Cash[m].Equal(want) {
				t.Fatalf("%s: cash in %s is %s, want %s", describe(q), m, fin.Cash[m], want)
			}
		}

		out, err := ExportJSON(r, nil)
		checkExportJSON(t, q, out, err)
		if risk {
			rk := Analyze(r)
			for _, x := range []float64{rk.MonteCarlo.PCashOutBefore2030, rk.MonteCarlo.PBreakEvenBy2030, rk.GoalSeek} {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("%s: risk figure %v", describe(q), x)
				}
			}
			out, err := ExportJSON(r, &rk)
			checkExportJSON(t, q, out, err)
		}
	})
}

// TestFuzzParamsReachesEveryInput checks the decoding of FuzzEvaluate: a
// vector of zeros sets every input to its minimum, of ones to its maximum.
func TestFuzzParamsReachesEveryInput(t *testing.T) {
	n := 1 + fuzzBytesPerInput*len(specs)
	for _, c := range []struct {
		b    byte
		risk bool
	}{{0, true}, {1, false}} {
		p, risk := fuzzParams(bytes.Repeat([]byte{c.b}, n))
		if risk != c.risk {
			t.Errorf("byte %d: risk %v", c.b, risk)
		}
		for i := range specs {
			s := &specs[i]
			want := s.Min
			if c.b == 1 {
				want = s.Max
			}
			if s.ID == "mc.n" && risk {
				want = decimal.NewFromInt(100)
			}
			if got := s.Get(&p); !got.Equal(want) {
				t.Errorf("byte %d: %s = %s, want %s", c.b, s.ID, got, want)
			}
		}
	}
}
