package core

import "testing"

// TestPresets checks MODEL.md §15's presets: each query reads without a
// notice, is recognised back, and says what the table says.
func TestPresets(t *testing.T) {
	seen := map[string]bool{}
	for _, pr := range Presets() {
		if seen[pr.ID] || pr.ID == "" || len(pr.Facts) == 0 || pr.Confidence == "" {
			t.Errorf("preset %+v", pr)
		}
		seen[pr.ID] = true
		p, notices := ParseQuery(pr.Query)
		if len(notices) != 0 {
			t.Errorf("%s: notices %+v", pr.ID, notices)
		}
		if got, ok := PresetOf(&p); !ok || got.ID != pr.ID {
			t.Errorf("%s: recognised as %q %v", pr.ID, got.ID, ok)
		}
		if back, _ := ParseQuery(EncodeQuery(&p)); !back.Equal(&p) {
			t.Errorf("%s: the canonical query %q reads back otherwise", pr.ID, EncodeQuery(&p))
		}
	}
	if len(seen) < 6 {
		t.Errorf("%d presets, MODEL.md §15 lists 6", len(seen))
	}
	// The Mid-2026 update: five deals with an AWS slot and a Cerebras-like
	// other slot on 750 MW of its own.
	p, _ := ParseQuery(Presets()[1].Query)
	l := BuildLedger(&p)
	if len(l.Deals) != 6 || p.PoolMW[4] != 750 || p.CapexGrowth != 85 || !p.Rev2025.Equal(dec("13.07")) {
		t.Errorf("mid-2026: %d deals, other %v MW, capex growth %v, revenue %s", len(l.Deals), p.PoolMW[4], p.CapexGrowth, p.Rev2025)
	}
	base := Defaults()
	// x2.supplier=other is its default: 11 inputs move.
	if d := p.Diff(&base); len(d) != 11 {
		t.Errorf("mid-2026 differs from the base case in %d inputs: %v", len(d), d)
	}
	q := Defaults()
	if _, ok := PresetOf(&q); !ok {
		t.Error("the base case is the article preset")
	}
	q.Growth = 81
	if _, ok := PresetOf(&q); ok {
		t.Error("a moved base case is still a preset")
	}
}
