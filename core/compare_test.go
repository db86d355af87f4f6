package core

import "testing"

// TestCompare checks the deltas of MODEL.md §14's worked scenario against
// the base case: values from §13 and §14, subtracted by hand.
func TestCompare(t *testing.T) {
	a := NewReport(Evaluate(Defaults(), nil), nil)
	p, _ := ParseQuery("x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96")
	b := NewReport(Evaluate(p, nil), nil)
	d := Compare(a.Headline, b.Headline)
	byID := map[FigureID]Delta{}
	for _, x := range d {
		byID[x.ID] = x
	}
	// 2027-06 vs 2027-09: 3 months earlier.
	if x := byID[FigCashOut]; !x.Comparable || x.Months != -3 || x.Equal {
		t.Errorf("cash-out %+v", x)
	}
	// $165,223,518,186.73 − $115,008,809,821.17.
	if x := byID[FigFundingNeed]; x.Money.String() != "50214708365.56" {
		t.Errorf("funding need %+v", x)
	}
	// 2031 − 2030.
	if x := byID[FigBreakEven]; x.Years != 1 {
		t.Errorf("break-even %+v", x)
	}
	// 3,793,308 − 3,414,893.
	if x := byID[FigPeakGPUs]; x.Count != 378415 {
		t.Errorf("peak GPUs %+v", x)
	}
	// 3,258.29 − 3,892.11.
	if x := byID[FigHHI]; x.Float > -633.81 || x.Float < -633.83 {
		t.Errorf("HHI %+v", x)
	}
	if x := byID[FigGap]; !x.Equal || x.Float != 0 {
		t.Errorf("gap %+v", x)
	}
	// Cash that never runs out against cash that does: not comparable.
	p, _ = ParseQuery("oai.cash=1000&oai.growth=300")
	c := NewReport(Evaluate(p, nil), nil)
	if x := Compare(a.Headline, c.Headline)[0]; x.Comparable || x.Equal {
		t.Errorf("never vs 2027-09: %+v", x)
	}
	for _, x := range Compare(a.Headline, a.Headline) {
		if !x.Equal {
			t.Errorf("a scenario differs from itself: %+v", x)
		}
	}
}
