package core

import "github.com/shopspring/decimal"

// HHI bands of the 2023 US Merger Guidelines.
const (
	HHIModerate = 1000 // 1,000–1,800: moderately concentrated
	HHIHigh     = 1800 // above 1,800: highly concentrated
	HHI2023     = 10000
)

// Band is a band of the Herfindahl–Hirschman index in the 2023 US Merger
// Guidelines.
type Band string

// The bands.
const (
	BandHigh     Band = "high"     // above 1,800: highly concentrated
	BandModerate Band = "moderate" // 1,000–1,800: moderately concentrated
	BandLow      Band = "low"      // below 1,000: not concentrated
)

// BandOf returns the band of an HHI.
func BandOf(hhi float64) Band {
	switch {
	case hhi > HHIHigh:
		return BandHigh
	case hhi >= HHIModerate:
		return BandModerate
	}
	return BandLow
}

// Concentration returns, for each year of the horizon, the HHI of the
// suppliers' shares of that year's obligations, Σ (100 × share)², computed
// exactly on cents and rounded to 2 decimals; ok is false in a year without
// obligations. Deals count with their supplier: the AWS extension and an
// extra deal with AWS as AWS, each other slot as a supplier of its own.
func Concentration(l *Ledger) (hhi [HorizonYears]decimal.Decimal, ok [HorizonYears]bool) {
	for y := range HorizonYears {
		bySupplier := map[string]int64{}
		var order []string
		var total int64
		for i := range l.Deals {
			d := &l.Deals[i]
			var sum int64
			for m := MonthOf(FirstYear+y, 1); m <= MonthOf(FirstYear+y, 12); m++ {
				sum += int64(d.Obligations[m])
			}
			if _, seen := bySupplier[d.Supplier]; !seen {
				order = append(order, d.Supplier)
			}
			bySupplier[d.Supplier] += sum
			total += sum
		}
		if total == 0 {
			continue
		}
		num := decimal.Zero
		for _, s := range order {
			c := decimal.NewFromInt(bySupplier[s])
			num = num.Add(c.Mul(c))
		}
		t := decimal.NewFromInt(total)
		hhi[y] = num.Mul(decimal.NewFromInt(10000)).DivRound(t.Mul(t), 2)
		ok[y] = true
	}
	return hhi, ok
}
