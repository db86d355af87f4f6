package core

// Delta is how a headline figure of one scenario (B) differs from the same
// figure of another (A). When both have the figure, the field that holds
// it in Figure holds B − A here (Month holds the difference in months);
// Comparable is false when only one of them has it (cash that runs out in
// one scenario and never in the other).
type Delta struct {
	ID         FigureID
	Equal      bool // the raw figures are the same
	Comparable bool
	Months     int
	Years      int
	Count      int64
	Float      float64
	Money      Money
}

// Compare returns the deltas of headline b against headline a, figure by
// figure, in page order.
func Compare(a, b []Figure) []Delta {
	out := make([]Delta, 0, len(b))
	for i, fb := range b {
		fa := a[i]
		d := Delta{ID: fb.ID, Equal: fa.Raw == fb.Raw, Comparable: !fa.None && !fb.None}
		if d.Comparable {
			switch fb.ID {
			case FigCashOut:
				d.Months = int(fb.Month - fa.Month)
			case FigBreakEven:
				d.Years = fb.Year - fa.Year
			case FigFundingNeed:
				d.Money = fb.Money.Sub(fa.Money)
			case FigPeakGPUs, FigUnplaced:
				d.Count = fb.Count - fa.Count
			default:
				d.Float = fb.Float - fa.Float
			}
		}
		out = append(out, d)
	}
	return out
}
