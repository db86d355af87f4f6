// Package i18n is the catalog of every string the page shows, by language:
// labels, hints, notices, chart titles and headline sentences.
package i18n

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

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
// A key missing from the language falls back to English, then to the key
// itself.
func (c Catalog) T(key string, args ...any) string {
	s, ok := c.lookup(key)
	if !ok {
		s = key
	}
	if len(args) == 0 {
		return s
	}
	return sprintf(s, args)
}

// sprintf returns fmt.Sprintf(format, args...). The verbs the catalogs
// use, %s of a string, %d of an int and %%, it writes itself: the early
// headline's first run then compiles none of fmt's printer, a tenth of its
// code (docs/performance.md). Anything else goes to fmt.
func sprintf(format string, args []any) string {
	b := make([]byte, 0, len(format)+16*len(args))
	n := 0 // args used
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		if i++; i == len(format) {
			return fmt.Sprintf(format, args...)
		}
		verb := format[i]
		if verb == '%' {
			b = append(b, '%')
			continue
		}
		if n == len(args) {
			return fmt.Sprintf(format, args...)
		}
		switch v := args[n].(type) {
		case string:
			if verb != 's' {
				return fmt.Sprintf(format, args...)
			}
			b = append(b, v...)
		case int:
			if verb != 'd' {
				return fmt.Sprintf(format, args...)
			}
			b = strconv.AppendInt(b, int64(v), 10)
		default:
			return fmt.Sprintf(format, args...)
		}
		n++
	}
	if n != len(args) {
		return fmt.Sprintf(format, args...) // it reports the extra arguments
	}
	return string(b)
}

// Label returns the label of the input with the given id: the catalog's
// own, or for a slot's input the slot's pattern ("Extra deal 1 value").
func (c Catalog) Label(id string) string {
	if s, ok := c.lookup("input." + id); ok {
		return s
	}
	if slot, field, ok := strings.Cut(id, "."); ok && slices.Contains(core.Slots(), core.DealID(slot)) {
		return c.T("slot."+field, strings.TrimPrefix(slot, "x"))
	}
	return id
}

// Unit returns the words for a unit, "" for none.
func (c Catalog) Unit(u core.Unit) string {
	s, _ := c.lookup("unit." + string(u))
	return s
}

// WithUnit writes a value, as URL text, with its unit: "$38B", "80 %".
func (c Catalog) WithUnit(v string, u core.Unit) string {
	if _, ok := c.lookup("value." + string(u)); !ok {
		return v
	}
	return c.T("value."+string(u), v)
}

// Choice returns the words for the choice word of input id (a supplier).
func (c Catalog) Choice(word string) string { return c.T("supplier." + word) }

// Deal returns the name of a deal of the ledger: a default deal's own, an
// extra deal's supplier with its slot, "Google (x2)".
func (c Catalog) Deal(id core.DealID, pool core.PoolID) string {
	if !slices.Contains(core.Slots(), id) {
		return c.T("deal." + string(id))
	}
	word := string(pool)
	for _, ch := range core.SupplierChoices() {
		if ch.Pool == pool {
			word = ch.ID
		}
	}
	return c.T("deal.slot", c.Choice(word), string(id))
}

// lookup returns the string of key in the language, else in English.
func (c Catalog) lookup(key string) (string, bool) {
	if s, ok := c.m[key]; ok {
		return s, true
	}
	s, ok := english[key]
	return s, ok
}

// Has reports whether key is in the catalog of the language (not only in
// the English fallback).
func (c Catalog) Has(key string) bool {
	_, ok := c.m[key]
	return ok
}
