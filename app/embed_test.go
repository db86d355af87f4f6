package main

import (
	"fmt"
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
