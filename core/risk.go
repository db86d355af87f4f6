package core

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/shopspring/decimal"
)

// Tri draws from the triangular distribution with mode c and bounds
// c(1 − spread/100) and c(1 + spread/100), by inverting its CDF at u in [0, 1).
func Tri(u, c, spread float64) float64 {
	s := spread / 100
	a := float64(c * (1 - s))
	b := float64(c * (1 + s))
	if a == b {
		return c
	}
	f := (c - a) / (b - a)
	if u < f {
		return a + math.Sqrt(u*(b-a)*(c-a))
	}
	return b - math.Sqrt((1-u)*(b-a)*(b-c))
}

// Percentile returns the nearest-rank percentile q (1–99) of the ascending
// sorted values: the value at index ceil(q × n / 100) − 1.
func Percentile[T any](sorted []T, q int) T {
	n := len(sorted)
	i := (q*n+99)/100 - 1
	return sorted[max(0, min(i, n-1))]
}

// MonteCarlo summarizes the draws of MODEL.md §9, as the export writes it.
type MonteCarlo struct {
	N    int   `json:"n"`
	Seed int64 `json:"seed"`
	// Cash at the end of each year 2026..2039.
	CashP10            YearMoney `json:"cash_p10"`
	CashP50            YearMoney `json:"cash_p50"`
	CashP90            YearMoney `json:"cash_p90"`
	PCashOutBefore2030 float64   `json:"p_cash_out_before_2030"`
	PBreakEvenBy2030   float64   `json:"p_break_even_by_2030"`
	UnplacedPeakP50    int64     `json:"unplaced_gpus_peak_p50"`
	UnplacedPeakP90    int64     `json:"unplaced_gpus_peak_p90"`
}

// TornadoRow is the funding need at a low and a high value of one input.
type TornadoRow struct {
	ID       string `json:"id"`
	Low      Value  `json:"low"` // in the input's table units
	High     Value  `json:"high"`
	NeedLow  Money  `json:"need_low"`
	NeedHigh Money  `json:"need_high"`
	Swing    Money  `json:"swing"` // |NeedHigh − NeedLow|
}

// Risk is the risk analysis of a scenario.
//
// Its JSON is how the page's risk worker hands an analysis to the page;
// decoded, it gives the same report to the cent.
type Risk struct {
	MonteCarlo MonteCarlo   `json:"monte_carlo"`
	Tornado    []TornadoRow `json:"tornado"` // by swing, largest first
	// GoalSeek is the lowest 2026 revenue growth (percent, two decimals) at
	// which cash never runs out; Reachable is false when 300 % is not enough.
	GoalSeek  float64 `json:"goal_seek"`
	Reachable bool    `json:"reachable"`
}

// engine re-runs the parts of the model a risk draw changes, reusing its
// storage: the ledger is fixed, and so is everything not drawn.
type engine struct {
	p         *Params
	ledger    *Ledger
	rev       revenueInputs
	fleet     Fleet
	placement Placement
	rates     [HorizonMonths]float64
}

func newEngine(p *Params, l *Ledger) *engine {
	return &engine{p: p, ledger: l, rev: newRevenueInputs(p)}
}

// cash returns the cash figures at 2026 growth g (percent).
func (e *engine) cash(g float64) cashStats {
	in := e.rev
	in.growth = g
	return cashFigures(&e.ledger.Total, in, &e.rates)
}

// cashFigures computes cashStats in cents, or in decimal when an amount
// outgrows int64.
func cashFigures(obl *[HorizonMonths]Cents, in revenueInputs, rates *[HorizonMonths]float64) cashStats {
	if st, ok := fastCash(obl, &in, rates); ok {
		return st
	}
	f := decimalFinance(obl, in)
	return f.stats()
}

// unplacedPeak returns the peak of unplaced GPUs at the given prices,
// Stargate cost per GW and delay.
func (e *engine) unplacedPeak(p200, p300, perGW float64, delay int) int64 {
	pw := powerOf(e.p)
	pw.p200, pw.p300 = p200, p300
	buildFleet(&e.fleet, e.ledger, pw)
	sites, scale := sitesOf(e.p, perGW, delay)
	place(&e.placement, e.ledger, &e.fleet, pw, sites, scale, true)
	return e.placement.PeakUnplaced
}

// Analyze runs the Monte Carlo, the tornado and the goal seek of
// MODEL.md §9 for the scenario of r.
func Analyze(r *Result) Risk {
	e := newEngine(&r.Params, &r.Ledger)
	reach, g := goalSeek(e)
	return Risk{MonteCarlo: monteCarlo(e), Tornado: tornado(&r.Params, e), GoalSeek: g, Reachable: reach}
}

func monteCarlo(e *engine) MonteCarlo {
	run := newMonteCarloRun(e)
	run.Step(run.n)
	return run.Result()
}

// AnalysisRun is the risk analysis of a scenario in steps, as a page or a
// worker runs it between other work: the goal seek and the tornado at
// once, then the Monte Carlo a step at a time. Its Risk is Analyze's,
// whatever the steps.
type AnalysisRun struct {
	risk Risk
	mc   *MonteCarloRun
}

// NewAnalysisRun runs the goal seek and the tornado of the scenario of r
// and prepares its Monte Carlo.
func NewAnalysisRun(r *Result) *AnalysisRun {
	growth, ok := GoalSeek(r)
	return &AnalysisRun{risk: Risk{Tornado: Tornado(r), GoalSeek: growth, Reachable: ok}, mc: NewMonteCarloRun(r)}
}

// Step runs up to k more Monte Carlo draws and reports whether all are
// done.
func (a *AnalysisRun) Step(k int) bool { return a.mc.Step(k) }

// Progress returns how many Monte Carlo draws are done, out of how many.
func (a *AnalysisRun) Progress() (done, total int) { return a.mc.Progress() }

// Risk is the analysis; it must be called once every draw is done.
func (a *AnalysisRun) Risk() Risk {
	risk := a.risk
	risk.MonteCarlo = a.mc.Result()
	return risk
}

// MonteCarloRun draws the Monte Carlo of a scenario in steps, so that a
// page can stay responsive between them. The draws and their order are
// those of MODEL.md §9, whatever the steps.
type MonteCarloRun struct {
	e                  *engine
	r                  *rand.Rand
	i, n               int
	december           [][]Money // per year 2026..2039, per draw
	peaks              []int64
	cashOut, breakEven int
}

// NewMonteCarloRun prepares the Monte Carlo of the scenario of r.
func NewMonteCarloRun(r *Result) *MonteCarloRun {
	return newMonteCarloRun(newEngine(&r.Params, &r.Ledger))
}

func newMonteCarloRun(e *engine) *MonteCarloRun {
	n := max(e.p.MCN, 0)
	m := &MonteCarloRun{e: e, n: n, r: rand.New(rand.NewPCG(uint64(e.p.MCSeed), 0)),
		december: make([][]Money, HorizonYears-1), peaks: make([]int64, n)}
	for y := range m.december {
		m.december[y] = make([]Money, n)
	}
	return m
}

// Step runs up to k more draws and reports whether all are done.
func (m *MonteCarloRun) Step(k int) bool {
	p := m.e.p
	for ; k > 0 && m.i < m.n; k-- {
		growth := Tri(m.r.Float64(), p.Growth, p.MCSpread)
		p200 := Tri(m.r.Float64(), p.P200, p.MCSpread)
		p300 := Tri(m.r.Float64(), p.P300, p.MCSpread)
		perGW := Tri(m.r.Float64(), p.StargatePerGW, p.MCSpread)
		delay := p.StargateDelay + m.r.IntN(p.MCDelay+1)
		st := m.e.cash(growth)
		m.peaks[m.i] = m.e.unplacedPeak(p200, p300, perGW, delay)
		for y := range m.december {
			m.december[y][m.i] = st.december[y+1]
		}
		if st.cashOut != NoMonth && st.cashOut < MonthOf(2030, 1) {
			m.cashOut++
		}
		if st.breakEven != 0 && st.breakEven <= 2030 {
			m.breakEven++
		}
		m.i++
	}
	return m.i == m.n
}

// Progress returns how many draws are done, out of how many.
func (m *MonteCarloRun) Progress() (done, total int) { return m.i, m.n }

// Result summarizes the draws; it must be called once all are done.
func (m *MonteCarloRun) Result() MonteCarlo {
	mc := MonteCarlo{N: m.n, Seed: m.e.p.MCSeed}
	if m.n == 0 || m.i < m.n {
		return mc
	}
	for y, v := range m.december {
		sortMoney(v)
		mc.CashP10[y] = Percentile(v, 10)
		mc.CashP50[y] = Percentile(v, 50)
		mc.CashP90[y] = Percentile(v, 90)
	}
	slices.Sort(m.peaks)
	mc.UnplacedPeakP50 = Percentile(m.peaks, 50)
	mc.UnplacedPeakP90 = Percentile(m.peaks, 90)
	mc.PCashOutBefore2030 = float64(m.cashOut) / float64(m.n)
	mc.PBreakEvenBy2030 = float64(m.breakEven) / float64(m.n)
	return mc
}

// sortMoney sorts v in ascending order: as cents, without a comparison
// function, when every amount fits in them (a Monte Carlo's twenty
// thousand draws sort in a fraction of the time), else by Money.Cmp.
func sortMoney(v []Money) {
	cents := make([]Cents, len(v))
	for i, m := range v {
		if m.big != nil {
			slices.SortFunc(v, Money.Cmp)
			return
		}
		cents[i] = m.c
	}
	slices.Sort(cents)
	for i, c := range cents {
		v[i] = Money{c: c}
	}
}

// Tornado returns the sensitivity of the funding need of r to each input,
// largest swing first (MODEL.md §9).
func Tornado(r *Result) []TornadoRow {
	return tornado(&r.Params, newEngine(&r.Params, &r.Ledger))
}

// GoalSeek returns the lowest 2026 revenue growth at which the cash of r
// never runs out, and false when even 300 % is not enough.
func GoalSeek(r *Result) (growth float64, reachable bool) {
	reachable, growth = goalSeek(newEngine(&r.Params, &r.Ledger))
	return growth, reachable
}

// goalSeek bisects the 2026 growth between 0 and 300 % for the lowest at
// which cash never goes below zero.
func goalSeek(e *engine) (bool, float64) {
	holds := func(g float64) bool { return e.cash(g).fundingNeed.Cmp(Money{}) == 0 }
	if holds(0) {
		return true, 0
	}
	lo, hi := 0.0, 300.0
	if !holds(hi) {
		return false, 0
	}
	for hi-lo > 0.01 {
		mid := (lo + hi) / 2
		if holds(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return true, math.Ceil(hi*100) / 100
}

var (
	tornadoLow  = decimal.RequireFromString("0.8")
	tornadoHigh = decimal.RequireFromString("1.2")
)

// tornado moves every input the table marks for it (MODEL.md §9 and §14:
// not the Monte Carlo settings, flags, start months or choices) to −20 %
// and +20 % of its base value, one at a time, and records the funding
// need at each.
func tornado(base *Params, e *engine) []TornadoRow {
	var rows []TornadoRow
	for i := range specs {
		s := &specs[i]
		if s.Shock == ShockNone {
			continue
		}
		row := TornadoRow{ID: s.ID}
		var needs [2]Money
		for side := range 2 {
			p := *base
			v := s.shocked(s.Get(&p), side)
			s.field.set(&p, v)
			if side == 0 {
				row.Low = Value{v}
			} else {
				row.High = Value{v}
			}
			needs[side] = needFor(&p, s, e)
		}
		row.NeedLow, row.NeedHigh = needs[0], needs[1]
		row.Swing = needs[1].Sub(needs[0]).Abs()
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(a, b TornadoRow) int {
		return cmp.Or(b.Swing.Cmp(a.Swing), cmp.Compare(a.ID, b.ID))
	})
	return rows
}

// shocked returns the tornado's low (side 0) or high (side 1) value of s
// for base value v, clamped to the range (MODEL.md §12): money exactly in
// decimal, quantities in float64, whole months rounded.
func (s *Spec) shocked(v decimal.Decimal, side int) decimal.Decimal {
	if s.Shock == ShockAdd12 {
		return s.clamp(v.Add(decimal.NewFromInt(int64(12 * side))))
	}
	switch s.Kind {
	case Number:
		x := float64Of(v) * [2]float64{0.8, 1.2}[side]
		x = math.Max(float64Of(s.Min), math.Min(x, float64Of(s.Max)))
		return decimal.NewFromFloat(x)
	case Whole:
		x := math.Round(float64Of(v) * [2]float64{0.8, 1.2}[side])
		return s.clamp(decimal.NewFromFloat(x))
	}
	return s.clamp(v.Mul([2]decimal.Decimal{tornadoLow, tornadoHigh}[side]))
}

// needFor returns the funding need of p, rebuilding the ledger only when
// the moved input s is one of a deal's.
func needFor(p *Params, s *Spec, base *engine) Money {
	l := base.ledger
	if s.Ledger {
		nl := BuildLedger(p)
		l = &nl
	}
	return cashFigures(&l.Total, newRevenueInputs(p), &base.rates).fundingNeed
}
