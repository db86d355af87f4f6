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
		if _, ok := english[k]; !ok && !strings.HasPrefix(k, "input.") && !strings.HasPrefix(k, "unit.") {
			t.Errorf("Italian key %q is not in English", k)
		}
	}
	for _, s := range core.Specs() {
		if _, ok := italian["input."+s.ID]; !ok {
			t.Errorf("Italian has no label for input %s", s.ID)
		}
		if strings.ContainsAny(s.Unit, "abcdefghijklmnopqrstuvwxyz") && s.Unit != "MW" && s.Unit != "month" && s.Unit != "$B per GW" && s.Unit != "$B" {
			if _, ok := italian["unit."+s.Unit]; !ok {
				t.Errorf("Italian has no unit %q (input %s)", s.Unit, s.ID)
			}
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
	if got := en.T("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key: %q", got)
	}
}
