//go:build js && wasm

package main

import (
	"encoding/json"
	"reflect"
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
	h := headline("oracle.value=150")
	c := i18n.For(format.English)
	p, _ := core.ParseQuery("oracle.value=150")
	rep := core.NewReport(core.Evaluate(p, nil), nil)
	want := c.BaseCaseHeadline(rep, core.NewReport(core.Evaluate(core.Defaults(), nil), nil))
	got, _ := h["figures"].([]any)
	if len(got) != len(want) {
		t.Fatalf("%d figures, want %d", len(got), len(want))
	}
	for i, f := range got {
		if w := want[i]; !reflect.DeepEqual(f, figureObject(w)) || w.Ref == "" {
			t.Errorf("figure %d: %v, want %+v", i, f, w)
		}
	}
	if h["scenario"] != c.ScenarioLine(&p) || h["preset"] != "" {
		t.Errorf("scenario %q, preset %q", h["scenario"], h["preset"])
	}
	if h := headline("microsoft.on=0"); h == nil || h["preset"] == "" {
		t.Errorf("preset line of a preset's inputs: %v", h)
	}
	for _, q := range []string{"oracle.value=abc", "oracle.value=150&lang=it", "vs=&oracle.value=150", "embed=1", "preset=microsoft-exits&microsoft.on=0", "nonsense=1"} {
		if h := headline(q); h != nil {
			t.Errorf("%q: early headline %v, want none", q, h)
		}
	}
}

// TestFigureObject: the painter reads the same fields in the worker's
// figures as in the page's JSON of them (app/browser.go): every field of
// i18n.Figure's encoding, with its value, and no other.
func TestFigureObject(t *testing.T) {
	f := i18n.Figure{Key: "k", Label: "l", Value: "v", Raw: "r", Note: "n", Tone: "t", Icon: "i", ToneWord: "w", Ref: "f", RefValue: "rv", Delta: "d"}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if got := figureObject(f); !reflect.DeepEqual(got, want) {
		t.Errorf("figureObject = %v, want %v", got, want)
	}
}
