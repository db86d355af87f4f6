package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"

	chart "github.com/wcharczuk/go-chart/v2"
)

// report returns the report of the scenario of query q, with its risk
// analysis when withRisk is true.
func report(t testing.TB, q string, withRisk bool) *core.Report {
	t.Helper()
	p, n := core.ParseQuery(q)
	r := core.Evaluate(p, n)
	if !withRisk {
		return core.NewReport(r, nil)
	}
	risk := core.Analyze(r)
	return core.NewReport(r, &risk)
}

// texts parses svg as XML and returns the text of every element in
// document order; it fails the test when svg is not well-formed.
func texts(t *testing.T, svg string) []string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	var out []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			if s := strings.TrimSpace(string(cd)); s != "" {
				out = append(out, s)
			}
		}
	}
}

// extra is a scenario with an extra deal signed with Google, whose pool
// has some power, and one with an other supplier, whose pool has none.
const extra = "x1.value=40&x1.supplier=google&google.mw=500&x2.value=10"

// TestRenderAll draws every chart of several scenarios, with and without
// the risk analysis, in both languages, and checks each is one well-formed
// SVG element with its title and no NaN or Inf.
func TestRenderAll(t *testing.T) {
	queries := []string{"", "microsoft.on=0&oracle.on=0&aws.on=0&coreweave.on=0", "oai.growth=300&oai.fade=0&stargate.capex=0", extra}
	for _, q := range queries {
		reps := []*core.Report{report(t, q, false), report(t, q, true)}
		for _, lang := range []format.Lang{format.English, format.Italian} {
			c := i18n.For(lang)
			for _, id := range All() {
				for _, rep := range reps {
					svg, err := Render(id, rep, c)
					if err != nil {
						t.Fatalf("%q %s: %v", q, id, err)
					}
					if !strings.HasPrefix(svg, "<svg") || !strings.HasSuffix(svg, "</svg>") {
						t.Fatalf("%q %s: not one SVG element", q, id)
					}
					if !slices.Contains(texts(t, svg), Title(id, c)) {
						t.Errorf("%q %s %s: title missing", q, id, lang)
					}
					if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
						t.Errorf("%q %s: NaN or Inf in SVG", q, id)
					}
				}
			}
		}
	}
}

func BenchmarkRender(b *testing.B) {
	c := i18n.For(format.English)
	rep := report(b, "", true)
	pt := NewPainter() // as the page draws: faces shared between charts
	for _, id := range All() {
		b.Run(string(id), func(b *testing.B) {
			for range b.N {
				if _, _, err := pt.Render(id, rep, c, 0); err != nil {
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
	rep := report(t, "", true)
	shared := faces{} // reused from chart to chart, as a Painter does
	for i, g := range []chart.Chart{obligations(rep, nil, c), cash(rep, nil, c), hhi(rep, c), sites(rep, c), power(rep, c)} {
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
// shows changes: moving capex growth changes the revenue gap chart only,
// and the risk analysis arriving changes the cash and tornado charts only.
func TestRenderChanged(t *testing.T) {
	c := i18n.For(format.English)
	base := report(t, "", false)
	moved := report(t, "capex.growth=40", false)
	risky := report(t, "", true)
	pt := NewPainter()
	for _, id := range All() {
		svg, key, err := pt.Render(id, base, c, 0)
		if err != nil || svg == "" || key == 0 {
			t.Fatalf("%s: first draw: %v, %d bytes, key %d", id, err, len(svg), key)
		}
		again, key2, _ := pt.Render(id, base, c, key)
		if again != "" || key2 != key {
			t.Errorf("%s: redrawn although nothing changed", id)
		}
		svg3, key3, _ := pt.Render(id, moved, c, key)
		if changed := svg3 != ""; changed != (id == Gap) {
			t.Errorf("%s: redrawn = %v after capex growth moved (key %d → %d)", id, changed, key, key3)
		}
		svg4, _, _ := pt.Render(id, risky, c, key)
		if changed := svg4 != ""; changed != NeedsRisk(id) {
			t.Errorf("%s: redrawn = %v when the risk analysis arrived", id, changed)
		}
	}
}

// legend draws chart id of rep and returns its texts.
func legend(t *testing.T, id ID, rep *core.Report, c i18n.Catalog) []string {
	t.Helper()
	svg, err := Render(id, rep, c)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	return texts(t, svg)
}

// TestExtraDeals checks that Google and an other supplier appear in the
// obligations, power and unplaced charts when a scenario has deals with
// them, under the catalog's names, and that the base case shows neither.
func TestExtraDeals(t *testing.T) {
	withExtra, base := report(t, extra, false), report(t, "", false)
	for _, lang := range []format.Lang{format.English, format.Italian} {
		c := i18n.For(lang)
		google, other := c.T("pool.google"), c.T("pool.other")
		otherDeal := c.Deal("x2", core.PoolOther) // "Other (x2)", "Altro (x2)"
		want := map[ID][]string{
			Obligations: {"AWS", "Oracle", "Microsoft", "CoreWeave", "Google", otherDeal},
			Power:       {google, other, c.T("chart.power.available"), c.T("chart.power.needed")},
			Unplaced:    {google, other},
		}
		for id, labels := range want {
			got := legend(t, id, withExtra, c)
			for _, l := range labels {
				if !slices.Contains(got, l) {
					t.Errorf("%s %s: no legend entry %q in %q", lang, id, l, got)
				}
			}
		}
		for id, labels := range map[ID][]string{
			Obligations: {"Google", otherDeal, c.Deal("x1", core.PoolOther)},
			Power:       {google, other},
			Unplaced:    {google, other},
		} {
			got := legend(t, id, base, c)
			for _, l := range labels {
				if slices.Contains(got, l) {
					t.Errorf("%s %s: base case shows %q", lang, id, l)
				}
			}
		}
	}
	if got := i18n.For(format.Italian).Deal("x2", core.PoolOther); got != "Altro (x2)" {
		t.Errorf("Italian name of an other slot: %q", got)
	}
}

// powerLines finds a pool's lines in the power chart: the solid line
// named after the pool (available) and the unnamed dashed line of its
// colour (needed).
func powerLines(rep *core.Report, pool core.PoolID, c i18n.Catalog) (available, needed []float64) {
	for _, s := range power(rep, c).Series {
		cs, ok := s.(chart.ContinuousSeries)
		if !ok || cs.Style.StrokeColor != poolColor(pool) {
			continue
		}
		switch {
		case cs.Name == c.T("pool."+string(pool)) && len(cs.Style.StrokeDashArray) == 0:
			available = cs.YValues
		case cs.Name == "" && len(cs.Style.StrokeDashArray) > 0:
			needed = cs.YValues
		}
	}
	return available, needed
}

// TestPowerLines checks which lines of a pool the power chart draws: the
// available line with capacity or a deal, the needed line with a deal.
func TestPowerLines(t *testing.T) {
	c := i18n.For(format.English)
	for _, tc := range []struct {
		q                string
		available, needs bool
	}{
		{"", false, false},
		{"google.mw=500", true, false},                // capacity, no deal
		{"x1.value=5&x1.supplier=google", true, true}, // a deal, no capacity: its line at zero
		{extra, true, true},
	} {
		a, n := powerLines(report(t, tc.q, false), core.PoolGoogle, c)
		if (a != nil) != tc.available || (n != nil) != tc.needs {
			t.Errorf("%q: Google available shown %v, needed %v; want %v, %v", tc.q, a != nil, n != nil, tc.available, tc.needs)
		}
	}
}

// TestChartsReadTheReport checks that the charts plot the report's own
// figures: the power each pool needs and offers, and the suppliers'
// obligations.
func TestChartsReadTheReport(t *testing.T) {
	c := i18n.For(format.English)
	rep := report(t, extra, false)
	n := 0
	for _, pp := range rep.Pools {
		a, need := powerLines(rep, pp.Pool, c)
		for _, l := range []struct {
			got, want []float64
		}{{a, pp.Available}, {need, pp.Needed}} {
			if l.got == nil {
				continue
			}
			n++
			if !slices.Equal(l.got, l.want[:len(l.got)]) {
				t.Errorf("%s: the chart does not plot the report's figures", pp.Pool)
			}
		}
	}
	if n != 12 {
		t.Errorf("power chart: %d pool lines, want 12 (six pools, available and needed)", n)
	}

	var sum float64
	for _, s := range suppliers(rep, c) {
		for _, v := range s.layer {
			sum += v
		}
	}
	var want float64
	for _, o := range rep.Monthly.Obligations {
		want += o.Float64()
	}
	if d := sum - want; d > 1 || d < -1 {
		t.Errorf("suppliers' obligations sum to %.2f, the report's months to %.2f", sum, want)
	}
}

// TestColours checks that every supplier of a scenario with all of them,
// and every pool, has a colour of its own, and that the colours follow
// core's tables: a default deal pays the supplier its pool's choice names.
func TestColours(t *testing.T) {
	c := i18n.For(format.English)
	rep := report(t, "x1.value=40&x1.supplier=google&x2.value=10&x3.value=5", false)
	sup := suppliers(rep, c)
	var labels []string
	seen := map[string]string{}
	for _, s := range sup {
		labels = append(labels, s.label)
		hex := s.color.String()
		if prev, ok := seen[hex]; ok {
			t.Errorf("%s and %s share the colour %s", prev, s.label, hex)
		}
		seen[hex] = s.label
	}
	for _, l := range []string{"AWS", "Oracle", "Microsoft", "CoreWeave", "Google", "Other (x2)", "Other (x3)"} {
		if !slices.Contains(labels, l) {
			t.Errorf("no supplier %q in %q", l, labels)
		}
	}
	pools := map[string]core.PoolID{}
	for _, p := range core.PoolOrder() {
		hex := poolColor(p).String()
		if prev, ok := pools[hex]; ok {
			t.Errorf("pools %s and %s share the colour %s", prev, p, hex)
		}
		pools[hex] = p
	}
	for _, d := range core.DefaultDeals() {
		ch, ok := choiceOf(d.Pool)
		if !ok || ch.Supplier != d.Supplier {
			t.Errorf("deal %s: pool %s names supplier %q, want %q", d.ID, d.Pool, ch.Supplier, d.Supplier)
		}
	}
}

// TestTornado checks that the tornado chart waits for the risk analysis,
// then draws its ten largest swings under the catalog's labels.
func TestTornado(t *testing.T) {
	for _, lang := range []format.Lang{format.English, format.Italian} {
		c := i18n.For(lang)
		if got := legend(t, Tornado, report(t, extra, false), c); !slices.Contains(got, c.T("risk.updating")) {
			t.Errorf("%s: without the risk analysis the tornado shows %q", lang, got)
		}
		rep := report(t, extra, true)
		got := legend(t, Tornado, rep, c)
		if len(rep.Risk.Tornado) < TornadoRows {
			t.Fatalf("%d tornado rows", len(rep.Risk.Tornado))
		}
		for i, row := range rep.Risk.Tornado {
			if has := slices.Contains(got, c.Label(row.ID)); has != (i < TornadoRows) {
				t.Errorf("%s: row %d %s shown = %v", lang, i, row.ID, has)
			}
		}
	}
}

// TestCashBand checks that the cash chart draws the P10–P90 band and the
// P50 only with the risk analysis, and marks the cash-out month.
func TestCashBand(t *testing.T) {
	c := i18n.For(format.English)
	for _, withRisk := range []bool{false, true} {
		rep := report(t, "", withRisk)
		got := legend(t, Cash, rep, c)
		for _, l := range []string{c.T("chart.cash.band"), c.T("chart.cash.p50")} {
			if slices.Contains(got, l) != withRisk {
				t.Errorf("risk %v: legend %q shown = %v", withRisk, l, !withRisk)
			}
		}
		out := c.T("chart.cash.out", rep.Summary.CashOutMonth.String())
		if !slices.Contains(got, out) {
			t.Errorf("risk %v: no %q in %q", withRisk, out, got)
		}
	}
}

// TestPinnedOverlay draws scenario A as a dashed line over the
// obligations, cash and GPU charts, and nowhere else.
func TestPinnedOverlay(t *testing.T) {
	c := i18n.For(format.English)
	b := report(t, "x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96", false)
	a := report(t, "", false)
	p := NewPainter()
	for _, id := range All() {
		plain, _, err := p.Render(id, b, c, 0)
		if err != nil {
			t.Fatal(err)
		}
		p.Pinned = a
		over, _, err := p.Render(id, b, c, 0)
		p.Pinned = nil
		if err != nil {
			t.Fatal(err)
		}
		want := id == Obligations || id == Cash || id == GPUs
		if got := strings.Contains(over, "A (pinned)"); got != want {
			t.Errorf("%s: overlay shown %v, want %v", id, got, want)
		}
		if want == (plain == over) {
			t.Errorf("%s: the overlay changed the chart: %v", id, plain != over)
		}
	}
}

// TestDescribe gives every chart a text alternative with its key numbers,
// in both languages, with and without the risk analysis.
func TestDescribe(t *testing.T) {
	for _, withRisk := range []bool{false, true} {
		rep := report(t, "", withRisk)
		for _, lang := range []format.Lang{format.English, format.Italian} {
			c := i18n.For(lang)
			for _, id := range All() {
				s := Describe(id, rep, c)
				if s == "" || strings.Contains(s, "%!") || strings.HasPrefix(s, "alt.") {
					t.Errorf("%s %s risk=%v: %q", id, lang, withRisk, s)
				}
			}
		}
	}
	rep := report(t, "", true)
	en := i18n.For(format.English)
	for id, want := range map[ID]string{
		Cash:     "Cash runs out: 2027-09; the deepest deficit is $115.0B.",
		GPUs:     "GPUs in service peak at 3.41 M in 2027-12.",
		Unplaced: "GPUs without a site peak at 430 k in 2026-12.",
		HHI:      "Supplier HHI in 2027: 3,892, highly concentrated.",
		Tornado:  "The inputs that move the funding need most: OpenAI revenue growth, 2026",
	} {
		if got := Describe(id, rep, en); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want %q…", id, got, want)
		}
	}
}
