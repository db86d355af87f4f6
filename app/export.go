package main

import (
	"fmt"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"
)

// Export formats.
const (
	formatJSON       = "json"
	formatCSVMonthly = "csv-monthly"
	formatCSVYearly  = "csv-yearly"
)

// export evaluates the scenario of query and returns it in the given
// format, with the notices of the query and the model. The page and the
// command line both call it, so their files are the same bytes.
func export(query, kind string, withRisk bool) ([]byte, []core.Notice, error) {
	p, notices := core.ParseQuery(modelQuery(query))
	r := core.Evaluate(p, notices)
	var risk *core.Risk
	if withRisk && kind == formatJSON {
		rk := core.Analyze(r)
		risk = &rk
	}
	out, err := exportReport(core.NewReport(r, risk), kind)
	return out, r.Notices, err
}

// exportReport writes a report in the given format. The CSV headers are
// English, whatever the page's language, so that a file is the same
// whoever downloads it.
func exportReport(rep *core.Report, kind string) ([]byte, error) {
	switch kind {
	case formatJSON:
		return rep.JSON()
	case formatCSVMonthly:
		return csvMonthly(rep, i18n.For(format.English)), nil
	case formatCSVYearly:
		return csvYearly(rep, i18n.For(format.English)), nil
	}
	return nil, fmt.Errorf("unknown format %q", kind)
}
