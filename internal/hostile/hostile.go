// Package hostile is the battery of hostile scenario links that the
// reliability tests throw at the page (e2e) and at the export command
// (app): markup and script in names and values, event handlers,
// javascript: URLs, SVG with script, 100 kB values, direction overrides,
// percent-encoding tricks, repeated keys, thousands of parameters and
// suppliers of an extra deal that are not one of its words.
// Each link that holds markup or script tries to set window.__pwned.
package hostile

import (
	"fmt"
	"net/url"
	"strings"
)

// Link is one hostile URL query.
type Link struct {
	Name  string
	Query string
	Load  bool // in the browser, opened with a page load rather than switched to inside the app
}

// Links returns the battery.
func Links() []Link {
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
	return []Link{
		{"script tag in values", "x=" + e("<script>"+pw(1)+"</script>") + "&aws.value=" + e("<script>"+pw(1)+"</script>"), true},
		{"script tag in a name", e("<script>"+pw(2)+"</script>") + "=1", false},
		{"img onerror in a value", "aws.value=" + e(`<img src=x onerror="`+pw(3)+`">`), true},
		{"img onerror in a name", e("<img src=x onerror="+pw(4)+">") + "=" + e("<img src=x onerror="+pw(4)+">"), false},
		{"svg onload", "oai.growth=" + e("<svg onload="+pw(5)+">") + "&" + e("<svg/onload="+pw(5)+">") + "=1", false},
		{"svg with script", "x=" + e("<svg><script>"+pw(6)+"</script></svg>") + "&y=" + e(`<svg><a xlink:href="javascript:`+pw(6)+`"><text>x</text></a></svg>`), false},
		{"javascript: URLs", "aws.value=" + e("javascript:"+pw(7)) + "&" + e("javascript:"+pw(7)) + "=1&embed=" + e("javascript:"+pw(7)), true},
		{"javascript: in the embedded view's link", "embed=1&x=" + e(`"><a href="javascript:`+pw(8)+`">x</a>`) + "&aws.value=39", false},
		{"iframe srcdoc", "x=" + e(`<iframe srcdoc="<script>parent.__pwned=9</script>"></iframe>`) + "&y=" + e(`<object data="javascript:`+pw(9)+`">`), false},
		{"attribute breakout", "x=" + e(`" onmouseover="`+pw(10)+`" x="`) + "&" + e(`' autofocus onfocus='`+pw(10)+``) + "=1", false},
		{"template and script string breakout", "x=" + e("${"+pw(11)+"}") + "&y=" + e("{{constructor.constructor('"+pw(11)+"')()}}") + "&z=" + e("');"+pw(11)+";//"), false},
		{"100 kB number", "aws.value=1" + strings.Repeat("0", 100_000), false},
		{"100 kB value of markup", "x=" + e(long) + "&oracle.value=" + e(long), true},
		{"100 kB key", strings.Repeat("k", 100_000) + "=" + e("<b>"+pw(14)+"</b>"), false},
		{"U+202E direction override", "x=" + e("\u202e"+pw(15)) + "&" + e("\u202eeulav.swa") + "=38&aws.value=" + e("\u202e83") + "&y=" + e("abc\u202edef\u202c\u2066\u2069"), false},
		{"zero-width characters", "aws.value=" + e("3\u200b8") + "&" + e("aws.\u200bvalue") + "=1&" + e("\ufeffoai.growth") + "=2&x=" + e("\u200d\u200c\u2060\ufeff"), false},
		{"control characters", "aws.value=" + e("\x01\x02\x1b[31m38") + "&" + e("\x07\x08\x1b]0;title\x07") + "=1&x=" + e("a\r\nb\tc\x7f\u0085\u2028\u2029"), true},
		{"%00", "aws.value=38%00&a%00b=1&%00=%00&oai.growth=%0080", false},
		{"double encoding", "x=%253Cscript%253Ewindow.__pwned%253D17%253C%252Fscript%253E&aws.value=%2533%2538&%253Cb%253E=1", false},
		{"broken escapes", "aws.value=%E0%A4%A&%E0%A4%A=1&oai.growth=%&%=%&x=%E0%A4", false},
		{"%zz", "%zz=1&aws.value=%zz&x=%zz%3Cscript%3E" + e(pw(19)) + "%3C/script%3E", false},
		{"invalid UTF-8", "x=%C0%BCscript%C0%BE&aws.value=%FF%FE&%ED%A0%80=1&y=%F4%90%80%80", false},
		{"plus and spaces", "aws.value=+38+&oracle.value=3+0+0&microsoft.value=%20250%20&coreweave.value=22.4%09&x=a+%2B+b", false},
		{"repeated keys", "aws.value=1&aws.value=2&aws.value=" + e("<script>"+pw(22)+"</script>"), false},
		{"5,000 unknown keys", many(5000, func(i int) string { return fmt.Sprintf("k%d=%d", i, i) }), true},
		{"3,000 repetitions of a real key", many(3000, func(i int) string { return fmt.Sprintf("aws.value=%d", i) }), false},
		{"keys with = inside", "a=b=c&aws.value==38&aws.value%3D38=1&oai.growth=1=2&" + e("k=<b>") + "=x", false},
		{"empty keys", "=1&=&&=x&&&=" + e("<script>"+pw(26)+"</script>") + "&aws.value=40", false},
		{"__proto__ and constructor", "__proto__=1&constructor=2&__proto__%5Bpolluted%5D=1&prototype=3&toString=4&hasOwnProperty=5&__proto__.polluted=1&constructor.prototype.x=1&aws.value=constructor", false},
		{"HTML entities", "x=" + e("&lt;script&gt;"+pw(28)+"&lt;/script&gt;") + "&y=" + e("&#60;img src=x onerror="+pw(28)+"&#62;") + "&aws.value=" + e("&#51;&#56;") + "&" + e("&amp;") + "=1", false},
		{"CSS injection", "x=" + e("</style><style>body{display:none}</style>") + "&lang=" + e(`it"><style>*{display:none}</style>`) + "&aws.value=" + e("38;background:url(javascript:"+pw(29)+")") + "&" + e("}body{visibility:hidden}") + "=1&y=" + e("expression(alert(1))"), false},
		{"very large and special numbers", "aws.value=1e999999&oracle.value=1e400&microsoft.value=-0&coreweave.value=0x10&p200=NaN&p300=Infinity&kw200=-Infinity&pue=1e-400&aws.ext=-1e400&oai.cash=1e10000&mc.seed=-1", true},
		{"number formats", "aws.value=%2038%20&oracle.value=" + e("٣٨") + "&microsoft.value=38,5&coreweave.value=" + e("３８") + "&oai.growth=1_000&oai.cash=1e3&mc.n=1e4&mc.seed=4294967296&aws.term=12.0&oracle.term=12.5&p200=" + e("−3") + "&pue=.5", false},
		{"months", "aws.start=2027-13&oracle.start=2027-1&microsoft.start=99999-01&coreweave.start=2027-00", true},
		{"more months", "aws.start=2040-01&oracle.start=" + e("\u202e2027-01") + "&microsoft.start=2027-01-01&coreweave.start=0000-01&aws.term=1e9", false},
		{"the AWS extension with no months", "aws.ext=100&aws.start=2025-01&aws.term=12", false},
		{"view keys", "lang=" + e("<script>"+pw(34)+"</script>") + "&embed=" + e("<svg onload="+pw(34)+">") + "&aws.value=41", true},
		{"embedded view with hostile text", "embed=1&lang=it&x=" + e("<img src=x onerror="+pw(35)+">") + "&aws.value=abc", true},
		{"newlines and header injection", e("a\r\nSet-Cookie: x=1") + "=1&x=" + e("\r\n\r\n<script>"+pw(36)+"</script>") + "&aws.value=42", false},
		{"a fragment with markup and a broken escape", "aws.value=43#%zz" + e("<img src=x onerror="+pw(37)+">"), true},
		{"a fragment with a broken escape", "aws.value=44#%E0%A4%A", false},
		{"semicolons", "aws.value=39;oracle.value=1&x=a;b", false},
		{"emoji and astral characters", "x=" + e("😀\U0001F4A5") + "&" + e("🔥") + "=1&aws.value=" + e("𝟑𝟖"), false},
		{"a leading ?", "?aws.value=43&x=" + e("<b>"), false},
		{"terminal escapes", e("\x1b[2J\x1b[H\x1b]0;owned\x07") + "=" + e("\x1b[31mred\x1b[0m") + "&aws.value=" + e("\x1b[1m38"), false},
		{"suppliers that are not one of the six words", "x1.value=5&x1.supplier=" + e("<img src=x onerror="+pw(38)+">") + "&x2.value=1&x2.supplier=Google&x3.value=" + e("<b>1</b>") + "&x3.supplier=" + e(" aws "), true},
		{"more suppliers", "x1.supplier=AWS&x2.supplier=oracle%00&x3.supplier=" + e("\u202eelgoog") + "&x1.value=1e3&google.mw=" + e("<svg onload="+pw(39)+">") + "&other.mw=-1", false},
	}
}
