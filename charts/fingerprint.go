package charts

import (
	"hash/fnv"
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
)

// fingerprint hashes what a chart shows: its header, axes and every point
// of every series. Two charts with the same fingerprint draw the same SVG.
func fingerprint(g chart.Chart) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	num := func(x float64) {
		b := math.Float64bits(x)
		for i := range buf {
			buf[i] = byte(b >> (8 * i))
		}
		h.Write(buf[:])
	}
	str := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	str(g.XAxis.Name)
	str(g.YAxis.Name)
	for _, axis := range [][]chart.Tick{g.XAxis.Ticks, g.YAxis.Ticks} {
		for _, t := range axis {
			num(t.Value)
			str(t.Label)
		}
	}
	for _, s := range g.Series {
		str(s.GetName())
		switch v := s.(type) {
		case chart.ContinuousSeries:
			for i := range v.XValues {
				num(v.XValues[i])
				num(v.YValues[i])
			}
		case band:
			for i := range v.xs {
				num(v.xs[i])
				num(v.lo[i])
				num(v.hi[i])
			}
		case chart.AnnotationSeries:
			for _, a := range v.Annotations {
				num(a.XValue)
				num(a.YValue)
				str(a.Label)
			}
		}
	}
	return nonzero(h.Sum64())
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return nonzero(h.Sum64())
}

// nonzero keeps 0 free to mean "nothing drawn yet".
func nonzero(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}
