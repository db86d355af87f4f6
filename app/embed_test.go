package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"computedash/format"
)

func TestShowParts(t *testing.T) {
	for _, c := range []struct {
		show    string
		parts   string
		unknown string
	}{
		{"", "[]", "[]"},
		{"cash", "[cash]", "[]"},
		{"risk, headline ,cash,risk", "[risk headline cash]", "[]"},
		{"headline,Cash,<b>x</b>,,tornado", "[headline tornado]", "[Cash <b>x</b>]"},
	} {
		parts, notices := showParts(c.show)
		var unknown []string
		for _, n := range notices {
			if n.Key != "show" || n.Reason != reasonPart || n.Used != nil {
				t.Errorf("%q: notice %+v", c.show, n)
			}
			unknown = append(unknown, n.Given)
		}
		if fmt.Sprint(parts) != c.parts || fmt.Sprint(unknown) != c.unknown {
			t.Errorf("%q: parts %v unknown %v, want %s %s", c.show, parts, unknown, c.parts, c.unknown)
		}
	}
}

func TestViewRoundTrip(t *testing.T) {
	for _, q := range []string{
		"",
		"embed=1&show=cash%2Cheadline",
		"preset=mid2026&vs=aws.value%3D60%26oai.growth%3D90&lang=it",
		"print=1",
	} {
		v := parseView(q)
		if got := v.query(); got != q {
			t.Errorf("%q: view %+v writes %q", q, v, got)
		}
	}
	v := parseView("preset=nonsense&lang=fr&vs=embed%3D1%26aws.value%3D5&show=x")
	if v.preset != "" || v.lang != format.English || v.vs != "aws.value=5" || v.show != "x" {
		t.Errorf("view %+v", v)
	}
}

func TestEmbedSizes(t *testing.T) {
	for w, ok := range map[string]bool{"100%": true, "640": true, "99": false, "4001": false, "0%": false, "50%x": false, `"onload=`: false, "": false} {
		if validWidth(w) != ok {
			t.Errorf("validWidth(%q) = %v", w, !ok)
		}
	}
	if neededHeight(nil) < 1000 || neededHeight([]string{"cash"}) >= neededHeight([]string{"cash", "headline"}) {
		t.Error("heights do not grow with the parts")
	}
}

// FuzzView throws page queries at the page's own parameters: reading them
// never fails, what is read writes back to the same view, and the parts of
// an embedded page are known parts, each once, with a notice for every
// other word.
func FuzzView(f *testing.F) {
	for _, q := range []string{"", "embed=1&show=cash,headline", "vs=aws.value%3D60&preset=bubble&lang=it&print=1",
		"show=%3Cscript%3E,,cash,cash", "vs=vs%3Dvs%253D1", "lang=it&lang=en&embed=0", "show=" + strings.Repeat("a,", 50)} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		v := parseView(q)
		if again := parseView(v.query()); again != v {
			t.Fatalf("%q: view %+v writes %q, which reads %+v", q, v, v.query(), again)
		}
		parts, notices := showParts(v.show)
		seen := map[string]bool{}
		for _, p := range parts {
			if seen[p] || !slices.Contains(embedParts(), p) {
				t.Fatalf("%q: parts %v", q, parts)
			}
			seen[p] = true
		}
		for _, n := range notices {
			if slices.Contains(embedParts(), n.Given) || n.Key != "show" {
				t.Fatalf("%q: notice %+v", q, n)
			}
		}
	})
}
