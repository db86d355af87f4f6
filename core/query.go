package core

import (
	"net/url"
	"strings"

	"github.com/shopspring/decimal"
)

// Reasons a Notice gives.
const (
	ReasonUnknown    = "unknown"      // the key names no input
	ReasonMalformed  = "malformed"    // the value cannot be read; the default is used
	ReasonOutOfRange = "out-of-range" // the value was clamped to the input's range
	ReasonDuplicate  = "duplicate"    // a repeated key; its first value counts
	ReasonDropped    = "dropped"      // the AWS extension has no months to run in
)

// Notice tells the user that a parameter was not used as given.
type Notice struct {
	Key    string  `json:"key"`
	Given  string  `json:"given"`
	Used   *string `json:"used"` // the value used, as URL text; nil when none
	Reason string  `json:"reason"`
}

// ParseQuery reads a URL query (without the leading '?') into the inputs it
// sets, every other input at its default. Every key is taken for an input:
// a page strips its own presentation parameters first. Unknown keys, malformed values,
// out-of-range values and repeated keys never fail: each gives a Notice, in
// query order, and the fallback MODEL.md §10 and §12 prescribe.
func ParseQuery(query string) (Params, []Notice) {
	p := Defaults()
	var notices []Notice
	seen := make(map[string]bool)
	for _, part := range strings.Split(query, "&") {
		if part == "" {
			continue
		}
		rawKey, rawVal, _ := strings.Cut(part, "=")
		key, kerr := url.QueryUnescape(rawKey)
		val, verr := url.QueryUnescape(rawVal)
		if kerr != nil {
			key = rawKey
		}
		if verr != nil {
			val = rawVal
		}
		i := Index(key)
		if i < 0 || kerr != nil {
			notices = append(notices, Notice{Key: key, Given: val, Reason: ReasonUnknown})
			continue
		}
		s := &specs[i]
		if seen[key] {
			notices = append(notices, Notice{Key: key, Given: val, Used: ptr(s.Format(s.Get(&p))), Reason: ReasonDuplicate})
			continue
		}
		seen[key] = true
		if n := s.SetText(&p, val, verr == nil); n != nil { // a broken escape is unreadable
			notices = append(notices, *n)
		}
	}
	return p, notices
}

// SetText reads text as a value of s and stores it in p, clamped to the
// input's range; readable is false for text known to be unreadable. It
// returns a notice when the text was not used as given: out of range
// (the bound used), or malformed (p keeps its value; the notice says the
// default is used, which is what p holds when it comes from Defaults).
func (s *Spec) SetText(p *Params, text string, readable bool) *Notice {
	v, err := s.Parse(text)
	if !readable || err != nil {
		return &Notice{Key: s.ID, Given: text, Used: ptr(s.Format(s.Default)), Reason: ReasonMalformed}
	}
	c := s.clamp(v)
	s.field.set(p, c)
	if !c.Equal(v) {
		return &Notice{Key: s.ID, Given: text, Used: ptr(s.Format(c)), Reason: ReasonOutOfRange}
	}
	return nil
}

// Parse reads the text of a value of s, as written in a URL or typed into a
// field, without clamping it to the range.
func (s *Spec) Parse(text string) (decimal.Decimal, error) {
	switch s.Kind {
	case MonthKind:
		m, err := ParseMonth(text)
		if err != nil {
			return decimal.Zero, err
		}
		return decimal.NewFromInt(int64(m)), nil
	case Flag:
		switch text {
		case "0":
			return decimal.Zero, nil
		case "1":
			return decimal.NewFromInt(1), nil
		}
		return decimal.Zero, &ValueError{ID: s.ID, Text: text, Why: "is not 0 or 1"}
	case Choice:
		word := strings.TrimSpace(text)
		for i, c := range s.Choices {
			if c == word {
				return decimal.NewFromInt(int64(i)), nil
			}
		}
		return decimal.Zero, &ValueError{ID: s.ID, Text: text, Why: "is not one of " + strings.Join(s.Choices, ", ")}
	}
	d, err := decimal.NewFromString(strings.TrimSpace(text))
	if err != nil {
		return decimal.Zero, &ValueError{ID: s.ID, Text: text, Why: "is not a number"}
	}
	if s.Kind == Whole && !d.IsInteger() {
		return decimal.Zero, &ValueError{ID: s.ID, Text: text, Why: "is not a whole number"}
	}
	return d, nil
}

// ValueError reports a value that cannot be read.
type ValueError struct {
	ID, Text, Why string
}

func (e *ValueError) Error() string { return e.ID + ": " + e.Text + " " + e.Why }

// Format writes a value of s as URL text: a month as YYYY-MM, a flag as
// 0 or 1, a choice as its word, a number in plain decimal notation.
func (s *Spec) Format(v decimal.Decimal) string {
	switch s.Kind {
	case Choice:
		if i := int(v.IntPart()); i >= 0 && i < len(s.Choices) {
			return s.Choices[i]
		}
		return s.Format(s.Default)
	case MonthKind:
		return Month(v.IntPart()).String()
	case Flag:
		if v.Sign() != 0 {
			return "1"
		}
		return "0"
	}
	return v.String()
}

// EncodeQuery returns the canonical query of p: only the inputs that differ
// from their defaults, in the order of Specs. ParseQuery(EncodeQuery(p))
// gives back p.
func EncodeQuery(p *Params) string {
	var b strings.Builder
	for i := range specs {
		s := &specs[i]
		if s.field.same(p, &defaults) {
			continue
		}
		v := s.Get(p)
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(s.ID)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(s.Format(v)))
	}
	return b.String()
}

// Equal reports whether p and q hold the same value for every input.
func (p *Params) Equal(q *Params) bool {
	for i := range specs {
		if !specs[i].field.same(p, q) {
			return false
		}
	}
	return true
}

// defaults is the base case, to compare with; it is never written.
var defaults = Defaults()

func ptr(s string) *string { return &s }
