package main

import (
	"strings"
	"testing"

	"computedash/format"
	"computedash/i18n"
)

// TestWithReference writes each figure beside the reference's, with the
// difference in the figure's own terms (MODEL.md §14's worked scenario
// against the base case, and against a pinned A).
func TestWithReference(t *testing.T) {
	b := scenarioOf("x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96")
	en := i18n.For(format.English)
	ref := referenceOf(b, view{lang: format.English}, nil)
	if ref == nil || ref.pinned {
		t.Fatalf("reference %+v, want the base case", ref)
	}
	figs := headlineFigures(b.report, en)
	withReference(figs, b.report, ref, en)
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
	// A pinned scenario with a notice: A is parsed like a URL.
	v := parseView("vs=" + "oracle.value%3D150%26oai.growth%3Dabc")
	a := referenceOf(b, v, nil)
	if a == nil || !a.pinned || len(a.sc.notices) != 1 || a.sc.notices[0].Key != "oai.growth" {
		t.Fatalf("pinned A %+v", a)
	}
	it := i18n.For(format.Italian)
	figs = headlineFigures(b.report, it)
	withReference(figs, b.report, a, it)
	if got := figs[0].Ref; got != "A 2027-12 · 6 mesi prima" {
		t.Errorf("Italian cash-out against A: %q", got)
	}
	if strings.Contains(figs[2].Ref, "years") {
		t.Errorf("Italian break-even: %q", figs[2].Ref)
	}
	// No reference for the base case itself.
	if r := referenceOf(scenarioOf(""), view{}, nil); r != nil {
		t.Errorf("base case has reference %+v", r)
	}
}

// TestPresetLine names the preset and counts the inputs moved since.
func TestPresetLine(t *testing.T) {
	en := i18n.For(format.English)
	for _, c := range []struct{ query, want string }{
		{"", "Article, November 2025"},
		{"microsoft.on=0", "Microsoft exits"},
		{"preset=microsoft-exits&microsoft.on=0&aws.value=40", "Microsoft exits + 1 change"},
		{"preset=stargate-slips&stargate.delay=18&stargate.capex=350&oai.growth=90&pue=1.3", "Stargate slips + 2 changes"},
		{"preset=nonsense&aws.value=40", ""},
	} {
		s, v := scenarioOf(c.query), parseView(c.query)
		if _, got := presetLine(&s.params, v, en); got != c.want {
			t.Errorf("%q: %q, want %q", c.query, got, c.want)
		}
	}
}
