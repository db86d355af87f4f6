// Package i18n is the catalog of every string the page shows, by language:
// labels, hints, notices, chart titles and headline sentences.
package i18n

import (
	"fmt"

	"computedash/core"
	"computedash/format"
)

// Catalog looks up the strings of one language.
type Catalog struct {
	Lang format.Lang
	m    map[string]string
}

// For returns the catalog of lang, English when lang is not known.
func For(lang format.Lang) Catalog {
	if lang == format.Italian {
		return Catalog{Lang: lang, m: italian}
	}
	return Catalog{Lang: format.English, m: english}
}

// T returns the string of key, formatted with args as fmt.Sprintf does.
// A key missing from the language falls back to English, then to the
// input table's own English label, then to the key itself.
func (c Catalog) T(key string, args ...any) string {
	s, ok := c.m[key]
	if !ok {
		s, ok = english[key]
	}
	if !ok {
		s = key
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Label returns the label of the input with the given id.
func (c Catalog) Label(id string) string {
	if s, ok := c.m["input."+id]; ok {
		return s
	}
	if i := core.Index(id); i >= 0 {
		return core.Specs()[i].Label
	}
	return id
}

// Unit returns a unit of the input table in the catalog's language.
func (c Catalog) Unit(unit string) string {
	if s, ok := c.m["unit."+unit]; ok {
		return s
	}
	return unit
}

// Has reports whether key is in the catalog of the language (not only in
// the English fallback).
func (c Catalog) Has(key string) bool {
	_, ok := c.m[key]
	return ok
}
