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
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"computedash/core"
)

// hostileQueries is the battery of e2e/reliability_test.go (relPayloads),
// written again: the packages share no test code.
func hostileQueries() []struct{ name, q string } {
	e := url.QueryEscape
	pw := func(n int) string { return fmt.Sprintf("window.__pwned=%d", n) }
	many := func(n int, f func(i int) string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = f(i)
		}
		return strings.Join(parts, "&")
	}
	long := strings.Repeat(`<script>`+pw(13)+`</script><img src=x onerror=`+pw(13)+`>`, 100_000/60+1)[:100_000]
	return []struct{ name, q string }{
		{"script tag in values", "x=" + e("<script>"+pw(1)+"</script>") + "&aws.value=" + e("<script>"+pw(1)+"</script>")},
		{"script tag in a name", e("<script>"+pw(2)+"</script>") + "=1"},
		{"img onerror in a value", "aws.value=" + e(`<img src=x onerror="`+pw(3)+`">`)},
		{"img onerror in a name", e("<img src=x onerror="+pw(4)+">") + "=" + e("<img src=x onerror="+pw(4)+">")},
		{"svg onload", "oai.growth=" + e("<svg onload="+pw(5)+">") + "&" + e("<svg/onload="+pw(5)+">") + "=1"},
		{"svg with script", "x=" + e("<svg><script>"+pw(6)+"</script></svg>") + "&y=" + e(`<svg><a xlink:href="javascript:`+pw(6)+`"><text>x</text></a></svg>`)},
		{"javascript: URLs", "aws.value=" + e("javascript:"+pw(7)) + "&" + e("javascript:"+pw(7)) + "=1&embed=" + e("javascript:"+pw(7))},
		{"javascript: in the embedded view's link", "embed=1&x=" + e(`"><a href="javascript:`+pw(8)+`">x</a>`) + "&aws.value=39"},
		{"iframe srcdoc", "x=" + e(`<iframe srcdoc="<script>parent.__pwned=9</script>"></iframe>`) + "&y=" + e(`<object data="javascript:`+pw(9)+`">`)},
		{"attribute breakout", "x=" + e(`" onmouseover="`+pw(10)+`" x="`) + "&" + e(`' autofocus onfocus='`+pw(10)+``) + "=1"},
		{"template and script string breakout", "x=" + e("${"+pw(11)+"}") + "&y=" + e("{{constructor.constructor('"+pw(11)+"')()}}") + "&z=" + e("');"+pw(11)+";//")},
		{"100 kB number", "aws.value=1" + strings.Repeat("0", 100_000)},
		{"100 kB value of markup", "x=" + e(long) + "&oracle.value=" + e(long)},
		{"100 kB key", strings.Repeat("k", 100_000) + "=" + e("<b>"+pw(14)+"</b>")},
		{"U+202E direction override", "x=" + e("\u202e"+pw(15)) + "&" + e("\u202eeulav.swa") + "=38&aws.value=" + e("\u202e83") + "&y=" + e("abc\u202edef\u202c\u2066\u2069")},
		{"zero-width characters", "aws.value=" + e("3\u200b8") + "&" + e("aws.\u200bvalue") + "=1&" + e("\ufeffoai.growth") + "=2&x=" + e("\u200d\u200c\u2060\ufeff")},
		{"control characters", "aws.value=" + e("\x01\x02\x1b[31m38") + "&" + e("\x07\x08\x1b]0;title\x07") + "=1&x=" + e("a\r\nb\tc\x7f\u0085\u2028\u2029")},
		{"%00", "aws.value=38%00&a%00b=1&%00=%00&oai.growth=%0080"},
		{"double encoding", "x=%253Cscript%253Ewindow.__pwned%253D17%253C%252Fscript%253E&aws.value=%2533%2538&%253Cb%253E=1"},
		{"broken escapes", "aws.value=%E0%A4%A&%E0%A4%A=1&oai.growth=%&%=%&x=%E0%A4"},
		{"%zz", "%zz=1&aws.value=%zz&x=%zz%3Cscript%3E" + e(pw(19)) + "%3C/script%3E"},
		{"invalid UTF-8", "x=%C0%BCscript%C0%BE&aws.value=%FF%FE&%ED%A0%80=1&y=%F4%90%80%80"},
		{"plus and spaces", "aws.value=+38+&oracle.value=3+0+0&microsoft.value=%20250%20&coreweave.value=22.4%09&x=a+%2B+b"},
		{"repeated keys", "aws.value=1&aws.value=2&aws.value=" + e("<script>"+pw(22)+"</script>")},
		{"5,000 unknown keys", many(5000, func(i int) string { return fmt.Sprintf("k%d=%d", i, i) })},
		{"3,000 repetitions of a real key", many(3000, func(i int) string { return fmt.Sprintf("aws.value=%d", i) })},
		{"keys with = inside", "a=b=c&aws.value==38&aws.value%3D38=1&oai.growth=1=2&" + e("k=<b>") + "=x"},
		{"empty keys", "=1&=&&=x&&&=" + e("<script>"+pw(26)+"</script>") + "&aws.value=40"},
		{"__proto__ and constructor", "__proto__=1&constructor=2&__proto__%5Bpolluted%5D=1&prototype=3&toString=4&hasOwnProperty=5&__proto__.polluted=1&constructor.prototype.x=1&aws.value=constructor"},
		{"HTML entities", "x=" + e("&lt;script&gt;"+pw(28)+"&lt;/script&gt;") + "&y=" + e("&#60;img src=x onerror="+pw(28)+"&#62;") + "&aws.value=" + e("&#51;&#56;") + "&" + e("&amp;") + "=1"},
		{"CSS injection", "x=" + e("</style><style>body{display:none}</style>") + "&lang=" + e(`it"><style>*{display:none}</style>`) + "&aws.value=" + e("38;background:url(javascript:"+pw(29)+")") + "&" + e("}body{visibility:hidden}") + "=1&y=" + e("expression(alert(1))")},
		{"very large and special numbers", "aws.value=1e999999&oracle.value=1e400&microsoft.value=-0&coreweave.value=0x10&p200=NaN&p300=Infinity&kw200=-Infinity&pue=1e-400&aws.ext=-1e400&oai.cash=1e10000&mc.seed=-1"},
		{"number formats", "aws.value=%2038%20&oracle.value=" + e("٣٨") + "&microsoft.value=38,5&coreweave.value=" + e("３８") + "&oai.growth=1_000&oai.cash=1e3&mc.n=1e4&mc.seed=4294967296&aws.term=12.0&oracle.term=12.5&p200=" + e("−3") + "&pue=.5"},
		{"months", "aws.start=2027-13&oracle.start=2027-1&microsoft.start=99999-01&coreweave.start=2027-00"},
		{"more months", "aws.start=2040-01&oracle.start=" + e("\u202e2027-01") + "&microsoft.start=2027-01-01&coreweave.start=0000-01&aws.term=1e9"},
		{"the AWS extension with no months", "aws.ext=100&aws.start=2025-01&aws.term=12"},
		{"view keys", "lang=" + e("<script>"+pw(34)+"</script>") + "&embed=" + e("<svg onload="+pw(34)+">") + "&aws.value=41"},
		{"embedded view with hostile text", "embed=1&lang=it&x=" + e("<img src=x onerror="+pw(35)+">") + "&aws.value=abc"},
		{"newlines and header injection", e("a\r\nSet-Cookie: x=1") + "=1&x=" + e("\r\n\r\n<script>"+pw(36)+"</script>") + "&aws.value=42"},
		{"a leading ?", "?aws.value=43&x=" + e("<b>")},
		{"a fragment", "aws.value=44#%zz" + e("<img src=x onerror="+pw(37)+">")},
		{"semicolons", "aws.value=39;oracle.value=1&x=a;b"},
		{"emoji and astral characters", "x=" + e("😀\U0001F4A5") + "&" + e("🔥") + "=1&aws.value=" + e("𝟑𝟖")},
		{"terminal escapes", e("\x1b[2J\x1b[H\x1b]0;owned\x07") + "=" + e("\x1b[31mred\x1b[0m") + "&aws.value=" + e("\x1b[1m38")},
	}
}

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
	for i, h := range hostileQueries() {
		q := strings.TrimPrefix(h.q, "?")
		p, n := core.ParseQuery(q)
		want := core.Evaluate(p, n).Notices
		// As JSON writes them (invalid UTF-8 becomes U+FFFD).
		var wantJSON []core.Notice
		if b, err := json.Marshal(want); err != nil || json.Unmarshal(b, &wantJSON) != nil {
			t.Fatalf("%s: the model's notices do not round-trip through JSON: %v", h.name, err)
		}
		args := []string{"-risk=false", h.q}
		if i%10 == 0 {
			args = args[1:] // with the risk analysis now and then
		}
		code, stdout, stderr, err := run(args...)
		what := fmt.Sprintf("%s (app export %s)", h.name, strings.Join(args[:len(args)-1], " "))
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
			code, stdout, _, err := run("-format", f.format, h.q)
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
	for _, h := range hostileQueries()[:8] {
		var out1, err1, out2, err2 bytes.Buffer
		c1 := cli([]string{"export", "-risk=false", h.q}, &out1, &err1)
		c2 := exportMain([]string{"-risk=false", h.q}, &out2, &err2)
		if c1 != 0 || c2 != 0 || !bytes.Equal(out1.Bytes(), out2.Bytes()) || err1.String() != err2.String() {
			t.Errorf("%s: cli export gives %d (%d bytes), exportMain %d (%d bytes)", h.name, c1, out1.Len(), c2, out2.Len())
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
