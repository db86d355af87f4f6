package core

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/shopspring/decimal"
)

// refRampWeights is MODEL.md §3 written out: w_k = min(k, R) for R > 0,
// else 1, for k = 1..T.
func refRampWeights(term, ramp int) []int64 {
	var w []int64
	for k := 1; k <= term; k++ {
		if ramp > 0 {
			w = append(w, int64(min(k, ramp)))
		} else {
			w = append(w, 1)
		}
	}
	return w
}

// refAllocate is a slow, independent largest-remainder allocator in
// math/big: month k gets floor(Vc × w_k / W) cents; the leftover cents go
// one each to the months with the largest remainders Vc × w_k mod W, ties
// to the earlier month (an explicit tie-break, not a stable sort).
func refAllocate(total Cents, weights []int64) []Cents {
	W := new(big.Int)
	for _, w := range weights {
		W.Add(W, big.NewInt(w))
	}
	parts := make([]Cents, len(weights))
	if W.Sign() == 0 {
		return parts
	}
	V := big.NewInt(int64(total))
	rems := make([]*big.Int, len(weights))
	sum := new(big.Int)
	for k, w := range weights {
		q, r := new(big.Int), new(big.Int)
		q.DivMod(new(big.Int).Mul(V, big.NewInt(w)), W, r) // Euclidean: floor for W > 0
		parts[k] = Cents(q.Int64())
		rems[k] = r
		sum.Add(sum, q)
	}
	left := new(big.Int).Sub(V, sum).Int64()
	idx := make([]int, len(weights))
	for k := range idx {
		idx[k] = k
	}
	sort.Slice(idx, func(a, b int) bool {
		if c := rems[idx[a]].Cmp(rems[idx[b]]); c != 0 {
			return c > 0
		}
		return idx[a] < idx[b]
	})
	for _, k := range idx[:left] {
		parts[k]++
	}
	return parts
}

// checkAllocation checks parts against the reference and the properties of
// MODEL.md §3: the sum is the total to the cent, no part is negative, and
// each part is the floor or the floor + 1 of its exact share.
func checkAllocation(t *testing.T, what string, total Cents, weights []int64) {
	t.Helper()
	parts := Allocate(total, weights)
	if len(parts) != len(weights) {
		t.Fatalf("%s: %d parts for %d weights", what, len(parts), len(weights))
	}
	var sum, W int64
	for _, w := range weights {
		W += w
	}
	for k, c := range parts {
		if c < 0 {
			t.Fatalf("%s: month %d is negative: %d", what, k+1, c)
		}
		fl := int64(total) * weights[k] / W
		if int64(c) != fl && int64(c) != fl+1 {
			t.Fatalf("%s: month %d = %d cents, not floor(%d × %d / %d) = %d or one more", what, k+1, c, total, weights[k], W, fl)
		}
		sum += int64(c)
	}
	if sum != int64(total) {
		t.Fatalf("%s: months sum to %d cents, want %d", what, sum, total)
	}
	if ref := refAllocate(total, weights); !slices.Equal(parts, ref) {
		for k := range parts {
			if parts[k] != ref[k] {
				t.Fatalf("%s: month %d = %d cents, reference %d", what, k+1, parts[k], ref[k])
			}
		}
	}
}

func TestRampWeights(t *testing.T) {
	for _, c := range []struct {
		term, ramp int
		want       []int64
	}{
		{1, 0, []int64{1}},
		{3, 0, []int64{1, 1, 1}},
		{5, 2, []int64{1, 2, 2, 2, 2}},
		{3, 5, []int64{1, 2, 3}}, // the ramp outlasts the term
		{4, 1, []int64{1, 1, 1, 1}},
	} {
		if got := RampWeights(c.term, c.ramp); !slices.Equal(got, c.want) {
			t.Errorf("RampWeights(%d, %d) = %v, want %v", c.term, c.ramp, got, c.want)
		}
	}
	for term := 1; term <= 240; term++ {
		for ramp := 0; ramp <= 60; ramp++ {
			if got, want := RampWeights(term, ramp), refRampWeights(term, ramp); !slices.Equal(got, want) {
				t.Fatalf("RampWeights(%d, %d) = %v, want %v", term, ramp, got, want)
			}
		}
	}
}

func TestAllocateByHand(t *testing.T) {
	for _, c := range []struct {
		name    string
		total   Cents
		weights []int64
		want    []Cents
	}{
		// W = 3; each month floor(2 × 1 / 3) = 0 with remainder 2: the two
		// leftover cents go to the two earliest months (ties).
		{"ties to the earlier month", 2, []int64{1, 1, 1}, []Cents{1, 1, 0}},
		// W = 6; 5×1 = 5 → 0 r 5, 5×2 = 10 → 1 r 4, 0 r 5, 1 r 4; 3 cents
		// left go to remainders 5 (month 1), 5 (month 3), then 4 (month 2).
		{"largest remainders first", 5, []int64{1, 2, 1, 2}, []Cents{1, 2, 1, 1}},
		// W = 10; 7 × {1,2,3,4} = 7, 14, 21, 28 → 0 r 7, 1 r 4, 2 r 1,
		// 2 r 8: 2 cents left go to month 4 (8) and month 1 (7).
		{"ramp", 7, []int64{1, 2, 3, 4}, []Cents{1, 1, 2, 3}},
		{"nothing to split", 0, []int64{1, 2, 3}, []Cents{0, 0, 0}},
		{"exact", 600, []int64{1, 2, 3}, []Cents{100, 200, 300}},
		{"one month", 123456789, []int64{7}, []Cents{123456789}},
		{"no weights", 100, []int64{}, []Cents{}},
	} {
		if got := Allocate(c.total, c.weights); !slices.Equal(got, c.want) {
			t.Errorf("%s: Allocate(%d, %v) = %v, want %v", c.name, c.total, c.weights, got, c.want)
		}
		if got := refAllocate(c.total, c.weights); !slices.Equal(got, c.want) {
			t.Errorf("%s: the reference gives %v, want %v", c.name, got, c.want)
		}
	}
}

// randomDealValue returns a deal value in cents: 0–2000 $B with up to two
// decimals of billions (every other call), or any whole number of cents up
// to $2,000B.
func randomDealValue(r *rand.Rand) Cents {
	if r.IntN(2) == 0 {
		return Cents(r.Int64N(200_001)) * 10_000_000 * 100 // hundredths of $B: $10M steps
	}
	return Cents(r.Int64N(200_000_000_000_001))
}

func TestAllocateProperties(t *testing.T) {
	// Every default deal.
	p := Defaults()
	for i, d := range p.Deals {
		checkAllocation(t, string(defaultDeals[i].ID), dollars(d.Value), RampWeights(d.Term, d.Ramp))
	}
	// Random deals: value 0–2000 $B, term 1–240, ramp 0–60.
	r := rand.New(rand.NewPCG(1, 2))
	n := randomCount(10_000)
	for i := range n {
		total := randomDealValue(r)
		term, ramp := 1+r.IntN(240), r.IntN(61)
		if i%10 == 0 { // some short, steep deals where remainders tie often
			term, ramp = 1+r.IntN(12), r.IntN(4)
			total = Cents(r.Int64N(1000))
		}
		checkAllocation(t, "random deal", total, RampWeights(term, ramp))
	}
}

func TestEvenSpreadOf2025Revenue(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	weights := RampWeights(12, 0)
	for range randomCount(10_000) {
		var total Cents
		if r.IntN(2) == 0 {
			total = Cents(r.Int64N(400_001)) * 5 * 10_000_000 // 0–200 $B in $0.05B steps
		} else {
			total = Cents(r.Int64N(20_000_000_000_001)) // any cents up to $200B
		}
		checkAllocation(t, "2025 revenue", total, weights)
	}
	// By hand: $13B = 1,300,000,000,000 cents; ÷ 12 = 108,333,333,333 r 4
	// (12 × 108,333,333,333 = 1,299,999,999,996). Every month has the same
	// remainder, so the 4 leftover cents go to January–April.
	res := Evaluate(Defaults(), nil)
	for m := range 12 {
		want := "1083333333.33"
		if m < 4 {
			want = "1083333333.34"
		}
		if got := moneyString(res.Finance.Revenue[m]); got != want {
			t.Errorf("revenue %s = %s, want %s", Month(m), got, want)
		}
	}
	if got := moneyString(res.Finance.YearRevenue[0]); got != "13000000000.00" {
		t.Errorf("2025 revenue = %s, want 13000000000.00", got)
	}
}

// checkLedger checks the deals BuildLedger made from p: each deal's total
// is its input × 10⁹ to the cent, its months inside the horizon are the
// reference allocation, and with the months outside the horizon they add up
// to the total; the ledger's monthly totals are the sums over deals.
func checkLedger(t *testing.T, what string, p *Params) Ledger {
	t.Helper()
	l := BuildLedger(p)
	for i := range l.Deals {
		d := &l.Deals[i]
		value := dealValue(p, d.ID)
		if want := value.Shift(9).Round(2); !d.Total.Decimal().Equal(want) {
			t.Fatalf("%s: deal %s total %s, want %s", what, d.ID, d.Total, want.StringFixed(2))
		}
		ref := refAllocate(d.Total, refRampWeights(d.Term, d.Ramp))
		var inside, outside Cents
		for k, c := range ref {
			m := d.Start + Month(k)
			if !m.InHorizon() {
				outside += c
				continue
			}
			if d.Obligations[m] != c {
				t.Fatalf("%s: deal %s %s = %s, reference %s", what, d.ID, m, d.Obligations[m], c)
			}
		}
		for m, c := range d.Obligations {
			if c != 0 && (Month(m) < d.Start || Month(m) >= d.Start+Month(d.Term)) {
				t.Fatalf("%s: deal %s owes %s in %s, outside its term", what, d.ID, c, Month(m))
			}
			inside += c
		}
		if inside+outside != d.Total {
			t.Fatalf("%s: deal %s: %s in the horizon + %s outside ≠ total %s", what, d.ID, inside, outside, d.Total)
		}
		if i > 0 {
			prev := &l.Deals[i-1]
			if prev.Start > d.Start || (prev.Start == d.Start && prev.ID >= d.ID) {
				t.Fatalf("%s: deal %s (%s) placed after %s (%s)", what, d.ID, d.Start, prev.ID, prev.Start)
			}
		}
	}
	for m := range HorizonMonths {
		var sum Cents
		for i := range l.Deals {
			sum += l.Deals[i].Obligations[m]
		}
		if sum != l.Total[m] {
			t.Fatalf("%s: ledger total %s = %s, deals sum to %s", what, Month(m), l.Total[m], sum)
		}
	}
	return l
}

func TestLedgerProperties(t *testing.T) {
	p := Defaults()
	l := checkLedger(t, "base case", &p)
	if len(l.Deals) != 4 {
		t.Fatalf("base case: %d deals, want 4", len(l.Deals))
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range randomCount(10_000) {
		p := Defaults()
		for i := range p.Deals {
			d := &p.Deals[i]
			v := randomDealValue(r)
			d.Value = v.Decimal().Shift(-9) // $B with up to 11 decimals: whole cents
			d.Term = 1 + r.IntN(240)
			d.Ramp = r.IntN(61)
			d.Start = MonthOf(2023, 1) + Month(r.IntN(17*12))
			d.On = r.IntN(5) != 0
			d.GB300 = float64(r.IntN(101))
		}
		if r.IntN(3) == 0 {
			p.AWSExt = decimal.New(r.Int64N(50_001), -2) // 0–500 $B
		}
		checkLedger(t, "random ledger", &p)
	}
}

func TestAWSDealByHand(t *testing.T) {
	// AWS: V = $38B = 3,800,000,000,000 cents, T = 84, R = 14.
	// W = 1 + 2 + … + 14 + 70 × 14 = 105 + 980 = 1,085.
	// 3.8e12 mod 1,085 = 505, so month k < 14 has remainder 505k mod 1,085
	// and every full-rate month 3.8e12 × 14 mod 1,085 = 560. The remainders
	// add up to 46,655 = 43 × 1,085: 43 leftover cents, to the remainders
	// 1010 (k=2), 935 (4), 860 (6), 785 (8), 710 (10), 635 (12) and then
	// 37 of the 560s, to months 14..50 (ties to the earlier month).
	p := Defaults()
	l := BuildLedger(&p)
	var aws *Deal
	for i := range l.Deals {
		if l.Deals[i].ID == DealAWS {
			aws = &l.Deals[i]
		}
	}
	if aws == nil {
		t.Fatal("no AWS deal")
	}
	if got := Allocate(aws.Total, RampWeights(84, 14)); len(got) != 84 {
		t.Fatalf("%d months", len(got))
	}
	start := MonthOf(2025, 11)
	for _, c := range []struct {
		k    int
		want string
	}{
		// floor(3.8e12 × 1 / 1085) = 3,502,304,147 r 505: no leftover cent.
		{1, "35023041.47"},
		// 2 × 3,502,304,147 = 7,004,608,294 r 1,010: +1 cent.
		{2, "70046082.95"},
		// 13 × 3,502,304,147 + floor(13 × 505 / 1085) = 45,529,953,911 + 6
		// = 45,529,953,917 r 55: no leftover cent.
		{13, "455299539.17"},
		// floor(3.8e12 × 14 / 1085) = 49,032,258,064 r 560 (1,085 ×
		// 49,032,258,064 = 53,199,999,999,440): month 14 gets a leftover
		// cent, and so do 15..50; month 51..84 do not.
		{14, "490322580.65"},
		{50, "490322580.65"},
		{51, "490322580.64"},
		{84, "490322580.64"}, // the last month, 2032-10
	} {
		if got := aws.Obligations[start+Month(c.k-1)].String(); got != c.want {
			t.Errorf("AWS month %d (%s) = %s, want %s", c.k, start+Month(c.k-1), got, c.want)
		}
	}
	if aws.Obligations[start+84] != 0 || aws.Obligations[start-1] != 0 {
		t.Errorf("AWS owes outside 2025-11..2032-10")
	}
	if (start + 83).String() != "2032-10" {
		t.Errorf("last AWS month %s", start+83)
	}
}

func TestAWSExtension(t *testing.T) {
	// aws.ext=20: a flat deal from 2027-01 to the AWS deal's last month,
	// 2032-10: T = (2032-10) − (2027-01) + 1 = 93 − 24 + 1 = 70 months.
	// 2,000,000,000,000 cents ÷ 70 = 28,571,428,571 r 30 (70 ×
	// 28,571,428,571 = 1,999,999,999,970): every month has remainder 30, so
	// the 30 leftover cents go to the first 30 months.
	p := mustQuery(t, "aws.ext=20")
	l := checkLedger(t, "aws.ext=20", &p)
	if len(l.Deals) != 5 || len(l.Notices) != 0 {
		t.Fatalf("%d deals, notices %v", len(l.Deals), l.Notices)
	}
	var ext Deal
	for _, d := range l.Deals {
		if d.ID == DealAWSExt {
			ext = d
		}
	}
	if ext.ID != DealAWSExt || ext.Supplier != "AWS" || ext.Pool != "aws" || ext.Ramp != 0 || ext.Term != 70 || ext.GB300 != 50 || ext.Start != MonthOf(2027, 1) {
		t.Fatalf("extension %s %s %s ramp %d term %d gb300 %v start %s", ext.ID, ext.Supplier, ext.Pool, ext.Ramp, ext.Term, ext.GB300, ext.Start)
	}
	for _, c := range []struct {
		m    Month
		want string
	}{
		{MonthOf(2026, 12), "0.00"},
		{MonthOf(2027, 1), "285714285.72"},
		{MonthOf(2029, 6), "285714285.72"}, // month 30
		{MonthOf(2029, 7), "285714285.71"}, // month 31
		{MonthOf(2032, 10), "285714285.71"},
		{MonthOf(2032, 11), "0.00"},
	} {
		if got := ext.Obligations[c.m].String(); got != c.want {
			t.Errorf("aws-ext %s = %s, want %s", c.m, got, c.want)
		}
	}
	// Deals in placement order: start month, then id. Oracle and aws-ext
	// both start 2027-01: "aws-ext" < "oracle".
	var ids []DealID
	for _, d := range l.Deals {
		ids = append(ids, d.ID)
	}
	if want := []DealID{DealCoreWeave, DealAWS, DealMicrosoft, DealAWSExt, DealOracle}; !slices.Equal(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}

	// An AWS deal that starts after 2027-01: the extension starts with it,
	// and sorts after it (same start, "aws" < "aws-ext").
	p = mustQuery(t, "aws.ext=1&aws.start=2028-03&aws.term=10")
	l = checkLedger(t, "late AWS", &p)
	ids = ids[:0]
	for _, d := range l.Deals {
		ids = append(ids, d.ID)
		if d.ID == DealAWSExt && (d.Start != MonthOf(2028, 3) || d.Term != 10) {
			t.Errorf("late AWS: extension from %s for %d months", d.Start, d.Term)
		}
	}
	if want := []DealID{DealCoreWeave, DealMicrosoft, DealOracle, DealAWS, DealAWSExt}; !slices.Equal(ids, want) {
		t.Errorf("late AWS: order %v, want %v", ids, want)
	}

	// An AWS deal that ends before 2027-01: the extension is dropped with
	// a notice whose used value is null.
	p = mustQuery(t, "aws.ext=10&aws.start=2024-01&aws.term=12")
	l = checkLedger(t, "dropped", &p)
	if len(l.Deals) != 4 || len(l.Notices) != 1 {
		t.Fatalf("dropped: %d deals, notices %+v", len(l.Deals), l.Notices)
	}
	if n := l.Notices[0]; n.Key != "aws.ext" || n.Given != "10" || n.Used != nil || n.Reason != ReasonDropped {
		t.Errorf("dropped: notice %+v", n)
	}
	// The AWS deal's last month is 2026-12 exactly: still dropped.
	p = mustQuery(t, "aws.ext=10&aws.start=2026-01&aws.term=12")
	if l = BuildLedger(&p); len(l.Notices) != 1 {
		t.Errorf("AWS ending 2026-12: notices %+v", l.Notices)
	}
	// Ending 2027-01: a one-month extension.
	p = mustQuery(t, "aws.ext=10&aws.start=2026-01&aws.term=13")
	if l = checkLedger(t, "one month", &p); len(l.Deals) != 5 || len(l.Notices) != 0 {
		t.Errorf("AWS ending 2027-01: %d deals, notices %+v", len(l.Deals), l.Notices)
	}
	// AWS off: no extension and no notice.
	p = mustQuery(t, "aws.ext=10&aws.on=0")
	if l = BuildLedger(&p); len(l.Deals) != 3 || len(l.Notices) != 0 {
		t.Errorf("AWS off: %d deals, notices %+v", len(l.Deals), l.Notices)
	}
}

func TestLedgerDisabledAndZeroDeals(t *testing.T) {
	// A disabled deal appears nowhere; a deal of value 0 appears with zeros.
	p := mustQuery(t, "microsoft.on=0&oracle.value=0")
	r := Evaluate(p, nil)
	if dealIndex(r, DealMicrosoft) >= 0 {
		t.Error("a disabled deal is in the ledger")
	}
	i := dealIndex(r, DealOracle)
	if i < 0 {
		t.Fatal("a deal of value 0 is missing")
	}
	for m, c := range r.Ledger.Deals[i].Obligations {
		if c != 0 || r.Fleet.Deals[i].GPUs[m] != 0 {
			t.Fatalf("zero deal owes %s or runs %d GPUs in %s", c, r.Fleet.Deals[i].GPUs[m], Month(m))
		}
	}
	// Money inputs are exact: 38.5 is $38,500,000,000.00.
	p = mustQuery(t, "aws.value=38.5")
	if got := dollars(p.Deals[0].Value).String(); got != "38500000000.00" {
		t.Errorf("aws.value=38.5: %s", got)
	}
	// Finer than a cent: $0.123456789012B = $123,456,789.012 → .01.
	p = mustQuery(t, "aws.value=0.123456789012")
	if got := dollars(p.Deals[0].Value).String(); got != "123456789.01" {
		t.Errorf("aws.value=0.123456789012: %s", got)
	}
	// Half a cent rounds away from zero: 0.000000000005 $B = $0.005.
	p = mustQuery(t, "aws.value=0.000000000005")
	if got := dollars(p.Deals[0].Value).String(); got != "0.01" {
		t.Errorf("aws.value=0.000000000005: %s", got)
	}
}

// TestLedgerFromCustomTable builds a ledger from a table of deals that is
// not the default one, with a supplier and a pool the defaults do not
// have: the ledger, the fleet, the placement and the concentration take
// any table.
func TestLedgerFromCustomTable(t *testing.T) {
	terms := []Terms{
		{ID: "nscale", Supplier: "Nscale", Pool: "norway", Total: 1_200_000, Start: MonthOf(2026, 1), Term: 3, Ramp: 0, GB300: 100},
		{ID: "aws", Supplier: "AWS", Pool: PoolAWS, Total: 600_000, Start: MonthOf(2025, 12), Term: 2, Ramp: 2, GB300: 0},
		{ID: "cerebras", Supplier: "Cerebras", Pool: PoolOther, Total: 1, Start: MonthOf(2026, 1), Term: 1},
	}
	l := NewLedger(terms)
	var ids []DealID
	for _, d := range l.Deals {
		ids = append(ids, d.ID)
	}
	// Placement order: start month, then id.
	if fmt.Sprint(ids) != "[aws cerebras nscale]" {
		t.Fatalf("order %v", ids)
	}
	// aws: weights 1, 2 of 3: $2,000.00 then $4,000.00; nscale flat $4,000.00 a month.
	jan := MonthOf(2026, 1)
	for _, c := range []struct {
		deal int
		m    Month
		want Cents
	}{{0, MonthOf(2025, 12), 200_000}, {0, jan, 400_000}, {1, jan, 1}, {2, jan, 400_000}, {2, MonthOf(2026, 3), 400_000}} {
		if got := l.Deals[c.deal].Obligations[c.m]; got != c.want {
			t.Errorf("%s %s: %s, want %s", l.Deals[c.deal].ID, c.m, got, c.want)
		}
	}
	if l.Total[jan] != 800_001 {
		t.Errorf("2026-01 total %s", l.Total[jan])
	}
	// HHI 2026: AWS 4,000.00, Cerebras 0.01, Nscale 12,000.00 of 16,000.01.
	hhi, ok := Concentration(&l)
	num := dec("400000").Pow(dec("2")).Add(dec("1")).Add(dec("1200000").Pow(dec("2")))
	want := num.Mul(dec("10000")).DivRound(dec("1600001").Pow(dec("2")), 2)
	if y := 2026 - FirstYear; !ok[y] || !hhi[y].Equal(want) {
		t.Errorf("HHI 2026 %s, want %s", hhi[y], want)
	}
	// A pool with no site: every rack unplaced; one site of its own: placed.
	var f Fleet
	pw := power{p200: 3.5, p300: 4, kw200: 120, kw300: 135, pue: 1.2}
	buildFleet(&f, &l, pw)
	var pl Placement
	sites := []Site{{ID: "oslo", Pool: "norway", MW: 1, First: MonthOf(2025, 1), Full: MonthOf(2025, 1)}}
	place(&pl, &l, &f, pw, sites, 1, false)
	// nscale: $4,000 a month at $4/GPU-hour is floor(4000 / 2920) = 1 GPU,
	// one GB300 rack of 0.162 MW, which the 1 MW site holds.
	if got := f.Deals[2].GPUs[jan]; got != 1 {
		t.Errorf("nscale GPUs %d", got)
	}
	if pl.UnplacedRacks[2][jan] != 0 || math.Abs(pl.Used[0][jan]-0.162) > 1e-12 {
		t.Errorf("nscale unplaced %d, used %v", pl.UnplacedRacks[2][jan], pl.Used[0][jan])
	}
	if pl.UnplacedRacks[0][jan] != f.Deals[0].Racks200[jan] || f.Deals[0].Racks200[jan] == 0 {
		t.Errorf("aws without a site: %d unplaced of %d racks", pl.UnplacedRacks[0][jan], f.Deals[0].Racks200[jan])
	}
}

// TestExtraDealSlots checks MODEL.md §14's rules for the slots: a slot of
// value 0 is no deal, each choice maps to its supplier and pool, and a
// default deal of value 0 is still a deal.
func TestExtraDealSlots(t *testing.T) {
	for _, c := range []struct {
		query    string
		supplier string
		pool     PoolID
	}{
		{"x2.value=1&x2.supplier=aws", "AWS", PoolAWS},
		{"x2.value=1&x2.supplier=oracle", "Oracle", PoolStargate},
		{"x2.value=1&x2.supplier=microsoft", "Microsoft", PoolAzure},
		{"x2.value=1&x2.supplier=coreweave", "CoreWeave", PoolCoreWeave},
		{"x2.value=1&x2.supplier=google", "Google", PoolGoogle},
		{"x2.value=1", "Other (x2)", PoolOther},
	} {
		l := BuildLedger(ptrTo(mustQuery(t, c.query)))
		i := slices.IndexFunc(l.Deals, func(d Deal) bool { return d.ID == "x2" })
		if i < 0 || l.Deals[i].Supplier != c.supplier || l.Deals[i].Pool != c.pool {
			t.Errorf("%s: deal %+v", c.query, l.Deals)
		}
	}
	l := BuildLedger(ptrTo(mustQuery(t, "x1.supplier=aws&x1.term=12&x3.gb300=0&aws.value=0")))
	if len(l.Deals) != 4 || l.Deals[1].ID != DealAWS || l.Deals[1].Total != 0 {
		t.Errorf("slots of value 0 are deals, or AWS of value 0 is not: %+v", l.Deals)
	}
}

// TestConcentrationOfSlots: x1 with AWS adds to AWS's share, Google slots
// count together, each other slot is a supplier of its own.
func TestConcentrationOfSlots(t *testing.T) {
	flat := "&aws.on=0&oracle.on=0&microsoft.on=0&coreweave.on=0"
	y := 2027 - FirstYear
	hhiOf := func(q string) string {
		hhi, ok := Concentration(ptrTo(BuildLedger(ptrTo(mustQuery(t, q+flat)))))
		if !ok[y] {
			return "none"
		}
		return hhi[y].String()
	}
	for _, c := range []struct{ query, want string }{
		// Two Google deals of $12B in 2027: one supplier: 10,000.
		{"x1.value=12&x1.supplier=google&x1.ramp=0&x1.term=12&x2.value=12&x2.supplier=google&x2.ramp=0&x2.term=12", "10000"},
		// Two other deals: two suppliers of half each: 5,000.
		{"x1.value=12&x1.ramp=0&x1.term=12&x2.value=12&x2.ramp=0&x2.term=12", "5000"},
		// Google, other, other, a third each: 3,333.33.
		{"x1.value=12&x1.supplier=google&x1.ramp=0&x1.term=12&x2.value=12&x2.ramp=0&x2.term=12&x3.value=12&x3.ramp=0&x3.term=12", "3333.33"},
		// Value 0: no deal, no obligations: none.
		{"x1.value=0", "none"},
	} {
		if got := hhiOf(c.query); got != c.want {
			t.Errorf("%s: HHI 2027 %s, want %s", c.query, got, c.want)
		}
	}
	// x1 with AWS counts with the AWS deal: (AWS + x1)² + x2² over the total².
	l := BuildLedger(ptrTo(mustQuery(t, "oracle.on=0&microsoft.on=0&coreweave.on=0&x1.value=12&x1.supplier=aws&x1.ramp=0&x1.term=12&x2.value=6&x2.ramp=0&x2.term=12")))
	var aws Cents
	for m := MonthOf(2027, 1); m <= MonthOf(2027, 12); m++ {
		aws += l.Deals[0].Obligations[m]
	}
	a, o := aws.Decimal().Add(dec("12e9")), dec("6e9")
	want := a.Mul(a).Add(o.Mul(o)).Mul(dec("10000")).DivRound(a.Add(o).Mul(a.Add(o)), 2)
	if hhi, _ := Concentration(&l); !hhi[y].Equal(want) || l.Deals[0].ID != DealAWS {
		t.Errorf("AWS slot: HHI 2027 %s, want %s", hhi[y], want)
	}
}
