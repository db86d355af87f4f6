package core

import (
	"math/rand/v2"
	"testing"
)

// TestReportSumsProperty checks, over random scenarios with extra deals,
// that the report's money adds up to the cent: each deal's years and what
// it owes outside the horizon make its total; the deals' months make the
// monthly totals; the deals' years make each year's obligations; and the
// headline's funding need is the summary's.
func TestReportSumsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	for i := range randomCount(2000) {
		p := randomParams(r, 0.3)
		rep := NewReport(Evaluate(p, nil), nil)
		var beyond Money
		for _, d := range rep.Deals {
			sum := d.Beyond
			for _, y := range d.Years {
				sum = sum.Add(y)
			}
			if sum.Cmp(d.Total) != 0 {
				t.Fatalf("scenario %d (%s): deal %s years + beyond %s, total %s", i, EncodeQuery(&p), d.ID, sum, d.Total)
			}
			beyond = beyond.Add(d.Beyond)
		}
		if beyond.Cmp(rep.Beyond) != 0 {
			t.Fatalf("scenario %d: beyond %s, deals %s", i, rep.Beyond, beyond)
		}
		for m := range rep.Months {
			var sum Money
			for _, d := range rep.Deals {
				sum = sum.Add(d.Obligations[m])
			}
			if sum.Cmp(rep.Monthly.Obligations[m]) != 0 {
				t.Fatalf("scenario %d: %s deals %s, monthly %s", i, Month(m), sum, rep.Monthly.Obligations[m])
			}
		}
		for y, yr := range rep.Yearly {
			var sum Money
			for _, d := range rep.Deals {
				sum = sum.Add(d.Years[y])
			}
			if sum.Cmp(yr.Obligations) != 0 {
				t.Fatalf("scenario %d: %d deals %s, yearly %s", i, yr.Year, sum, yr.Obligations)
			}
		}
		if rep.Headline[1].Money.Cmp(rep.Summary.FundingNeed) != 0 {
			t.Fatalf("scenario %d: headline need %s, summary %s", i, rep.Headline[1].Money, rep.Summary.FundingNeed)
		}
	}
}
