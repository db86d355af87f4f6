package main

// Native tests of `app export` (exportMain, and cli in front of it) with the
// battery of hostile links of e2e/reliability_test.go: every query prints an
// export (exit status 0) whose notices are the model's, one clean line per
// notice on stderr; usage errors exit with 2 and print nothing on stdout.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"computedash/core"
	"computedash/internal/hostile"
)

// run calls exportMain and turns a panic into an error.
func run(args ...string) (code int, stdout, stderr string, err error) {
	var out, errb bytes.Buffer
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		code = exportMain(args, &out, &errb)
	}()
	return code, out.String(), errb.String(), err
}

// checkNoticeLines checks stderr: one line per notice, each plain text.
func checkNoticeLines(t *testing.T, what, stderr string, notices []core.Notice) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if stderr == "" {
		lines = nil
	}
	if len(lines) != len(notices) {
		t.Errorf("%s: %d lines on stderr, %d notices:\n%.1000s", what, len(lines), len(notices), stderr)
		return
	}
	bad := 0
	for i, l := range lines {
		switch {
		case !strings.HasPrefix(l, "notice: "):
			t.Errorf("%s: stderr line %d is not a notice: %.200q", what, i, l)
		case strings.ContainsFunc(l, func(r rune) bool { return !unicode.IsPrint(r) }) || !utf8.ValidString(l):
			t.Errorf("%s: stderr line %d holds a character a terminal would not print as is: %.300q", what, i, l)
		case len(l) > 3000:
			t.Errorf("%s: stderr line %d is %d bytes long", what, i, len(l))
		case !strings.Contains(l, ": "+notices[i].Reason+": given "):
			t.Errorf("%s: stderr line %d does not give the reason %s: %.300q", what, i, notices[i].Reason, l)
		default:
			continue
		}
		if bad++; bad > 5 {
			return
		}
	}
}

func TestExportHostileQueries(t *testing.T) {
	for i, h := range hostile.Links() {
		q := strings.TrimPrefix(h.Query, "?")
		p, n := core.ParseQuery(modelQuery(q)) // the page's own keys are set aside first
		want := core.Evaluate(p, n).Notices
		// As JSON writes them (invalid UTF-8 becomes U+FFFD).
		var wantJSON []core.Notice
		if b, err := json.Marshal(want); err != nil || json.Unmarshal(b, &wantJSON) != nil {
			t.Fatalf("%s: the model's notices do not round-trip through JSON: %v", h.Name, err)
		}
		args := []string{"-risk=false", h.Query}
		if i%10 == 0 {
			args = args[1:] // with the risk analysis now and then
		}
		code, stdout, stderr, err := run(args...)
		what := fmt.Sprintf("%s (app export %s)", h.Name, strings.Join(args[:len(args)-1], " "))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if code != 0 {
			t.Errorf("%s: exit status %d, want 0; stderr %.300s", what, code, stderr)
			continue
		}
		if !json.Valid([]byte(stdout)) {
			t.Errorf("%s: stdout is not valid JSON", what)
			continue
		}
		var doc struct {
			Notices []core.Notice   `json:"notices"`
			Risk    json.RawMessage `json:"risk"`
		}
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Errorf("%s: %v", what, err)
			continue
		}
		if len(doc.Notices) != len(want) {
			t.Errorf("%s: %d notices in the JSON, the model gives %d", what, len(doc.Notices), len(want))
		}
		for j := range min(len(doc.Notices), len(want)) {
			g, w := doc.Notices[j], wantJSON[j]
			if g.Key != w.Key || g.Given != w.Given || g.Reason != w.Reason ||
				(g.Used == nil) != (w.Used == nil) || (g.Used != nil && *g.Used != *w.Used) {
				t.Errorf("%s: notice %d = %+v, want %+v", what, j, g, w)
				break
			}
		}
		if len(want) > 0 && !strings.Contains(stdout, `"key":`) {
			t.Errorf("%s: the notices name no key", what)
		}
		checkNoticeLines(t, what, stderr, want)
		if (len(args) == 2) != (string(doc.Risk) == "null") {
			t.Errorf("%s: risk %.40s", what, doc.Risk)
		}

		// The CSV formats print too.
		for _, f := range []struct {
			format string
			rows   int
		}{{"csv-monthly", 181}, {"csv-yearly", 16}} {
			code, stdout, _, err := run("-format", f.format, h.Query)
			if err != nil || code != 0 {
				t.Errorf("%s: -format %s: exit status %d, %v", what, f.format, code, err)
				continue
			}
			rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
			if err != nil || len(rows) != f.rows {
				t.Errorf("%s: -format %s: %d rows, %v", what, f.format, len(rows), err)
			}
		}
	}
}

func TestCLIExport(t *testing.T) {
	// cli in front of exportMain: the same bytes.
	for _, h := range hostile.Links()[:8] {
		var out1, err1, out2, err2 bytes.Buffer
		c1 := cli([]string{"export", "-risk=false", h.Query}, &out1, &err1)
		c2 := exportMain([]string{"-risk=false", h.Query}, &out2, &err2)
		if c1 != 0 || c2 != 0 || !bytes.Equal(out1.Bytes(), out2.Bytes()) || err1.String() != err2.String() {
			t.Errorf("%s: cli export gives %d (%d bytes), exportMain %d (%d bytes)", h.Name, c1, out1.Len(), c2, out2.Len())
		}
	}
}

func TestExportUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"export", "-nope"}, 2, "flag provided but not defined"},
		{[]string{"export", "a", "b"}, 2, "one argument"},
		{[]string{"export", "aws.value=1", "-format", "csv-monthly"}, 2, "one argument"}, // flags after the query
		{[]string{"export", "-format", "xml", ""}, 2, `unknown format "xml"`},
		{[]string{"export", "-format", "", ""}, 2, `unknown format ""`},
		{[]string{"export", "-format", "<script>", "x=1"}, 2, `unknown format "<script>"`},
		{[]string{"export", "-format"}, 2, "flag needs an argument"},
		{[]string{"export", "-risk=maybe"}, 2, "invalid boolean"},
		{[]string{"export", "-format", "JSON"}, 2, "unknown format"},
		{[]string{}, 2, "usage:"},
		{[]string{"exprot"}, 2, `unknown command "exprot"`},
		{[]string{"\x1b[31m"}, 2, `unknown command "\x1b[31m"`},
	} {
		var out, errb bytes.Buffer
		var code int
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("app %q: panic: %v", c.args, r)
				}
			}()
			code = cli(c.args, &out, &errb)
		}()
		if code != c.code {
			t.Errorf("app %q: exit status %d, want %d", c.args, code, c.code)
		}
		if out.Len() != 0 {
			t.Errorf("app %q: %d bytes on stdout, want none", c.args, out.Len())
		}
		if !strings.Contains(errb.String(), c.says) || !strings.Contains(errb.String(), "usage:") {
			t.Errorf("app %q: stderr %q, want %q and the usage", c.args, errb.String(), c.says)
		}
	}
	// Help is not an error.
	var out, errb bytes.Buffer
	if code := cli([]string{"help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "usage:") {
		t.Errorf("app help: exit status %d, stdout %q", code, out.String())
	}
	// The base case: an empty query, an absent one and a lone "?".
	var base []byte
	for _, args := range [][]string{{"-risk=false"}, {"-risk=false", ""}, {"-risk=false", "?"}} {
		code, stdout, stderr, err := run(args...)
		if err != nil || code != 0 || stderr != "" {
			t.Errorf("app export %q: exit status %d, stderr %q, %v", args, code, stderr, err)
		}
		if base == nil {
			base = []byte(stdout)
		} else if stdout != string(base) {
			t.Errorf("app export %q differs from the base case", args)
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestExportWriteError(t *testing.T) {
	var errb bytes.Buffer
	if code := exportMain([]string{"-risk=false", "aws.value=1"}, failWriter{}, &errb); code != 1 || !strings.Contains(errb.String(), "disk full") {
		t.Errorf("a failing stdout: exit status %d, stderr %q; want 1 and the error", code, errb.String())
	}
}

func TestNoticeLine(t *testing.T) {
	used := "38"
	for _, c := range []struct {
		n    core.Notice
		want string
	}{
		{core.Notice{Key: "aws.value", Given: "abc", Used: &used, Reason: core.ReasonMalformed}, `notice: aws.value: malformed: given "abc", used 38`},
		{core.Notice{Key: "x", Given: "<b>", Reason: core.ReasonUnknown}, `notice: x: unknown: given "<b>", used nothing`},
		{core.Notice{Key: "a\nb", Given: "1", Reason: core.ReasonUnknown}, `notice: "a\nb": unknown: given "1", used nothing`},
		{core.Notice{Key: "\x1b[31mred", Given: "\x1b[0m", Reason: core.ReasonUnknown}, `notice: "\x1b[31mred": unknown: given "\x1b[0m", used nothing`},
		{core.Notice{Key: "aws.\u200bvalue", Given: "\u202e1", Reason: core.ReasonUnknown}, `notice: "aws.\u200bvalue": unknown: given "\u202e1", used nothing`},
		{core.Notice{Key: "\xff", Given: "\xfe", Reason: core.ReasonUnknown}, `notice: "\xff": unknown: given "\xfe", used nothing`},
		{core.Notice{Key: `a"b`, Given: "", Reason: core.ReasonUnknown}, `notice: "a\"b": unknown: given "", used nothing`},
		{core.Notice{Key: strings.Repeat("k", 100), Given: strings.Repeat("é", 300), Reason: core.ReasonUnknown},
			"notice: " + strings.Repeat("k", 80) + "…: unknown: given \"" + strings.Repeat("é", 200) + "…\", used nothing"},
	} {
		if got := noticeLine(c.n); got != c.want {
			t.Errorf("noticeLine(%+v) =\n\t%s\nwant\n\t%s", c.n, got, c.want)
		}
	}
}

func TestNoticeMessageShown(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"abc", "abc"},
		{"<script>", "<script>"},
		{"aws.\u200bvalue", "aws.⟨U+200B⟩value"},
		{"\ufeffoai.growth", "⟨U+FEFF⟩oai.growth"},
		{"\u202e83", "⟨U+202E⟩83"},
		{"a\r\nb\x00", "a⟨U+000D⟩⟨U+000A⟩b⟨U+0000⟩"},
		{"\u2028", "⟨U+2028⟩"},
		{"\xff", "\ufffd"},
		{strings.Repeat("x", 81), strings.Repeat("x", 80) + "…"},
		{strings.Repeat("😀", 80), strings.Repeat("😀", 80)},
	} {
		if got := shown(c.in); got != c.want {
			t.Errorf("shown(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
