package main

import (
	"fmt"
	"strings"
	"unicode"

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
	return app.Section().Class("notices").Hidden(len(n.Messages) == 0).Aria("live", "polite").Body(
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
	text, name := shown(n.Given), shown(n.Key)
	switch n.Reason {
	case core.ReasonUnknown:
		return c.T("notice.unknown", name, text)
	case core.ReasonDropped:
		return c.T("notice.dropped", name, text)
	case reasonPart:
		return c.T("notice.part", name, text)
	case reasonTyped:
		return c.T("notice.typed", c.Label(n.Key), text, used)
	}
	return c.T("notice."+n.Reason, name, text, used)
}

// shown writes given text as a notice shows it: every character that does
// not show, or that changes how the text around it reads (controls,
// zero-width characters, direction overrides and isolates, line and
// paragraph separators), as ⟨U+XXXX⟩, so that a key such as
// "aws.\u200bvalue" cannot pass for "aws.value"; then cut to maxGiven
// characters.
func shown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
			continue
		}
		b.WriteRune(r)
	}
	text := []rune(b.String())
	if len(text) > maxGiven {
		return string(text[:maxGiven]) + "…"
	}
	return string(text)
}
