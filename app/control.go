package main

import (
	"strconv"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// control is the slider, number field, unit, default mark, reset and source
// hint of one input.
type control struct {
	app.Compo

	ID    string
	Value string // the value used, as URL text
	Lang  format.Lang
}

func (c *control) spec() *core.Spec { return &core.Specs()[core.Index(c.ID)] }

// OnMount sets the slider's value once its range is in place: the browser
// clamps a value set before max to the default range of 0–100.
func (c *control) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID("range-" + c.ID); el.Truthy() {
			el.Set("value", c.sliderValue())
		}
	})
}

// sliderValue is the slider position of the value.
func (c *control) sliderValue() string { return sliderPosition(c.spec(), c.Value) }

// sliderPosition is the slider position of value, an input's URL text:
// month inputs slide over month indexes, the others over their own units.
func sliderPosition(s *core.Spec, value string) string {
	if s.Kind == core.MonthKind {
		if m, err := core.ParseMonth(value); err == nil {
			return strconv.Itoa(int(m))
		}
	}
	return value
}

// onSlide posts the slider's value. The control itself is not updated:
// it shows the value the dashboard gives it, and the dashboard decides
// when the page follows a move (dashboard.follow).
func (c *control) onSlide(commit bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.PreventUpdate()
		text := ctx.JSSrc().Get("value").String()
		if v := ctx.JSSrc().Get("computedashValue"); v.Type() == app.TypeString {
			text = v.String() // the value the event told, whatever an update wrote since (web/boot.js)
		}
		if s := c.spec(); s.Kind == core.MonthKind {
			n, _ := strconv.Atoi(text)
			text = core.Month(n).String()
		}
		ctx.NewActionWithValue(actionSet, inputChange{ID: c.ID, Text: text, Commit: commit})
	}
}

func (c *control) onType(ctx app.Context, e app.Event) {
	text := ctx.JSSrc().Get("value").String()
	if _, err := c.spec().Parse(text); err != nil {
		ctx.JSSrc().Set("value", c.Value) // keep what is used; the notice says why
	}
	ctx.NewActionWithValue(actionSet, inputChange{ID: c.ID, Text: text, Commit: true})
}

func (c *control) onToggle(ctx app.Context, e app.Event) {
	text := "0"
	if ctx.JSSrc().Get("checked").Bool() {
		text = "1"
	}
	ctx.NewActionWithValue(actionSet, inputChange{ID: c.ID, Text: text, Commit: true})
}

func (c *control) onChoose(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionSet, inputChange{ID: c.ID, Text: ctx.JSSrc().Get("value").String(), Commit: true})
}

func (c *control) onReset(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionReset, c.ID)
}

func (c *control) Render() app.UI {
	s := c.spec()
	cat := i18n.For(c.Lang)
	label := cat.Label(c.ID)
	def := s.Format(s.Default)
	hint := cat.T("control.source", s.Source, s.Confidence)
	isDefault := c.Value == def
	switch s.Kind {
	case core.Choice:
		return app.Div().Class("control", "choice").DataSet("input", c.ID).Body(
			app.Div().Class("control-head").Body(app.Label().For("in-"+c.ID).Title(hint).Text(label)),
			app.Div().Class("control-row").Body(
				app.Select().ID("in-"+c.ID).DataSet("input", c.ID).OnChange(c.onChoose).Body(
					app.Range(s.Choices).Slice(func(i int) app.UI {
						w := s.Choices[i]
						return app.Option().Value(w).Selected(w == c.Value).Text(cat.Choice(w))
					}),
				),
				app.Button().Class("reset").Title(cat.T("action.reset", cat.Choice(def))).Aria("label", cat.T("action.reset", cat.Choice(def))).
					Disabled(isDefault).OnClick(c.onReset).Text("↺"),
			),
			app.Small().Class("hint").Text(hint),
		)
	case core.Flag:
		return app.Div().Class("control", "flag").DataSet("input", c.ID).Body(
			app.Label().For("in-"+c.ID).Title(hint).Body(
				app.Input().Type("checkbox").ID("in-"+c.ID).DataSet("input", c.ID).Checked(c.Value == "1").OnChange(c.onToggle),
				app.Span().Text(label),
			),
		)
	}
	return app.Div().Class("control").DataSet("input", c.ID).Body(
		app.Div().Class("control-head").Body(
			app.Label().For("in-"+c.ID).Title(hint).Text(label),
			app.If(cat.Unit(s.Unit) != "", func() app.UI { return app.Span().Class("unit").Text(cat.Unit(s.Unit)) }),
		),
		app.Div().Class("control-row").Body(
			app.Div().Class("slider").Body(
				app.Input().Type("range").ID("range-"+c.ID).DataSet("input", c.ID).
					Min(s.Min.String()).Max(s.Max.String()).Step(s.Step.InexactFloat64()).
					Value(c.sliderValue()).Aria("label", label).
					OnInput(c.onSlide(false)).OnChange(c.onSlide(true)),
				app.Span().Class("default-mark").Style("left", defaultPosition(s)).Title(cat.T("control.default", def)),
			),
			app.Input().Type("text").ID("in-"+c.ID).Class("num").DataSet("input", c.ID).
				Value(c.Value).Aria("label", label).Attr("inputmode", inputMode(s)).
				Attr("spellcheck", "false").Attr("autocomplete", "off").OnChange(c.onType),
			app.Button().Class("reset").Title(cat.T("action.reset", def)).Aria("label", cat.T("action.reset", def)).
				Disabled(isDefault).OnClick(c.onReset).Text("↺"),
		),
		app.Small().Class("hint").Text(hint),
	)
}

// defaultPosition places the default mark along the slider, as a CSS left.
func defaultPosition(s *core.Spec) string {
	span := s.Max.Sub(s.Min).InexactFloat64()
	if span <= 0 {
		return "0%"
	}
	pct := s.Default.Sub(s.Min).InexactFloat64() / span * 100
	return strconv.FormatFloat(pct, 'f', 2, 64) + "%"
}

func inputMode(s *core.Spec) string {
	switch s.Kind {
	case core.Whole:
		return "numeric"
	case core.MonthKind:
		return "text"
	}
	return "decimal"
}
