package main

import (
	"strconv"

	"computedash/core"
	"computedash/i18n"
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

// newLedgerView formats the ledger of a report.
func newLedgerView(rep *core.Report, c i18n.Catalog) ledgerView {
	v := ledgerView{Head: []string{c.T("ledger.year")}}
	for _, d := range rep.Deals {
		v.Head = append(v.Head, c.Deal(d.ID, d.Pool))
	}
	v.Head = append(v.Head, c.T("ledger.total"))
	money := func(m core.Money) string { return c.Lang.MoneyExact(m.Decimal()) }
	for y, yr := range rep.Yearly {
		row := ledgerRow{Label: strconv.Itoa(yr.Year)}
		for _, d := range rep.Deals {
			row.Cells = append(row.Cells, money(d.Years[y]))
		}
		row.Cells = append(row.Cells, money(yr.Obligations))
		for m := core.MonthOf(yr.Year, 1); m <= core.MonthOf(yr.Year, 12); m++ {
			mr := ledgerRow{Label: m.String()}
			for _, d := range rep.Deals {
				mr.Cells = append(mr.Cells, money(d.Obligations[m]))
			}
			row.Months = append(row.Months, ledgerRow{Label: mr.Label, Cells: append(mr.Cells, money(rep.Monthly.Obligations[m]))})
		}
		v.Years = append(v.Years, row)
	}
	var total core.Money
	outside := make([]string, 0, len(rep.Deals)+1)
	for _, d := range rep.Deals {
		total = total.Add(d.Total)
		outside = append(outside, money(d.Beyond))
		v.Totals = append(v.Totals, money(d.Total))
	}
	v.Totals = append(v.Totals, money(total))
	if rep.Beyond.Sign() != 0 { // no deal owes a negative amount outside
		v.Beyond = append(outside, money(rep.Beyond))
	}
	return v
}
