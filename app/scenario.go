package main

import (
	"net/url"
	"slices"
	"strings"

	"computedash/core"
	"computedash/format"
)

// view holds the presentation parameters of the URL: they shape the page,
// not the model.
type view struct {
	lang   format.Lang
	embed  bool
	print  bool   // the board-pack print view
	preset string // the preset the scenario started from, if any
	pinned bool   // a scenario A is pinned (vs=, even empty: the base case)
	vs     string // the pinned scenario A of a comparison, as its query
	show   string // the parts an embedded page shows, as given (comma list)
}

// viewKeys are the URL parameters of the page's presentation.
var viewKeys = [...]string{"embed", "lang", "print", "preset", "show", "vs"}

// parseView reads the presentation parameters of a query.
func parseView(query string) view {
	v := view{lang: format.English}
	q, _ := url.ParseQuery(query)
	if q.Get("lang") == string(format.Italian) {
		v.lang = format.Italian
	}
	v.embed = q.Get("embed") == "1"
	v.print = q.Get("print") == "1"
	for _, pr := range core.Presets() {
		if q.Get("preset") == pr.ID {
			v.preset = pr.ID
		}
	}
	v.pinned = q.Has("vs")
	v.vs = modelQuery(q.Get("vs"))
	v.show = q.Get("show")
	return v
}

// query returns the presentation parameters as a query, "" for the defaults.
func (v view) query() string {
	var parts []string
	if v.preset != "" {
		parts = append(parts, "preset="+v.preset)
	}
	if v.pinned {
		parts = append(parts, "vs="+url.QueryEscape(v.vs))
	}
	if v.embed {
		parts = append(parts, "embed=1")
	}
	if v.show != "" {
		parts = append(parts, "show="+url.QueryEscape(v.show))
	}
	if v.print {
		parts = append(parts, "print=1")
	}
	if v.lang != format.English {
		parts = append(parts, "lang="+string(v.lang))
	}
	return strings.Join(parts, "&")
}

// scenario is what the page shows: the inputs, the query they were read
// from or written to, the notices of the query and of the model, and the
// model's result.
type scenario struct {
	params  core.Params
	query   string // model parameters only, as given or as canonical
	notices []core.Notice
	result  *core.Result
	report  *core.Report // of result; with the risk analysis once it is done
}

// scenarioOf evaluates the scenario of a URL query. The query is kept as
// given, so that an export of the page equals the command line's for it.
func scenarioOf(query string) scenario {
	mq := modelQuery(query)
	p, notices := core.ParseQuery(mq)
	r := core.Evaluate(p, notices)
	return scenario{params: p, query: mq, notices: r.Notices, result: r, report: core.NewReport(r, nil)}
}

// withParams evaluates new inputs: the query becomes canonical and the
// notices of the old query, which no longer applies, are dropped; the
// model's own (a dropped AWS extension) stay.
func withParams(p core.Params) scenario {
	r := core.Evaluate(p, nil)
	return scenario{params: p, query: core.EncodeQuery(&p), notices: r.Notices, result: r, report: core.NewReport(r, nil)}
}

// isViewKey reports whether k is a URL parameter of the page's
// presentation, not an input of the model: the page and the export
// command drop such keys before the model reads the query, so they give
// no notice.
func isViewKey(k string) bool { return slices.Contains(viewKeys[:], k) }

// modelQuery drops the presentation parameters from a query, keeping the
// rest byte for byte.
func modelQuery(query string) string {
	var keep []string
	for _, part := range strings.Split(query, "&") {
		key, _, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(key); err == nil && isViewKey(k) {
			continue
		}
		if part != "" {
			keep = append(keep, part)
		}
	}
	return strings.Join(keep, "&")
}

// pageQuery is the query of the page's URL for s under v.
func pageQuery(s scenario, v view) string {
	parts := []string{}
	if s.query != "" {
		parts = append(parts, s.query)
	}
	if vq := v.query(); vq != "" {
		parts = append(parts, vq)
	}
	return strings.Join(parts, "&")
}

// setInput returns p with the input id set from text, as typed or slid,
// and a notice when text was not used as given.
func setInput(p core.Params, id, text string) (core.Params, *core.Notice) {
	i := core.Index(id)
	if i < 0 {
		return p, nil
	}
	s := &core.Specs()[i]
	n := s.SetText(&p, text, true)
	if n != nil && n.Reason == core.ReasonMalformed { // typed: the value before it is kept
		used := s.Format(s.Get(&p))
		n.Used, n.Reason = &used, reasonTyped
	}
	return p, n
}

// reasonTyped marks a typed value that cannot be read: the value before it
// is kept.
const reasonTyped = "typed"

// analyze runs the risk analysis of s at once, puts it in its report and
// returns it.
func (s *scenario) analyze() core.Risk {
	rk := core.Analyze(s.result)
	s.report = core.NewReport(s.result, &rk)
	return rk
}
