package core

import (
	"fmt"
	"testing"
)

// TestWorkedValues checks the base case against MODEL.md §13, computed
// independently of this implementation.
func TestWorkedValues(t *testing.T) {
	r := Evaluate(Defaults(), nil)
	risk := Analyze(r)
	deal := func(id DealID) int {
		for i, d := range r.Ledger.Deals {
			if d.ID == id {
				return i
			}
		}
		t.Fatalf("no deal %s", id)
		return -1
	}
	aws, ms := deal(DealAWS), deal(DealMicrosoft)
	m := MonthOf(2025, 11)
	eq := func(name string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	eq("AWS 2025-11 obligation", r.Ledger.Deals[aws].Obligations[m].String(), "35023041.47")
	eq("AWS 2025-11 GPUs", r.Fleet.Deals[aws].GPUs[m], int64(12793))
	eq("AWS 2025-11 GB200", r.Fleet.Deals[aws].GB200[m], int64(6397))
	eq("AWS 2025-11 GB300", r.Fleet.Deals[aws].GB300[m], int64(6396))
	eq("AWS 2025-11 racks", [2]int64{r.Fleet.Deals[aws].Racks200[m], r.Fleet.Deals[aws].Racks300[m]}, [2]int64{89, 89})
	// §13 gives "$490,322,580.64 a month from month 15 on": the floor of
	// 3,800,000,000,000 × 14 / 1,085 cents. Of the 43 leftover cents, six go
	// to ramp months 2, 4, …, 12 (remainders 1010, 935, …, 635) and 37 to
	// the first full-rate months 14..50 (remainder 560 each, ties to the
	// earlier month), so months 15..50 carry .65 and 51..84 carry .64.
	eq("AWS month 15", r.Ledger.Deals[aws].Obligations[m+14].String(), "490322580.65")
	eq("AWS month 51", r.Ledger.Deals[aws].Obligations[m+50].String(), "490322580.64")
	eq("AWS month 84 (last)", r.Ledger.Deals[aws].Obligations[m+83].String(), "490322580.64")
	dec := MonthOf(2026, 12)
	eq("Microsoft 2026-12 unplaced racks", r.Placement.UnplacedRacks[ms][dec], int64(5979))
	eq("Abilene 2026-01", r.Placement.Available[0][MonthOf(2026, 1)] > 738.4615 && r.Placement.Available[0][MonthOf(2026, 1)] < 738.4616, true)
	eq("Abilene used", r.Placement.Used[0][MonthOf(2026, 1)], 0.0)
	jan := MonthOf(2026, 1)
	eq("revenue 2026-01", moneyString(r.Finance.Revenue[jan]), "1750336133.61")
	eq("cash 2026-01", moneyString(r.Finance.Cash[jan]), "40512265742.53")
	eq("2026 obligations", moneyString(r.Finance.YearObligations[1]), "29102344971.29")
	eq("2026 coverage", r.Finance.Coverage[1].String(), "0.6709")
	eq("2026 HHI", r.HHI[1].String(), "5485.6")
	eq("2026 cash end", moneyString(r.Finance.YearCashEnd[1]), "30422663585.24")
	eq("2027 obligations", moneyString(r.Finance.YearObligations[2]), "84812358082.87")
	eq("2027 HHI", r.HHI[2].String(), "3892.11")
	eq("2030 gap", int64(r.Capex[5].Gap*1000+0.5), int64(1203502))
	eq("cash-out", r.Finance.CashOut.String(), "2027-09")
	eq("funding need", moneyString(r.Finance.FundingNeed), "115008809821.17")
	eq("break-even", r.Finance.BreakEven, 2030)
	eq("peak GPUs", r.Fleet.PeakGPUs, int64(3414893))
	eq("peak facility MW", int64(r.Fleet.PeakFacilityMW*1000+0.5), int64(7423092))
	mc := risk.MonteCarlo
	eq("P10 2030", mc.CashP10[4].String(), "-169351084197.58")
	eq("P50 2030", mc.CashP50[4].String(), "-104608568309.33")
	eq("P90 2030", mc.CashP90[4].String(), "-25381137147.73")
	eq("p cash-out", mc.PCashOutBefore2030, 1.0)
	eq("p break-even", mc.PBreakEvenBy2030, 0.632)
	eq("unplaced P50", mc.UnplacedPeakP50, int64(542376))
	eq("unplaced P90", mc.UnplacedPeakP90, int64(996336))
	eq("goal seek", risk.GoalSeek, 152.49)
	eq("tornado top 3", [3]string{risk.Tornado[0].ID, risk.Tornado[1].ID, risk.Tornado[2].ID}, [3]string{"oai.growth", "oai.runrate", "oracle.term"})
}

// TestWorkedValuesExtraDeals checks MODEL.md §14's worked values: an extra
// $100B with AWS over eight years, and a supplier word in the wrong case.
func TestWorkedValuesExtraDeals(t *testing.T) {
	p, notices := ParseQuery("x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96")
	if len(notices) != 0 {
		t.Fatalf("notices %+v", notices)
	}
	r := Evaluate(p, notices)
	rep := NewReport(r, nil)
	var ids []DealID
	for _, d := range rep.Deals {
		ids = append(ids, d.ID)
	}
	eq := func(name string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	// coreweave 2025-04, aws 2025-11, microsoft 2026-01, x1 2026-03, oracle 2027-01.
	eq("deals", fmt.Sprint(ids), "[coreweave aws microsoft x1 oracle]")
	x1 := rep.Deals[3]
	var sum Cents
	for _, c := range r.Ledger.Deals[3].Obligations {
		sum += c
	}
	eq("x1 supplier", x1.Supplier, "AWS")
	eq("x1 months sum", sum.String(), "100000000000.00")
	eq("x1 total", x1.Total.String(), "100000000000.00")
	eq("cash-out", rep.Summary.CashOutMonth.String(), "2027-06")
	eq("funding need", rep.Summary.FundingNeed.String(), "165223518186.73")
	eq("break-even", *rep.Summary.BreakEvenYear, 2031)
	eq("peak GPUs", rep.Summary.PeakGPUs, int64(3793308))
	eq("HHI 2027", rep.Yearly[2].HHI.String(), "3258.29")
	g, ok := GoalSeek(r)
	eq("goal seek", fmt.Sprint(g, ok), "184.63 true")

	p, notices = ParseQuery("x1.value=5&x1.supplier=Google")
	if len(notices) != 1 || notices[0].Key != "x1.supplier" || notices[0].Reason != ReasonMalformed || *notices[0].Used != "other" {
		t.Fatalf("notices %+v", notices)
	}
	r = Evaluate(p, notices)
	for _, d := range r.Ledger.Deals {
		if d.ID == "x1" {
			eq("x1 supplier", d.Supplier, "Other (x1)")
			eq("x1 pool", d.Pool, PoolOther)
		}
	}
	if len(r.Ledger.Deals) != 5 {
		t.Errorf("%d deals, want 5", len(r.Ledger.Deals))
	}
}
