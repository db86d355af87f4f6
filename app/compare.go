package main

import (
	"computedash/core"
	"computedash/i18n"
)

// reference is the scenario the headline is held against: the pinned
// scenario A of a comparison (the URL's vs), or the base case when the
// scenario differs from it.
type reference struct {
	sc     scenario
	pinned bool // A of a comparison, not the base case
}

// label is how the page names the reference.
func (r *reference) label(c i18n.Catalog) string {
	if r.pinned {
		return c.T("compare.a")
	}
	return c.T("compare.base")
}

// referenceOf returns the reference of scenario s under view v, or nil
// when there is none (no vs, and s is the base case). It reuses cached
// when that is the same reference.
func referenceOf(s scenario, v view, cached *reference) *reference {
	if v.pinned {
		if cached != nil && cached.pinned && cached.sc.query == v.vs {
			return cached
		}
		return &reference{sc: scenarioOf(v.vs), pinned: true}
	}
	base := core.Defaults()
	if s.params.Equal(&base) {
		return nil
	}
	if cached != nil && !cached.pinned {
		return cached
	}
	return &reference{sc: withParams(base)}
}
