package core

import "strconv"

// FigureID names a headline figure.
type FigureID string

// The headline figures, in page order.
const (
	FigCashOut     FigureID = "cash_out_month"
	FigFundingNeed FigureID = "funding_need"
	FigBreakEven   FigureID = "break_even_year"
	FigPeakGPUs    FigureID = "peak_gpus"
	FigPeakMW      FigureID = "peak_facility_mw"
	FigUnplaced    FigureID = "unplaced_gpus_peak"
	FigHHI         FigureID = "hhi_2027"
	FigGap         FigureID = "revenue_gap_2030"
)

// Tone says how a headline figure reads: fine, a warning, or bad news.
type Tone string

// The tones.
const (
	ToneOK   Tone = "ok"
	ToneWarn Tone = "warn"
	ToneBad  Tone = "bad"
)

// Note names the sentence under a headline figure; the words are the
// catalog's.
type Note string

// The notes.
const (
	NotePlain Note = "note" // what the figure is
	NoteOK    Note = "ok"   // cash never runs out
	NoteWarn  Note = "warn" // cash runs out before 2030
	NoteLate  Note = "late" // break-even only after cash runs out (Month)
	NoteNone  Note = "none" // nothing to report: no unplaced GPUs, no obligations
	NoteBand  Note = "band" // the HHI's band (Band)
)

// Figure is one headline figure with what the page says about it. Which
// of Month, Year, Count, Float and Money holds the figure depends on ID;
// None is true when the figure does not occur ("never", "not by 2039").
type Figure struct {
	ID    FigureID
	Raw   string // as the JSON export writes it; "null" for none
	None  bool
	Tone  Tone
	Note  Note
	Month Month // the cash-out month, or the month the note names; NoMonth when none
	Year  int
	Count int64
	Float float64
	Money Money
	Band  Band
}

// Thresholds of the headline's tones.
const (
	// CashOutDeadline: a cash-out before this month is bad news.
	CashOutDeadline Month = 5 * 12 // 2030-01
	// BreakEvenLate: a break-even after this year is a warning.
	BreakEvenLate = 2030
	// HeadlineHHIYear and HeadlineGapYear are the years of those figures.
	HeadlineHHIYear = 2027
	HeadlineGapYear = 2030
)

// Figure returns the headline figure id of the report.
func (rep *Report) Figure(id FigureID) Figure {
	for _, f := range rep.Headline {
		if f.ID == id {
			return f
		}
	}
	return Figure{ID: id, None: true, Raw: "null", Month: NoMonth}
}

// headline returns the eight headline figures of r in page order.
func headline(r *Result, rep *Report) []Figure {
	f := &r.Finance
	var out []Figure

	cash := Figure{ID: FigCashOut, Raw: "null", None: true, Note: NoteOK, Tone: ToneOK, Month: f.CashOut}
	if f.CashOut != NoMonth {
		cash.Raw, cash.None, cash.Note, cash.Tone = f.CashOut.String(), false, NotePlain, ToneWarn
		if f.CashOut < CashOutDeadline {
			cash.Note, cash.Tone = NoteWarn, ToneBad
		}
	}
	out = append(out, cash)

	need := Figure{ID: FigFundingNeed, Money: rep.Summary.FundingNeed, Raw: rep.Summary.FundingNeed.String(), Note: NotePlain, Tone: ToneOK, Month: NoMonth}
	if need.Money.Sign() > 0 {
		need.Tone = ToneBad
	}
	out = append(out, need)

	be := Figure{ID: FigBreakEven, Raw: "null", None: true, Note: NotePlain, Tone: ToneBad, Year: f.BreakEven, Month: NoMonth}
	if f.BreakEven != 0 {
		be.Raw, be.None, be.Tone = strconv.Itoa(f.BreakEven), false, ToneOK
		switch {
		case f.CashOut != NoMonth && f.CashOut.Year() <= f.BreakEven:
			be.Tone, be.Note, be.Month = ToneWarn, NoteLate, f.CashOut
		case f.BreakEven > BreakEvenLate:
			be.Tone = ToneWarn
		}
	}
	out = append(out, be)

	fl := &r.Fleet
	out = append(out, Figure{ID: FigPeakGPUs, Count: fl.PeakGPUs, Raw: strconv.FormatInt(fl.PeakGPUs, 10),
		Note: NotePlain, Month: Month(argmax(fl.GPUs[:])), Tone: ToneOK})
	out = append(out, Figure{ID: FigPeakMW, Float: fl.PeakFacilityMW, Raw: floatText(fl.PeakFacilityMW),
		Note: NotePlain, Month: Month(argmax(fl.FacilityMW[:])), Tone: ToneOK})

	pl := &r.Placement
	un := Figure{ID: FigUnplaced, Count: pl.PeakUnplaced, Raw: strconv.FormatInt(pl.PeakUnplaced, 10), Note: NoteNone, Tone: ToneOK, Month: NoMonth}
	if pl.PeakUnplaced > 0 {
		un.Note, un.Tone, un.Month = NotePlain, ToneWarn, Month(argmax(pl.UnplacedGPUs[:]))
	}
	out = append(out, un)

	hhi := Figure{ID: FigHHI, Raw: "null", None: true, Note: NoteNone, Tone: ToneOK, Month: NoMonth}
	if y := HeadlineHHIYear - FirstYear; r.HasHHI[y] {
		x := float64Of(r.HHI[y])
		hhi.Float, hhi.Raw, hhi.None, hhi.Note, hhi.Band = x, r.HHI[y].String(), false, NoteBand, BandOf(x)
		switch hhi.Band {
		case BandHigh:
			hhi.Tone = ToneBad
		case BandModerate:
			hhi.Tone = ToneWarn
		}
	}
	out = append(out, hhi)

	g := r.Capex[HeadlineGapYear-FirstYear].Gap
	gap := Figure{ID: FigGap, Float: g, Raw: floatText(g), Note: NotePlain, Tone: ToneOK, Month: NoMonth}
	if g > 0 {
		gap.Tone = ToneWarn
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
