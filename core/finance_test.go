package core

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// Revenue, net and cash (MODEL.md §6), by hand, and the fast cents path
// against the decimal one.

func TestCashOfOneMonth(t *testing.T) {
	r := Evaluate(Defaults(), nil)
	jan := MonthOf(2026, 1)
	// Revenue: the run rate $20B × 1.8^(1/12) = 20e9 × 1.0502016803 … =
	// $21,004,033,603.3…, ÷ 12 = $1,750,336,133.61 (rounded to the cent).
	rate := 20e9 * refPow(1+0.8, 1.0/12)
	if got, want := moneyString(r.Finance.Revenue[jan]), "1750336133.61"; got != want {
		t.Errorf("revenue 2026-01 = %s, want %s", got, want)
	}
	if got := decimal.NewFromFloat(rate / 12).Round(2); !got.Equal(r.Finance.Revenue[jan]) {
		t.Errorf("revenue 2026-01 = %s, the formula gives %s", r.Finance.Revenue[jan], got)
	}
	// Net: 1,750,336,133.61 × (1 − 30/100) = 1,750,336,133.61 × 0.7 =
	// 1,225,235,293.527 → $1,225,235,293.53.
	if got := moneyString(r.Finance.Net[jan]); got != "1225235293.53" {
		t.Errorf("net 2026-01 = %s, want 1225235293.53", got)
	}
	// Obligations of 2026-01:
	//   AWS month 3: 3 × 3,502,304,147 + floor(3 × 505 / 1,085) = 10,506,912,442
	//     cents, remainder 430 < 560: no leftover cent → $105,069,124.42;
	//   CoreWeave month 10 ($22.4B, T 60, R 12, W = 78 + 48 × 12 = 654):
	//     floor(2.24e12 × 10 / 654) = 34,250,764,525 r 650; the 16 leftover
	//     cents go to remainders 652, 650, … so month 10 gets one →
	//     $342,507,645.26;
	//   Microsoft month 1 ($250B, T 84, R 12, W = 78 + 72 × 12 = 942):
	//     floor(2.5e13 / 942) = 26,539,278,131 r 598; its 51 leftover cents
	//     go to remainders 926, 852, 762, 672, 598, then the 582s → +1 →
	//     $265,392,781.32.
	// Total 105,069,124.42 + 342,507,645.26 + 265,392,781.32 = 712,969,551.00.
	if got := r.Ledger.Total[jan].String(); got != "712969551.00" {
		t.Errorf("obligations 2026-01 = %s, want 712969551.00", got)
	}
	for id, want := range map[DealID]string{DealAWS: "105069124.42", DealCoreWeave: "342507645.26", DealMicrosoft: "265392781.32", DealOracle: "0.00"} {
		if got := r.Ledger.Deals[dealIndex(r, id)].Obligations[jan].String(); got != want {
			t.Errorf("%s 2026-01 = %s, want %s", id, got, want)
		}
	}
	// Cash: 40,000,000,000.00 + 1,225,235,293.53 − 712,969,551.00 =
	// 40,512,265,742.53.
	if got := moneyString(r.Finance.Cash[jan]); got != "40512265742.53" {
		t.Errorf("cash 2026-01 = %s, want 40512265742.53", got)
	}
	// 2025-12 holds the opening cash; 2025-11 has no cash figure.
	if !HasCash(MonthOf(2025, 12)) || HasCash(MonthOf(2025, 11)) || moneyString(r.Finance.Cash[MonthOf(2025, 12)]) != "40000000000.00" {
		t.Errorf("opening cash %s", r.Finance.Cash[MonthOf(2025, 12)])
	}
	// 2025 obligations are not charged to cash: the 2025-12 figure is the
	// opening cash although CoreWeave and AWS owe money in 2025.
	if r.Ledger.Total[MonthOf(2025, 12)] == 0 {
		t.Error("no 2025-12 obligations to ignore")
	}
}

func TestNetRounding(t *testing.T) {
	// oai.opex = 33: net = revenue × 0.67, rounded half away from zero.
	// 2025 revenue $0.00000000001B = $0.01 → January gets the cent: 0.01 ×
	// 0.67 = 0.0067 → 0.01; the other months 0.00.
	r := Evaluate(mustQuery(t, "oai.opex=33&oai.rev2025=0.00000000001"), nil)
	if got := moneyString(r.Finance.Net[0]); got != "0.01" {
		t.Errorf("net of 1 cent = %s, want 0.01", got)
	}
	if got := moneyString(r.Finance.Net[1]); got != "0.00" {
		t.Errorf("net of nothing = %s", got)
	}
	// oai.opex = 50: net of 2025-01 revenue 1,083,333,333.34 × 0.5 =
	// 541,666,666.67 exactly; of 1,083,333,333.33 × 0.5 = 541,666,666.665
	// → 541,666,666.67 (half away from zero).
	r = Evaluate(mustQuery(t, "oai.opex=50"), nil)
	for m, want := range map[Month]string{0: "541666666.67", 11: "541666666.67"} {
		if got := moneyString(r.Finance.Net[m]); got != want {
			t.Errorf("net %s = %s, want %s", m, got, want)
		}
	}
	// An off-grid opex: 12.5 % → factor 0.875 exactly.
	r = Evaluate(mustQuery(t, "oai.opex=12.5"), nil)
	jan := MonthOf(2026, 1)
	if want := r.Finance.Revenue[jan].Mul(dec("0.875")).Round(2); !r.Finance.Net[jan].Equal(want) {
		t.Errorf("net %s, want %s", r.Finance.Net[jan], want)
	}
}

func TestCashOutAndBreakEvenEdges(t *testing.T) {
	// No deals, no revenue, no cash: cash stays at exactly 0, which is not
	// below zero: no cash-out, no funding need. Every year has no
	// obligations, so 2026 breaks even ("a year with none qualifies"), and
	// no year has a coverage ratio or an HHI.
	r := Evaluate(mustQuery(t, "aws.on=0&oracle.on=0&microsoft.on=0&coreweave.on=0&oai.runrate=0&oai.cash=0&oai.rev2025=0"), nil)
	if r.Finance.CashOut != NoMonth || !r.Finance.FundingNeed.IsZero() || r.Finance.BreakEven != 2026 {
		t.Errorf("cash-out %v, need %s, break-even %d", r.Finance.CashOut, r.Finance.FundingNeed, r.Finance.BreakEven)
	}
	for y := range HorizonYears {
		if r.Finance.HasCoverage[y] || r.HasHHI[y] {
			t.Errorf("%d: coverage or HHI without obligations", FirstYear+y)
		}
	}
	// No revenue and the base deals: cash runs out in the first month with
	// an obligation, 2026-01 ($712,969,551.00, TestCashOfOneMonth) with no
	// cash, and the funding need is every obligation from 2026 on.
	r = Evaluate(mustQuery(t, "oai.runrate=0&oai.cash=0"), nil)
	if r.Finance.CashOut != MonthOf(2026, 1) {
		t.Errorf("cash-out %s, want 2026-01", r.Finance.CashOut)
	}
	var owed Cents
	for m := firstCashMonth; m <= LastMonth; m++ {
		owed += r.Ledger.Total[m]
	}
	if !r.Finance.FundingNeed.Equal(owed.Decimal()) {
		t.Errorf("need %s, want %s", r.Finance.FundingNeed, owed)
	}
	// With no net, a year breaks even only without obligations. The deals
	// end: CoreWeave 2030-03, Oracle 2031-12, AWS 2032-10, Microsoft
	// 2032-12 (2026-01 + 84 months): 2033.
	if r.Finance.BreakEven != 2033 {
		t.Errorf("break-even %d, want 2033", r.Finance.BreakEven)
	}
	// Cash exactly zero at some month is not a cash-out: $1B of cash, a
	// single $1B obligation in 2026-01 (CoreWeave, one month, flat), no
	// revenue.
	r = Evaluate(mustQuery(t, "aws.on=0&oracle.on=0&microsoft.on=0&coreweave.value=1&coreweave.start=2026-01&coreweave.term=1&coreweave.ramp=0&oai.runrate=0&oai.cash=1"), nil)
	if !r.Finance.Cash[MonthOf(2026, 1)].IsZero() || r.Finance.CashOut != NoMonth || !r.Finance.FundingNeed.IsZero() {
		t.Errorf("zero cash: %s, cash-out %v, need %s", r.Finance.Cash[MonthOf(2026, 1)], r.Finance.CashOut, r.Finance.FundingNeed)
	}
	// One cent more owed: cash-out 2026-01, funding need $0.01; 2026's
	// net 0 < obligations, so the first break-even year is 2027.
	r = Evaluate(mustQuery(t, "aws.on=0&oracle.on=0&microsoft.on=0&coreweave.value=1.00000000001&coreweave.start=2026-01&coreweave.term=1&coreweave.ramp=0&oai.runrate=0&oai.cash=1"), nil)
	if r.Finance.CashOut != MonthOf(2026, 1) || moneyString(r.Finance.FundingNeed) != "0.01" || r.Finance.BreakEven != 2027 {
		t.Errorf("one cent short: cash-out %v, need %s, break-even %d", r.Finance.CashOut, r.Finance.FundingNeed, r.Finance.BreakEven)
	}
}

func TestCoverageByHand(t *testing.T) {
	// One flat $12B deal in 2026 ($1B a month) and no revenue but the run
	// rate: coverage = yearly net ÷ yearly obligations to 4 decimals.
	r := Evaluate(mustQuery(t, "aws.on=0&oracle.on=0&microsoft.on=0&coreweave.value=12&coreweave.start=2026-01&coreweave.term=12&coreweave.ramp=0"), nil)
	y := 1 // 2026
	if got := moneyString(r.Finance.YearObligations[y]); got != "12000000000.00" {
		t.Fatalf("2026 obligations %s", got)
	}
	want := r.Finance.YearNet[y].DivRound(dec("12000000000"), 4)
	if !r.Finance.HasCoverage[y] || !r.Finance.Coverage[y].Equal(want) {
		t.Errorf("coverage %s, want %s", r.Finance.Coverage[y], want)
	}
	// Base case 2026 (MODEL.md §13): 0.6709.
	r = Evaluate(Defaults(), nil)
	if got := r.Finance.Coverage[1].String(); got != "0.6709" {
		t.Errorf("base 2026 coverage %s", got)
	}
}

func TestRevenueCurve(t *testing.T) {
	// Growth 100 %, fade 50 %: g_2026 = 1, g_2027 = 0.5, g_2028 = 0.25.
	// After 2026 the run rate has doubled, after 2027 it is ×3, after
	// 2028 ×3.75 (up to float rounding).
	in := newRevenueInputs(ptrTo(mustQuery(t, "oai.growth=100&oai.fade=50&oai.runrate=12")))
	var rates [HorizonMonths]float64
	in.monthlyRevenue(&rates)
	for _, c := range []struct {
		m    Month
		want float64 // run rate ÷ 12
	}{
		{MonthOf(2026, 12), 12e9 * 2 / 12},
		{MonthOf(2027, 12), 12e9 * 3 / 12},
		{MonthOf(2028, 12), 12e9 * 3.75 / 12},
		{MonthOf(2026, 1), 12e9 * refPow(2, 1.0/12) / 12},
	} {
		if got := rates[c.m]; math.Abs(got-c.want) > 1e-6*c.want {
			t.Errorf("%s: %v, want %v", c.m, got, c.want)
		}
	}
	// Fade 100 %: growth only in 2026 ((1 − 1)^0 = 1), then flat.
	in = newRevenueInputs(ptrTo(mustQuery(t, "oai.growth=100&oai.fade=100&oai.runrate=12")))
	in.monthlyRevenue(&rates)
	if rates[MonthOf(2027, 5)] != rates[MonthOf(2026, 12)] {
		t.Errorf("fade 100: 2027 %v ≠ 2026-12 %v", rates[MonthOf(2027, 5)], rates[MonthOf(2026, 12)])
	}
}

// checkFastCash compares fastCash with the decimal path for one scenario;
// it returns false when the fast path declined (an amount beyond int64).
func checkFastCash(t *testing.T, p *Params) bool {
	t.Helper()
	l := BuildLedger(p)
	in := newRevenueInputs(p)
	var rates [HorizonMonths]float64
	fast, ok := fastCash(&l.Total, &in, &rates)
	f := decimalFinance(&l.Total, in)
	slow := f.stats()
	if !ok {
		return false
	}
	for y := range HorizonYears {
		if fast.december[y].Cmp(slow.december[y]) != 0 || !fast.december[y].Decimal().Equal(f.YearCashEnd[y]) {
			t.Fatalf("%q: December %d cash: fast %s, decimal %s", EncodeQuery(p), FirstYear+y, fast.december[y], slow.december[y])
		}
	}
	if fast.fundingNeed.Cmp(slow.fundingNeed) != 0 || fast.cashOut != slow.cashOut || fast.breakEven != slow.breakEven {
		t.Fatalf("%q: fast need %s, cash-out %v, break-even %d; decimal %s, %v, %d", EncodeQuery(p),
			fast.fundingNeed, fast.cashOut, fast.breakEven, slow.fundingNeed, slow.cashOut, slow.breakEven)
	}
	return true
}

func TestFastCashEqualsDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	n := randomCount(10_000)
	var fast, declined int
	for i := range n {
		p := randomParams(r, 0.3)
		switch i % 4 {
		case 0: // huge growth: amounts beyond int64 cents from some year on
			p.Growth, p.Fade, p.RunRate = 300, 0, dec("500")
		case 1: // strong growth that stays inside int64 longer
			p.Growth, p.Fade = 300, float64(r.IntN(60))
		}
		if checkFastCash(t, &p) {
			fast++
		} else {
			declined++
		}
	}
	// Break-even ties: no revenue, so a year breaks even exactly when it
	// owes nothing (net 0 ≥ obligations 0); and a scenario with no deals.
	for _, q := range []string{"oai.runrate=0", "oai.runrate=0&aws.on=0&oracle.on=0&microsoft.on=0&coreweave.on=0",
		"oai.runrate=0&oai.cash=0", "oai.growth=0&oai.runrate=0.5&aws.on=0&oracle.on=0&microsoft.on=0&coreweave.on=0"} {
		p := mustQuery(t, q)
		if !checkFastCash(t, &p) {
			t.Errorf("%s: the fast path declined", q)
		}
	}
	// Both paths must be exercised: the huge-growth quarter overflows.
	if fast < n/2 || declined < n/8 {
		t.Errorf("fast path %d times, declined %d times", fast, declined)
	}
	// cashFigures agrees with the decimal path whichever it takes.
	p := Defaults()
	p.Growth, p.Fade, p.RunRate = 300, 0, dec("500")
	l := BuildLedger(&p)
	var rates [HorizonMonths]float64
	got := cashFigures(&l.Total, newRevenueInputs(&p), &rates)
	f := buildFinance(&l.Total, newRevenueInputs(&p))
	if got.december[HorizonYears-1].Cmp(MoneyOf(f.YearCashEnd[HorizonYears-1])) != 0 || f.YearCashEnd[HorizonYears-1].LessThan(dec("1e17")) {
		t.Errorf("huge growth: 2039 cash %s, decimal %s", got.december[HorizonYears-1], f.YearCashEnd[HorizonYears-1])
	}
}

func TestRoundFloatCents(t *testing.T) {
	check := func(x float64) {
		t.Helper()
		got, ok := roundFloatCents(x)
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) >= 9e16 {
			if ok {
				t.Fatalf("roundFloatCents(%v) = %d, want not ok", x, got)
			}
			return
		}
		want := decimal.NewFromFloat(x).Round(2)
		if !ok || !got.Decimal().Equal(want) {
			t.Fatalf("roundFloatCents(%v) = %d, %v; want %s", x, got, ok, want)
		}
	}
	for _, x := range []float64{0, math.Copysign(0, -1), 0.005, 0.015, 0.025, 1.005, 2.675, -0.005, -0.004999, 0.125, 0.994999,
		0.995, 1e-300, 5e-324, -5e-324, 123456789.125, 1750336133.6099999, 8.999999999999999e16, 9e16, -9e16, 1e17,
		math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, 4503599627370495.5, 1 << 53, 0.1 + 0.2} {
		check(x)
	}
	r := rand.New(rand.NewPCG(13, 14))
	for range randomCount(200_000) {
		var x float64
		switch r.IntN(4) {
		case 0: // any magnitude from 1e-12 to 1e17
			x = math.Pow(10, -12+29*r.Float64())
		case 1: // money-like: whole cents plus a little
			x = float64(r.Int64N(1e15))/100 + float64(r.IntN(3)-1)*0.005
		case 2: // halves of a cent
			x = (float64(r.Int64N(1e12)) + 0.5) / 100
		default: // random bits
			x = math.Float64frombits(r.Uint64())
		}
		if r.IntN(2) == 0 {
			x = -x
		}
		check(x)
	}
}

func TestFactorMulRound(t *testing.T) {
	check := func(f decimal.Decimal, c Cents) {
		t.Helper()
		fa := newFactor(f)
		got, ok := fa.mulRound(c)
		want := c.Decimal().Mul(f).Round(2)
		if ok {
			if !got.Decimal().Equal(want) {
				t.Fatalf("factor %s × %d cents = %d, want %s", f, c, got, want)
			}
			return
		}
		// Declining is allowed only for a negative factor, one beyond 19
		// decimals or 64 bits, or a product beyond 2⁶² cents.
		lim := decimal.NewFromBigInt(new(big.Int).Lsh(big.NewInt(1), 62), -2)
		if f.Sign() >= 0 && -f.Exponent() <= 19 && f.Coefficient().BitLen() <= 63 && want.Abs().LessThanOrEqual(lim) {
			t.Fatalf("factor %s × %d cents declined; the product %s fits", f, c, want)
		}
	}
	for _, f := range []string{"0.7", "1", "0", "0.05", "0.875", "0.3333333333333333333", "1e3", "0.67", "1.5", "0.0000000000000000001"} {
		for _, c := range []Cents{0, 1, -1, 5, -5, 15, 122523529353, 175033613361, -175033613361, 1 << 62, -(1 << 62), 1<<63 - 1, -1 << 63} {
			check(dec(f), c)
		}
	}
	if newFactor(dec("-0.5")).ok || newFactor(dec("0.12345678901234567891")).ok {
		t.Error("newFactor accepts a negative factor or one with 20 decimals")
	}
	r := rand.New(rand.NewPCG(15, 16))
	for range randomCount(200_000) {
		// A net share 1 − opex/100 for an opex with up to 17 significant
		// digits, as newRevenueInputs builds it, or any factor with up to
		// 19 decimals.
		var f decimal.Decimal
		if r.IntN(2) == 0 {
			opex := 95 * r.Float64()
			if r.IntN(2) == 0 {
				opex = math.Round(opex*100) / 100
			}
			f = decimal.NewFromInt(1).Sub(decimal.NewFromFloat(opex).Shift(-2))
		} else {
			f = decimal.New(r.Int64N(1<<62), -int32(r.IntN(20)))
		}
		var c Cents
		switch r.IntN(3) {
		case 0:
			c = Cents(r.Int64N(1e14))
		case 1:
			c = Cents(r.Int64())
		default:
			c = Cents(r.Int64N(1000))
		}
		if r.IntN(2) == 0 {
			c = -c
		}
		check(f, c)
	}
}
