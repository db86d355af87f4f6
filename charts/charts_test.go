package charts

import (
	"bytes"

	chart "github.com/wcharczuk/go-chart/v2"
	"strings"
	"testing"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"
)

// TestRenderAll draws every chart of the base case and of an extreme
// scenario and checks each is one SVG element with its title.
func TestRenderAll(t *testing.T) {
	c := i18n.For(format.English)
	for _, q := range []string{"", "microsoft.on=0&oracle.on=0&aws.on=0&coreweave.on=0", "oai.growth=300&oai.fade=0&stargate.capex=0"} {
		p, n := core.ParseQuery(q)
		r := core.Evaluate(p, n)
		risk := core.Analyze(r)
		for _, id := range All() {
			for _, rk := range []*core.Risk{nil, &risk} {
				svg, err := Render(id, r, rk, c)
				if err != nil {
					t.Fatalf("%q %s: %v", q, id, err)
				}
				if !strings.HasPrefix(svg, "<svg") || !strings.HasSuffix(svg, "</svg>") {
					t.Fatalf("%q %s: not one SVG element", q, id)
				}
				if !strings.Contains(svg, escape(Title(id, c))) {
					t.Errorf("%q %s: title missing", q, id)
				}
				if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
					t.Errorf("%q %s: NaN or Inf in SVG", q, id)
				}
			}
		}
	}
}

func BenchmarkRender(b *testing.B) {
	c := i18n.For(format.English)
	r := core.Evaluate(core.Defaults(), nil)
	risk := core.Analyze(r)
	pt := NewPainter() // as the page draws: faces shared between charts
	for _, id := range All() {
		b.Run(string(id), func(b *testing.B) {
			for range b.N {
				if _, _, err := pt.Render(id, r, &risk, c, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestMeasuringSVGMatchesGoChart checks that the cached-face renderer draws
// exactly what go-chart's own SVG renderer draws.
func TestMeasuringSVGMatchesGoChart(t *testing.T) {
	c := i18n.For(format.English)
	r := core.Evaluate(core.Defaults(), nil)
	risk := core.Analyze(r)
	shared := faces{} // reused from chart to chart, as a Painter does
	for i, g := range []chart.Chart{obligations(r, c), cash(r, &risk, c), hhi(r, c), sites(r, c)} {
		var want, got bytes.Buffer
		if err := g.Render(chart.SVG, &want); err != nil {
			t.Fatal(err)
		}
		if err := g.Render(svgWith(shared), &got); err != nil {
			t.Fatal(err)
		}
		if want.String() != got.String() {
			t.Errorf("chart %d: the cached renderer draws differently", i)
		}
	}
}

// TestRenderChanged checks that a chart is redrawn exactly when what it
// shows changes: moving capex growth changes the revenue gap chart only.
func TestRenderChanged(t *testing.T) {
	c := i18n.For(format.English)
	base := core.Evaluate(core.Defaults(), nil)
	p := core.Defaults()
	p.CapexGrowth = 40
	moved := core.Evaluate(p, nil)
	pt := NewPainter()
	for _, id := range All() {
		svg, key, err := pt.Render(id, base, nil, c, 0)
		if err != nil || svg == "" || key == 0 {
			t.Fatalf("%s: first draw: %v, %d bytes, key %d", id, err, len(svg), key)
		}
		again, key2, _ := pt.Render(id, base, nil, c, key)
		if again != "" || key2 != key {
			t.Errorf("%s: redrawn although nothing changed", id)
		}
		svg3, key3, _ := pt.Render(id, moved, nil, c, key)
		if changed := svg3 != ""; changed != (id == Gap) {
			t.Errorf("%s: redrawn = %v after capex growth moved (key %d → %d)", id, changed, key, key3)
		}
	}
}
