package main

import (
	"fmt"

	"computedash/core"
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
func export(query, format string, withRisk bool) ([]byte, []core.Notice, error) {
	p, notices := core.ParseQuery(query)
	r := core.Evaluate(p, notices)
	switch format {
	case formatJSON:
		var risk *core.Risk
		if withRisk {
			rk := core.Analyze(r)
			risk = &rk
		}
		out, err := core.ExportJSON(r, risk)
		return out, r.Notices, err
	case formatCSVMonthly:
		return core.ExportCSVMonthly(r), r.Notices, nil
	case formatCSVYearly:
		return core.ExportCSVYearly(r), r.Notices, nil
	}
	return nil, nil, fmt.Errorf("unknown format %q", format)
}
