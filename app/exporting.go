package main

import (
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
	case kind == formatJSON:
		data, err = d.exportJSON()
		name, mime = name+".json", "application/json"
	case kind == formatCSVMonthly, kind == formatCSVYearly:
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

// exportJSON is the JSON export of the scenario, with its risk analysis:
// the one on screen when it is done (the same bytes as export() would
// compute again), else computed now.
func (d *dashboard) exportJSON() ([]byte, error) {
	if d.riskReady() {
		return d.sc.report.JSON()
	}
	data, _, err := export(d.sc.query, formatJSON, true)
	return data, err
}

// onShare shows the scenario's link and copies it where the browser
// allows; "embed" opens the embed dialog, and an embed snippet from it is
// copied as it is.
func (d *dashboard) onShare(ctx app.Context, a app.Action) {
	c := d.catalog()
	what, _ := a.Value.(string)
	text, msg := shareLink(d.sc, d.view), c.T("action.copied")
	switch {
	case what == "embed":
		d.embedOpen = !d.embedOpen
		return
	case strings.HasPrefix(what, "<iframe"):
		text, msg = what, c.T("action.embedcopied")
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
