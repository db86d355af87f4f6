package main

import (
	"computedash/core"
	"computedash/format"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// groups lists the panel's groups in the order an analyst reads them.
var groups = []core.Group{
	core.GroupAWS, core.GroupOracle, core.GroupMicrosoft, core.GroupCoreWeave,
	core.GroupPower, core.GroupStargate, core.GroupFinance, core.GroupBigTech, core.GroupRisk,
}

// panel is the control panel: every input, grouped.
type panel struct {
	app.Compo

	Values []string // the value used of every input, in core.Specs order
	Lang   format.Lang
}

func (p *panel) Render() app.UI {
	cat := i18n.For(p.Lang)
	specs := core.Specs()
	return app.Aside().Class("panel").Aria("label", "controls").Body(
		app.Range(groups).Slice(func(g int) app.UI {
			group := groups[g]
			var ids []int
			for i := range specs {
				if specs[i].Group == group {
					ids = append(ids, i)
				}
			}
			return app.Details().Class("group").Open(group == core.GroupAWS || group == core.GroupFinance).Body(
				app.Summary().Text(cat.T("group."+string(group))),
				app.Range(ids).Slice(func(k int) app.UI {
					i := ids[k]
					return &control{ID: specs[i].ID, Value: p.Values[i], Lang: p.Lang}
				}),
			)
		}),
	)
}

// inputValues returns the value used of every input of p as URL text.
func inputValues(p *core.Params) []string {
	specs := core.Specs()
	out := make([]string, len(specs))
	for i := range specs {
		out[i] = specs[i].Format(specs[i].Get(p))
	}
	return out
}
