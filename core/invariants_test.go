package core

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// Invariants over random in-range scenarios. The count is a flag, so that
// a long run is one command away:
//
//	go test ./core -run Invariants -invariants.n=100000
var invariantsN = flag.Int("invariants.n", 0, "random scenarios for TestInvariants (0: 10,000, or 1,000 under wasm)")

// refSite is a site of MODEL.md §5, written out again for the reference
// placement.
type refSite struct {
	id, pool string
	mw       float64
	f, l     Month
}

func refSites(p *Params) ([]refSite, float64) {
	m := func(s string) Month {
		x, err := ParseMonth(s)
		if err != nil {
			panic(err)
		}
		return x
	}
	d := Month(p.StargateDelay)
	sites := []refSite{
		{"abilene", "stargate", 1200, m("2025-06") + d, m("2026-06") + d},
		{"shackelford", "stargate", 1400, m("2026-09") + d, m("2028-06") + d},
		{"donaana", "stargate", 1000, m("2026-12") + d, m("2028-06") + d},
		{"lordstown", "stargate", 300, m("2026-06") + d, m("2027-06") + d},
		{"milam", "stargate", 1200, m("2026-09") + d, m("2028-03") + d},
		{"saline", "stargate", 1000, m("2027-06") + d, m("2028-12") + d},
		{"portwashington", "stargate", 900, m("2027-06") + d, m("2028-12") + d},
		{"aws", "aws", p.PoolMW[0], m("2025-11"), m("2026-12")},
		{"azure", "azure", p.PoolMW[1], m("2026-01"), m("2027-12")},
		{"coreweave", "coreweave", p.PoolMW[2], m("2025-04"), m("2026-06")},
		{"google", "google", p.PoolMW[3], m("2026-01"), m("2027-12")},
		{"other", "other", p.PoolMW[4], m("2026-01"), m("2027-12")},
	}
	funded := p.StargateCapex.InexactFloat64() / p.StargatePerGW * 1000
	scale := math.Min(1, funded/7000) // 1200+1400+1000+300+1200+1000+900
	return sites, scale
}

var dealPools = map[DealID]string{DealAWS: "aws", DealAWSExt: "aws", DealOracle: "stargate", DealMicrosoft: "azure", DealCoreWeave: "coreweave"}

// refPool returns the pool of a deal of p as MODEL.md §3 and §14 say.
func refPool(p *Params, id DealID) string {
	if pool, ok := dealPools[id]; ok {
		return pool
	}
	word := specs[Index(string(id)+".supplier")].Format(decimal.NewFromInt(int64(p.Slots[int(id[1]-'1')].Supplier)))
	return map[string]string{"aws": "aws", "oracle": "stargate", "microsoft": "azure", "coreweave": "coreweave", "google": "google", "other": "other"}[word]
}

// checkScenario checks every invariant of one evaluated scenario.
func checkScenario(t *testing.T, q string, r *Result) {
	t.Helper()
	p := &r.Params
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("%s: "+format, append([]any{describe(q)}, args...)...)
	}
	l, f, pl, fin := &r.Ledger, &r.Fleet, &r.Placement, &r.Finance

	// Ledger: deal totals are the inputs to the cent; every obligation is
	// non-negative; the monthly totals are the sums over deals.
	var total [HorizonMonths]Cents
	for i := range l.Deals {
		d := &l.Deals[i]
		value := dealValue(p, d.ID)
		if i := Index(string(d.ID) + ".on"); i >= 0 && specs[i].Get(p).IsZero() {
			fail("disabled deal %s in the ledger", d.ID)
		}
		if value.Sign() <= 0 && d.ID[0] == 'x' {
			fail("empty slot %s in the ledger", d.ID)
		}
		if !d.Total.Decimal().Equal(value.Shift(9).Round(2)) {
			fail("deal %s total %s, input %s $B", d.ID, d.Total, value)
		}
		var sum Cents
		for m, c := range d.Obligations {
			if c < 0 {
				fail("deal %s owes %s in %s", d.ID, c, Month(m))
			}
			sum += c
			total[m] += c
		}
		if d.Start >= FirstMonth && d.Start+Month(d.Term)-1 <= LastMonth && sum != d.Total {
			fail("deal %s inside the horizon sums to %s, total %s", d.ID, sum, d.Total)
		}
		if sum > d.Total {
			fail("deal %s: horizon months %s exceed the total %s", d.ID, sum, d.Total)
		}
	}
	if total != l.Total {
		fail("ledger totals are not the sums over deals")
	}

	// Fleet: MODEL.md §4 recomputed from the obligations.
	hourly := func(s float64) float64 {
		return float64((1-s/100)*p.P200) + float64((s/100)*p.P300)
	}
	var gpus, r200, r300 [HorizonMonths]int64
	for i := range l.Deals {
		d, df := &l.Deals[i], &f.Deals[i]
		h := hourly(d.GB300) * 730
		for m, c := range d.Obligations {
			if c.Float64() != c.Decimal().InexactFloat64() {
				fail("Cents.Float64(%d) = %v, decimal %v", c, c.Float64(), c.Decimal().InexactFloat64())
			}
			g := int64(math.Floor(c.Decimal().InexactFloat64() / h))
			g300 := int64(math.Floor(float64(g) * d.GB300 / 100))
			g200 := g - g300
			k200, k300 := (g200+71)/72, (g300+71)/72
			if df.GPUs[m] != g || df.GB300[m] != g300 || df.GB200[m] != g200 || df.Racks200[m] != k200 || df.Racks300[m] != k300 {
				fail("deal %s %s: fleet %d/%d/%d racks %d/%d, want %d/%d/%d racks %d/%d", d.ID, Month(m),
					df.GPUs[m], df.GB200[m], df.GB300[m], df.Racks200[m], df.Racks300[m], g, g200, g300, k200, k300)
			}
			if g < 0 || g300 < 0 || g200 < 0 {
				fail("negative GPUs")
			}
			gpus[m] += g
			r200[m] += k200
			r300[m] += k300
		}
	}
	var peakG int64
	var peakMW float64
	for m := range HorizonMonths {
		it := (float64(float64(r200[m])*p.KW200) + float64(float64(r300[m])*p.KW300)) / 1000
		if f.GPUs[m] != gpus[m] || f.Racks[m] != r200[m]+r300[m] || f.ITMW[m] != it || f.FacilityMW[m] != it*p.PUE {
			fail("%s: totals %d GPUs %d racks %v/%v MW, want %d, %d, %v/%v", Month(m), f.GPUs[m], f.Racks[m], f.ITMW[m], f.FacilityMW[m], gpus[m], r200[m]+r300[m], it, it*p.PUE)
		}
		peakG, peakMW = max(peakG, gpus[m]), max(peakMW, it*p.PUE)
	}
	if f.PeakGPUs != peakG || f.PeakFacilityMW != peakMW {
		fail("peaks %d, %v; want %d, %v", f.PeakGPUs, f.PeakFacilityMW, peakG, peakMW)
	}

	// Placement: a reference placement of MODEL.md §5 and §12.
	sites, scale := refSites(p)
	if len(pl.Sites) != len(sites) || pl.Scale != scale {
		fail("%d sites, scale %v; want %d, %v", len(pl.Sites), pl.Scale, len(sites), scale)
	}
	rackMW := [2]float64{p.KW200 * p.PUE / 1000, p.KW300 * p.PUE / 1000}
	order := map[string][]int{}
	for j, s := range sites {
		if pl.Sites[j].ID != s.id || pl.Sites[j].First != s.f || pl.Sites[j].Full != s.l || pl.Sites[j].MW != s.mw {
			fail("site %d = %+v, want %+v", j, pl.Sites[j], s)
		}
		order[s.pool] = append(order[s.pool], j)
	}
	for _, idx := range order {
		sort.Slice(idx, func(a, b int) bool {
			sa, sb := sites[idx[a]], sites[idx[b]]
			if sa.f != sb.f {
				return sa.f < sb.f
			}
			return sa.id < sb.id
		})
	}
	var peakUnplaced int64
	for m := range Month(HorizonMonths) {
		rem := make([]float64, len(sites))
		used := make([]float64, len(sites))
		for j, s := range sites {
			c := s.mw
			if s.pool == "stargate" {
				c = s.mw * scale
			}
			var a float64
			switch {
			case m < s.f:
			case m >= s.l:
				a = c
			default:
				a = c * float64(m-s.f+1) / float64(s.l-s.f+1)
			}
			if pl.Available[j][m] != a || a < 0 {
				fail("site %s %s: available %v MW, want %v", s.id, m, pl.Available[j][m], a)
			}
			rem[j] = a
		}
		var unplacedGPUs int64
		for i := range l.Deals {
			d, df := &l.Deals[i], &f.Deals[i]
			racks := [2]int64{df.Racks200[m], df.Racks300[m]}
			var placed, left int64
			for kind, n := range racks {
				for _, j := range order[refPool(p, d.ID)] {
					k := min(n, int64(math.Floor(rem[j]/rackMW[kind]+1e-9)))
					k = max(0, k)
					rem[j] -= float64(float64(k) * rackMW[kind])
					used[j] += float64(float64(k) * rackMW[kind])
					n -= k
					placed += k
				}
				left += n
			}
			if pl.UnplacedRacks[i][m] != left {
				fail("deal %s %s: %d racks unplaced, want %d", d.ID, m, pl.UnplacedRacks[i][m], left)
			}
			if placed+pl.UnplacedRacks[i][m] != df.Racks200[m]+df.Racks300[m] {
				fail("deal %s %s: %d placed + %d unplaced ≠ %d racks", d.ID, m, placed, pl.UnplacedRacks[i][m], df.Racks200[m]+df.Racks300[m])
			}
			unplacedGPUs += left * 72
		}
		var stranded float64
		for j := range sites {
			if pl.Used[j][m] != used[j] {
				fail("site %s %s: used %v MW, want %v", sites[j].id, m, pl.Used[j][m], used[j])
			}
			if pl.Used[j][m] > pl.Available[j][m]+1e-9 || pl.Used[j][m] < 0 {
				fail("site %s %s: used %v MW of %v", sites[j].id, m, pl.Used[j][m], pl.Available[j][m])
			}
			stranded += pl.Available[j][m] - pl.Used[j][m]
		}
		if pl.StrandedMW[m] != stranded || pl.UnplacedGPUs[m] != unplacedGPUs {
			fail("%s: stranded %v, unplaced GPUs %d; want %v, %d", m, pl.StrandedMW[m], pl.UnplacedGPUs[m], stranded, unplacedGPUs)
		}
		peakUnplaced = max(peakUnplaced, unplacedGPUs)
	}
	if pl.PeakUnplaced != peakUnplaced {
		fail("peak unplaced %d, want %d", pl.PeakUnplaced, peakUnplaced)
	}

	// Finance: revenue, net and cash in decimal, exactly.
	share := decimal.NewFromInt(1).Sub(decimal.NewFromFloat(p.Opex).DivRound(decimal.NewFromInt(100), 40))
	rate := p.RunRate.Shift(9).InexactFloat64()
	var rev2025 Cents
	for m := range 12 {
		rev2025 += Cents(fin.Revenue[m].Shift(2).IntPart())
	}
	if want := p.Rev2025.Shift(9).Round(2); !rev2025.Decimal().Equal(want) {
		fail("2025 revenue sums to %s, want %s", rev2025, want)
	}
	cash := p.Cash.Shift(9).Round(2)
	minCash := decimal.Zero
	cashOut := NoMonth
	for m := range Month(HorizonMonths) {
		if m >= firstCashMonth {
			g := float64((p.Growth / 100) * refPow(1-p.Fade/100, float64(m.Year()-2026)))
			rate = rate * refPow(1+g, 1.0/12)
			if want := decimal.NewFromFloat(rate / 12).Round(2); !fin.Revenue[m].Equal(want) {
				fail("%s: revenue %s, want %s", m, fin.Revenue[m], want)
			}
		}
		if want := fin.Revenue[m].Mul(share).Round(2); !fin.Net[m].Equal(want) {
			fail("%s: net %s, want %s", m, fin.Net[m], want)
		}
		if fin.Revenue[m].Sign() < 0 {
			fail("%s: negative revenue", m)
		}
		switch {
		case m == firstCashMonth-1:
			if !fin.Cash[m].Equal(cash) {
				fail("opening cash %s, want %s", fin.Cash[m], cash)
			}
		case m >= firstCashMonth:
			// cash(m) = cash(m − 1) + net(m) − obligations(m)
			want := fin.Cash[m-1].Add(fin.Net[m]).Sub(l.Total[m].Decimal())
			if !fin.Cash[m].Equal(want) {
				fail("%s: cash %s, want %s + %s − %s", m, fin.Cash[m], fin.Cash[m-1], fin.Net[m], l.Total[m])
			}
			if fin.Cash[m].Sign() < 0 && cashOut == NoMonth {
				cashOut = m
			}
			minCash = decimal.Min(minCash, fin.Cash[m])
		}
	}
	if fin.CashOut != cashOut || !fin.FundingNeed.Equal(minCash.Neg()) || fin.FundingNeed.Sign() < 0 {
		fail("cash-out %v, need %s; want %v, %s", fin.CashOut, fin.FundingNeed, cashOut, minCash.Neg())
	}
	breakEven := 0
	for y := range HorizonYears {
		var obl Cents
		rev, net := decimal.Zero, decimal.Zero
		for m := MonthOf(FirstYear+y, 1); m <= MonthOf(FirstYear+y, 12); m++ {
			obl += l.Total[m]
			rev = rev.Add(fin.Revenue[m])
			net = net.Add(fin.Net[m])
		}
		if !fin.YearObligations[y].Equal(obl.Decimal()) || !fin.YearRevenue[y].Equal(rev) || !fin.YearNet[y].Equal(net) {
			fail("%d: yearly %s/%s/%s, months sum to %s/%s/%s", FirstYear+y, fin.YearObligations[y], fin.YearRevenue[y], fin.YearNet[y], obl, rev, net)
		}
		if !fin.YearCashEnd[y].Equal(fin.Cash[MonthOf(FirstYear+y, 12)]) {
			fail("%d: cash at end %s", FirstYear+y, fin.YearCashEnd[y])
		}
		if fin.HasCoverage[y] != (obl != 0) || (obl != 0 && !fin.Coverage[y].Equal(net.DivRound(obl.Decimal(), 4))) {
			fail("%d: coverage %s (%v)", FirstYear+y, fin.Coverage[y], fin.HasCoverage[y])
		}
		if r.HasHHI[y] != (obl != 0) || r.HHI[y].Sign() < 0 || r.HHI[y].GreaterThan(decimal.NewFromInt(10000)) {
			fail("%d: HHI %s (%v)", FirstYear+y, r.HHI[y], r.HasHHI[y])
		}
		if y >= 1 && breakEven == 0 && net.GreaterThanOrEqual(obl.Decimal()) {
			breakEven = FirstYear + y
		}
		c := r.Capex[y]
		for _, x := range append(c.Capex[:], c.Total, c.RequiredRevenue, c.AIRevenue, c.Gap) {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				fail("%d: capex figure %v", FirstYear+y, x)
			}
		}
	}
	if fin.BreakEven != breakEven {
		fail("break-even %d, want %d", fin.BreakEven, breakEven)
	}
}

// checkExport checks that the export succeeds and that every number in it
// is finite (and every money string is a decimal with two places).
func checkExport(t *testing.T, q string, r *Result, risk *Risk, decode bool) []byte {
	t.Helper()
	out, err := ExportJSON(r, risk)
	if !decode {
		if err != nil {
			t.Fatalf("%s: ExportJSON: %v", describe(q), err)
		}
		return out
	}
	checkExportJSON(t, q, out, err)
	return out
}

func TestInvariants(t *testing.T) {
	n := *invariantsN
	if n == 0 {
		n = randomCount(10_000)
	}
	// Eight chunks of scenarios run in parallel, each from its own seed.
	const chunks = 8
	start := time.Now()
	t.Cleanup(func() { t.Logf("%d scenarios in %v", n, time.Since(start)) })
	for c := range chunks {
		t.Run(fmt.Sprintf("chunk%d", c), func(t *testing.T) {
			t.Parallel()
			r := rand.New(rand.NewPCG(25, uint64(c)))
			for i := c; i < n; i += chunks {
				share := 0.0
				if i%2 == 1 {
					share = 0.25 // every other scenario has inputs off the Step grid
				}
				p := randomParams(r, share)
				q := EncodeQuery(&p)
				res := Evaluate(p, nil)
				checkScenario(t, q, res)
				checkExport(t, q, res, nil, i%25 == 0)
			}
		})
	}
}

func TestInvariantsWithRisk(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 28))
	n := 36
	if underWasm {
		n = 12
	}
	for i := range n {
		p := randomParams(r, 0.25)
		p.MCN = 100
		if i%3 == 0 { // huge growth: cash beyond int64 cents
			p.Growth, p.Fade, p.RunRate = 300, 0, dec("500")
		}
		q := EncodeQuery(&p)
		res := Evaluate(p, nil)
		checkScenario(t, q, res)
		risk := Analyze(res)
		checkRisk(t, q, res, &risk)
		checkExport(t, q, res, &risk, true)
	}
}

func checkRisk(t *testing.T, q string, r *Result, risk *Risk) {
	t.Helper()
	mc := &risk.MonteCarlo
	if mc.N != r.Params.MCN || mc.Seed != r.Params.MCSeed {
		t.Fatalf("%s: n %d seed %d", describe(q), mc.N, mc.Seed)
	}
	for y := range mc.CashP10 {
		if mc.CashP10[y].Cmp(mc.CashP50[y]) > 0 || mc.CashP50[y].Cmp(mc.CashP90[y]) > 0 {
			t.Fatalf("%s: %d percentiles %s %s %s", describe(q), FirstYear+1+y, mc.CashP10[y], mc.CashP50[y], mc.CashP90[y])
		}
	}
	for _, x := range []float64{mc.PCashOutBefore2030, mc.PBreakEvenBy2030} {
		if x < 0 || x > 1 || x*float64(mc.N) != math.Round(x*float64(mc.N)) {
			t.Fatalf("%s: probability %v", describe(q), x)
		}
	}
	if mc.UnplacedPeakP50 > mc.UnplacedPeakP90 || mc.UnplacedPeakP50 < 0 || mc.UnplacedPeakP90%72 != 0 {
		t.Fatalf("%s: unplaced peaks %d %d", describe(q), mc.UnplacedPeakP50, mc.UnplacedPeakP90)
	}
	if len(risk.Tornado) != 57 {
		t.Fatalf("%s: %d tornado rows", describe(q), len(risk.Tornado))
	}
	for i, row := range risk.Tornado {
		if row.Swing.Cmp(row.NeedHigh.Sub(row.NeedLow).Abs()) != 0 || row.NeedLow.Sign() < 0 || row.NeedHigh.Sign() < 0 {
			t.Fatalf("%s: tornado row %+v", describe(q), row)
		}
		if i > 0 && risk.Tornado[i-1].Swing.Cmp(row.Swing) < 0 {
			t.Fatalf("%s: tornado out of order at %d", describe(q), i)
		}
	}
	if risk.Reachable && (risk.GoalSeek < 0 || risk.GoalSeek > 300) {
		t.Fatalf("%s: goal seek %v", describe(q), risk.GoalSeek)
	}
}

func TestInvariantsAtBounds(t *testing.T) {
	for _, bound := range []string{"min", "max"} {
		p := Defaults()
		for i := range specs {
			s := &specs[i]
			if bound == "min" {
				s.Set(&p, s.Min)
			} else {
				s.Set(&p, s.Max)
			}
		}
		q := EncodeQuery(&p)
		back, notices := ParseQuery(q)
		if len(notices) != 0 || !back.Equal(&p) {
			t.Fatalf("%s: %q reads back with notices %v", bound, q, notices)
		}
		res := Evaluate(p, nil)
		checkScenario(t, q, res)
		risk := Analyze(res)
		checkRisk(t, q, res, &risk)
		checkExport(t, q, res, &risk, true)
	}
}
