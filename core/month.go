package core

import (
	"fmt"
	"strconv"
)

// Month is a calendar month counted from 2025-01 (Month 0). Months before
// 2025-01 are negative. The model's horizon is Month 0 through Month 179
// (2039-12).
type Month int

// Horizon bounds of the model.
const (
	FirstMonth     Month = 0   // 2025-01
	HorizonMonths        = 180 // 2025-01 through 2039-12
	LastMonth      Month = FirstMonth + HorizonMonths - 1
	FirstYear            = 2025
	LastYear             = 2039
	HorizonYears         = LastYear - FirstYear + 1
	HoursPerMonth        = 730.0 // 8,760 / 12, for every month
	firstCashMonth Month = 12    // 2026-01: the first month charged to cash
)

// MonthOf returns the Month of the given calendar year and month (1–12).
func MonthOf(year, month int) Month {
	return Month((year-FirstYear)*12 + month - 1)
}

// Year returns the calendar year of m.
func (m Month) Year() int {
	return FirstYear + floorDiv(int(m), 12)
}

// Calendar returns the month of the year of m, 1 through 12.
func (m Month) Calendar() int {
	return int(m) - floorDiv(int(m), 12)*12 + 1
}

// InHorizon reports whether m lies between 2025-01 and 2039-12.
func (m Month) InHorizon() bool { return m >= FirstMonth && m <= LastMonth }

// String returns m as YYYY-MM.
func (m Month) String() string {
	y, mo := m.Year(), m.Calendar()
	if y < 0 || y > 9999 {
		return fmt.Sprintf("%04d-%02d", y, mo)
	}
	return string([]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-', byte('0' + mo/10), byte('0' + mo%10)})
}

// ParseMonth parses a month written exactly as YYYY-MM with the month 01–12.
func ParseMonth(s string) (Month, error) {
	if len(s) != 7 || s[4] != '-' {
		return 0, fmt.Errorf("month %q is not written YYYY-MM", s)
	}
	for i, c := range []byte(s) {
		if i != 4 && (c < '0' || c > '9') {
			return 0, fmt.Errorf("month %q is not written YYYY-MM", s)
		}
	}
	y, _ := strconv.Atoi(s[:4])
	mo, _ := strconv.Atoi(s[5:])
	if mo < 1 || mo > 12 {
		return 0, fmt.Errorf("month %q has no month %02d", s, mo)
	}
	return MonthOf(y, mo), nil
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
