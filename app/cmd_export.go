package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"computedash/core"
)

const exportUsage = `usage: app export [-format json|csv-monthly|csv-yearly] [-risk=false] 'QUERY'

Prints the export of the scenario that QUERY describes (the part of a
dashboard URL after '?'; empty or absent = the base case). Notices about the
query go to stderr and into the JSON. Exit status: 0 when an export was
printed, 2 on a usage error.
`

// exportMain runs "app export" and returns its exit status.
func exportMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "json", "json, csv-monthly or csv-yearly")
	withRisk := fs.Bool("risk", true, "include the Monte Carlo, tornado and goal seek (JSON only)")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "app export: %v\n%s", err, exportUsage)
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "app export: give the query as one argument (quote it)\n%s", exportUsage)
		return 2
	}
	query := strings.TrimPrefix(fs.Arg(0), "?")
	out, notices, err := export(query, *format, *withRisk)
	if err != nil {
		fmt.Fprintf(stderr, "app export: %v\n%s", err, exportUsage)
		return 2
	}
	for _, n := range notices {
		fmt.Fprintln(stderr, noticeLine(n))
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintf(stderr, "app export: %v\n", err)
		return 1
	}
	return 0
}

// noticeLine writes a notice for a terminal, on one line: the given text
// quoted, the key as is when it is plain printable text and quoted
// otherwise (a key of the URL can hold newlines and terminal escapes),
// both cut.
func noticeLine(n core.Notice) string {
	used := "nothing"
	if n.Used != nil {
		used = *n.Used
	}
	key := clip(n.Key, 80)
	if strings.ContainsFunc(key, func(r rune) bool { return !unicode.IsPrint(r) || r == '"' || r == '\\' }) ||
		!utf8.ValidString(key) {
		key = strconv.Quote(key)
	}
	return fmt.Sprintf("notice: %s: %s: given %q, used %s", key, n.Reason, clip(n.Given, 200), used)
}

// clip cuts s to n characters (runes; invalid bytes count one each),
// never inside a character.
func clip(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}
