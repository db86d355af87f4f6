package main

import (
	"testing"
	"time"
)

func TestChartPumpDragging(t *testing.T) {
	const series, rest = 150 * time.Millisecond, 50 * time.Millisecond
	now := time.Now()
	for _, tc := range []struct {
		name       string
		prev, last time.Duration // before now; 0: never
		inDrag     bool
		waitAtMost time.Duration // dragging's answer lies in (waitAtMost-10ms, waitAtMost]
	}{
		{name: "no move yet", inDrag: false},
		{name: "a lone move, just now", last: 1 * time.Millisecond, inDrag: false},
		{name: "a move long after the one before", prev: 900 * time.Millisecond, last: 2 * time.Millisecond, inDrag: false},
		{name: "a drag, moving", prev: 18 * time.Millisecond, last: 1 * time.Millisecond, inDrag: true, waitAtMost: 49 * time.Millisecond},
		{name: "a drag, resting 30 ms", prev: 47 * time.Millisecond, last: 30 * time.Millisecond, inDrag: true, waitAtMost: 20 * time.Millisecond},
		{name: "a drag, rested", prev: 200 * time.Millisecond, last: 80 * time.Millisecond, inDrag: true, waitAtMost: 0},
		{name: "moves just under series apart", prev: 160 * time.Millisecond, last: 11 * time.Millisecond, inDrag: true, waitAtMost: 39 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cp := newChartPump()
			for _, ago := range []time.Duration{tc.prev, tc.last} {
				if ago > 0 {
					cp.moved(now.Add(-ago))
				}
			}
			if got := cp.inDrag(series); got != tc.inDrag {
				t.Errorf("inDrag = %v, want %v", got, tc.inDrag)
			}
			got := cp.dragging(series, rest)
			if got > tc.waitAtMost || (tc.waitAtMost > 0 && got <= tc.waitAtMost-10*time.Millisecond) {
				t.Errorf("dragging = %v, want about %v", got, tc.waitAtMost)
			}
		})
	}
}
