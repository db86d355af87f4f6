package main

import (
	"computedash/charts"
)

// words are the page's sentences about the scenario shown: the scenario
// line, the preset it comes from, the sources of its changed inputs, the
// preset menu and the text of every chart. They are made once a change
// (and when the risk analysis arrives, or the language or the comparison
// changes), not in every render.
type words struct {
	scenario string
	presetID string
	preset   string
	presets  []presetItem
	fullURL  string // the scenario in the full dashboard (from an embedded page)
	sources  []string
	alts     map[charts.ID]string
}

// newWords makes the words of the scenario on screen.
func (d *dashboard) newWords() words {
	c := d.catalog()
	w := words{scenario: c.ScenarioLine(&d.sc.params), sources: sourceRows(&d.sc.params, c), alts: map[charts.ID]string{}}
	w.presetID, w.preset = c.PresetLine(&d.sc.params, d.view.preset)
	w.presets = presetItems(d.view, w.presetID, c)
	full := d.view
	full.embed, full.show = false, ""
	w.fullURL = pageURL(pageQuery(d.sc, full))
	for _, id := range charts.All() {
		w.alts[id] = charts.Describe(id, d.sc.report, c)
	}
	return w
}
