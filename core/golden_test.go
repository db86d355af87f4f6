package core

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Golden JSON exports. Regenerate them, after checking why they changed,
// with
//
//	go test ./core -run Golden -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var goldenCases = []struct{ name, query string }{
	{"base", ""},
	{"aws-ext-stargate-delay", "aws.value=60&aws.ext=20&stargate.delay=12"},
	{"growth-without-microsoft", "oai.growth=150&oai.fade=5&microsoft.on=0"},
	{"stargate-prices-mc", "stargate.capex=200&p200=2.5&p300=3&pue=1.4&mc.n=500&mc.seed=7"},
	{"notices", "aws.value=abc&oai.growth=999&nonsense=1"},
	// A query notice followed by the model's own (the dropped extension).
	{"dropped-extension", "aws.ext=10&aws.start=2024-01&aws.term=12&aws.term=24&mc.n=200"},
	// MODEL.md §14: an extra deal with AWS (the worked values).
	{"extra-deal-aws", "x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96&mc.n=300"},
	// The Mid-2026 update preset of MODEL.md §15.
	{"mid-2026", "x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96&x2.value=20&x2.supplier=other&x2.start=2026-01&x2.term=36&x2.ramp=6&other.mw=750&oai.rev2025=13.07&capex.growth=85&mc.n=300"},
	// Three slots: two Google deals that count together, an other slot that
	// counts alone, a supplier word in the wrong case, Google capacity.
	{"extra-deals-mixed", "x1.value=40&x1.supplier=google&x2.value=25.5&x2.supplier=google&x2.start=2028-06&x2.ramp=0&x3.value=10&x3.supplier=Other&google.mw=900&mc.n=200"},
}

// export returns the full JSON export of a query, risk included, as the
// page and the native build produce it.
func export(t testing.TB, query string) []byte {
	t.Helper()
	p, notices := ParseQuery(query)
	r := Evaluate(p, notices)
	risk := Analyze(r)
	out, err := ExportJSON(r, &risk)
	if err != nil {
		t.Fatalf("%s: ExportJSON: %v", describe(query), err)
	}
	return out
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			got := export(t, c.query)
			path := filepath.Join("testdata", "golden", c.name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./core -run Golden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("%s differs from %s at line %d:\n got %s\nwant %s", describe(c.query), path, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("%s: %d lines, %s has %d", describe(c.query), len(gl), path, len(wl))
			}
		})
	}
}

// jsonNode is a JSON value with its object keys in document order.
type jsonNode struct {
	kind  byte // '{', '[', 's' string, 'n' number, 'b' bool, '0' null
	keys  []string
	elems []*jsonNode
	text  string
}

func decodeNode(d *json.Decoder) (*jsonNode, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch v := tok.(type) {
	case json.Delim:
		n := &jsonNode{kind: byte(v)}
		for d.More() {
			if v == '{' {
				k, err := d.Token()
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k.(string))
			}
			e, err := decodeNode(d)
			if err != nil {
				return nil, err
			}
			n.elems = append(n.elems, e)
		}
		if _, err := d.Token(); err != nil { // the closing delimiter
			return nil, err
		}
		return n, nil
	case string:
		return &jsonNode{kind: 's', text: v}, nil
	case json.Number:
		return &jsonNode{kind: 'n', text: string(v)}, nil
	case bool:
		return &jsonNode{kind: 'b'}, nil
	case nil:
		return &jsonNode{kind: '0'}, nil
	}
	return nil, fmt.Errorf("token %v", tok)
}

func parseNode(t *testing.T, b []byte) *jsonNode {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	n, err := decodeNode(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Token(); err != io.EOF {
		t.Fatalf("trailing data after the export: %v", err)
	}
	return n
}

// keyShape writes the key structure of n: an object as {k1 k2{…} k3[…]},
// an array as […] with the structure its elements share (an error when
// they differ); scalars leave no trace.
func keyShape(n *jsonNode) (string, error) {
	switch n.kind {
	case '{':
		var parts []string
		for i, k := range n.keys {
			s, err := keyShape(n.elems[i])
			if err != nil {
				return "", fmt.Errorf("%s: %w", k, err)
			}
			parts = append(parts, k+s)
		}
		return "{" + strings.Join(parts, " ") + "}", nil
	case '[':
		shape := ""
		for i, e := range n.elems {
			s, err := keyShape(e)
			if err != nil {
				return "", err
			}
			if i > 0 && s != shape {
				return "", fmt.Errorf("element %d is %s, element 0 %s", i, s, shape)
			}
			shape = s
		}
		return "[" + shape + "]", nil
	}
	return "", nil
}

func (n *jsonNode) get(path ...string) *jsonNode {
	for _, k := range path {
		found := false
		for i, key := range n.keys {
			if key == k {
				n, found = n.elems[i], true
				break
			}
		}
		if !found {
			return nil
		}
	}
	return n
}

// TestGoldenStructure checks the base golden file against MODEL.md §11
// (keys and their order, written out here from the specification) and §12
// (1-space indentation, lengths, money as strings with two decimals).
func TestGoldenStructure(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "golden", "base.json"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("golden", func(t *testing.T) { checkStructure(t, b) })
	t.Run("fresh", func(t *testing.T) { checkStructure(t, export(t, "")) })
}

func checkStructure(t *testing.T, b []byte) {
	// §10, in table order, deal rows expanded aws, oracle, microsoft,
	// coreweave; §14's slots after aws.ext, its pools after coreweave.mw.
	var inputs []string
	for _, field := range []string{"value", "start", "term", "ramp", "gb300", "on"} {
		for _, d := range []string{"aws", "oracle", "microsoft", "coreweave"} {
			inputs = append(inputs, d+"."+field)
		}
	}
	inputs = append(inputs, "aws.ext")
	for _, x := range []string{"x1", "x2", "x3"} {
		for _, field := range []string{"value", "supplier", "start", "term", "ramp", "gb300"} {
			inputs = append(inputs, x+"."+field)
		}
	}
	inputs = append(inputs, "p200", "p300", "kw200", "kw300", "pue", "aws.mw", "azure.mw", "coreweave.mw", "google.mw", "other.mw",
		"stargate.capex", "stargate.perGW", "stargate.delay", "oai.rev2025", "oai.runrate", "oai.growth", "oai.fade",
		"oai.opex", "oai.cash", "capex.microsoft", "capex.alphabet", "capex.amazon", "capex.meta", "capex.growth",
		"capex.fade", "capex.multiple", "ai.revenue", "ai.growth", "mc.n", "mc.seed", "mc.spread", "mc.delay")
	var years []string
	for y := 2026; y <= 2039; y++ {
		years = append(years, fmt.Sprint(y))
	}
	byYear := "{" + strings.Join(years, " ") + "}"
	want := "{" + strings.Join([]string{
		"inputs{" + strings.Join(inputs, " ") + "}",
		"notices[]",
		"months[]",
		"deals[{id supplier total obligations[] gpus[] gpus_gb200[] gpus_gb300[] racks_gb200[] racks_gb300[] unplaced_racks[] unplaced_gpus[]}]",
		"monthly{obligations[] gpus[] racks[] it_mw[] facility_mw[] unplaced_gpus[] stranded_mw[] revenue[] net[] cash[]}",
		"sites[{id pool available_mw[] used_mw[]}]",
		"yearly[{year obligations revenue net coverage cash_end hhi capex{microsoft alphabet amazon meta} capex_total required_revenue ai_revenue revenue_gap}]",
		"summary{cash_out_month funding_need break_even_year peak_gpus peak_facility_mw}",
		"risk{montecarlo{n seed cash_p10" + byYear + " cash_p50" + byYear + " cash_p90" + byYear +
			" p_cash_out_before_2030 p_break_even_by_2030 unplaced_gpus_peak_p50 unplaced_gpus_peak_p90}" +
			" tornado[{id low high need_low need_high swing}] goal_seek_growth}",
	}, " ") + "}"
	root := parseNode(t, b)
	got, err := keyShape(root)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		gw, ww := strings.Fields(got), strings.Fields(want)
		for i := range min(len(gw), len(ww)) {
			if gw[i] != ww[i] {
				t.Fatalf("key structure differs at word %d: got %q, want %q\n got %s\nwant %s", i, gw[i], ww[i], got, want)
			}
		}
		t.Fatalf("key structure\n got %s\nwant %s", got, want)
	}
	if !bytes.HasPrefix(b, []byte("{\n \"inputs\": {\n  \"aws.value\": 38,\n")) {
		t.Errorf("not 1-space indented JSON: %q", b[:40])
	}

	// Lengths and kinds.
	money := regexp.MustCompile(`^-?[0-9]+\.[0-9]{2}$`)
	check := func(what string, n *jsonNode, kind byte, length int) {
		t.Helper()
		if n == nil || n.kind != kind || (length >= 0 && len(n.elems) != length) {
			t.Errorf("%s: %+v, want kind %c with %d elements", what, n, kind, length)
		}
	}
	isMoney := func(what string, n *jsonNode) {
		t.Helper()
		if n == nil || n.kind != 's' || !money.MatchString(n.text) {
			t.Errorf("%s: %+v is not a money string", what, n)
		}
	}
	check("months", root.get("months"), '[', 180)
	if m := root.get("months"); m.elems[0].text != "2025-01" || m.elems[179].text != "2039-12" {
		t.Errorf("months %s..%s", m.elems[0].text, m.elems[179].text)
	}
	check("notices", root.get("notices"), '[', 0)
	check("deals", root.get("deals"), '[', 4)
	check("sites", root.get("sites"), '[', 12)
	check("yearly", root.get("yearly"), '[', 15)
	check("tornado", root.get("risk", "tornado"), '[', 57)
	for _, d := range root.get("deals").elems {
		isMoney("deal total", d.get("total"))
		for _, k := range d.keys[3:] {
			check("deal "+k, d.get(k), '[', 180)
		}
		for _, o := range d.get("obligations").elems {
			isMoney("obligation", o)
		}
	}
	for _, k := range root.get("monthly").keys {
		check("monthly "+k, root.get("monthly", k), '[', 180)
	}
	for i, c := range root.get("monthly", "cash").elems {
		if (i < 11) != (c.kind == '0') {
			t.Errorf("monthly cash %d: %+v (null before 2025-12 only)", i, c)
		}
		if i >= 11 {
			isMoney("cash", c)
		}
	}
	for _, s := range root.get("sites").elems {
		check("available_mw", s.get("available_mw"), '[', 180)
		check("used_mw", s.get("used_mw"), '[', 180)
	}
	for _, y := range root.get("yearly").elems {
		for _, k := range []string{"obligations", "revenue", "net", "cash_end"} {
			isMoney("yearly "+k, y.get(k))
		}
		for _, k := range []string{"year", "capex_total", "required_revenue", "ai_revenue", "revenue_gap"} {
			check("yearly "+k, y.get(k), 'n', 0)
		}
	}
	isMoney("funding_need", root.get("summary", "funding_need"))
	for _, k := range []string{"cash_p10", "cash_p50", "cash_p90"} {
		for _, v := range root.get("risk", "montecarlo", k).elems {
			isMoney(k, v)
		}
	}
	for _, row := range root.get("risk", "tornado").elems {
		for _, k := range []string{"need_low", "need_high", "swing"} {
			isMoney("tornado "+k, row.get(k))
		}
	}

	// The base golden carries the worked values of MODEL.md §13.
	for _, c := range []struct {
		path []string
		want string
	}{
		{[]string{"summary", "cash_out_month"}, "2027-09"},
		{[]string{"summary", "funding_need"}, "115008809821.17"},
		{[]string{"summary", "break_even_year"}, "2030"},
		{[]string{"summary", "peak_gpus"}, "3414893"},
		{[]string{"risk", "montecarlo", "cash_p50", "2030"}, "-104608568309.33"},
		{[]string{"risk", "montecarlo", "p_break_even_by_2030"}, "0.632"},
		{[]string{"risk", "goal_seek_growth"}, "152.49"},
		{[]string{"inputs", "coreweave.value"}, "22.4"},
		{[]string{"inputs", "aws.start"}, "2025-11"},
		{[]string{"inputs", "p200"}, "3.5"},
	} {
		if n := root.get(c.path...); n == nil || n.text != c.want {
			t.Errorf("%s = %+v, want %s", strings.Join(c.path, "."), n, c.want)
		}
	}
	if got := root.get("deals").elems[1].get("obligations").elems[10].text; got != "35023041.47" {
		t.Errorf("AWS 2025-11 obligation %s", got)
	}
	if got := root.get("yearly").elems[1].get("hhi").text; got != "5485.6" {
		t.Errorf("2026 HHI %s", got)
	}
}

func TestGoldenNotices(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "golden", "notices.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := `"notices": [
  {
   "key": "aws.value",
   "given": "abc",
   "used": "38",
   "reason": "malformed"
  },
  {
   "key": "oai.growth",
   "given": "999",
   "used": "300",
   "reason": "out-of-range"
  },
  {
   "key": "nonsense",
   "given": "1",
   "used": null,
   "reason": "unknown"
  }
 ],`
	if !bytes.Contains(b, []byte(want)) {
		t.Errorf("notices.json lacks\n%s", want)
	}
	b, err = os.ReadFile(filepath.Join("testdata", "golden", "dropped-extension.json"))
	if err != nil {
		t.Fatal(err)
	}
	root := parseNode(t, b)
	var got []string
	for _, n := range root.get("notices").elems {
		got = append(got, n.get("key").text+"/"+n.get("reason").text)
	}
	if strings.Join(got, " ") != "aws.term/duplicate aws.ext/dropped" {
		t.Errorf("dropped-extension notices %v", got)
	}
}

// TestReportRoundTrip decodes every golden export into a Report and writes
// it again: the same bytes. Tests and tools outside core read the export
// with this one type.
func TestReportRoundTrip(t *testing.T) {
	for _, c := range goldenCases {
		b, err := os.ReadFile(filepath.Join("testdata", "golden", c.name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var rep Report
		if err := json.Unmarshal(b, &rep); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		again, err := rep.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, b) {
			t.Errorf("%s: decoded and written again, the export differs", c.name)
		}
	}
}
