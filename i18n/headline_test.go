package i18n

import (
	"strings"
	"testing"

	"computedash/core"
	"computedash/format"
)

// reportOf is the report of a URL query, without its risk analysis.
func reportOf(t *testing.T, query string) *core.Report {
	t.Helper()
	p, notices := core.ParseQuery(query)
	if len(notices) > 0 {
		t.Fatalf("%q: notices %+v", query, notices)
	}
	return core.NewReport(core.Evaluate(p, nil), nil)
}

// TestHeadline formats the headline of scenarios that take every branch
// (cash out or not, break-even late or never, no unplaced GPUs, no
// obligations in 2027) in both languages.
func TestHeadline(t *testing.T) {
	for _, c := range []struct {
		query string
		want  map[string]string // figure key → value shown (English)
	}{
		{"", map[string]string{"cash_out_month": "2027-09", "funding_need": "$115.0B", "break_even_year": "2030",
			"peak_gpus": "3.41 M", "hhi_2027": "3,892", "unplaced_gpus_peak": "430 k"}},
		{"oai.cash=1000&oai.growth=300", map[string]string{"cash_out_month": "Never", "funding_need": "$0"}},
		{"aws.on=0&oracle.on=0&microsoft.on=0&coreweave.on=0", map[string]string{"hhi_2027": "—", "unplaced_gpus_peak": "0", "break_even_year": "2026"}},
		{"oai.runrate=0&aws.term=240", map[string]string{"break_even_year": "Not by 2039"}},
		{"x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96", map[string]string{"cash_out_month": "2027-06", "funding_need": "$165.2B", "break_even_year": "2031", "hhi_2027": "3,258"}},
	} {
		rep := reportOf(t, c.query)
		for _, lang := range []format.Lang{format.English, format.Italian} {
			figs := For(lang).Headline(rep)
			if len(figs) != 8 {
				t.Fatalf("%q: %d figures", c.query, len(figs))
			}
			for _, f := range figs {
				for _, s := range []string{f.Label, f.Value, f.Note, f.Icon, f.ToneWord} {
					if s == "" || strings.Contains(s, "%!") || strings.HasPrefix(s, "fig.") || strings.HasPrefix(s, "band.") || strings.HasPrefix(s, "tone.") {
						t.Errorf("%q %s: figure %s shows %q", c.query, lang, f.Key, s)
					}
				}
				if want, ok := c.want[f.Key]; ok && lang == format.English && f.Value != want {
					t.Errorf("%q: %s = %q, want %q", c.query, f.Key, f.Value, want)
				}
			}
		}
	}
}

// TestWithReference writes each figure beside the reference's, with the
// difference in the figure's own terms (MODEL.md §14's worked scenario
// against the base case, and against another scenario in Italian).
func TestWithReference(t *testing.T) {
	b, base := reportOf(t, "x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96"), reportOf(t, "")
	en := For(format.English)
	figs := en.BaseCaseHeadline(b, base)
	want := map[string]string{
		"cash_out_month":   "base 2027-09 · 3 months earlier",
		"funding_need":     "base $115.0B · +$50.2B",
		"break_even_year":  "base 2030 · 1 year later",
		"peak_gpus":        "base 3.41 M · +378 k",
		"hhi_2027":         "base 3,892 · −634",
		"revenue_gap_2030": "base $1.20T · same",
	}
	for _, f := range figs {
		if w, ok := want[f.Key]; ok && f.Ref != w {
			t.Errorf("%s: %q, want %q", f.Key, f.Ref, w)
		}
	}
	for _, f := range en.BaseCaseHeadline(base, base) {
		if f.Ref != "" {
			t.Errorf("the base case against itself: %s %q", f.Key, f.Ref)
		}
	}
	it := For(format.Italian)
	figs = it.Headline(b)
	it.WithReference(figs, b, reportOf(t, "oracle.value=150"), "A")
	if got := figs[0].Ref; got != "A 2027-12 · 6 mesi prima" {
		t.Errorf("Italian cash-out against A: %q", got)
	}
	if strings.Contains(figs[2].Ref, "years") {
		t.Errorf("Italian break-even: %q", figs[2].Ref)
	}
}

// TestScenarioLine names every changed input with its unit, and a choice
// by its name, in the page's language.
func TestScenarioLine(t *testing.T) {
	rep := reportOf(t, "aws.value=60&x1.value=5&x1.supplier=google&stargate.delay=12")
	en := For(format.English).ScenarioLine(&rep.Inputs)
	for _, want := range []string{"AWS deal value $60B (base $38B)", "Extra deal 1 supplier Google (base Other)", "Stargate delay 12 months (base 0 months)"} {
		if !strings.Contains(en, want) {
			t.Errorf("English line %q has no %q", en, want)
		}
	}
	it := For(format.Italian).ScenarioLine(&rep.Inputs)
	if !strings.Contains(it, "Ritardo di Stargate 12 mesi (base 0 mesi)") || strings.Contains(it, "months") {
		t.Errorf("Italian line %q", it)
	}
}

// TestSigned writes a magnitude with its sign, a minus sign for negatives.
func TestSigned(t *testing.T) {
	for _, c := range []struct {
		s          int
		text, want string
	}{{1, "$50.2B", "+$50.2B"}, {-1, "-634", "−634"}, {-1, "634", "−634"}, {0, "0", "0"}} {
		if got := Signed(c.s, c.text); got != c.want {
			t.Errorf("Signed(%d, %q) = %q, want %q", c.s, c.text, got, c.want)
		}
	}
}
