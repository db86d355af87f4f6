package core

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// Supplier concentration (MODEL.md §8).

func TestHHIByHand(t *testing.T) {
	// Flat deals with round yearly totals:
	//   AWS $24B over 2026-01..2027-12: $12B in 2026, $12B in 2027;
	//   its extension $12B over 2027-01..2027-12 (AWS's last month): $12B
	//     in 2027, counted as AWS;
	//   Microsoft $24B in 2026; CoreWeave $84B in 2026; Oracle $36B in 2027.
	// 2026: AWS 12, Microsoft 24, CoreWeave 84 of 120 → shares 0.1, 0.2,
	//   0.7 → HHI = 10² + 20² + 70² = 100 + 400 + 4,900 = 5,400.
	// 2027: AWS 12 + 12 = 24, Oracle 36 of 60 → 0.4, 0.6 → 40² + 60² =
	//   1,600 + 3,600 = 5,200 (4,400 if the extension were a supplier of
	//   its own: 20² + 20² + 60²).
	// 2025 and 2028 on: no obligations, no HHI.
	q := "aws.value=24&aws.start=2026-01&aws.term=24&aws.ramp=0&aws.ext=12" +
		"&microsoft.value=24&microsoft.start=2026-01&microsoft.term=12&microsoft.ramp=0" +
		"&coreweave.value=84&coreweave.start=2026-01&coreweave.term=12&coreweave.ramp=0" +
		"&oracle.value=36&oracle.start=2027-01&oracle.term=12&oracle.ramp=0"
	r := Evaluate(mustQuery(t, q), nil)
	want := map[int]string{2026: "5400", 2027: "5200"}
	for y := range HorizonYears {
		w, has := want[FirstYear+y]
		if r.HasHHI[y] != has || (has && r.HHI[y].String() != w) {
			t.Errorf("%d: HHI %s (%v), want %q (%v)", FirstYear+y, r.HHI[y], r.HasHHI[y], w, has)
		}
	}

	// Rounding to 2 decimals: thirds give 3 × 33.33…² = 3,333.333… →
	// 3,333.33; a third and two thirds give 1,111.11… + 4,444.44… =
	// 5,555.555… → 5,555.56.
	for _, c := range []struct{ q, want string }{
		{"aws.value=12&aws.start=2026-01&aws.term=12&aws.ramp=0&microsoft.value=12&microsoft.term=12&microsoft.ramp=0" +
			"&coreweave.value=12&coreweave.start=2026-01&coreweave.term=12&coreweave.ramp=0&oracle.on=0", "3333.33"},
		{"aws.value=12&aws.start=2026-01&aws.term=12&aws.ramp=0&microsoft.value=24&microsoft.term=12&microsoft.ramp=0" +
			"&coreweave.on=0&oracle.on=0", "5555.56"},
		// One supplier: 100² = 10,000 (the 2023 reference point).
		{"aws.on=0&coreweave.on=0&oracle.on=0", "10000"},
	} {
		r := Evaluate(mustQuery(t, c.q), nil)
		if got := r.HHI[1].String(); !r.HasHHI[1] || got != c.want {
			t.Errorf("%s: 2026 HHI %s, want %s", c.q, got, c.want)
		}
	}
}

func TestHHIOfTheBaseCase(t *testing.T) {
	// 2026 supplier totals of the base case (months of each deal that fall
	// in 2026, with their leftover cents):
	//   CoreWeave months 10..21: weights 10 + 11 + 10 × 12 = 141 of 654;
	//     floor sum (2.24e12 × 141 − (650 + 388 + 10 × 126)) / 654 =
	//     482,935,779,813, + 7 leftover cents (months 10..16) =
	//     482,935,779,820 cents;
	//   AWS months 3..14: weights 102 of 1,085; floor sum (3.8e12 × 102 −
	//     5,940) / 1,085 = 357,235,023,036, + 6 (months 4, 6, …, 14) =
	//     357,235,023,042 cents;
	//   Microsoft months 1..12: weights 78 of 942; floor sum (2.5e13 × 78 −
	//     6,138) / 942 = 2,070,063,694,261, + 6 (months 1, 3, 6, 9, 11, 12)
	//     = 2,070,063,694,267 cents.
	// Total 2,910,234,497,129 cents ($29,102,344,971.29, MODEL.md §13).
	// Shares × 100: 16.5944, 12.2751, 71.1305; squares 275.374 + 150.679 +
	// 5,059.545 = 5,485.5975… → 5,485.60.
	r := Evaluate(Defaults(), nil)
	want := map[DealID]Cents{DealCoreWeave: 482935779820, DealAWS: 357235023042, DealMicrosoft: 2070063694267, DealOracle: 0}
	for id, w := range want {
		var sum Cents
		for m := MonthOf(2026, 1); m <= MonthOf(2026, 12); m++ {
			sum += r.Ledger.Deals[dealIndex(r, id)].Obligations[m]
		}
		if sum != w {
			t.Errorf("2026 %s total %d cents, want %d", id, sum, w)
		}
	}
	if got := r.HHI[1]; !got.Equal(dec("5485.6")) {
		t.Errorf("2026 HHI %s, want 5485.6", got)
	}
	if got := refHHI(r.Ledger.Deals, 2026); !got.Equal(dec("5485.6")) {
		t.Errorf("reference 2026 HHI %s", got)
	}
}

// refHHI computes a year's HHI exactly with big.Rat from supplier totals,
// rounded half away from zero to 2 decimals; -1 without obligations.
func refHHI(ds []Deal, year int) decimal.Decimal {
	totals := map[string]*big.Int{}
	sum := new(big.Int)
	for _, d := range ds {
		s := "AWS"
		if d.ID != DealAWSExt {
			s = d.Supplier
		}
		if totals[s] == nil {
			totals[s] = new(big.Int)
		}
		for m := MonthOf(year, 1); m <= MonthOf(year, 12); m++ {
			totals[s].Add(totals[s], big.NewInt(int64(d.Obligations[m])))
			sum.Add(sum, big.NewInt(int64(d.Obligations[m])))
		}
	}
	if sum.Sign() == 0 {
		return decimal.NewFromInt(-1)
	}
	h := new(big.Rat)
	for _, v := range totals {
		share := new(big.Rat).SetFrac(new(big.Int).Mul(v, big.NewInt(100)), sum)
		h.Add(h, new(big.Rat).Mul(share, share))
	}
	// Round to hundredths: floor(h × 100 + 1/2) / 100 (h ≥ 0).
	h.Mul(h, big.NewRat(100, 1)).Add(h, big.NewRat(1, 2))
	q := new(big.Int).Quo(h.Num(), h.Denom())
	return decimal.NewFromBigInt(q, -2)
}

func TestHHIAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for range randomCount(2_000) {
		p := randomParams(r, 0.3)
		l := BuildLedger(&p)
		hhi, ok := Concentration(&l)
		for y := range HorizonYears {
			want := refHHI(l.Deals, FirstYear+y)
			if ok[y] != (want.Sign() >= 0) || (ok[y] && !hhi[y].Equal(want)) {
				t.Fatalf("%q: %d HHI %s (%v), reference %s", EncodeQuery(&p), FirstYear+y, hhi[y], ok[y], want)
			}
			if ok[y] && (hhi[y].LessThan(decimal.Zero) || hhi[y].GreaterThan(dec("10000"))) {
				t.Fatalf("%d HHI %s outside 0..10,000", FirstYear+y, hhi[y])
			}
		}
	}
}

func TestBand(t *testing.T) {
	for _, c := range []struct {
		hhi  float64
		want Band
	}{
		{10000, BandHigh},
		{1800.01, BandHigh},
		{1800, BandModerate},
		{1000, BandModerate},
		{999.99, BandLow},
		{0, BandLow},
	} {
		if got := BandOf(c.hhi); got != c.want {
			t.Errorf("BandOf(%v) = %q, want %q", c.hhi, got, c.want)
		}
	}
}
