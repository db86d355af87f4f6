package core

// Preset is a named scenario of MODEL.md §15: choosing one is opening its
// query. Facts names the FACTS.md rows it rests on; Confidence is the
// lowest confidence among them. The words for people (name, one-line
// description) are the catalog's, under the preset's id.
type Preset struct {
	ID         string
	Query      string
	Facts      []string
	Confidence string
}

// presets are the presets of MODEL.md §15, in menu order.
var presets = [...]Preset{
	{"article", "", []string{"FACTS §3–§7: the seed article's deals, sites, capex and revenue"}, "H"},
	{"mid2026",
		"x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96&x2.value=20&x2.supplier=other&x2.start=2026-01&x2.term=36&x2.ramp=6&other.mw=750&oai.rev2025=13.07&capex.growth=85",
		[]string{"FACTS §10 AWS expansion: +$100B over 8 years (M)", "FACTS §10 Cerebras: 750 MW, >$20B over 3 years (M-H)",
			"FACTS §10 OpenAI 2025 actuals: revenue $13.07B (M-H)", "FACTS §10 Big Tech capex 2026: ~$700–725B, growth ≈ 85 % (M-H)"}, "M"},
	{"stargate-slips", "stargate.delay=18&stargate.capex=350", []string{"FACTS §5 Stargate sites and target (H)", "MODEL §5: delay and funding scale (M)"}, "M"},
	{"bubble", "oai.growth=40&oai.fade=30&ai.growth=20&p200=2.5&p300=3", []string{"FACTS §7 revenue projections (M)", "FACTS §2 and §9 GPU-hour prices (M-L)", "FACTS §9 ai.growth (L)"}, "L"},
	{"oracle-cut", "oracle.value=150&oracle.term=72", []string{"FACTS §4 Oracle: $300B over ~5 years from 2027 (H)"}, "M"},
	{"microsoft-exits", "microsoft.on=0", []string{"FACTS §4 Microsoft: $250B incremental Azure; term assumed (L)"}, "L"},
}

// Presets returns the presets in menu order. Callers must not modify it.
func Presets() []Preset { return presets[:] }

// presetParams are the inputs of each preset, read once; never written.
var presetParams = func() (out [len(presets)]Params) {
	for i, pr := range presets {
		out[i], _ = ParseQuery(pr.Query)
	}
	return out
}()

// Params returns the inputs of the preset.
func (pr Preset) Params() Params {
	for i := range presets {
		if presets[i].ID == pr.ID {
			return presetParams[i]
		}
	}
	p, _ := ParseQuery(pr.Query)
	return p
}

// PresetOf returns the preset whose query gives exactly the inputs p, and
// false when none does.
func PresetOf(p *Params) (Preset, bool) {
	for i := range presets {
		if presetParams[i].Equal(p) {
			return presets[i], true
		}
	}
	return Preset{}, false
}

// Diff returns the ids of the inputs whose values differ between p and q,
// in the order of Specs.
func (p *Params) Diff(q *Params) []string {
	var ids []string
	for i := range specs {
		if !specs[i].field.same(p, q) {
			ids = append(ids, specs[i].ID)
		}
	}
	return ids
}
