package main

import (
	"maps"
	"slices"
	"testing"

	"computedash/charts"
	"computedash/core"
)

// TestWarmStepKeepsNothing runs every step of warmUp on a drawn page and
// checks that the scenario, its headline and its charts are as they were.
func TestWarmStepKeepsNothing(t *testing.T) {
	d := newDashboard()
	d.view = parseView("")
	d.sc = scenarioOf("aws.value=60&oracle.start=2027-06")
	d.present()
	d.charts.requeue(d.gen)
	if more, errs := d.charts.draw(d.sc.report, nil, d.catalog(), d.gen, 1<<62, nil); more || len(errs) > 0 {
		t.Fatalf("drawing the charts: more %v, errors %v", more, errs)
	}
	query, params, gen := d.sc.query, d.sc.params, d.gen
	figures := figureValues(d)
	svgs, keys, drawn := maps.Clone(d.charts.svgs), maps.Clone(d.charts.keys), maps.Clone(d.charts.drawn)

	if got, want := warmSteps(), 1+len(core.Specs())+warmChartRounds*len(charts.All()); got != want {
		t.Fatalf("warmSteps() = %d, want %d: the update, a model step per input, warmChartRounds chart steps per chart", got, want)
	}
	for i := range warmSteps() {
		if update := d.warmStep(i); update != (i == 0) {
			t.Errorf("step %d asks for an update: %v", i, update)
		}
	}

	if d.sc.query != query || !d.sc.params.Equal(&params) || d.gen != gen {
		t.Errorf("the scenario changed: %q gen %d, want %q gen %d", d.sc.query, d.gen, query, gen)
	}
	if got := figureValues(d); !slices.Equal(got, figures) {
		t.Errorf("the headline changed: %v, want %v", got, figures)
	}
	if !maps.Equal(d.charts.svgs, svgs) || !maps.Equal(d.charts.keys, keys) || !maps.Equal(d.charts.drawn, drawn) {
		t.Error("the drawn charts changed")
	}
	if len(d.charts.queue) > 0 {
		t.Errorf("charts queued: %v", d.charts.queue)
	}
}

func figureValues(d *dashboard) []string {
	var out []string
	for _, f := range d.figures {
		out = append(out, f.Key+"="+f.Value+" "+f.Ref)
	}
	return out
}
