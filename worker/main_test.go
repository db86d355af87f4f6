//go:build js && wasm

package main

import (
	"encoding/json"
	"testing"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"
)

// TestHeadline: the early headline of a model query is its figures against
// the base case with the scenario and preset lines, in English; a query
// with a notice or a presentation key, which the page would show with more
// than that, has none.
func TestHeadline(t *testing.T) {
	var got struct {
		Figures  []i18n.Figure
		Scenario string
		Preset   string
	}
	if err := json.Unmarshal([]byte(headline("oracle.value=150")), &got); err != nil {
		t.Fatal(err)
	}
	c := i18n.For(format.English)
	p, _ := core.ParseQuery("oracle.value=150")
	rep := core.NewReport(core.Evaluate(p, nil), nil)
	want := c.BaseCaseHeadline(rep, core.NewReport(core.Evaluate(core.Defaults(), nil), nil))
	if len(got.Figures) != len(want) {
		t.Fatalf("%d figures, want %d", len(got.Figures), len(want))
	}
	for i, f := range got.Figures {
		if w := want[i]; f.Key != w.Key || f.Value != w.Value || f.Raw != w.Raw || f.Ref != w.Ref || f.Ref == "" || f.ToneWord != w.ToneWord {
			t.Errorf("figure %d: %+v, want %+v", i, f, w)
		}
	}
	if got.Scenario != c.ScenarioLine(&p) || got.Preset != "" {
		t.Errorf("scenario %q, preset %q", got.Scenario, got.Preset)
	}
	if h := headline("microsoft.on=0"); h == "" {
		t.Error("no headline for a preset's inputs")
	} else if err := json.Unmarshal([]byte(h), &got); err != nil || got.Preset == "" {
		t.Errorf("preset line %q (%v)", got.Preset, err)
	}
	for _, q := range []string{"oracle.value=abc", "oracle.value=150&lang=it", "vs=&oracle.value=150", "embed=1", "preset=microsoft-exits&microsoft.on=0", "nonsense=1"} {
		if h := headline(q); h != "" {
			t.Errorf("%q: early headline %.60s…, want none", q, h)
		}
	}
}
