package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ledgerTable is the commitment ledger by year and deal; each year opens
// into its months.
type ledgerTable struct {
	app.Compo

	View       ledgerView
	TotalLabel string
	Beyond     string
	open       map[string]bool
}

func (t *ledgerTable) toggle(year string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if t.open == nil {
			t.open = map[string]bool{}
		}
		t.open[year] = !t.open[year]
	}
}

func (t *ledgerTable) Render() app.UI {
	v := t.View
	var rows []app.UI
	for _, y := range v.Years {
		open := t.open[y.Label]
		rows = append(rows, app.Tr().Class("year").Body(
			app.Th().Scope("row").Body(
				app.Button().Class("expander").Aria("expanded", open).OnClick(t.toggle(y.Label)).Text(y.Label),
			),
			moneyCells(y.Cells),
		))
		if open {
			for _, m := range y.Months {
				rows = append(rows, app.Tr().Class("month").Body(app.Th().Scope("row").Text(m.Label), moneyCells(m.Cells)))
			}
		}
	}
	if v.Beyond != nil {
		rows = append(rows, app.Tr().Class("beyond").Body(app.Th().Scope("row").Text(t.Beyond), moneyCells(v.Beyond)))
	}
	return app.Div().Class("table-wrap").Body(
		app.Table().Class("ledger").Body(
			app.THead().Body(app.Tr().Body(app.Range(v.Head).Slice(func(i int) app.UI {
				return app.Th().Scope("col").Text(v.Head[i])
			}))),
			app.TBody().Body(rows...),
			app.TFoot().Body(app.Tr().Body(app.Th().Scope("row").Text(t.TotalLabel), moneyCells(v.Totals))),
		),
	)
}

func moneyCells(values []string) app.UI {
	return app.Range(values).Slice(func(i int) app.UI { return app.Td().Text(values[i]) })
}
