package main

import (
	"computedash/charts"
	"computedash/i18n"
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
func (d *dashboard) newWords() words { return wordsOf(d.sc, d.view) }

// wordsOf makes the words of scenario sc shown in view v.
func wordsOf(sc scenario, v view) words {
	c := i18n.For(v.lang)
	w := words{scenario: c.ScenarioLine(&sc.params), sources: sourceRows(&sc.params, c), alts: map[charts.ID]string{}}
	w.presetID, w.preset = c.PresetLine(&sc.params, v.preset)
	w.presets = presetItems(v, w.presetID, c)
	full := v
	full.embed, full.show = false, ""
	w.fullURL = pageURL(pageQuery(sc, full))
	for _, id := range charts.All() {
		w.alts[id] = charts.Describe(id, sc.report, c)
	}
	return w
}
