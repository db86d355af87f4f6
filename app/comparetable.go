package main

import (
	"cmp"
	"math"

	"computedash/core"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// compareTable holds scenario A against scenario B: the eight headline
// figures, the 2030 cash P50 and the probability of a cash-out before
// 2030, with the difference, and a download of each scenario.
type compareTable struct {
	app.Compo

	Title    string
	Head     [4]string // figure, A, B, B − A
	Rows     []compareRow
	Download [2]string // the buttons' words, A then B
}

type compareRow struct {
	Key         string
	Label, A, B string
	Diff        string
}

func (t *compareTable) Render() app.UI {
	return app.Section().Class("compare").Aria("label", t.Title).Body(
		app.H2().Text(t.Title),
		app.Table().Body(
			app.THead().Body(app.Tr().Body(
				app.Range(t.Head[:]).Slice(func(i int) app.UI { return app.Th().Scope("col").Text(t.Head[i]) }),
			)),
			app.TBody().Body(app.Range(t.Rows).Slice(func(i int) app.UI {
				r := t.Rows[i]
				return app.Tr().DataSet("compare", r.Key).Body(
					app.Th().Scope("row").Text(r.Label), app.Td().Text(r.A), app.Td().Text(r.B), app.Td().Text(r.Diff),
				)
			})),
		),
		app.P().Class("compare-downloads").Body(
			app.Button().ID("export-a").OnClick(t.download(exportA)).Text(t.Download[0]),
			app.Button().ID("export-b").OnClick(t.download(formatJSON)).Text(t.Download[1]),
		),
	)
}

func (t *compareTable) download(kind string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionExport, kind) }
}

// exportA is the export action of scenario A's JSON.
const exportA = "json-a"

// compareView is the comparison table when a scenario is pinned as A.
func (d *dashboard) compareView(c i18n.Catalog) app.UI {
	if d.ref == nil || !d.ref.pinned {
		return app.If(false, nil)
	}
	a, b := d.ref.sc.report, d.sc.report
	t := &compareTable{Title: c.T("compare.title"),
		Head:     [4]string{c.T("compare.figure"), c.T("compare.a"), c.T("compare.b"), c.T("compare.diff")},
		Download: [2]string{c.T("compare.download", c.T("compare.a")), c.T("compare.download", c.T("compare.b"))}}
	for _, f := range d.figures { // held against A by d.headline
		t.Rows = append(t.Rows, compareRow{Key: f.Key, Label: f.Label, A: f.RefValue, B: f.Value, Diff: f.Delta})
	}
	cash, pOut := compareRow{Key: "cash_p50_2030", Label: c.T("compare.cash2030")}, compareRow{Key: "p_cash_out_before_2030", Label: c.T("compare.pcashout")}
	for i, rep := range []*core.Report{a, b} {
		v, p := c.T("compare.waiting"), c.T("compare.waiting")
		if rep.Risk != nil {
			mc := &rep.Risk.MonteCarlo
			v, p = c.Lang.Money(mc.CashP50[2030-core.FirstYear-1].Decimal()), c.Lang.Percent(mc.PCashOutBefore2030*100, 0)
		}
		if i == 0 {
			cash.A, pOut.A = v, p
		} else {
			cash.B, pOut.B = v, p
		}
	}
	if a.Risk != nil && b.Risk != nil {
		ma, mb := &a.Risk.MonteCarlo, &b.Risk.MonteCarlo
		diff := mb.CashP50[2030-core.FirstYear-1].Sub(ma.CashP50[2030-core.FirstYear-1])
		cash.Diff = i18n.Signed(diff.Sign(), c.Lang.Money(diff.Abs().Decimal()))
		dp := mb.PCashOutBefore2030 - ma.PCashOutBefore2030
		pOut.Diff = i18n.Signed(cmp.Compare(dp, 0), c.Lang.Percent(math.Abs(dp)*100, 0))
		if diff.Sign() == 0 {
			cash.Diff = c.T("delta.same")
		}
		if dp == 0 {
			pOut.Diff = c.T("delta.same")
		}
	}
	t.Rows = append(t.Rows, cash, pOut)
	return t
}
