package main

import (
	"fmt"
	"html"
	"strings"

	"computedash/charts"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// onExport downloads the scenario as JSON or CSV, or one chart as SVG.
func (d *dashboard) onExport(ctx app.Context, a app.Action) {
	kind, _ := a.Value.(string)
	var (
		data []byte
		err  error
		name = "compute-scenario"
		mime = "text/csv;charset=utf-8"
	)
	switch {
	case kind == formatJSON && d.riskReady():
		// The risk analysis on screen is the scenario's: the same bytes as
		// export() would compute again.
		data, err = d.sc.report.JSON()
		name, mime = name+".json", "application/json"
	case kind == formatJSON, kind == formatCSVMonthly, kind == formatCSVYearly:
		data, _, err = export(d.sc.query, kind, true)
		name += map[string]string{formatJSON: ".json", formatCSVMonthly: "-monthly.csv", formatCSVYearly: "-yearly.csv"}[kind]
		if kind == formatJSON {
			mime = "application/json"
		}
	case kind == exportA && d.ref != nil && d.ref.pinned:
		data, _, err = export(d.ref.sc.query, formatJSON, true)
		name, mime = "compute-scenario-a.json", "application/json"
	case strings.HasPrefix(kind, "svg:"):
		id := charts.ID(strings.TrimPrefix(kind, "svg:"))
		svg, ok := d.charts.svgs[id]
		if !ok {
			return
		}
		data, name, mime = []byte(svg), "chart-"+string(id)+".svg", "image/svg+xml"
	default:
		return
	}
	if err != nil {
		d.say(ctx, err.Error())
		return
	}
	download(name, mime, data)
}

// onShare shows the scenario's link, or the iframe code of its compact
// view, and copies it where the browser allows.
func (d *dashboard) onShare(ctx app.Context, a app.Action) {
	c := d.catalog()
	what, _ := a.Value.(string)
	text, msg := shareLink(d.sc, d.view), c.T("action.copied")
	if what == "embed" {
		text, msg = embedCode(d.sc, d.view, c.T("app.title")), c.T("action.embedcopied")
	}
	d.share = text
	if !copyText(text) {
		msg = c.T("action.copyfailed")
	}
	d.say(ctx, msg)
}

func shareLink(s scenario, v view) string {
	v.embed = false
	return pageURL(pageQuery(s, v))
}

// embedCode is an iframe that shows the scenario without the controls.
func embedCode(s scenario, v view, title string) string {
	v.embed = true
	return fmt.Sprintf(`<iframe src="%s" title="%s" width="100%%" height="760" style="border:0" loading="lazy"></iframe>`,
		html.EscapeString(pageURL(pageQuery(s, v))), html.EscapeString(title))
}
