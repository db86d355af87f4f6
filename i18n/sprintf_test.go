package i18n

import (
	"fmt"
	"regexp"
	"testing"
)

// Every catalog string, given arguments of the kinds its verbs take, reads
// as fmt.Sprintf writes it.
func TestSprintfCatalogs(t *testing.T) {
	verb := regexp.MustCompile(`%[sd]`)
	for lang, m := range map[string]map[string]string{"en": english, "it": italian} {
		for k, s := range m {
			var args []any
			for i, v := range verb.FindAllString(s, -1) {
				if v == "%d" {
					args = append(args, -7+i*1000)
				} else {
					args = append(args, fmt.Sprintf("<%d %% é>", i))
				}
			}
			if len(args) == 0 {
				continue
			}
			if got, want := sprintf(s, args), fmt.Sprintf(s, args...); got != want {
				t.Errorf("%s %s: sprintf(%q) = %q, fmt.Sprintf %q", lang, k, s, got, want)
			}
		}
	}
}

// FuzzSprintf: for any format and arguments, sprintf writes what
// fmt.Sprintf writes, the verbs it leaves to fmt and the wrong ones too.
func FuzzSprintf(f *testing.F) {
	f.Add("%s + %d changes", "Mid-2026 update", int64(3), uint8(2))
	f.Add("%s %%", "80", int64(0), uint8(1))
	f.Add("%d months earlier", "", int64(-12), uint8(1))
	f.Add("%q %v %5s %", "x", int64(1), uint8(2))
	f.Add("%s %s %s", "a", int64(2), uint8(1))
	f.Add("%d", "a", int64(2), uint8(2))
	f.Fuzz(func(t *testing.T, format, s string, n int64, count uint8) {
		args := []any{s, int(n), s + "!", int(n) / 3}[:count%5]
		if got, want := sprintf(format, args), fmt.Sprintf(format, args...); got != want {
			t.Fatalf("sprintf(%q, %#v) = %q, fmt.Sprintf %q", format, args, got, want)
		}
	})
}
