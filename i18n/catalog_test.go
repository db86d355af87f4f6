package i18n

import (
	"strings"
	"testing"

	"computedash/core"
	"computedash/format"
)

// TestItalianIsComplete checks that the Italian catalog translates every
// English string and every input label, with the same placeholders.
func TestItalianIsComplete(t *testing.T) {
	for k, en := range english {
		it, ok := italian[k]
		if !ok {
			t.Errorf("Italian has no %q (%q)", k, en)
			continue
		}
		if strings.Count(en, "%") != strings.Count(it, "%") {
			t.Errorf("%q: placeholders differ: %q vs %q", k, en, it)
		}
	}
	for k := range italian {
		if _, ok := english[k]; !ok {
			t.Errorf("Italian key %q is not in English", k)
		}
	}
	en, it := For(format.English), For(format.Italian)
	for _, s := range core.Specs() {
		if l := it.Label(s.ID); l == s.ID || l == en.Label(s.ID) && s.ID != "pue" {
			t.Errorf("Italian has no label for input %s (%q)", s.ID, l)
		}
		if en.Label(s.ID) == s.ID {
			t.Errorf("English has no label for input %s", s.ID)
		}
		if s.Unit == core.UnitNone || s.Unit == core.UnitMonth || s.Unit == core.UnitSupplier {
			continue
		}
		for _, m := range []map[string]string{english, italian} {
			if _, ok := m["unit."+string(s.Unit)]; !ok {
				t.Errorf("no unit %q (input %s)", s.Unit, s.ID)
			}
			if _, ok := m["value."+string(s.Unit)]; !ok {
				t.Errorf("no value pattern for unit %q (input %s)", s.Unit, s.ID)
			}
		}
	}
	for _, g := range core.Groups() {
		if !it.Has("group."+string(g)) || !en.Has("group."+string(g)) {
			t.Errorf("no name for group %s", g)
		}
	}
	for _, ch := range core.SupplierChoices() {
		if !it.Has("supplier." + ch.ID) {
			t.Errorf("no name for supplier %s", ch.ID)
		}
	}
	for _, p := range core.PoolOrder() {
		if !it.Has("pool." + string(p)) {
			t.Errorf("no name for pool %s", p)
		}
	}
	for _, b := range []core.Band{core.BandHigh, core.BandModerate, core.BandLow} {
		if !it.Has("band." + string(b)) {
			t.Errorf("no name for band %s", b)
		}
	}
}

func TestLookup(t *testing.T) {
	en, it := For(format.English), For(format.Italian)
	if got := en.T("action.reset", "38"); got != "Reset to default (38)" {
		t.Errorf("en: %q", got)
	}
	if got := it.Label("aws.value"); got != "Valore accordo AWS" {
		t.Errorf("it label: %q", got)
	}
	if got := en.Label("aws.value"); got != "AWS deal value" {
		t.Errorf("en label: %q", got)
	}
	if got := it.Label("x2.term"); got != "Durata accordo aggiuntivo 2" {
		t.Errorf("it slot label: %q", got)
	}
	if got := en.WithUnit("38", core.UnitBillions) + " " + it.WithUnit("12", core.UnitMonths) + " " + en.WithUnit("80", core.UnitPercent); got != "$38B 12 mesi 80 %" {
		t.Errorf("values with units: %q", got)
	}
	if got := en.Deal("x2", core.PoolGoogle) + " " + it.Deal("x3", core.PoolOther) + " " + en.Deal("aws-ext", core.PoolAWS); got != "Google (x2) Altro (x3) AWS expansion" {
		t.Errorf("deal names: %q", got)
	}
	if got := en.T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key: %q", got)
	}
}
