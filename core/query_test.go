package core

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
)

// n writes an expected notice; used "-" stands for null.
func n(key, given, used, reason string) Notice {
	no := Notice{Key: key, Given: given, Reason: reason}
	if used != "-" {
		no.Used = &used
	}
	return no
}

func noticeString(ns []Notice) string {
	var b strings.Builder
	for _, x := range ns {
		used := "null"
		if x.Used != nil {
			used = fmt.Sprintf("%q", *x.Used)
		}
		fmt.Fprintf(&b, "{%q %q %s %s} ", x.Key, x.Given, used, x.Reason)
	}
	return b.String()
}

func TestParseQueryNotices(t *testing.T) {
	for _, c := range []struct {
		query     string
		notices   []Notice
		canonical string // EncodeQuery of the inputs used
	}{
		{"", nil, ""},
		{"&&&", nil, ""},
		// Unknown keys: used is null. Keys are case-sensitive.
		{"nonsense=1", []Notice{n("nonsense", "1", "-", ReasonUnknown)}, ""},
		{"AWS.VALUE=1", []Notice{n("AWS.VALUE", "1", "-", ReasonUnknown)}, ""},
		{"=5", []Notice{n("", "5", "-", ReasonUnknown)}, ""},
		{"%zz=1", []Notice{n("%zz", "1", "-", ReasonUnknown)}, ""}, // a key that cannot be unescaped
		// The page's own keys are not the model's: the page strips them
		// before it parses; here they are unknown.
		{"embed=1&lang", []Notice{n("embed", "1", "-", ReasonUnknown), n("lang", "", "-", ReasonUnknown)}, ""},
		// A choice: one of six words, case-sensitive, spaces trimmed.
		{"x1.supplier=google", nil, "x1.supplier=google"},
		{"x1.supplier=%20aws%20", nil, "x1.supplier=aws"},
		{"x1.supplier=Google", []Notice{n("x1.supplier", "Google", "other", ReasonMalformed)}, ""},
		{"x2.supplier=", []Notice{n("x2.supplier", "", "other", ReasonMalformed)}, ""},
		{"x3.supplier=%3Cb%3E", []Notice{n("x3.supplier", "<b>", "other", ReasonMalformed)}, ""},
		{"x1.supplier=aws&x1.supplier=oracle", []Notice{n("x1.supplier", "oracle", "aws", ReasonDuplicate)}, "x1.supplier=aws"},
		{"x1.value=5&x1.gb300=101&google.mw=-1", []Notice{n("x1.gb300", "101", "100", ReasonOutOfRange), n("google.mw", "-1", "0", ReasonOutOfRange)}, "x1.value=5"},
		// Malformed numbers: the default is used.
		{"aws.value=abc", []Notice{n("aws.value", "abc", "38", ReasonMalformed)}, ""},
		{"aws.value", []Notice{n("aws.value", "", "38", ReasonMalformed)}, ""},
		{"aws.value=", []Notice{n("aws.value", "", "38", ReasonMalformed)}, ""},
		{"aws.value=%zz", []Notice{n("aws.value", "%zz", "38", ReasonMalformed)}, ""},
		{"p200=NaN&p300=Inf&kw200=0x10&kw300=1%2C5", []Notice{
			n("p200", "NaN", "3.5", ReasonMalformed), n("p300", "Inf", "4", ReasonMalformed),
			n("kw200", "0x10", "120", ReasonMalformed), n("kw300", "1,5", "135", ReasonMalformed),
		}, ""},
		// Accepted numbers: surrounding spaces ('+' is a space in a query),
		// a literal leading '+' (%2B), exponents, 12.0 for a whole number.
		{"aws.value=+38.5+&oracle.value=%2B1e2&aws.term=12.0&oracle.term=1.2e1", nil,
			"aws.value=38.5&oracle.value=100&aws.term=12&oracle.term=12"},
		// Whole numbers with a fraction are malformed.
		{"aws.term=12.5&stargate.delay=0.5&mc.n=1000.1&mc.seed=1e-1", []Notice{
			n("aws.term", "12.5", "84", ReasonMalformed), n("stargate.delay", "0.5", "0", ReasonMalformed),
			n("mc.n", "1000.1", "1000", ReasonMalformed), n("mc.seed", "1e-1", "1", ReasonMalformed),
		}, ""},
		// Flags: only 0 and 1.
		{"aws.on=yes&oracle.on=2&microsoft.on=+1&coreweave.on=0", []Notice{
			n("aws.on", "yes", "1", ReasonMalformed), n("oracle.on", "2", "1", ReasonMalformed),
			n("microsoft.on", " 1", "1", ReasonMalformed),
		}, "coreweave.on=0"},
		// Months: only YYYY-MM with month 01–12; a well-formed month out of
		// range is clamped to 2023-01..2039-12.
		{"aws.start=2025-13&oracle.start=2025-1&microsoft.start=2025/01&coreweave.start=%202025-04", []Notice{
			n("aws.start", "2025-13", "2025-11", ReasonMalformed), n("oracle.start", "2025-1", "2027-01", ReasonMalformed),
			n("microsoft.start", "2025/01", "2026-01", ReasonMalformed), n("coreweave.start", " 2025-04", "2025-04", ReasonMalformed),
		}, ""},
		{"aws.start=2019-05&oracle.start=2040-01&microsoft.start=2023-01", []Notice{
			n("aws.start", "2019-05", "2023-01", ReasonOutOfRange), n("oracle.start", "2040-01", "2039-12", ReasonOutOfRange),
		}, "aws.start=2023-01&oracle.start=2039-12&microsoft.start=2023-01"},
		// Out of range: clamped, the bound is used.
		{"oai.growth=999&aws.value=2500&oracle.value=-1&pue=0.5&capex.growth=-60&mc.seed=4294967296&mc.n=99", []Notice{
			n("oai.growth", "999", "300", ReasonOutOfRange), n("aws.value", "2500", "2000", ReasonOutOfRange),
			n("oracle.value", "-1", "0", ReasonOutOfRange), n("pue", "0.5", "1", ReasonOutOfRange),
			n("capex.growth", "-60", "-50", ReasonOutOfRange), n("mc.seed", "4294967296", "4294967295", ReasonOutOfRange),
			n("mc.n", "99", "100", ReasonOutOfRange),
		}, "aws.value=2000&oracle.value=0&pue=1&oai.growth=300&capex.growth=-50&mc.n=100&mc.seed=4294967295"},
		{"aws.term=0&aws.ramp=61&stargate.delay=1e3", []Notice{
			n("aws.term", "0", "1", ReasonOutOfRange), n("aws.ramp", "61", "60", ReasonOutOfRange),
			n("stargate.delay", "1e3", "48", ReasonOutOfRange),
		}, "aws.term=1&aws.ramp=60&stargate.delay=48"},
		// Range bounds themselves are in range.
		{"aws.value=0&oracle.value=2000&p200=0.5&p300=20&capex.growth=-50&mc.seed=4294967295", nil,
			"aws.value=0&oracle.value=2000&p200=0.5&p300=20&capex.growth=-50&mc.seed=4294967295"},
		// Duplicates: the first value counts, each later one gives a notice
		// with the value in use.
		{"aws.value=50&aws.value=60&aws.value=70", []Notice{
			n("aws.value", "60", "50", ReasonDuplicate), n("aws.value", "70", "50", ReasonDuplicate),
		}, "aws.value=50"},
		{"aws.value=x&aws.value=60", []Notice{
			n("aws.value", "x", "38", ReasonMalformed), n("aws.value", "60", "38", ReasonDuplicate),
		}, ""},
		{"oai.growth=999&oai.growth=10", []Notice{
			n("oai.growth", "999", "300", ReasonOutOfRange), n("oai.growth", "10", "300", ReasonDuplicate),
		}, "oai.growth=300"},
		{"aws.start=2026-02&aws.start=2026-03", []Notice{n("aws.start", "2026-03", "2026-02", ReasonDuplicate)}, "aws.start=2026-02"},
		// Notices come in query order, whatever the reason.
		{"nonsense=1&oai.growth=999&aws.value=abc&oai.growth=5&x", []Notice{
			n("nonsense", "1", "-", ReasonUnknown), n("oai.growth", "999", "300", ReasonOutOfRange),
			n("aws.value", "abc", "38", ReasonMalformed), n("oai.growth", "5", "300", ReasonDuplicate),
			n("x", "", "-", ReasonUnknown),
		}, "oai.growth=300"},
		// The given text is kept as given, markup included.
		{"note=%3Cscript%3Ealert(1)%3C%2Fscript%3E", []Notice{n("note", "<script>alert(1)</script>", "-", ReasonUnknown)}, ""},
	} {
		t.Run(describe(c.query), func(t *testing.T) {
			p, got := ParseQuery(c.query)
			if noticeString(got) != noticeString(c.notices) {
				t.Errorf("notices\n got %s\nwant %s", noticeString(got), noticeString(c.notices))
			}
			if enc := EncodeQuery(&p); enc != c.canonical {
				t.Errorf("inputs used %q, want %q", enc, c.canonical)
			}
			checkQuery(t, c.query) // the fuzz oracle agrees
		})
	}
}

func TestParseQueryValues(t *testing.T) {
	p := mustQuery(t, "aws.value=38.5&aws.start=2026-02&aws.term=36&aws.ramp=0&aws.gb300=12.5&aws.on=0&pue=1.37&mc.seed=4294967295&oai.cash=0.01")
	d := p.Deals[0]
	if !d.Value.Equal(dec("38.5")) || d.Start != MonthOf(2026, 2) || d.Term != 36 || d.Ramp != 0 || d.GB300 != 12.5 || d.On {
		t.Errorf("AWS inputs %+v", d)
	}
	if p.PUE != 1.37 || p.MCSeed != 4294967295 || !p.Cash.Equal(dec("0.01")) {
		t.Errorf("pue %v seed %v cash %v", p.PUE, p.MCSeed, p.Cash)
	}
	// Everything else at its default.
	q := Defaults()
	q.Deals[0], q.PUE, q.MCSeed, q.Cash = p.Deals[0], p.PUE, p.MCSeed, p.Cash
	if !p.Equal(&q) {
		t.Errorf("other inputs moved: %q", EncodeQuery(&p))
	}
	q.Fade++
	if p.Equal(&q) {
		t.Error("Params.Equal misses a different oai.fade")
	}
}

func TestNoticeGivenIsEscapedInJSON(t *testing.T) {
	p, notices := ParseQuery("note=%3Cb%3E%26%22")
	out, err := ExportJSON(Evaluate(p, notices), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte(`"given": "\u003cb\u003e\u0026\""`)) {
		t.Errorf("the given text is not escaped as JSON with HTML escaping:\n%s", out[:min(len(out), 2000)])
	}
}

func TestEncodeQuery(t *testing.T) {
	p := Defaults()
	if got := EncodeQuery(&p); got != "" {
		t.Errorf("base case: %q", got)
	}
	// Table order, not the order the inputs were set in; defaults left out.
	spec(t, "mc.n").Set(&p, dec("500"))
	spec(t, "pue").Set(&p, dec("1.3"))
	spec(t, "aws.value").Set(&p, dec("38.50"))
	spec(t, "aws.start").Set(&p, dec(fmt.Sprint(int(MonthOf(2026, 2)))))
	spec(t, "oracle.on").Set(&p, dec("0"))
	spec(t, "oai.growth").Set(&p, dec("80")) // the default: left out
	want := "aws.value=38.5&aws.start=2026-02&oracle.on=0&pue=1.3&mc.n=500"
	if got := EncodeQuery(&p); got != want {
		t.Errorf("EncodeQuery = %q, want %q", got, want)
	}
}

// checkCanonical checks that EncodeQuery(p) lists exactly the inputs that
// differ from their defaults, in table order, and reads back as p.
func checkCanonical(t *testing.T, p *Params) {
	t.Helper()
	enc := EncodeQuery(p)
	last := -1
	var listed int
	if enc != "" {
		for _, part := range strings.Split(enc, "&") {
			k, v, _ := strings.Cut(part, "=")
			i := Index(k)
			if i <= last {
				t.Fatalf("EncodeQuery = %q: %s out of table order", enc, k)
			}
			last = i
			s := &specs[i]
			uv, err := url.QueryUnescape(v)
			if err != nil {
				t.Fatalf("EncodeQuery = %q: %s", enc, err)
			}
			d, err := s.Parse(uv)
			if err != nil || d.Equal(s.Default) || !d.Equal(s.Get(p)) {
				t.Fatalf("EncodeQuery = %q: %s=%s (default %s, value %s)", enc, k, uv, s.Default, s.Get(p))
			}
			listed++
		}
	}
	var differ int
	for i := range specs {
		if !specs[i].Get(p).Equal(specs[i].Default) {
			differ++
		}
	}
	if listed != differ {
		t.Fatalf("EncodeQuery = %q lists %d inputs, %d differ from their defaults", enc, listed, differ)
	}
	back, notices := ParseQuery(enc)
	if len(notices) != 0 || !back.Equal(p) {
		t.Fatalf("ParseQuery(%q) = %q, notices %v", enc, EncodeQuery(&back), notices)
	}
}

func TestEncodeParseRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	n := randomCount(10_000)
	for i := range n {
		share := 0.0 // on the Step grid
		if i%3 == 0 {
			share = 0.3 // some inputs off the grid, with up to 6 decimals
		}
		p := randomParams(r, share)
		checkCanonical(t, &p)
	}
	// Each input alone at its bounds.
	for i := range specs {
		for _, v := range []string{specs[i].Min.String(), specs[i].Max.String()} {
			p := Defaults()
			specs[i].Set(&p, dec(v))
			checkCanonical(t, &p)
		}
	}
}

// TestParseQueryRandom throws queries assembled from real keys, unknown
// keys, view keys and awkward values at ParseQuery, and checks each against
// the oracle of the fuzz test: no panic, the right notices in query order,
// the first value of a key counts, the canonical query reads back.
func TestParseQueryRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	values := []string{"", "0", "1", "-1", "12", "12.0", "12.5", "1e3", "1e-3", "+5", "%2B5", "abc", "NaN", "Inf", "0x10",
		"2025-11", "2019-01", "2045-12", "2025-13", "2025-1", "99999999999", "0.000000000001", "%zz", "%20%207%20", "1%2C5",
		"4294967296", "-0", "3.14159265358979323846", "%3Cscript%3E", "aws", "google", "Google", "other", "%20oracle"}
	keys := []string{"nonsense", "embed", "lang", "AWS.VALUE", "", "%zz", "aws.value%", "X1.supplier"}
	for i := range specs {
		keys = append(keys, specs[i].ID)
	}
	for range randomCount(10_000) {
		var parts []string
		for range r.IntN(12) {
			k := keys[r.IntN(len(keys))]
			switch r.IntN(10) {
			case 0:
				parts = append(parts, k) // no '='
			case 1:
				parts = append(parts, "") // an empty part
			default:
				parts = append(parts, k+"="+values[r.IntN(len(values))])
			}
		}
		checkQuery(t, strings.Join(parts, "&"))
	}
}

func TestSpecTable(t *testing.T) {
	// MODEL.md §10 and §14 hold 75 inputs: 4 deals × 6 (value, start,
	// term, ramp, gb300, on) + aws.ext + 3 slots × 6 (value, supplier,
	// start, term, ramp, gb300) + 5 power (p200, p300, kw200, kw300, pue) +
	// 5 pools + 3 Stargate + 6 OpenAI + 4 capex + 3 capex curve (growth,
	// fade, multiple) + 2 AI revenue + 4 Monte Carlo.
	if got, want := len(specs), 4*6+1+3*6+5+5+3+6+4+3+2+4; got != want {
		t.Errorf("%d inputs, want %d", got, want)
	}
	for i := range specs {
		s := &specs[i]
		if Index(s.ID) != i {
			t.Errorf("Index(%q) = %d, want %d", s.ID, Index(s.ID), i)
		}
		if s.Default.LessThan(s.Min) || s.Default.GreaterThan(s.Max) || s.Min.GreaterThan(s.Max) {
			t.Errorf("%s: default %s outside [%s, %s]", s.ID, s.Default, s.Min, s.Max)
		}
		if s.Step.Sign() <= 0 {
			t.Errorf("%s: step %s", s.ID, s.Step)
		}
		// Spec.Set clamps.
		p := Defaults()
		s.Set(&p, s.Max.Add(dec("1")))
		if !s.Get(&p).Equal(s.Max) {
			t.Errorf("%s: Set above the range gives %s", s.ID, s.Get(&p))
		}
		// Each input has a place of its own in Params: moving it moves no
		// other, and comparing sees it.
		p = Defaults()
		v := s.Max
		if s.Default.Equal(v) {
			v = s.Min
		}
		s.Set(&p, v)
		base := Defaults()
		for j := range specs {
			if moved := !specs[j].field.same(&p, &base); moved != (i == j) {
				t.Errorf("setting %s to %s: %s moved = %v", s.ID, v, specs[j].ID, moved)
			}
		}
	}
	if Index("no.such") != -1 {
		t.Error("Index of an unknown id")
	}
}
