package main

import (
	"strings"
	"testing"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"
)

// TestHeadlineFigures formats the headline of scenarios that take every
// branch (cash out or not, break-even late or never, no unplaced GPUs, no
// obligations in 2027) in both languages.
func TestHeadlineFigures(t *testing.T) {
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
			figs := headlineFigures(rep, i18n.For(lang))
			if len(figs) != 8 {
				t.Fatalf("%q: %d figures", c.query, len(figs))
			}
			for _, f := range figs {
				for _, s := range []string{f.Label, f.Value, f.Note} {
					if s == "" || strings.Contains(s, "%!") || strings.HasPrefix(s, "fig.") || strings.HasPrefix(s, "band.") {
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

// TestScenarioLine names every changed input with its unit, and a choice
// by its name, in the page's language.
func TestScenarioLine(t *testing.T) {
	rep := reportOf(t, "aws.value=60&x1.value=5&x1.supplier=google&stargate.delay=12")
	en := scenarioLine(&rep.Inputs, i18n.For(format.English))
	for _, want := range []string{"AWS deal value $60B (base $38B)", "Extra deal 1 supplier Google (base Other)", "Stargate delay 12 months (base 0 months)"} {
		if !strings.Contains(en, want) {
			t.Errorf("English line %q has no %q", en, want)
		}
	}
	it := scenarioLine(&rep.Inputs, i18n.For(format.Italian))
	if !strings.Contains(it, "Ritardo di Stargate 12 mesi (base 0 mesi)") || strings.Contains(it, "months") {
		t.Errorf("Italian line %q", it)
	}
}

// TestSetInput reads a typed value as the URL would, but keeps the value
// before it when the text cannot be read.
func TestSetInput(t *testing.T) {
	p := scenarioOf("aws.value=60").params
	for _, c := range []struct {
		id, text, value, reason, used string
	}{
		{"aws.value", "70", "70", "", ""},
		{"aws.value", "abc", "60", reasonTyped, "60"},
		{"aws.value", "3000", "2000", "out-of-range", "2000"},
		{"x1.supplier", " google ", "google", "", ""},
		{"x1.supplier", "Google", "other", reasonTyped, "other"},
		{"aws.start", "2025-13", "2025-11", reasonTyped, "2025-11"},
	} {
		q, n := setInput(p, c.id, c.text)
		s := &core.Specs()[core.Index(c.id)]
		if got := s.Format(s.Get(&q)); got != c.value {
			t.Errorf("%s=%q: value %s, want %s", c.id, c.text, got, c.value)
		}
		switch {
		case c.reason == "" && n != nil:
			t.Errorf("%s=%q: notice %+v", c.id, c.text, n)
		case c.reason != "" && (n == nil || n.Reason != c.reason || *n.Used != c.used || n.Given != c.text):
			t.Errorf("%s=%q: notice %+v, want %s used %s", c.id, c.text, n, c.reason, c.used)
		}
	}
}
