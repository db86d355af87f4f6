package format

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{English.Dollars(38e9), "$38.0B"},
		{English.Dollars(-104608568309.33), "−$104.6B"},
		{English.Dollars(1.2035e12), "$1.20T"},
		{English.Dollars(350e6), "$350M"},
		{English.Dollars(4822.37e12), "$4,822T"},
		{English.Dollars(-16.04e12), "−$16.0T"},
		{English.Dollars(0), "$0"},
		{Italian.Dollars(115008809821.17), "$115,0B"},
		{English.Int(3414893), "3,414,893"},
		{Italian.Int(3414893), "3.414.893"},
		{English.Power(7423.092), "7.42 GW"},
		{English.Power(738.46), "738 MW"},
		{English.Count(3414893), "3.41 M"},
		{English.Count(542376), "542 k"},
		{English.Percent(152.49, 2), "152.49 %"},
		{Italian.Percent(152.49, 2), "152,49 %"},
		{English.MoneyExact(decimal.RequireFromString("490322580.64")), "$490,322,580.64"},
		{English.MoneyExact(decimal.RequireFromString("-169351084197.58")), "−$169,351,084,197.58"},
		{English.Number(-0.0001, 2), "0.00"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
