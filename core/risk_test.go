package core

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/shopspring/decimal"
)

// Risk analysis (MODEL.md §9): the triangular draw, percentiles, the Monte
// Carlo against a slow reference, the tornado and the goal seek.

func TestTri(t *testing.T) {
	// c = 80, spread 30 %: a = 80 × 0.7 = 56, b = 80 × 1.3 = 104,
	// F = (80 − 56) / (104 − 56) = 24 / 48 = 0.5; (b − a)(c − a) =
	// 48 × 24 = 1,152 = (b − a)(b − c).
	for _, c := range []struct {
		name          string
		u, c, s, want float64
		tol           float64
	}{
		{"U = 0 gives a", 0, 80, 30, 56, 1e-12},
		// U = F takes the upper branch: 104 − sqrt(0.5 × 1,152) = 104 − 24.
		{"U = F gives the mode", 0.5, 80, 30, 80, 1e-12},
		// 56 + sqrt(0.25 × 1,152) = 56 + sqrt(288) = 56 + 16.970563 …
		{"U = 0.25", 0.25, 80, 30, 56 + math.Sqrt(288), 1e-12},
		{"U = 0.75", 0.75, 80, 30, 104 - math.Sqrt(288), 1e-12},
		// U → 1: 104 − sqrt(1e-12 × 1,152) = 104 − 3.394e-5.
		{"U → 1 tends to b", 1 - 1e-12, 80, 30, 104 - math.Sqrt(1e-12*1152), 1e-9},
		{"U just below 1", math.Nextafter(1, 0), 80, 30, 104, 1e-6},
		// a == b: spread 0, or a mode of 0.
		{"spread 0", 0.3, 80, 0, 80, 0},
		{"mode 0", 0.9, 0, 30, 0, 0},
		// c = 3.5, spread 90 %: a = 0.35, b = 6.65, F = 0.5; at U = 0.1:
		// 0.35 + sqrt(0.1 × 6.3 × 3.15) = 0.35 + sqrt(1.9845) = 1.758712…
		{"wide spread", 0.1, 3.5, 90, 0.35 + math.Sqrt(1.9845), 1e-12},
	} {
		if got := Tri(c.u, c.c, c.s); math.Abs(got-c.want) > c.tol || math.IsNaN(got) {
			t.Errorf("%s: Tri(%v, %v, %v) = %v, want %v", c.name, c.u, c.c, c.s, got, c.want)
		}
	}
	// Monotone in U and within [a, b].
	prev := math.Inf(-1)
	for i := range 1001 {
		u := float64(i) / 1001
		x := Tri(u, 50, 40)
		if x < prev || x < 30-1e-12 || x > 70+1e-12 {
			t.Fatalf("Tri(%v, 50, 40) = %v after %v", u, x, prev)
		}
		prev = x
	}
}

func TestPercentile(t *testing.T) {
	v := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	// n = 10: P10 at ceil(0.1 × 10) − 1 = 0, P50 at 4, P90 at 8.
	for q, want := range map[int]int{10: 1, 50: 5, 90: 9, 1: 1, 99: 10, 11: 2} {
		if got := Percentile(v, q); got != want {
			t.Errorf("P%d of 1..10 = %d, want %d", q, got, want)
		}
	}
	// n = 7: P10 at ceil(0.7) − 1 = 0, P50 at ceil(3.5) − 1 = 3, P90 at
	// ceil(6.3) − 1 = 6.
	v = v[:7]
	for q, want := range map[int]int{10: 1, 50: 4, 90: 7} {
		if got := Percentile(v, q); got != want {
			t.Errorf("P%d of 1..7 = %d, want %d", q, got, want)
		}
	}
	// n = 1: every percentile is the one value.
	if Percentile([]int{42}, 10) != 42 || Percentile([]int{42}, 90) != 42 {
		t.Error("n = 1")
	}
	// Against the definition: the smallest index i with (i + 1) / n ≥ q / 100.
	for n := 1; n <= 2100; n++ {
		s := make([]int, n)
		for i := range s {
			s[i] = i
		}
		for q := 1; q <= 99; q++ {
			i := 0
			for (i+1)*100 < q*n {
				i++
			}
			if got := Percentile(s, q); got != i {
				t.Fatalf("P%d of %d values at index %d, want %d", q, n, got, i)
			}
		}
	}
}

// refTri is MODEL.md §9's tri written independently.
func refTri(u, c, spread float64) float64 {
	a, b := c*(1-spread/100), c*(1+spread/100)
	if a == b {
		return c
	}
	if f := (c - a) / (b - a); u < f {
		return a + math.Sqrt(u*(b-a)*(c-a))
	}
	return b - math.Sqrt((1-u)*(b-a)*(b-c))
}

// refMonteCarlo runs every draw through the whole model (Evaluate), with
// no reuse of storage, and summarizes it by MODEL.md §9.
func refMonteCarlo(p Params) MonteCarlo {
	n := p.MCN
	r := rand.New(rand.NewPCG(uint64(p.MCSeed), 0))
	dec := make([][]decimal.Decimal, HorizonYears-1)
	var peaks []int64
	var out, even int
	for range n {
		q := p
		q.Growth = refTri(r.Float64(), p.Growth, p.MCSpread)
		q.P200 = refTri(r.Float64(), p.P200, p.MCSpread)
		q.P300 = refTri(r.Float64(), p.P300, p.MCSpread)
		q.StargatePerGW = refTri(r.Float64(), p.StargatePerGW, p.MCSpread)
		q.StargateDelay = p.StargateDelay + r.IntN(p.MCDelay+1)
		res := Evaluate(q, nil)
		for y := range dec {
			dec[y] = append(dec[y], res.Finance.YearCashEnd[y+1])
		}
		peaks = append(peaks, res.Placement.PeakUnplaced)
		if res.Finance.CashOut != NoMonth && res.Finance.CashOut.Year() < 2030 {
			out++
		}
		if res.Finance.BreakEven != 0 && res.Finance.BreakEven <= 2030 {
			even++
		}
	}
	at := func(q int) int { return int(math.Ceil(float64(q)*float64(n)/100)) - 1 }
	mc := MonteCarlo{N: n, Seed: p.MCSeed, PCashOutBefore2030: float64(out) / float64(n), PBreakEvenBy2030: float64(even) / float64(n)}
	for y, v := range dec {
		sort.Slice(v, func(a, b int) bool { return v[a].LessThan(v[b]) })
		mc.CashP10[y], mc.CashP50[y], mc.CashP90[y] = MoneyOf(v[at(10)]), MoneyOf(v[at(50)]), MoneyOf(v[at(90)])
	}
	slices.Sort(peaks)
	mc.UnplacedPeakP50, mc.UnplacedPeakP90 = peaks[at(50)], peaks[at(90)]
	return mc
}

func mcString(mc MonteCarlo) string {
	s := fmt.Sprintf("n %d seed %d p(out) %v p(even) %v unplaced %d/%d", mc.N, mc.Seed, mc.PCashOutBefore2030, mc.PBreakEvenBy2030, mc.UnplacedPeakP50, mc.UnplacedPeakP90)
	for y := range mc.CashP10 {
		s += fmt.Sprintf(" | %d %s %s %s", FirstYear+1+y, mc.CashP10[y], mc.CashP50[y], mc.CashP90[y])
	}
	return s
}

func TestMonteCarloAgainstReference(t *testing.T) {
	queries := []string{
		"mc.n=100",
		"mc.n=100&mc.seed=7&mc.spread=90&mc.delay=48&stargate.delay=40",
		"mc.n=100&mc.seed=4294967295&oai.growth=300&oai.fade=0&oai.runrate=500", // cash beyond int64 cents
		"mc.n=100&mc.seed=3&aws.ext=200&aws.mw=300&stargate.capex=100&p200=0.5&p300=0.6",
	}
	r := rand.New(rand.NewPCG(19, 20))
	for range 3 {
		p := randomParams(r, 0.3)
		p.MCN = 100 + 100*r.IntN(2)
		queries = append(queries, EncodeQuery(&p))
	}
	for _, q := range queries {
		p, _ := ParseQuery(q)
		res := Evaluate(p, nil)
		got := monteCarlo(newEngine(&res.Params, &res.Ledger))
		if want := refMonteCarlo(p); mcString(got) != mcString(want) {
			t.Errorf("%s:\n got %s\nwant %s", describe(q), mcString(got), mcString(want))
		}
	}
}

func TestMonteCarloWithoutSpread(t *testing.T) {
	// Spread 0 and no extra delay: every draw is the base case, so every
	// percentile is the base December cash and the probabilities are 0 or 1.
	p := mustQuery(t, "mc.spread=0&mc.delay=0&mc.n=100")
	res := Evaluate(p, nil)
	mc := Analyze(res).MonteCarlo
	for y := range mc.CashP10 {
		want := MoneyOf(res.Finance.YearCashEnd[y+1])
		if mc.CashP10[y].Cmp(want) != 0 || mc.CashP50[y].Cmp(want) != 0 || mc.CashP90[y].Cmp(want) != 0 {
			t.Errorf("%d: %s/%s/%s, want %s", FirstYear+1+y, mc.CashP10[y], mc.CashP50[y], mc.CashP90[y], want)
		}
	}
	// Base case: cash-out 2027-09, break-even 2030 (MODEL.md §13).
	if mc.PCashOutBefore2030 != 1 || mc.PBreakEvenBy2030 != 1 || mc.N != 100 || mc.Seed != 1 {
		t.Errorf("p(cash-out) %v, p(break-even) %v", mc.PCashOutBefore2030, mc.PBreakEvenBy2030)
	}
	if mc.UnplacedPeakP50 != res.Placement.PeakUnplaced || mc.UnplacedPeakP90 != res.Placement.PeakUnplaced {
		t.Errorf("unplaced peaks %d/%d, want %d", mc.UnplacedPeakP50, mc.UnplacedPeakP90, res.Placement.PeakUnplaced)
	}
	// The same seed gives the same figures; another seed others.
	again := Analyze(Evaluate(mustQuery(t, "mc.n=200&mc.seed=5"), nil)).MonteCarlo
	same := Analyze(Evaluate(mustQuery(t, "mc.n=200&mc.seed=5"), nil)).MonteCarlo
	other := Analyze(Evaluate(mustQuery(t, "mc.n=200&mc.seed=6"), nil)).MonteCarlo
	if mcString(again) != mcString(same) || mcString(again) == mcString(other) {
		t.Error("the seed does not fix the draws")
	}
}

// refTornado computes MODEL.md §9's tornado with the whole model.
func refTornado(base Params) []TornadoRow {
	need := func(q Params) Money { return MoneyOf(Evaluate(q, nil).Finance.FundingNeed) }
	var rows []TornadoRow
	for i := range specs {
		s := &specs[i]
		if s.Group == GroupRisk || s.Kind == Flag || s.Kind == MonthKind || s.Kind == Choice {
			continue
		}
		row := TornadoRow{ID: s.ID}
		v := s.Get(&base)
		var vals [2]decimal.Decimal
		for side, k := range []float64{0.8, 1.2} {
			switch s.Kind {
			case MoneyKind:
				vals[side] = s.clamp(v.Mul(decimal.NewFromFloat(k)))
			case Number:
				x := math.Max(s.Min.InexactFloat64(), math.Min(v.InexactFloat64()*k, s.Max.InexactFloat64()))
				vals[side] = decimal.NewFromFloat(x)
			case Whole:
				x := math.Round(float64(v.IntPart()) * k)
				if s.ID == "stargate.delay" {
					x = float64(v.IntPart() + int64(12*side))
				}
				vals[side] = s.clamp(decimal.NewFromFloat(x))
			}
		}
		lo, hi := base, base
		s.Set(&lo, vals[0])
		s.Set(&hi, vals[1])
		row.NeedLow, row.NeedHigh = need(lo), need(hi)
		row.Swing = row.NeedHigh.Sub(row.NeedLow).Abs()
		row.Low, row.High = Value{vals[0]}, Value{vals[1]}
		rows = append(rows, row)
	}
	sort.SliceStable(rows, func(a, b int) bool {
		if c := rows[a].Swing.Cmp(rows[b].Swing); c != 0 {
			return c > 0
		}
		return rows[a].ID < rows[b].ID
	})
	return rows
}

func TestTornadoAgainstReference(t *testing.T) {
	queries := []string{"", "stargate.delay=40&oai.growth=0&capex.growth=-50", "aws.value=2000&oai.cash=1000&oai.growth=300"}
	r := rand.New(rand.NewPCG(21, 22))
	for range 2 {
		p := randomParams(r, 0.3)
		queries = append(queries, EncodeQuery(&p))
	}
	for _, q := range queries {
		p, _ := ParseQuery(q)
		res := Evaluate(p, nil)
		got := tornado(&res.Params, newEngine(&res.Params, &res.Ledger))
		want := refTornado(p)
		if len(got) != 57 || len(want) != 57 {
			t.Fatalf("%s: %d rows, reference %d, want 57", describe(q), len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.ID != w.ID || !g.Low.Equal(w.Low.Decimal) || !g.High.Equal(w.High.Decimal) ||
				g.NeedLow.Cmp(w.NeedLow) != 0 || g.NeedHigh.Cmp(w.NeedHigh) != 0 || g.Swing.Cmp(w.Swing) != 0 {
				t.Fatalf("%s: row %d = %s %v %v %s %s %s, want %s %v %v %s %s %s", describe(q), i,
					g.ID, g.Low, g.High, g.NeedLow, g.NeedHigh, g.Swing, w.ID, w.Low, w.High, w.NeedLow, w.NeedHigh, w.Swing)
			}
		}
	}
}

func TestTornadoValuesByHand(t *testing.T) {
	res := Evaluate(Defaults(), nil)
	rows := tornado(&res.Params, newEngine(&res.Params, &res.Ledger))
	byID := map[string]TornadoRow{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	for _, c := range []struct {
		id        string
		low, high string
	}{
		{"aws.value", "30.4", "45.6"}, // 38 × 0.8, 38 × 1.2, exactly in decimal
		{"coreweave.value", "17.92", "26.88"},
		{"aws.term", "67", "101"},     // round(84 × 0.8 = 67.2), round(100.8)
		{"aws.ramp", "11", "17"},      // round(11.2), round(16.8)
		{"oracle.gb300", "64", "96"},  // 80 × 0.8, 80 × 1.2
		{"pue", "1", "1.44"},          // 0.96 clamped to 1.00; 1.2 × 1.2 = 1.44
		{"stargate.delay", "0", "12"}, // base and base + 12
		{"aws.ext", "0", "0"},         // 0 × anything: a zero swing
		{"oai.fade", "12", "18"},      // 15 × 0.8, 15 × 1.2
		{"oai.opex", "24", "36"},
		{"capex.multiple", "1.6", "2.4"},
		{"oai.growth", "64", "96"},
	} {
		r, ok := byID[c.id]
		if !ok {
			t.Errorf("no tornado row %s", c.id)
			continue
		}
		lo, hi := r.Low.Decimal, r.High.Decimal
		// Floats: 15 × 0.8 is 12.000000000000002 in float64; compare to
		// 1e-9 for Number inputs, exactly for the others.
		if spec(t, c.id).Kind == Number {
			if math.Abs(lo.InexactFloat64()-dec(c.low).InexactFloat64()) > 1e-9 || math.Abs(hi.InexactFloat64()-dec(c.high).InexactFloat64()) > 1e-9 {
				t.Errorf("%s: %s / %s, want %s / %s", c.id, lo, hi, c.low, c.high)
			}
		} else if !lo.Equal(dec(c.low)) || !hi.Equal(dec(c.high)) {
			t.Errorf("%s: %s / %s, want %s / %s", c.id, lo, hi, c.low, c.high)
		}
	}
	if r := byID["aws.ext"]; r.Swing.Sign() != 0 {
		t.Errorf("aws.ext swing %s, want 0", r.Swing)
	}
	for _, id := range []string{"mc.n", "aws.on", "aws.start", "x1.supplier", "x1.start"} {
		if _, ok := byID[id]; ok {
			t.Errorf("tornado has a row for %s", id)
		}
	}
	// Sorted by swing, descending, ties by id.
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		if c := a.Swing.Cmp(b.Swing); c < 0 || (c == 0 && a.ID >= b.ID) {
			t.Errorf("rows %d, %d out of order: %s %s, %s %s", i-1, i, a.ID, a.Swing, b.ID, b.Swing)
		}
	}
}

func TestGoalSeek(t *testing.T) {
	need := func(p Params, g float64) decimal.Decimal {
		p.Growth = g
		return Evaluate(p, nil).Finance.FundingNeed
	}
	for _, q := range []string{"", "oai.runrate=40", "oai.cash=100&oai.fade=30", "oracle.value=600", "mc.n=100&aws.ext=300"} {
		p := mustQuery(t, q)
		res := Evaluate(p, nil)
		reach, g := goalSeek(newEngine(&res.Params, &res.Ledger))
		if !reach {
			t.Errorf("%s: not reachable", describe(q))
			continue
		}
		// Two decimals; cash holds at the answer and fails 0.02 below it
		// (the bisection ends with hi − lo ≤ 0.01 and reports ceil(hi)).
		if math.Round(g*100)/100 != g || g < 0 || g > 300 {
			t.Errorf("%s: goal seek %v", describe(q), g)
		}
		if n := need(p, g); !n.IsZero() {
			t.Errorf("%s: at %v %% the funding need is %s", describe(q), g, n)
		}
		if g >= 0.02 {
			if n := need(p, g-0.02); n.IsZero() {
				t.Errorf("%s: %v %% also holds", describe(q), g-0.02)
			}
		}
	}
	if _, g := goalSeek(newEngine(ptrTo(Defaults()), ptrTo(BuildLedger(ptrTo(Defaults()))))); g != 152.49 {
		t.Errorf("base goal seek %v, want 152.49", g)
	}
	// Nothing owed: 0 % holds.
	p := mustQuery(t, "aws.on=0&oracle.on=0&microsoft.on=0&coreweave.on=0")
	res := Evaluate(p, nil)
	if reach, g := goalSeek(newEngine(&res.Params, &res.Ledger)); !reach || g != 0 {
		t.Errorf("no deals: %v, %v; want 0", reach, g)
	}
	// No run rate: growth cannot help: not reachable, null in the export.
	p = mustQuery(t, "oai.runrate=0&mc.n=100")
	res = Evaluate(p, nil)
	risk := Analyze(res)
	if risk.Reachable {
		t.Errorf("no run rate: reachable at %v", risk.GoalSeek)
	}
	out, err := ExportJSON(res, &risk)
	if err != nil || !containsLine(out, `  "goal_seek_growth": null`) {
		t.Errorf("no run rate: export %v", err)
	}
}

func containsLine(out []byte, line string) bool {
	for _, l := range splitLines(out) {
		if l == line {
			return true
		}
	}
	return false
}

func splitLines(b []byte) []string {
	var out []string
	start := 0
	for i, c := range b {
		if c == '\n' {
			out = append(out, string(b[start:i]))
			start = i + 1
		}
	}
	return append(out, string(b[start:]))
}

func TestEngineUnplacedPeak(t *testing.T) {
	// The engine reuses its fleet and placement between draws; a draw must
	// give what the whole model gives for the same inputs, whatever ran
	// before it.
	p := Defaults()
	res := Evaluate(p, nil)
	e := newEngine(&res.Params, &res.Ledger)
	r := rand.New(rand.NewPCG(23, 24))
	for range 50 {
		q := p
		q.P200, q.P300 = 0.5+5*r.Float64(), 0.5+5*r.Float64()
		q.StargatePerGW = 10 + 140*r.Float64()
		q.StargateDelay = r.IntN(97)
		got := e.unplacedPeak(q.P200, q.P300, q.StargatePerGW, q.StargateDelay)
		if want := Evaluate(q, nil).Placement.PeakUnplaced; got != want {
			t.Fatalf("unplacedPeak(%v, %v, %v, %d) = %d, want %d", q.P200, q.P300, q.StargatePerGW, q.StargateDelay, got, want)
		}
	}
}

func TestMonteCarloRunInSteps(t *testing.T) {
	// The page draws the Monte Carlo in steps; any steps give the figures
	// of a single run (the draws and their order are MODEL.md §9's).
	res := Evaluate(mustQuery(t, "mc.n=300&mc.seed=11&mc.delay=30"), nil)
	want := mcString(monteCarlo(newEngine(&res.Params, &res.Ledger)))
	r := rand.New(rand.NewPCG(29, 30))
	for range 3 {
		run := NewMonteCarloRun(res)
		if done, total := run.Progress(); done != 0 || total != 300 {
			t.Fatalf("progress %d/%d before any step", done, total)
		}
		for !run.Step(1 + r.IntN(50)) {
			if done, _ := run.Progress(); done == 0 || done >= 300 {
				t.Fatalf("progress %d while not done", done)
			}
			if got := run.Result(); got.N != 300 || got.CashP50[0].Sign() != 0 {
				t.Fatalf("a result before the last draw: %s", mcString(got))
			}
		}
		if got := mcString(run.Result()); got != want {
			t.Fatalf("in steps:\n got %s\nwant %s", got, want)
		}
		if run.Step(10) != true {
			t.Fatal("Step after the last draw")
		}
	}
	// The exported wrappers give what Analyze gives.
	risk := Analyze(res)
	if g, ok := GoalSeek(res); g != risk.GoalSeek || ok != risk.Reachable {
		t.Errorf("GoalSeek %v %v, Analyze %v %v", g, ok, risk.GoalSeek, risk.Reachable)
	}
	rows := Tornado(res)
	for i := range rows {
		if rows[i].ID != risk.Tornado[i].ID || rows[i].Swing.Cmp(risk.Tornado[i].Swing) != 0 {
			t.Fatalf("Tornado row %d %s %s, Analyze %s %s", i, rows[i].ID, rows[i].Swing, risk.Tornado[i].ID, risk.Tornado[i].Swing)
		}
	}
}

// TestRiskJSONRoundTrip: the page's risk worker hands the analysis over
// as JSON; decoded, it must give the same report, byte for byte, over
// random scenarios.
func TestRiskJSONRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	for range 12 {
		p := randomParams(r, 0.3)
		p.MCN = 100 + r.IntN(300)
		res := Evaluate(p, nil)
		risk := Analyze(res)
		b, err := json.Marshal(risk)
		if err != nil {
			t.Fatal(err)
		}
		var back Risk
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", EncodeQuery(&p), err)
		}
		want, err := json.Marshal(NewReport(res, &risk))
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(NewReport(res, &back))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: the report of the decoded analysis differs", EncodeQuery(&p))
		}
	}
}

// TestAnalysisRunInSteps: the page and the risk worker analyze in steps;
// any steps give Analyze's risk, to the byte of its JSON.
func TestAnalysisRunInSteps(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	for _, q := range []string{"mc.n=300&mc.seed=11&mc.delay=30", "mc.n=150&oai.growth=140&x1.value=40&x1.supplier=aws", ""} {
		res := Evaluate(mustQuery(t, q), nil)
		want, err := json.Marshal(Analyze(res))
		if err != nil {
			t.Fatal(err)
		}
		run := NewAnalysisRun(res)
		for !run.Step(1 + r.IntN(50)) {
		}
		if done, total := run.Progress(); done != total || total != res.Params.MCN {
			t.Fatalf("%q: progress %d/%d once done, want %d", q, done, total, res.Params.MCN)
		}
		got, err := json.Marshal(run.Risk())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%q: in steps\n got %s\nwant %s", q, got, want)
		}
	}
}

// TestSortMoney checks sortMoney against slices.SortFunc with Money.Cmp
// on random amounts: many equal ones, negative ones, and now and then one
// beyond int64 cents, which sends the whole slice to the slow path.
func TestSortMoney(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	huge := MoneyOf(decimal.RequireFromString("123456789012345678901.25"))
	for trial := range 200 {
		v := make([]Money, r.IntN(300))
		for i := range v {
			switch k := r.IntN(20); {
			case k == 0 && trial%3 == 0:
				v[i] = Money{}.Sub(huge)
			case k < 6:
				v[i] = Cents(r.IntN(5) - 2).Money() // duplicates
			default:
				v[i] = Cents(r.Int64() >> r.IntN(63)).Money()
				if r.IntN(2) == 0 {
					v[i] = Money{}.Sub(v[i])
				}
			}
		}
		want := slices.Clone(v)
		slices.SortFunc(want, Money.Cmp)
		sortMoney(v)
		for i := range v {
			if v[i].Cmp(want[i]) != 0 {
				t.Fatalf("trial %d: at %d got %v, want %v", trial, i, v[i], want[i])
			}
		}
	}
}
