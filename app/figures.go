package main

import (
	"strconv"
	"strings"

	"computedash/core"
	"computedash/i18n"

	"github.com/shopspring/decimal"
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
	Ref   string // the reference's value and the difference, when there is a reference
	// RefValue and Delta are the reference's value and the difference,
	// for the comparison table.
	RefValue, Delta string
}

// figureKeys are the catalog keys of each headline figure's label; its
// value for "none" and its notes are the same key with a suffix.
var figureKeys = map[core.FigureID]string{
	core.FigCashOut: "fig.cashout", core.FigFundingNeed: "fig.need", core.FigBreakEven: "fig.breakeven",
	core.FigPeakGPUs: "fig.peakgpus", core.FigPeakMW: "fig.peakgw", core.FigUnplaced: "fig.unplaced",
	core.FigHHI: "fig.hhi", core.FigGap: "fig.gap",
}

// headlineFigures formats the headline of a report in page order.
func headlineFigures(rep *core.Report, c i18n.Catalog) []figure {
	l := c.Lang
	out := make([]figure, len(rep.Headline))
	for i, f := range rep.Headline {
		key := figureKeys[f.ID]
		fig := figure{Key: string(f.ID), Label: c.T(key), Raw: f.Raw, Tone: string(f.Tone)}
		switch {
		case f.None && f.ID == core.FigHHI:
			fig.Value = "—"
		case f.None:
			fig.Value = c.T(key + ".never")
		case f.ID == core.FigCashOut:
			fig.Value = f.Month.String()
		case f.ID == core.FigFundingNeed:
			fig.Value = l.Money(f.Money.Decimal())
		case f.ID == core.FigBreakEven:
			fig.Value = strconv.Itoa(f.Year)
		case f.ID == core.FigPeakGPUs, f.ID == core.FigUnplaced:
			fig.Value = l.Count(f.Count)
		case f.ID == core.FigPeakMW:
			fig.Value = l.Power(f.Float)
		case f.ID == core.FigHHI:
			fig.Value = l.Number(f.Float, 0)
		case f.ID == core.FigGap:
			fig.Value = l.Billions(f.Float)
		}
		switch {
		case f.Note == core.NoteBand:
			fig.Note = c.T("band." + string(f.Band))
		case f.Month != core.NoMonth && f.ID != core.FigCashOut:
			fig.Note = c.T(key+"."+string(f.Note), f.Month.String())
		default:
			fig.Note = c.T(key + "." + string(f.Note))
		}
		out[i] = fig
	}
	return out
}

// scenarioLine says in words which inputs differ from the base case.
func scenarioLine(p *core.Params, c i18n.Catalog) string {
	var items []string
	base := core.Defaults()
	for _, id := range p.Diff(&base) {
		s := &core.Specs()[core.Index(id)]
		items = append(items, c.T("scenario.item", c.Label(s.ID), valueText(s, s.Get(p), c), valueText(s, s.Default, c)))
	}
	if len(items) == 0 {
		return c.T("scenario.base")
	}
	return c.T("scenario.changed", strings.Join(items, " · "))
}

// valueText writes a value of input s for people: a choice by its name,
// anything else as URL text with its unit.
func valueText(s *core.Spec, v decimal.Decimal, c i18n.Catalog) string {
	if s.Kind == core.Choice {
		return c.Choice(s.Format(v))
	}
	return c.WithUnit(s.Format(v), s.Unit)
}
