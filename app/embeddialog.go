package main

import (
	"slices"
	"strconv"

	"computedash/charts"
	"computedash/format"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embedDialog lets the user choose what an embedded copy of the scenario
// shows and its size, previews the iframe snippet and copies it.
type embedDialog struct {
	app.Compo

	Scenario scenario
	View     view
	Lang     format.Lang

	parts  []string // chosen parts, in the order of embedParts
	width  string
	height int
}

func (e *embedDialog) OnInit() { e.width = "100%" }

func (e *embedDialog) toggle(part string) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		on := ctx.JSSrc().Get("checked").Bool()
		var parts []string // in the order of embedParts
		for _, p := range embedParts() {
			if p == part && on || p != part && slices.Contains(e.parts, p) {
				parts = append(parts, p)
			}
		}
		e.parts = parts
		e.height = 0 // back to the height the parts need
	}
}

func (e *embedDialog) onWidth(ctx app.Context, ev app.Event) {
	if w := ctx.JSSrc().Get("value").String(); validWidth(w) {
		e.width = w
	}
}

func (e *embedDialog) onHeight(ctx app.Context, ev app.Event) {
	if h, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && h >= 100 && h <= 5000 {
		e.height = h
	}
}

// validWidth accepts a width in pixels (100–4000) or a percentage (1–100 %).
func validWidth(w string) bool {
	if n, err := strconv.Atoi(w); err == nil {
		return n >= 100 && n <= 4000
	}
	if len(w) > 1 && w[len(w)-1] == '%' {
		n, err := strconv.Atoi(w[:len(w)-1])
		return err == nil && n >= 1 && n <= 100
	}
	return false
}

// neededHeight is the height the chosen parts take, in pixels.
func neededHeight(parts []string) int {
	if len(parts) == 0 {
		return 1400 // the compact view: headline, risk and every chart
	}
	h := 60 // the link to the full dashboard
	for _, p := range parts {
		switch p {
		case partHeadline:
			h += 240
		case partRisk:
			h += 130
		case partNotices:
			h += 90
		default:
			h += 440
		}
	}
	return h
}

// size is the snippet's size: as set, or the height the parts need.
func (e *embedDialog) size() embedSize {
	s := embedSize{width: e.width, height: e.height}
	if s.height == 0 {
		s.height = neededHeight(e.parts)
	}
	return s
}

// snippet is the iframe code of what the dialog shows now.
func (e *embedDialog) snippet() string {
	return embedCode(e.Scenario, e.View, e.parts, e.size(), i18n.For(e.Lang).T("app.title"))
}

func (e *embedDialog) onCopy(ctx app.Context, ev app.Event) {
	ctx.NewActionWithValue(actionShare, e.snippet())
}

func (e *embedDialog) Render() app.UI {
	c := i18n.For(e.Lang)
	size := e.size()
	code := e.snippet()
	return app.Section().ID("embed-dialog").Class("embed-dialog").Aria("label", c.T("embed.title")).Body(
		app.H2().Text(c.T("embed.title")),
		app.FieldSet().Body(
			app.Legend().Text(c.T("embed.parts")),
			app.Range(embedParts()).Slice(func(i int) app.UI {
				p := embedParts()[i]
				return app.Label().Class("embed-part").Body(
					app.Input().Type("checkbox").DataSet("part", p).Checked(slices.Contains(e.parts, p)).OnChange(e.toggle(p)),
					app.Text(" "+partName(p, c)),
				)
			}),
		),
		app.Div().Class("embed-size").Body(
			app.Label().For("embed-width").Text(c.T("embed.width")),
			app.Input().ID("embed-width").Type("text").Value(e.width).Attr("inputmode", "text").OnChange(e.onWidth),
			app.Label().For("embed-height").Text(c.T("embed.height")),
			app.Input().ID("embed-height").Type("number").Min(100).Max(5000).Value(size.height).OnChange(e.onHeight),
		),
		app.Label().For("embed-code").Text(c.T("embed.preview")),
		app.Textarea().ID("embed-code").ReadOnly(true).Rows(3).Text(code),
		app.Button().ID("embed-copy").OnClick(e.onCopy).Text(c.T("action.copyembed")),
	)
}

// partName is the name of a part of the page in the catalog's words.
func partName(p string, c i18n.Catalog) string {
	switch p {
	case partHeadline, partRisk, partNotices:
		return c.T("part." + p)
	}
	return charts.Title(charts.ID(p), c)
}
