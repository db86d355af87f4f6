package main

import (
	"strconv"

	"computedash/core"
	"computedash/i18n"

	"github.com/shopspring/decimal"
)

// ledgerView is the commitment ledger as the table shows it: one column
// per deal and a total, one row per year with its months, exact to the cent.
type ledgerView struct {
	Head   []string
	Years  []ledgerRow
	Beyond []string // obligations outside the horizon, when any
	Totals []string
}

type ledgerRow struct {
	Label  string
	Cells  []string
	Months []ledgerRow
}

func newLedgerView(r *core.Result, c i18n.Catalog) ledgerView {
	l := &r.Ledger
	v := ledgerView{Head: []string{c.T("ledger.year")}}
	for _, d := range l.Deals {
		v.Head = append(v.Head, c.T("deal."+string(d.ID)))
	}
	v.Head = append(v.Head, c.T("ledger.total"))
	money := func(x decimal.Decimal) string { return c.Lang.MoneyExact(x) }
	row := func(label string, from, to core.Month) (ledgerRow, []core.Cents) {
		sums := make([]core.Cents, len(l.Deals)+1)
		for i, d := range l.Deals {
			for m := from; m <= to; m++ {
				sums[i] += d.Obligations[m]
			}
			sums[len(l.Deals)] += sums[i]
		}
		cells := make([]string, len(sums))
		for i, s := range sums {
			cells[i] = money(s.Decimal())
		}
		return ledgerRow{Label: label, Cells: cells}, sums
	}
	inHorizon := make([]core.Cents, len(l.Deals)+1)
	for y := core.FirstYear; y <= core.LastYear; y++ {
		yr, sums := row(strconv.Itoa(y), core.MonthOf(y, 1), core.MonthOf(y, 12))
		for i := range sums {
			inHorizon[i] += sums[i]
		}
		for m := core.MonthOf(y, 1); m <= core.MonthOf(y, 12); m++ {
			mr, _ := row(m.String(), m, m)
			yr.Months = append(yr.Months, mr)
		}
		v.Years = append(v.Years, yr)
	}
	var total core.Cents
	var beyond bool
	outside := make([]string, len(l.Deals)+1)
	for i, d := range l.Deals {
		total += d.Total
		out := d.Total - inHorizon[i]
		beyond = beyond || out != 0
		outside[i] = money(out.Decimal())
		v.Totals = append(v.Totals, money(d.Total.Decimal()))
	}
	outside[len(l.Deals)] = money((total - inHorizon[len(l.Deals)]).Decimal())
	v.Totals = append(v.Totals, money(total.Decimal()))
	if beyond {
		v.Beyond = outside
	}
	return v
}
