// Package format writes the dashboard's numbers, money, power and dates
// for people, in one place, for each language the page speaks.
package format

import (
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Lang is a language of the page: "en" or "it".
type Lang string

// The languages of the page.
const (
	English Lang = "en"
	Italian Lang = "it"
)

// seps returns the decimal and thousands separators of l.
func (l Lang) seps() (dec, thou string) {
	if l == Italian {
		return ",", "."
	}
	return ".", ","
}

// minus is the typographic minus sign used before negative figures.
const minus = "−"

// Number writes x with the given number of decimals and grouped thousands.
func (l Lang) Number(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "—"
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	neg := x < 0 && strings.Trim(s, "0.") != ""
	whole, frac, _ := strings.Cut(s, ".")
	dec, thou := l.seps()
	var b strings.Builder
	if neg {
		b.WriteString(minus)
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(thou)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// Int writes n with grouped thousands: 3,414,893.
func (l Lang) Int(n int64) string { return l.Number(float64(n), 0) }

// Dollars writes an amount of dollars briefly: $38.0B, $1.20T, $350M,
// −$104.6B.
func (l Lang) Dollars(x float64) string {
	sign := ""
	if x < 0 {
		sign, x = minus, -x
	}
	var s string
	switch {
	case x >= 100e12:
		s = l.Number(x/1e12, 0) + "T"
	case x >= 10e12:
		s = l.Number(x/1e12, 1) + "T"
	case x >= 1e12:
		s = l.Number(x/1e12, 2) + "T"
	case x >= 1e9:
		s = l.Number(x/1e9, 1) + "B"
	case x >= 1e6:
		s = l.Number(x/1e6, 0) + "M"
	default:
		s = l.Number(x, 0)
	}
	if s == "0" || s == "0,0B" || s == "0.0B" {
		sign = ""
	}
	return sign + "$" + s
}

// Money writes an exact amount of dollars briefly, as Dollars does.
func (l Lang) Money(d decimal.Decimal) string { return l.Dollars(d.InexactFloat64()) }

// MoneyExact writes an exact amount of dollars to the cent: $490,322,580.64.
func (l Lang) MoneyExact(d decimal.Decimal) string {
	x, _ := decimal.NewFromString(d.StringFixed(2))
	s := x.Abs().StringFixed(2)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(whole, 10, 64)
	dec, _ := l.seps()
	out := "$" + l.Int(n) + dec + frac
	if x.Sign() < 0 {
		out = minus + out
	}
	return out
}

// Billions writes an amount given in billions of dollars: $1,203.5B.
func (l Lang) Billions(b float64) string { return l.Dollars(b * 1e9) }

// Power writes facility power given in MW: 740 MW, 7.42 GW.
func (l Lang) Power(mw float64) string {
	if math.Abs(mw) >= 1000 {
		return l.Number(mw/1000, 2) + " GW"
	}
	return l.Number(mw, 0) + " MW"
}

// Count writes a large count briefly: 3.41 M, 542 k, 980.
func (l Lang) Count(n int64) string {
	x := float64(n)
	switch {
	case math.Abs(x) >= 1e6:
		return l.Number(x/1e6, 2) + " M"
	case math.Abs(x) >= 1e4:
		return l.Number(x/1e3, 0) + " k"
	}
	return l.Int(n)
}

// Percent writes a percentage given in percent: 97.3 %.
func (l Lang) Percent(p float64, decimals int) string {
	return l.Number(p, decimals) + " %"
}
