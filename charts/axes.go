package charts

import (
	"fmt"
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
)

func yearTicks(from, to, step int) []chart.Tick {
	var t []chart.Tick
	for y := from; y <= to+1; y += step {
		t = append(t, chart.Tick{Value: float64(y), Label: fmt.Sprint(y)})
	}
	return t
}

// clipX cuts a line or band at x1, so that nothing is drawn past the end
// of the axis; a line ends on x1 itself, interpolated.
func clipX(s chart.Series, x1 float64) chart.Series {
	switch v := s.(type) {
	case chart.ContinuousSeries:
		n := len(v.XValues)
		for n > 0 && v.XValues[n-1] > x1 {
			n--
		}
		if n == len(v.XValues) {
			return v
		}
		xs, ys := append([]float64(nil), v.XValues[:n]...), append([]float64(nil), v.YValues[:n]...)
		if n > 0 && xs[n-1] < x1 {
			xa, ya, xb, yb := v.XValues[n-1], v.YValues[n-1], v.XValues[n], v.YValues[n]
			xs, ys = append(xs, x1), append(ys, ya+(yb-ya)*(x1-xa)/(xb-xa))
		}
		v.XValues, v.YValues = xs, ys
		return v
	case band:
		n := len(v.xs)
		for n > 0 && v.xs[n-1] > x1 {
			n--
		}
		v.xs, v.lo, v.hi = v.xs[:n], v.lo[:n], v.hi[:n]
		return v
	}
	return s
}

// niceTicks returns round Y ticks (1, 2 or 5 × 10^k apart) that cover every
// value of the series, and the range they span.
func niceTicks(series []chart.Series, format func(float64) string) ([]chart.Tick, chart.Range) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range series {
		switch v := s.(type) {
		case chart.BoundedValuesProvider:
			for i := range v.Len() {
				_, a, b := v.GetBoundedValues(i)
				lo, hi = math.Min(lo, math.Min(a, b)), math.Max(hi, math.Max(a, b))
			}
		case chart.ValuesProvider:
			for i := range v.Len() {
				_, y := v.GetValues(i)
				lo, hi = math.Min(lo, y), math.Max(hi, y)
			}
		}
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) || math.IsNaN(hi) {
		lo, hi = 0, 1
	}
	lo, hi = math.Min(lo, 0), math.Max(hi, 0) // the zero line is always in view
	if hi-lo < 1e-9 {
		hi = lo + 1
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	start, end := math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	var ticks []chart.Tick
	for v := start; v <= end+step/2; v += step {
		x := math.Round(v/step) * step
		ticks = append(ticks, chart.Tick{Value: x, Label: format(x)})
	}
	return ticks, &chart.ContinuousRange{Min: start, Max: end}
}
