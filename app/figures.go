package main

import (
	"strconv"
	"strings"

	"computedash/core"
	"computedash/i18n"
)

// Tones of a headline figure.
const (
	toneOK   = "ok"
	toneWarn = "warn"
	toneBad  = "bad"
)

// figure is one headline figure, formatted for the page. Raw is the figure
// as the JSON export writes it ("null" for none), for tests and copying.
type figure struct {
	Key   string
	Label string
	Value string
	Raw   string
	Note  string
	Tone  string
}

// headlineFigures returns the headline figures of r in page order.
func headlineFigures(r *core.Result, c i18n.Catalog) []figure {
	l := c.Lang
	f := &r.Finance
	var out []figure

	cash := figure{Key: "cash_out_month", Label: c.T("fig.cashout"), Value: c.T("fig.cashout.never"), Raw: "null", Note: c.T("fig.cashout.ok"), Tone: toneOK}
	if f.CashOut != core.NoMonth {
		cash.Value, cash.Raw, cash.Note, cash.Tone = f.CashOut.String(), f.CashOut.String(), c.T("fig.cashout.note"), toneWarn
		if f.CashOut < core.MonthOf(2030, 1) {
			cash.Note, cash.Tone = c.T("fig.cashout.warn"), toneBad
		}
	}
	out = append(out, cash)

	need := figure{Key: "funding_need", Label: c.T("fig.need"), Value: l.Money(f.FundingNeed), Raw: f.FundingNeed.StringFixed(2), Note: c.T("fig.need.note"), Tone: toneOK}
	if f.FundingNeed.Sign() > 0 {
		need.Tone = toneBad
	}
	out = append(out, need)

	be := figure{Key: "break_even_year", Label: c.T("fig.breakeven"), Value: c.T("fig.breakeven.never"), Raw: "null", Note: c.T("fig.breakeven.note"), Tone: toneBad}
	if f.BreakEven != 0 {
		be.Value, be.Raw, be.Tone = strconv.Itoa(f.BreakEven), strconv.Itoa(f.BreakEven), toneOK
		switch {
		case f.CashOut != core.NoMonth && f.CashOut.Year() <= f.BreakEven:
			be.Tone, be.Note = toneWarn, c.T("fig.breakeven.late", f.CashOut.String())
		case f.BreakEven > 2030:
			be.Tone = toneWarn
		}
	}
	out = append(out, be)

	fl := &r.Fleet
	peakMonth := argmax(fl.GPUs[:])
	out = append(out, figure{Key: "peak_gpus", Label: c.T("fig.peakgpus"), Value: l.Count(fl.PeakGPUs), Raw: strconv.FormatInt(fl.PeakGPUs, 10),
		Note: c.T("fig.peakgpus.note", core.Month(peakMonth).String()), Tone: toneOK})
	powerMonth := argmax(fl.FacilityMW[:])
	out = append(out, figure{Key: "peak_facility_mw", Label: c.T("fig.peakgw"), Value: l.Power(fl.PeakFacilityMW), Raw: floatText(fl.PeakFacilityMW),
		Note: c.T("fig.peakgw.note", core.Month(powerMonth).String()), Tone: toneOK})

	pl := &r.Placement
	um := argmax(pl.UnplacedGPUs[:])
	un := figure{Key: "unplaced_gpus_peak", Label: c.T("fig.unplaced"), Value: l.Count(pl.PeakUnplaced), Raw: strconv.FormatInt(pl.PeakUnplaced, 10),
		Note: c.T("fig.unplaced.none"), Tone: toneOK}
	if pl.PeakUnplaced > 0 {
		un.Note, un.Tone = c.T("fig.unplaced.note", core.Month(um).String()), toneWarn
	}
	out = append(out, un)

	y2027 := 2027 - core.FirstYear
	hhi := figure{Key: "hhi_2027", Label: c.T("fig.hhi"), Value: "—", Raw: "null", Note: c.T("fig.hhi.none"), Tone: toneOK}
	if r.HasHHI[y2027] {
		x := r.HHI[y2027].InexactFloat64()
		band := core.Band(x)
		hhi.Value, hhi.Raw, hhi.Note = l.Number(x, 0), r.HHI[y2027].String(), c.T("band."+band)
		switch {
		case x > core.HHIHigh:
			hhi.Tone = toneBad
		case x >= core.HHIModerate:
			hhi.Tone = toneWarn
		}
	}
	out = append(out, hhi)

	g := r.Capex[2030-core.FirstYear].Gap
	gap := figure{Key: "revenue_gap_2030", Label: c.T("fig.gap"), Value: l.Billions(g), Raw: floatText(g), Note: c.T("fig.gap.note"), Tone: toneOK}
	if g > 0 {
		gap.Tone = toneWarn
	}
	out = append(out, gap)
	return out
}

// floatText writes x as encoding/json writes a float64 of ordinary size.
func floatText(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// argmax returns the index of the first largest value.
func argmax[T int64 | float64](s []T) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// scenarioLine says in words which inputs differ from the base case.
func scenarioLine(p *core.Params, c i18n.Catalog) string {
	var items []string
	specs := core.Specs()
	for i := range specs {
		s := &specs[i]
		v := s.Get(p)
		if v.Equal(s.Default) {
			continue
		}
		items = append(items, c.T("scenario.item", c.Label(s.ID), withUnit(s.Format(v), s.Unit), s.Format(s.Default)))
	}
	if len(items) == 0 {
		return c.T("scenario.base")
	}
	return c.T("scenario.changed", strings.Join(items, " · "))
}

func withUnit(v, unit string) string {
	switch unit {
	case "", "month":
		return v
	case "$B":
		return "$" + v + "B"
	case "%", "% a year", "% of revenue":
		return v + " %"
	}
	return v + " " + unit
}
