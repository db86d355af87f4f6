package main

import (
	"encoding/json"
	"strings"
	"testing"

	"computedash/core"
)

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

// TestSampleRisk checks that the analysis the page decodes while idle, to
// warm encoding/json up, decodes, and has what a real one has: every
// tornado row, true, fractions and negative amounts.
func TestSampleRisk(t *testing.T) {
	b := sampleRisk()
	var risk core.Risk
	if err := json.Unmarshal(b, &risk); err != nil {
		t.Fatal(err)
	}
	p, _ := core.ParseQuery("")
	real := core.Analyze(core.Evaluate(p, nil))
	if len(risk.Tornado) != len(real.Tornado) || !risk.Reachable {
		t.Errorf("%d tornado rows (a real analysis has %d), reachable %v", len(risk.Tornado), len(real.Tornado), risk.Reachable)
	}
	for _, want := range []string{`true`, `"-`, `.632`, `2.8`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the sample has no %s: %.200s…", want, b)
		}
	}
}
