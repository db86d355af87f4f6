package core

import (
	"fmt"
	"testing"
)

// Month.String writes what fmt's "%04d-%02d" writes, for every month from
// the year −20 to 10020.
func TestMonthString(t *testing.T) {
	for m := MonthOf(-20, 1); m <= MonthOf(10020, 12); m++ {
		if got, want := m.String(), fmt.Sprintf("%04d-%02d", m.Year(), m.Calendar()); got != want {
			t.Fatalf("Month(%d).String() = %q, want %q", int(m), got, want)
		}
	}
}
