package core

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// float64Of must give InexactFloat64's value, bit for bit, on both of its
// paths: the exact operation below 10¹⁵ and 10²², and the digits beyond.
func TestFloat64Of(t *testing.T) {
	same := func(d decimal.Decimal) {
		t.Helper()
		got, want := float64Of(d), d.InexactFloat64()
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("float64Of(%s) = %v (%#x), InexactFloat64 %v (%#x)", d, got, math.Float64bits(got), want, math.Float64bits(want))
		}
	}
	for _, s := range []string{
		"0", "-0", "1", "-1", "0.1", "0.3", "38", "300", "152.49", "0.0001",
		"999999999999999", "1000000000000000", "9007199254740993", "-9007199254740993",
		"999999999999999e22", "999999999999999e-22", "1e22", "1e23", "123456789012345e-23",
		"1e308", "1e309", "-1e309", "5e-324", "1e-400", "2.5e-324",
		"490322580.64", "2000000000000.00", "0.30000000000000004",
	} {
		same(decimal.RequireFromString(s))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		digits := make([]byte, 1+r.IntN(24))
		for i := range digits {
			digits[i] = byte('0' + r.IntN(10))
		}
		c, _ := new(big.Int).SetString(string(digits), 10)
		if r.IntN(2) == 0 {
			c.Neg(c)
		}
		same(decimal.NewFromBigInt(c, int32(r.IntN(61)-30)))
	}
}
