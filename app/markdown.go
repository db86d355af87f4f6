package main

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// markdown renders the subset of Markdown that docs/methodology.md and
// docs/facts.md use: ATX headings # to #### (each with an id slug for
// anchors), paragraphs, "-"/"*" bullet lists, "1." numbered lists, pipe
// tables with a header row and a |---| separator, and inline **bold**,
// *italic*, `code`, [text](url) and backslash escapes. Every piece of text
// goes through app.Text, so nothing in src can become markup. Links are
// links only for http://, https:// and #anchor targets; any other target
// (javascript:, data:, a relative path) leaves the link text as plain text.
func markdown(src string) []app.UI {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var out []app.UI
	slugs := map[string]int{}
	for i := 0; i < len(lines); {
		line := strings.TrimSpace(lines[i])
		var ui app.UI
		switch {
		case line == "":
			i++
			continue
		case headingLevel(line) > 0:
			n := headingLevel(line)
			text := strings.TrimSpace(strings.TrimRight(line[n:], "#"))
			ui = app.Elem("h"+strconv.Itoa(n)).ID("%s", uniqueSlug(slugs, text)).Body(inline(text)...)
			i++
		case isTableStart(lines, i):
			ui, i = table(lines, i)
		case listMarker(line) != "":
			ui, i = list(lines, i)
		default:
			var text string
			text, i = joinLines(lines, i, line)
			ui = app.P().Body(inline(text)...)
		}
		out = append(out, ui)
	}
	return out
}

// joinLines returns first joined with the lines after line i that continue
// it (neither blank nor the start of another block), and the next line.
func joinLines(lines []string, i int, first string) (string, int) {
	for i++; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" || headingLevel(l) > 0 || listMarker(l) != "" || isTableStart(lines, i) {
			break
		}
		first += " " + l
	}
	return first, i
}

// headingLevel returns 1–4 for an ATX heading line, else 0.
func headingLevel(line string) int {
	n := len(line) - len(strings.TrimLeft(line, "#"))
	if n < 1 || n > 4 || (len(line) > n && line[n] != ' ') {
		return 0
	}
	return n
}

// uniqueSlug returns a heading's anchor id as GitHub makes it: letters and
// digits in lower case, "-" and "_" kept, each space a "-", the rest
// dropped; repeats get "-1", "-2"…
func uniqueSlug(seen map[string]int, text string) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			return unicode.ToLower(r)
		case r == ' ':
			return '-'
		}
		return -1
	}, text)
	if s == "" {
		s = "section"
	}
	n := seen[s]
	seen[s] = n + 1
	if n > 0 {
		return s + "-" + strconv.Itoa(n)
	}
	return s
}

var numberedItem = regexp.MustCompile(`^[0-9]{1,9}\. `)

// listMarker returns "-" for a bullet item ("- " or "* "), "N." for a
// numbered one, "" otherwise.
func listMarker(line string) string {
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") {
		return "-"
	}
	if m := numberedItem.FindString(line); m != "" {
		return m[:len(m)-1]
	}
	return ""
}

// list renders the list that starts at line i, and returns the next line.
func list(lines []string, i int) (app.UI, int) {
	first := listMarker(strings.TrimSpace(lines[i]))
	var items []app.UI
	for i < len(lines) {
		l := strings.TrimSpace(lines[i])
		m := listMarker(l)
		if m == "" || (m == "-") != (first == "-") {
			break
		}
		var text string
		text, i = joinLines(lines, i, strings.TrimSpace(l[len(m):]))
		items = append(items, app.Li().Body(inline(text)...))
	}
	if first == "-" {
		return app.Ul().Body(items...), i
	}
	start, _ := strconv.Atoi(strings.TrimSuffix(first, "."))
	return app.Ol().Start(start).Body(items...), i
}

var separator = regexp.MustCompile(`^\|?(\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?$`)

func isTableStart(lines []string, i int) bool {
	return strings.HasPrefix(strings.TrimSpace(lines[i]), "|") && i+1 < len(lines) &&
		separator.MatchString(strings.TrimSpace(lines[i+1]))
}

// table renders the pipe table that starts at line i, and returns the next
// line. Every row gets as many cells as the header.
func table(lines []string, i int) (app.UI, int) {
	head := cells(lines[i])
	var ths, rows []app.UI
	for _, c := range head {
		ths = append(ths, app.Th().Scope("col").Body(inline(c)...))
	}
	for i += 2; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
		var tds []app.UI
		for _, c := range append(cells(lines[i]), make([]string, len(head))...)[:len(head)] {
			tds = append(tds, app.Td().Body(inline(c)...))
		}
		rows = append(rows, app.Tr().Body(tds...))
	}
	return app.Table().Body(app.THead().Body(app.Tr().Body(ths...)), app.TBody().Body(rows...)), i
}

// cells splits a table row on the pipes that are not escaped as \|.
func cells(line string) []string {
	line = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(line), "|"), "|")
	parts := strings.Split(strings.ReplaceAll(line, `\|`, "\x00"), "|")
	for k, c := range parts {
		parts[k] = strings.TrimSpace(strings.ReplaceAll(c, "\x00", `\|`))
	}
	return parts
}

// inline renders **bold**, *italic*, `code`, [text](url) and backslash
// escapes of punctuation; everything else is text.
func inline(s string) []app.UI {
	var out []app.UI
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			out = append(out, app.Text(buf.String()))
			buf.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		rest := s[i:]
		end := closing(rest)
		switch {
		case end < 0 && rest[0] == '\\' && len(rest) > 1 && strings.IndexByte("\\`*_[]()#|-.!+<>", rest[1]) >= 0:
			buf.WriteByte(rest[1])
			i++
			continue
		case end < 0 && strings.HasPrefix(rest, "**"): // no closing: both are text
			buf.WriteString("**")
			i++
			continue
		case end < 0:
			buf.WriteByte(rest[0])
			continue
		}
		flush()
		switch {
		case rest[0] == '`':
			out = append(out, app.Code().Text(rest[1:end]))
		case rest[0] == '[':
			mid := strings.IndexByte(rest, ']')
			out = append(out, link(rest[1:mid], strings.TrimSpace(rest[mid+2:end]))...)
		case strings.HasPrefix(rest, "**"):
			out = append(out, app.Strong().Body(inline(rest[2:end])...))
			end++ // the second closing asterisk
		default:
			out = append(out, app.Em().Body(inline(rest[1:end])...))
		}
		i += end
	}
	flush()
	return out
}

// closing returns the index in s of the end of the inline span that opens
// at s[0] (the closing backtick, the ")" of a link, the first of the two
// closing asterisks of bold, the closing asterisk of italic, which must
// follow a non-space), or -1.
func closing(s string) int {
	switch {
	case s[0] == '`':
		if k := strings.IndexByte(s[1:], '`'); k > 0 {
			return k + 1
		}
	case s[0] == '[':
		if mid := strings.IndexByte(s, ']'); mid > 1 && strings.HasPrefix(s[mid:], "](") {
			depth := 0 // the URL may hold balanced parentheses
			for k := mid + 1; k < len(s); k++ {
				if s[k] == '(' {
					depth++
				} else if s[k] == ')' {
					if depth--; depth == 0 {
						return k
					}
				}
			}
		}
	case strings.HasPrefix(s, "**"):
		if k := strings.Index(s[2:], "**"); k > 0 {
			return k + 2
		}
	case s[0] == '*' && len(s) > 2 && s[1] != ' ':
		for k := 2; k < len(s); k++ {
			if s[k] == '*' && s[k-1] != ' ' {
				return k
			}
		}
	}
	return -1
}

// link renders [text](url): a link for http(s) and #anchor targets, plain
// text for any other.
func link(text, url string) []app.UI {
	lower := strings.ToLower(url)
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		return []app.UI{app.A().Href("%s", url).Rel("noopener noreferrer").Target("_blank").Body(inline(text)...)}
	}
	if strings.HasPrefix(url, "#") {
		return []app.UI{app.A().Href("%s", url).Body(inline(text)...)}
	}
	return inline(text)
}
