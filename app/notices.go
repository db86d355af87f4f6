package main

import (
	"computedash/core"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// maxGiven is how much of a given value a notice shows.
const maxGiven = 80

// noticeBar lists the parameters that were not used as given. Given text
// is shown as text, never as markup, and cut to a readable length.
type noticeBar struct {
	app.Compo

	Title    string
	Messages []string
	Dismiss  string
}

func (n *noticeBar) Render() app.UI {
	return app.Section().Class("notices").Aria("live", "polite").Body(
		app.Div().Class("notices-head").Body(
			app.Strong().Text(n.Title),
			app.Button().Class("link").Text(n.Dismiss).OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewAction(actionDismiss)
			}),
		),
		app.Ul().Body(app.Range(n.Messages).Slice(func(i int) app.UI {
			return app.Li().DataSet("notice", i).Text(n.Messages[i])
		})),
	)
}

// noticeMessage writes a notice in the words of the catalog.
func noticeMessage(n core.Notice, c i18n.Catalog) string {
	used := ""
	if n.Used != nil {
		used = *n.Used
	}
	given := []rune(n.Given)
	text := string(given)
	if len(given) > maxGiven {
		text = string(given[:maxGiven]) + "…"
	}
	key := []rune(n.Key)
	name := string(key)
	if len(key) > maxGiven {
		name = string(key[:maxGiven]) + "…"
	}
	switch n.Reason {
	case core.ReasonUnknown:
		return c.T("notice.unknown", name, text)
	case core.ReasonDropped:
		return c.T("notice.dropped", name, text)
	case reasonTyped:
		return c.T("notice.typed", c.Label(n.Key), text, used)
	}
	return c.T("notice."+n.Reason, name, text, used)
}
