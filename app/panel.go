package main

import (
	"computedash/core"
	"computedash/format"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// panel is the control panel: every input, grouped. A group's controls
// are laid out only while it is open, which keeps each render small.
type panel struct {
	app.Compo

	Values  []string // the value used of every input, in core.Specs order
	Lang    format.Lang
	toggled map[core.Group]bool // the groups the user opened or closed
}

// startsOpen reports whether group g is open when the page starts: the
// AWS deal and OpenAI's finance, what an analyst starts with.
func startsOpen(g core.Group) bool { return g == core.GroupAWS || g == core.GroupFinance }

// isOpen reports whether group g is open: as the user left it, else as it
// starts.
func (p *panel) isOpen(g core.Group) bool {
	if open, ok := p.toggled[g]; ok {
		return open
	}
	return startsOpen(g)
}

func (p *panel) onToggle(g core.Group) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		open := ctx.JSSrc().Get("open").Bool()
		if p.isOpen(g) == open {
			ctx.PreventUpdate()
			return
		}
		if p.toggled == nil {
			p.toggled = map[core.Group]bool{}
		}
		p.toggled[g] = open
	}
}

func (p *panel) Render() app.UI {
	cat := i18n.For(p.Lang)
	specs := core.Specs()
	groups := core.Groups()
	return app.Aside().Class("panel").Aria("label", cat.T("panel.label")).Body(
		app.Range(groups).Slice(func(g int) app.UI {
			group := groups[g]
			open := p.isOpen(group)
			var ids []int
			for i := range specs {
				if open && specs[i].Group == group {
					ids = append(ids, i)
				}
			}
			return app.Details().Class("group").DataSet("group", string(group)).Open(open).OnToggle(p.onToggle(group)).Body(
				app.Summary().Text(cat.T("group."+string(group))),
				app.If(open && group == core.GroupExtra, func() app.UI { return app.P().Class("note").Text(cat.T("extra.note")) }),
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
