package main

import (
	"testing"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"
)

// TestReferenceOf holds a scenario against the base case, or against a
// pinned A parsed like a URL, and the base case against nothing.
func TestReferenceOf(t *testing.T) {
	b := scenarioOf("x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96")
	base := core.Defaults()
	if ref := referenceOf(b, view{lang: format.English}, nil); ref == nil || ref.pinned || !ref.sc.params.Equal(&base) {
		t.Fatalf("reference %+v, want the base case", ref)
	}
	v := parseView("vs=" + "oracle.value%3D150%26oai.growth%3Dabc")
	a := referenceOf(b, v, nil)
	if a == nil || !a.pinned || len(a.sc.notices) != 1 || a.sc.notices[0].Key != "oai.growth" {
		t.Fatalf("pinned A %+v", a)
	}
	if got := a.label(i18n.For(format.Italian)); got != "A" {
		t.Errorf("A's label: %q", got)
	}
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
		if _, got := en.PresetLine(&s.params, v.preset); got != c.want {
			t.Errorf("%q: %q, want %q", c.query, got, c.want)
		}
	}
}
