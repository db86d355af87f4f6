package core

import (
	"encoding/json"
	"errors"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// Fuzz targets. Their seeds (f.Add below and core/testdata/fuzz/<Name>/)
// run as ordinary tests; run one for real with, for example,
//
//	go test ./core -run '^$' -fuzz '^FuzzParseQuery$' -fuzztime 5m

// queryPart is one key=value part of a query as ParseQuery reads it.
type queryPart struct {
	key, val   string
	kerr, verr bool
}

// splitQuery splits a query the way MODEL.md §12 reads it: parts separated
// by '&', empty parts skipped, key and value unescaped (the raw text kept
// when an escape is invalid).
func splitQuery(q string) []queryPart {
	var out []queryPart
	for _, part := range strings.Split(q, "&") {
		if part == "" {
			continue
		}
		rk, rv, _ := strings.Cut(part, "=")
		qp := queryPart{key: rk, val: rv}
		if k, err := url.QueryUnescape(rk); err == nil {
			qp.key = k
		} else {
			qp.kerr = true
		}
		if v, err := url.QueryUnescape(rv); err == nil {
			qp.val = v
		} else {
			qp.verr = true
		}
		out = append(out, qp)
	}
	return out
}

// checkQuery checks ParseQuery(q) against an independent reading of MODEL.md
// §10 and §12: which parts give a notice, with what reason and what used
// text, in query order; the value each first occurrence sets; and that the
// canonical query gives back the same inputs.
func checkQuery(t *testing.T, q string) (Params, []Notice) {
	t.Helper()
	p, notices := ParseQuery(q)
	want := Defaults()
	seen := map[string]bool{}
	j := 0
	next := func(part queryPart, reason string, used *string) {
		t.Helper()
		if j >= len(notices) {
			t.Fatalf("query %q: part %q=%q: no notice, want %s", describe(q), part.key, part.val, reason)
		}
		n := notices[j]
		j++
		if n.Key != part.key || n.Given != part.val || n.Reason != reason {
			t.Fatalf("query %q: notice %d = %+v, want key %q given %q reason %s", describe(q), j-1, n, part.key, part.val, reason)
		}
		switch {
		case used == nil && n.Used != nil:
			t.Fatalf("query %q: notice %+v: used %q, want null", describe(q), n, *n.Used)
		case used != nil && (n.Used == nil || *n.Used != *used):
			t.Fatalf("query %q: notice %+v: used %v, want %q", describe(q), n, n.Used, *used)
		}
	}
	for _, part := range splitQuery(q) {
		i := Index(part.key)
		if i < 0 || part.kerr {
			next(part, ReasonUnknown, nil)
			continue
		}
		s := &specs[i]
		if seen[part.key] {
			used := s.Format(s.Get(&want))
			next(part, ReasonDuplicate, &used)
			continue
		}
		seen[part.key] = true
		v, err := s.Parse(part.val)
		if part.verr || err != nil {
			used := s.Format(s.Default)
			next(part, ReasonMalformed, &used)
			continue
		}
		if c := s.clamp(v); !c.Equal(v) {
			used := s.Format(c)
			next(part, ReasonOutOfRange, &used)
		}
		s.Set(&want, v)
	}
	if j != len(notices) {
		t.Fatalf("query %q: %d notices, want %d: extra %+v", describe(q), len(notices), j, notices[j:])
	}
	if !p.Equal(&want) {
		t.Fatalf("query %q: inputs %q, want %q", describe(q), EncodeQuery(&p), EncodeQuery(&want))
	}
	enc := EncodeQuery(&p)
	p2, n2 := ParseQuery(enc)
	if len(n2) != 0 {
		t.Fatalf("query %q: canonical query %q gives notices %+v", describe(q), enc, n2)
	}
	if !p2.Equal(&p) {
		t.Fatalf("query %q: canonical query %q reads back as %q", describe(q), enc, EncodeQuery(&p2))
	}
	if enc2 := EncodeQuery(&p2); enc2 != enc {
		t.Fatalf("query %q: canonical query not stable: %q then %q", describe(q), enc, enc2)
	}
	return p, notices
}

func FuzzParseQuery(f *testing.F) {
	for _, q := range []string{
		"",
		"aws.value=38.5",
		"aws.value=60&aws.ext=20&stargate.delay=12",
		"oai.growth=150&oai.fade=5&microsoft.on=0",
		"aws.value=abc&oai.growth=999&nonsense=1",
		"aws.value=1&aws.value=2",
		"aws.term=12.5&aws.ramp=12.0&aws.on=yes&aws.start=2025-13",
		"aws.start=2019-01&oracle.start=2045-06",
		"p200=+1e1&pue=%20%201.5%20&kw200=0x10&kw300=NaN&oai.cash=Inf",
		"embed=1&lang=it&embed=0",
		"x1.value=100&x1.supplier=aws&x1.start=2026-03&x1.term=96",
		"x1.value=5&x1.supplier=Google&x2.value=20&x2.supplier=other&other.mw=750",
		"%zz=1&aws.value=%zz",
		"aws.ext=100&aws.start=2025-01&aws.term=12",
		"mc.seed=4294967296&mc.n=99&mc.spread=-1",
		"aws.value=1e-30&oracle.value=0.000000001",
		"oai.growth=300&oai.fade=0&oai.runrate=500",
		"AWS.VALUE=1&aws.value=&=&&=x&aws.gb300",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		p, notices := checkQuery(t, q)
		r := Evaluate(p, notices)
		out, err := ExportJSON(r, nil)
		if err != nil {
			t.Fatalf("query %q: ExportJSON: %v", describe(q), err)
		}
		if !json.Valid(out) {
			t.Fatalf("query %q: ExportJSON gave invalid JSON", describe(q))
		}
	})
}

var monthPattern = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])$`)

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2025-01", "2039-12", "2023-01", "0000-01", "9999-12", "2025-00", "2025-13", "2025-1", "25-01", "2025/01", "2025-01 ", "-202-01", "2025-0a", "２０２５-01", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s)
		if ok := monthPattern.MatchString(s); ok != (err == nil) {
			t.Fatalf("ParseMonth(%q): err %v, want well-formed = %v", s, err, ok)
		}
		if err != nil {
			return
		}
		y, _ := strconv.Atoi(s[:4])
		mo, _ := strconv.Atoi(s[5:])
		if m.Year() != y || m.Calendar() != mo || m != MonthOf(y, mo) || m != Month((y-2025)*12+mo-1) {
			t.Fatalf("ParseMonth(%q) = %d: year %d month %d", s, m, m.Year(), m.Calendar())
		}
		if m.String() != s {
			t.Fatalf("ParseMonth(%q).String() = %q", s, m.String())
		}
		if got := m.InHorizon(); got != (y >= 2025 && y <= 2039) {
			t.Fatalf("%s.InHorizon() = %v", s, got)
		}
	})
}

func FuzzSpecParse(f *testing.F) {
	for _, c := range []struct {
		id, text string
	}{
		{"aws.value", "38.5"}, {"aws.value", " 1e3 "}, {"aws.value", "-0"}, {"aws.value", "1e-10000"},
		{"aws.term", "12.0"}, {"aws.term", "12.5"}, {"aws.term", "1e2"}, {"mc.seed", "4294967296"},
		{"aws.on", "1"}, {"aws.on", "true"}, {"aws.start", "2025-11"}, {"aws.start", "2040-01"},
		{"p200", "0x1p3"}, {"pue", "1.999999999999999999999"}, {"capex.growth", "-51"}, {"oai.opex", "NaN"},
		{"x1.supplier", "google"}, {"x2.supplier", " aws\t"}, {"x3.supplier", "Google"}, {"x1.supplier", "0"},
		{"google.mw", "750"}, {"x3.gb300", "100.5"},
	} {
		f.Add(Index(c.id), c.text)
	}
	f.Fuzz(func(t *testing.T, idx int, text string) {
		s := &specs[uint(idx)%uint(len(specs))]
		v, err := s.Parse(text)
		// An independent reading of MODEL.md §12.
		var want decimal.Decimal
		var wantErr bool
		switch s.Kind {
		case Flag:
			wantErr = text != "0" && text != "1"
			if !wantErr {
				want = decimal.RequireFromString(text)
			}
		case MonthKind:
			wantErr = !monthPattern.MatchString(text)
			if !wantErr {
				y, _ := strconv.Atoi(text[:4])
				mo, _ := strconv.Atoi(text[5:])
				want = decimal.NewFromInt(int64((y-2025)*12 + mo - 1))
			}
		case Choice:
			// The six words of MODEL.md §14, case-sensitive, spaces trimmed.
			words := []string{"aws", "oracle", "microsoft", "coreweave", "google", "other"}
			i := slices.Index(words, strings.TrimSpace(text))
			wantErr = i < 0
			want = decimal.NewFromInt(int64(i))
		default:
			d, derr := decimal.NewFromString(strings.TrimSpace(text))
			wantErr = derr != nil || (s.Kind == Whole && !d.IsInteger())
			want = d
		}
		if wantErr {
			// Months fail with ParseMonth's error; the other kinds with a
			// *ValueError naming the input and the text.
			var ve *ValueError
			if err == nil || (s.Kind != MonthKind && (!errors.As(err, &ve) || ve.ID != s.ID || ve.Text != text)) {
				t.Fatalf("%s.Parse(%q) = %v, %v; want an error", s.ID, text, v, err)
			}
		} else if err != nil || !v.Equal(want) {
			t.Fatalf("%s.Parse(%q) = %v, %v; want %v", s.ID, text, v, err, want)
		}

		// The same text in a URL: the value used and the notice.
		p, notices := ParseQuery(s.ID + "=" + url.QueryEscape(text))
		got := s.Get(&p)
		if wantErr {
			if len(notices) != 1 || notices[0].Reason != ReasonMalformed || *notices[0].Used != s.Format(s.Default) || !got.Equal(s.Get(ptrTo(Defaults()))) {
				t.Fatalf("%s=%q: notices %+v, value %v; want malformed, default used", s.ID, text, notices, got)
			}
			return
		}
		if got.LessThan(s.Min) || got.GreaterThan(s.Max) {
			t.Fatalf("%s=%q: value used %v outside [%v, %v]", s.ID, text, got, s.Min, s.Max)
		}
		inRange := !v.LessThan(s.Min) && !v.GreaterThan(s.Max)
		switch {
		case inRange && len(notices) != 0:
			t.Fatalf("%s=%q: in range, notices %+v", s.ID, text, notices)
		case !inRange && (len(notices) != 1 || notices[0].Reason != ReasonOutOfRange):
			t.Fatalf("%s=%q: out of range, notices %+v", s.ID, text, notices)
		case !inRange:
			bound := s.Min
			if v.GreaterThan(s.Max) {
				bound = s.Max
			}
			if *notices[0].Used != s.Format(bound) || !got.Equal(bound) {
				t.Fatalf("%s=%q: used %q, value %v; want %v", s.ID, text, *notices[0].Used, got, bound)
			}
		}
		if inRange && s.Kind != Number && !got.Equal(v) {
			t.Fatalf("%s=%q: value used %v, want %v exactly", s.ID, text, got, v)
		}
		if inRange && s.Kind == Number && got.InexactFloat64() != v.InexactFloat64() {
			t.Fatalf("%s=%q: value used %v, want the float64 nearest %v", s.ID, text, got, v)
		}
		// The value used, written as URL text, reads back as itself.
		back, err := s.Parse(s.Format(got))
		if err != nil || !back.Equal(got) {
			t.Fatalf("%s=%q: %q reads back as %v, %v", s.ID, text, s.Format(got), back, err)
		}
	})
}

func ptrTo[T any](v T) *T { return &v }

// TestChoiceSeedsIndex keeps the committed seeds of FuzzSpecParse on the
// supplier inputs they were written for.
func TestChoiceSeedsIndex(t *testing.T) {
	if Index("x1.supplier") != 26 || Index("x2.supplier") != 32 {
		t.Errorf("x1.supplier at %d, x2.supplier at %d: update testdata/fuzz/FuzzSpecParse/seed-choice*", Index("x1.supplier"), Index("x2.supplier"))
	}
}
