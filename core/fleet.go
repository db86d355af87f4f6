package core

import "math"

// GPUsPerRack is the number of GPUs in one NVL72 UltraServer rack.
const GPUsPerRack = 72

// DealFleet is what one deal's obligations pay for, month by month: GPUs in
// service by generation and the NVL72 racks that hold them.
type DealFleet struct {
	GPUs, GB200, GB300 [HorizonMonths]int64
	Racks200, Racks300 [HorizonMonths]int64
}

// Fleet is the physical side of a scenario: per deal and in total.
type Fleet struct {
	Deals              []DealFleet // in ledger order
	GPUs, Racks        [HorizonMonths]int64
	Racks200, Racks300 [HorizonMonths]int64
	ITMW, FacilityMW   [HorizonMonths]float64
	PeakGPUs           int64
	PeakFacilityMW     float64
}

// power are the physical inputs of the fleet and of placement.
type power struct {
	p200, p300, kw200, kw300, pue float64
}

// BlendedPrice returns a deal's price in $ per GPU-hour for GB300 share s
// (percent): (1 − s/100) × p200 + (s/100) × p300.
func BlendedPrice(s, p200, p300 float64) float64 {
	return float64((1-s/100)*p200) + float64((s/100)*p300)
}

// buildFleet counts the GPUs and racks each deal's obligations pay for,
// into f, reusing its storage.
func buildFleet(f *Fleet, l *Ledger, pw power) {
	if cap(f.Deals) < len(l.Deals) {
		f.Deals = make([]DealFleet, len(l.Deals))
	}
	f.Deals = f.Deals[:len(l.Deals)]
	clear(f.Racks200[:])
	clear(f.Racks300[:])
	clear(f.GPUs[:])
	for i := range l.Deals {
		d, df := &l.Deals[i], &f.Deals[i]
		hourly := BlendedPrice(d.GB300, pw.p200, pw.p300) * HoursPerMonth
		for m, c := range d.Obligations {
			var g int64
			if c > 0 && hourly > 0 {
				g = int64(math.Floor(c.Float64() / hourly))
			}
			g300 := int64(math.Floor(float64(g) * d.GB300 / 100))
			g200 := g - g300
			df.GPUs[m], df.GB200[m], df.GB300[m] = g, g200, g300
			df.Racks200[m] = ceilDiv(g200, GPUsPerRack)
			df.Racks300[m] = ceilDiv(g300, GPUsPerRack)
			f.GPUs[m] += g
			f.Racks200[m] += df.Racks200[m]
			f.Racks300[m] += df.Racks300[m]
		}
	}
	f.PeakGPUs, f.PeakFacilityMW = 0, 0
	for m := range f.GPUs {
		f.Racks[m] = f.Racks200[m] + f.Racks300[m]
		f.ITMW[m] = pw.itMW(f.Racks200[m], f.Racks300[m])
		f.FacilityMW[m] = f.ITMW[m] * pw.pue
		f.PeakGPUs = max(f.PeakGPUs, f.GPUs[m])
		f.PeakFacilityMW = max(f.PeakFacilityMW, f.FacilityMW[m])
	}
}

// itMW returns the IT power of the given racks, in MW.
func (pw power) itMW(racks200, racks300 int64) float64 {
	return (float64(float64(racks200)*pw.kw200) + float64(float64(racks300)*pw.kw300)) / 1000
}

func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }
