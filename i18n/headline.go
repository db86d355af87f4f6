package i18n

import (
	"cmp"
	"strconv"
	"strings"

	"computedash/core"

	"github.com/shopspring/decimal"
)

// Figure is one headline figure in words, as the page shows it. Raw is
// the figure as the JSON export writes it ("null" for none), for tests and
// copying. The JSON names are those of the page's painter
// (computedashPaintFigures in web/boot.js).
type Figure struct {
	Key      string `json:"key"`
	Label    string `json:"label"`
	Value    string `json:"value"`
	Raw      string `json:"raw"`
	Note     string `json:"note"`
	Tone     string `json:"tone"`
	Icon     string `json:"icon"`      // the tone by shape, for those who do not see colour
	ToneWord string `json:"tone_word"` // the tone in words, for screen readers
	// Ref is the reference's value and the difference, when there is a
	// reference; RefValue and Delta are those two, for the comparison
	// table.
	Ref      string `json:"ref"`
	RefValue string `json:"-"`
	Delta    string `json:"-"`
}

// figureKeys are the catalog keys of each headline figure's label; its
// value for "none" and its notes are the same key with a suffix.
var figureKeys = map[core.FigureID]string{
	core.FigCashOut: "fig.cashout", core.FigFundingNeed: "fig.need", core.FigBreakEven: "fig.breakeven",
	core.FigPeakGPUs: "fig.peakgpus", core.FigPeakMW: "fig.peakgw", core.FigUnplaced: "fig.unplaced",
	core.FigHHI: "fig.hhi", core.FigGap: "fig.gap",
}

// toneIcons mark a figure's tone by shape as well as by colour.
var toneIcons = map[core.Tone]string{core.ToneOK: "✓", core.ToneWarn: "▲", core.ToneBad: "✕"}

// Headline returns the headline of a report in words, in page order.
func (c Catalog) Headline(rep *core.Report) []Figure {
	l := c.Lang
	out := make([]Figure, len(rep.Headline))
	for i, f := range rep.Headline {
		key := figureKeys[f.ID]
		fig := Figure{Key: string(f.ID), Label: c.T(key), Raw: f.Raw, Tone: string(f.Tone),
			Icon: toneIcons[f.Tone], ToneWord: c.T("tone." + string(f.Tone))}
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

// WithReference adds to each figure of rep what the reference ref shows,
// under its label, and the difference: "A 2027-09 · 3 months earlier".
func (c Catalog) WithReference(figs []Figure, rep, ref *core.Report, label string) {
	refFigs := c.Headline(ref)
	for i, d := range core.Compare(ref.Headline, rep.Headline) {
		figs[i].RefValue, figs[i].Delta = refFigs[i].Value, c.delta(d)
		figs[i].Ref = label + " " + figs[i].RefValue
		if figs[i].Delta != "" {
			figs[i].Ref += " · " + figs[i].Delta
		}
	}
}

// BaseCaseHeadline returns the headline of rep as a page shows it without
// a pinned comparison: against the base case (base, its report) when the
// scenario differs from it.
func (c Catalog) BaseCaseHeadline(rep, base *core.Report) []Figure {
	figs := c.Headline(rep)
	if !rep.Inputs.Equal(&base.Inputs) {
		c.WithReference(figs, rep, base, c.T("compare.base"))
	}
	return figs
}

// delta says a difference in the figure's own terms; "" when there is
// nothing to say beyond the two values.
func (c Catalog) delta(d core.Delta) string {
	l := c.Lang
	switch {
	case d.Equal:
		return c.T("delta.same")
	case !d.Comparable:
		return ""
	}
	switch d.ID {
	case core.FigCashOut:
		return c.steps("delta.months", d.Months)
	case core.FigBreakEven:
		return c.steps("delta.years", d.Years)
	case core.FigFundingNeed:
		return Signed(d.Money.Sign(), l.Money(d.Money.Abs().Decimal()))
	case core.FigPeakGPUs, core.FigUnplaced:
		return Signed(cmp.Compare(d.Count, 0), l.Count(max(d.Count, -d.Count)))
	case core.FigPeakMW:
		return Signed(cmp.Compare(d.Float, 0), l.Power(max(d.Float, -d.Float)))
	case core.FigHHI:
		return Signed(cmp.Compare(d.Float, 0), l.Number(max(d.Float, -d.Float), 0))
	case core.FigGap:
		return Signed(cmp.Compare(d.Float, 0), l.Billions(max(d.Float, -d.Float)))
	}
	return ""
}

// steps says n months or years (key) earlier (n < 0) or later, "one" in
// the singular.
func (c Catalog) steps(key string, n int) string {
	word := ".later"
	if n < 0 {
		word, n = ".earlier", -n
	}
	switch n {
	case 0:
		return c.T("delta.same")
	case 1:
		return c.T(key + word + ".one")
	}
	return c.T(key+word, n)
}

// Signed writes a magnitude with the sign s (−1, 0 or +1): "+$50.2B",
// "−634".
func Signed(s int, text string) string {
	switch {
	case s > 0:
		return "+" + text
	case s < 0:
		return "−" + strings.TrimPrefix(text, "-")
	}
	return text
}

// ScenarioLine says in words which inputs of p differ from the base case.
func (c Catalog) ScenarioLine(p *core.Params) string {
	var items []string
	base := core.Defaults()
	for _, id := range p.Diff(&base) {
		s := &core.Specs()[core.Index(id)]
		items = append(items, c.T("scenario.item", c.Label(s.ID), c.value(s, s.Get(p)), c.value(s, s.Default)))
	}
	if len(items) == 0 {
		return c.T("scenario.base")
	}
	return c.T("scenario.changed", strings.Join(items, " · "))
}

// value writes a value of input s for people: a choice by its name,
// anything else as URL text with its unit.
func (c Catalog) value(s *core.Spec, v decimal.Decimal) string {
	if s.Kind == core.Choice {
		return c.Choice(s.Format(v))
	}
	return c.WithUnit(s.Format(v), s.Unit)
}

// PresetLine names the preset p comes from: preset, the one the URL
// named, with the number of inputs moved since, or else the preset p is;
// "" for none.
func (c Catalog) PresetLine(p *core.Params, preset string) (id, line string) {
	for _, pr := range core.Presets() {
		if pr.ID != preset {
			continue
		}
		q := pr.Params()
		switch n := len(p.Diff(&q)); n {
		case 0:
			return pr.ID, c.T("preset." + pr.ID)
		case 1:
			return pr.ID, c.T("presets.change", c.T("preset."+pr.ID))
		default:
			return pr.ID, c.T("presets.changes", c.T("preset."+pr.ID), n)
		}
	}
	if pr, ok := core.PresetOf(p); ok {
		return pr.ID, c.T("preset." + pr.ID)
	}
	return "", ""
}
