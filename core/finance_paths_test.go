package core

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

// TestCentsFinanceEqualsDecimal checks that buildFinance, which works in
// int64 cents, gives every figure of decimalFinance, the decimal
// reference, exactly: for random scenarios and for ones whose revenue
// outgrows int64 (where buildFinance falls back to the reference).
func TestCentsFinanceEqualsDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	n := randomCount(2000)
	for i := range n {
		p := randomParams(r, 0.2)
		if i%5 == 0 { // huge growth: amounts beyond int64 cents
			p.Growth, p.Fade, p.RunRate = 250+50*r.Float64(), 0, p.RunRate.Add(p.RunRate)
		}
		l := BuildLedger(&p)
		in := newRevenueInputs(&p)
		got, want := buildFinance(&l.Total, in), decimalFinance(&l.Total, in)
		if !financeEqual(&got, &want) {
			t.Fatalf("%s: the cents path differs from the decimal path", EncodeQuery(&p))
		}
	}
}

// financeEqual compares two Finance values by the value of every decimal.
func financeEqual(a, b *Finance) bool {
	eq := func(x, y []decimal.Decimal) bool {
		for i := range x {
			if !x[i].Equal(y[i]) {
				return false
			}
		}
		return true
	}
	for _, pair := range [][2][]decimal.Decimal{
		{a.Revenue[:], b.Revenue[:]}, {a.Net[:], b.Net[:]}, {a.Cash[11:], b.Cash[11:]},
		{a.YearObligations[:], b.YearObligations[:]}, {a.YearRevenue[:], b.YearRevenue[:]},
		{a.YearNet[:], b.YearNet[:]}, {a.YearCashEnd[:], b.YearCashEnd[:]}, {a.Coverage[:], b.Coverage[:]},
	} {
		if !eq(pair[0], pair[1]) {
			return false
		}
	}
	return a.CashOut == b.CashOut && a.BreakEven == b.BreakEven && a.FundingNeed.Equal(b.FundingNeed) &&
		reflect.DeepEqual(a.HasCoverage, b.HasCoverage)
}
