package core

import (
	"encoding/json"
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"
)

// Cents is an exact amount of US dollars in whole cents. The ledger holds
// Cents: a deal of at most $2,000B is 2×10¹⁴ cents, far inside int64.
type Cents int64

// Decimal returns c as a decimal number of dollars.
func (c Cents) Decimal() decimal.Decimal { return decimal.New(int64(c), -2) }

// Float64 returns c in dollars as the float64 nearest to its exact value,
// the same value as c.Decimal().InexactFloat64().
func (c Cents) Float64() float64 {
	if c >= -1<<53 && c <= 1<<53 {
		return float64(c) / 100 // both operands exact: correctly rounded
	}
	return float64Of(c.Decimal())
}

// float64Of returns d as the float64 nearest to its exact value, the value
// of d.InexactFloat64(): both round the exact value once, to nearest, ties
// to even. It does without the big.Rat and the greatest common divisor
// that InexactFloat64 goes through: a coefficient below 10¹⁵ and a power
// of ten up to 10²² are exact as float64, and one IEEE operation on them
// rounds once; other values are read from their digits by strconv.
func float64Of(d decimal.Decimal) float64 {
	if e := d.Exponent(); e >= -22 && e <= 22 && d.NumDigits() <= 15 {
		c := float64(d.CoefficientInt64())
		if e < 0 {
			return c / exactPow10[-e]
		}
		return c * exactPow10[e]
	}
	f, _ := strconv.ParseFloat(d.String(), 64) // ±Inf beyond float64's range, as InexactFloat64
	return f
}

// exactPow10 holds 10⁰ … 10²², the powers of ten that float64 holds exactly.
var exactPow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// String returns c as dollars with two decimals, such as "490322580.64".
func (c Cents) String() string {
	var buf [24]byte
	return string(c.append(buf[:0]))
}

func (c Cents) append(b []byte) []byte {
	u := uint64(c)
	if c < 0 {
		b = append(b, '-')
		u = -u
	}
	b = strconv.AppendUint(b, u/100, 10)
	r := u % 100
	return append(b, '.', byte('0'+r/10), byte('0'+r%10))
}

// centsOf converts a decimal amount of dollars to cents. The amount must
// already be rounded to the cent; ok is false when it is not or when it
// does not fit.
func centsOf(d decimal.Decimal) (Cents, bool) {
	if e := d.Exponent(); e >= -2 && e <= 0 && d.NumDigits() <= 16 { // no allocation
		c := d.CoefficientInt64()
		for ; e > -2; e-- {
			c *= 10
		}
		return Cents(c), true
	}
	s := d.Shift(2)
	if !s.IsInteger() {
		return 0, false
	}
	b := s.BigInt()
	if !b.IsInt64() {
		return 0, false
	}
	return Cents(b.Int64()), true
}

// moneyString formats a decimal amount of dollars with exactly two decimals.
func moneyString(d decimal.Decimal) string { return d.StringFixed(2) }

// roundFloatCents returns decimal.NewFromFloat(x).Round(2) in cents without
// allocating: the shortest decimal text of x, rounded half away from zero at
// the second decimal. ok is false when the result would not fit in int64
// or x is not finite.
func roundFloatCents(x float64) (Cents, bool) {
	if !(x > -9e16 && x < 9e16) {
		return 0, false
	}
	// Away from a half cent, rounding x itself gives the same cents as
	// rounding its shortest decimal text, which lies within half an ulp of
	// x: decide with one multiplication when x × 100 is more than four ulps
	// from the nearest half cent.
	if y := math.Abs(x) * 100; y < 1<<52 {
		f := math.Floor(y)
		if d := y - f - 0.5; math.Abs(d) > y*0x1p-50+0x1p-60 {
			c := Cents(f)
			if d > 0 {
				c++
			}
			if x < 0 {
				c = -c
			}
			return c, true
		}
	}
	var buf [40]byte
	s := strconv.AppendFloat(buf[:0], x, 'f', -1, 64)
	neg := false
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	var whole uint64
	i := 0
	for ; i < len(s) && s[i] != '.'; i++ {
		whole = whole*10 + uint64(s[i]-'0')
	}
	var frac [3]uint64
	if i < len(s) {
		for j := 0; j < 3 && i+1+j < len(s); j++ {
			frac[j] = uint64(s[i+1+j] - '0')
		}
	}
	c := whole*100 + frac[0]*10 + frac[1]
	if frac[2] >= 5 {
		c++
	}
	if neg {
		return -Cents(c), true
	}
	return Cents(c), true
}

// factor is an exact decimal multiplier coef × 10^-exp with 0 ≤ exp ≤ 19,
// for multiplying cents without decimal allocations.
type factor struct {
	coef uint64
	pow  uint64 // 10^exp
	ok   bool   // false when the decimal does not fit this form
}

func newFactor(d decimal.Decimal) factor {
	if d.Sign() < 0 {
		return factor{}
	}
	exp := -d.Exponent()
	c := d.Coefficient()
	for exp < 0 { // a positive exponent: scale the coefficient up
		c.Mul(c, big.NewInt(10))
		exp++
	}
	if exp > 19 || !c.IsUint64() {
		return factor{}
	}
	p := uint64(1)
	for range exp {
		p *= 10
	}
	return factor{coef: c.Uint64(), pow: p, ok: true}
}

// mulRound returns c × f rounded half away from zero to the cent, the same
// as c.Decimal().Mul(f).Round(2); ok is false on overflow.
func (f factor) mulRound(c Cents) (Cents, bool) {
	if !f.ok {
		return 0, false
	}
	neg := c < 0
	u := uint64(c)
	if neg {
		u = -u
	}
	hi, lo := bits.Mul64(u, f.coef)
	if hi >= f.pow {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, f.pow)
	if r >= f.pow-r { // 2r ≥ pow without overflow
		q++
	}
	if q > 1<<62 {
		return 0, false
	}
	if neg {
		return -Cents(q), true
	}
	return Cents(q), true
}

const minCents = -1 << 63

// addCents returns a + b, with ok false on overflow.
func addCents(a, b Cents) (Cents, bool) {
	s := a + b
	if (s > a) != (b > 0) {
		return 0, false
	}
	return s, true
}

// Money is an exact amount of US dollars, as the report and the export
// give it: whole cents while it fits in an int64, a decimal beyond (a
// revenue curve at 300 % growth outgrows int64 cents by the 2030s). JSON
// writes it as a string of dollars with two decimals, "490322580.64". The
// zero value is $0.00.
type Money struct {
	c   Cents
	big *decimal.Decimal // nil while the amount fits in c
}

// MoneyOf returns d, an amount already rounded to the cent, as Money.
func MoneyOf(d decimal.Decimal) Money {
	if c, ok := centsOf(d); ok {
		return Money{c: c}
	}
	big := d.Round(2) // d itself must not escape: the common case allocates nothing
	return Money{big: &big}
}

// Money returns c as Money.
func (c Cents) Money() Money { return Money{c: c} }

// Decimal returns m as a decimal number of dollars.
func (m Money) Decimal() decimal.Decimal {
	if m.big != nil {
		return *m.big
	}
	return m.c.Decimal()
}

// Float64 returns m in dollars as the nearest float64, for charts.
func (m Money) Float64() float64 {
	if m.big != nil {
		return float64Of(*m.big)
	}
	return m.c.Float64()
}

// String returns m as dollars with two decimals, such as "490322580.64".
func (m Money) String() string {
	if m.big != nil {
		return moneyString(*m.big)
	}
	return m.c.String()
}

// Sign returns −1, 0 or +1 as m is negative, zero or positive.
func (m Money) Sign() int {
	if m.big != nil {
		return m.big.Sign()
	}
	switch {
	case m.c < 0:
		return -1
	case m.c > 0:
		return 1
	}
	return 0
}

// Cmp compares m and n: −1 when m < n, 0 when equal, +1 when m > n.
func (m Money) Cmp(n Money) int {
	if m.big == nil && n.big == nil {
		switch {
		case m.c < n.c:
			return -1
		case m.c > n.c:
			return 1
		}
		return 0
	}
	return m.Decimal().Cmp(n.Decimal())
}

// Add returns m + n.
func (m Money) Add(n Money) Money {
	if m.big == nil && n.big == nil {
		if s, ok := addCents(m.c, n.c); ok {
			return Money{c: s}
		}
	}
	return MoneyOf(m.Decimal().Add(n.Decimal()))
}

// Sub returns m − n.
func (m Money) Sub(n Money) Money {
	if m.big == nil && n.big == nil {
		if d, ok := addCents(m.c, -n.c); ok && d > minCents {
			return Money{c: d}
		}
	}
	return MoneyOf(m.Decimal().Sub(n.Decimal()))
}

// Abs returns |m|.
func (m Money) Abs() Money {
	if m.Sign() >= 0 {
		return m
	}
	return Money{}.Sub(m)
}

// MarshalJSON writes m as a JSON string with two decimals.
func (m Money) MarshalJSON() ([]byte, error) {
	return append(append(append(make([]byte, 0, 24), '"'), m.String()...), '"'), nil
}

// UnmarshalJSON reads a JSON string of dollars, as MarshalJSON writes it.
func (m *Money) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return err
	}
	*m = MoneyOf(d.Round(2))
	return nil
}
