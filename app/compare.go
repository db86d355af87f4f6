package main

import (
	"strings"

	"computedash/core"
	"computedash/i18n"
)

// reference is the scenario the headline is held against: the pinned
// scenario A of a comparison (the URL's vs), or the base case when the
// scenario differs from it.
type reference struct {
	sc     scenario
	pinned bool // A of a comparison, not the base case
}

// label is how the page names the reference.
func (r *reference) label(c i18n.Catalog) string {
	if r.pinned {
		return c.T("compare.a")
	}
	return c.T("compare.base")
}

// referenceOf returns the reference of scenario s under view v, or nil
// when there is none (no vs, and s is the base case). It reuses cached
// when that is the same reference.
func referenceOf(s scenario, v view, cached *reference) *reference {
	if v.pinned {
		if cached != nil && cached.pinned && cached.sc.query == v.vs {
			return cached
		}
		return &reference{sc: scenarioOf(v.vs), pinned: true}
	}
	base := core.Defaults()
	if s.params.Equal(&base) {
		return nil
	}
	if cached != nil && !cached.pinned {
		return cached
	}
	return &reference{sc: withParams(base)}
}

// withReference adds to each formatted figure what the reference shows
// and the difference: "A 2027-09 · 3 months earlier".
func withReference(figs []figure, rep *core.Report, r *reference, c i18n.Catalog) {
	ref, label := r.sc.report, r.label(c)
	refFigs := headlineFigures(ref, c)
	for i, d := range core.Compare(ref.Headline, rep.Headline) {
		figs[i].RefValue, figs[i].Delta = refFigs[i].Value, deltaText(d, c)
		figs[i].Ref = label + " " + figs[i].RefValue
		if figs[i].Delta != "" {
			figs[i].Ref += " · " + figs[i].Delta
		}
	}
}

// deltaText says a difference in the figure's own terms; "" when there is
// nothing to say beyond the two values.
func deltaText(d core.Delta, c i18n.Catalog) string {
	l := c.Lang
	switch {
	case d.Equal:
		return c.T("delta.same")
	case !d.Comparable:
		return ""
	}
	switch d.ID {
	case core.FigCashOut:
		return monthsText(d.Months, c)
	case core.FigBreakEven:
		return yearsText(d.Years, c)
	case core.FigFundingNeed:
		return signed(d.Money.Sign(), l.Money(d.Money.Abs().Decimal()))
	case core.FigPeakGPUs, core.FigUnplaced:
		return signed(sign(float64(d.Count)), l.Count(abs(d.Count)))
	case core.FigPeakMW:
		return signed(sign(d.Float), l.Power(absf(d.Float)))
	case core.FigHHI:
		return signed(sign(d.Float), l.Number(absf(d.Float), 0))
	case core.FigGap:
		return signed(sign(d.Float), l.Billions(absf(d.Float)))
	}
	return ""
}

func monthsText(n int, c i18n.Catalog) string { return stepsText("delta.months", n, c) }

func yearsText(n int, c i18n.Catalog) string { return stepsText("delta.years", n, c) }

// stepsText says n months or years earlier (n < 0) or later, "one" in the
// singular.
func stepsText(key string, n int, c i18n.Catalog) string {
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

// signed writes a magnitude with the sign of s: "+$50.2B", "−634".
func signed(s int, text string) string {
	switch {
	case s > 0:
		return "+" + text
	case s < 0:
		return "−" + strings.TrimPrefix(text, "-")
	}
	return text
}

func sign(x float64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

func absf(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
