package charts

import (
	"fmt"
	"math"
	"strings"

	"computedash/core"
	"computedash/i18n"
)

// TornadoRows is how many inputs the tornado chart shows.
const TornadoRows = 10

// tornado draws the ten inputs that move the funding need most (the first
// rows of rep.Risk.Tornado), as bars from the need at −20 % to the need at
// +20 % around the scenario's need; while the risk analysis is not ready
// it says that it is on its way. go-chart has no horizontal bars, so this
// one is drawn by hand.
func tornado(rep *core.Report, c i18n.Catalog) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" font-family="sans-serif">`, Width, Height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/>`, Width, Height)
	fmt.Fprintf(&b, `<text x="%d" y="20" font-size="13" text-anchor="middle" fill="#263238">%s</text>`, Width/2, escape(Title(Tornado, c)))
	if rep.Risk == nil || len(rep.Risk.Tornado) == 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" text-anchor="middle" fill="#90a4ae">%s</text></svg>`, Width/2, Height/2, escape(c.T("risk.updating")))
		return b.String()
	}
	rows := rep.Risk.Tornado[:min(TornadoRows, len(rep.Risk.Tornado))]
	baseNeed := rep.Summary.FundingNeed.Float64()
	lo, hi := baseNeed, baseNeed
	for _, t := range rows {
		lo = math.Min(lo, math.Min(t.NeedLow.Float64(), t.NeedHigh.Float64()))
		hi = math.Max(hi, math.Max(t.NeedLow.Float64(), t.NeedHigh.Float64()))
	}
	if hi == lo {
		hi = lo + 1
	}
	const left, right, top, rowH = 190.0, Width - 24.0, 52.0, 21.0
	x := func(v float64) float64 { return left + (v-lo)/(hi-lo)*(right-left) }
	// legend
	fmt.Fprintf(&b, `<rect x="200" y="31" width="10" height="10" fill="#5c6bc0"/><text x="214" y="40" font-size="10" fill="#263238">%s</text>`, escape(c.T("chart.tornado.low")))
	fmt.Fprintf(&b, `<rect x="330" y="31" width="10" height="10" fill="#ef8f00"/><text x="344" y="40" font-size="10" fill="#263238">%s</text>`, escape(c.T("chart.tornado.high")))
	for i, t := range rows {
		y := top + float64(i)*rowH
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" font-size="10.5" text-anchor="end" fill="#263238">%s</text>`, left-8, y+14, escape(c.Label(t.ID)))
		for side, need := range []float64{t.NeedLow.Float64(), t.NeedHigh.Float64()} {
			color := []string{"#5c6bc0", "#ef8f00"}[side]
			x0, x1 := math.Min(x(baseNeed), x(need)), math.Max(x(baseNeed), x(need))
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, x0, y+3, math.Max(x1-x0, 0.5), rowH-6, color)
		}
	}
	bottom := top + float64(len(rows))*rowH
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.1f" stroke="#263238"/>`, x(baseNeed), top-4, x(baseNeed), bottom)
	for k := 0; k <= 4; k++ {
		v := lo + float64(k)/4*(hi-lo)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#90a4ae"/>`, x(v), bottom, x(v), bottom+4)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="10" text-anchor="middle" fill="#263238">%s</text>`, x(v), bottom+15, escape(c.Lang.Dollars(v)))
	}
	fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" font-size="9" text-anchor="middle" fill="#263238">%s</text>`, (left+right)/2, bottom+29, escape(c.T("chart.tornado.x")))
	b.WriteString(`</svg>`)
	return b.String()
}
