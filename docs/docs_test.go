package docs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"computedash/core"
)

// sharedFacts is the project's normative fact table, ../shared/FACTS.md
// from the module root (tests run in docs/). A clone without the shared
// folder has no such file.
const sharedFacts = "../../shared/FACTS.md"

// TestFactsIsACopy fails when docs/facts.md differs from the shared
// FACTS.md by a single byte. Without the shared folder it compares nothing.
func TestFactsIsACopy(t *testing.T) {
	want, err := os.ReadFile(sharedFacts)
	if errors.Is(err, fs.ErrNotExist) {
		t.Logf("%s does not exist (a clone without the shared folder): compared nothing", sharedFacts)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	local, err := os.ReadFile("facts.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(local) != string(want) {
		t.Errorf("docs/facts.md differs from %s: copy it again (cp %[1]s docs/facts.md)", sharedFacts)
	}
}

// methodologies are the methodology in each language of the page.
var methodologies = []string{"methodology.md", "methodology.it.md"}

// TestMethodologyNamesEveryInput fails when the methodology, in any
// language, does not mention an input of the model by its URL id.
func TestMethodologyNamesEveryInput(t *testing.T) {
	specs := core.Specs()
	if len(specs) == 0 {
		t.Fatal("core.Specs() is empty")
	}
	for _, name := range methodologies {
		text := source(name)
		for _, s := range specs {
			// The id must stand on its own, not as part of a longer id
			// ("aws.value" inside "aws.value2" would not count).
			re := regexp.MustCompile(`(^|[^A-Za-z0-9.])` + regexp.QuoteMeta(s.ID) + `($|[^A-Za-z0-9])`)
			if !re.MatchString(text) {
				t.Errorf("%s does not mention the input %q", name, s.ID)
			}
		}
	}
}

// TestMethodologyIsPresent guards against an empty or truncated document.
func TestMethodologyIsPresent(t *testing.T) {
	for name, wants := range map[string][]string{
		"methodology.md":    {"# ", "## Contents", "Choices where MODEL.md is silent", "## Limits"},
		"methodology.it.md": {"# ", "## Indice", "Scelte dove MODEL.md tace", "## Limiti"},
	} {
		for _, want := range wants {
			if !strings.Contains(source(name), want) {
				t.Errorf("%s has no %q", name, want)
			}
		}
	}
}

// TestTranslationKeepsStructure checks that methodology.it.md is a whole
// translation of methodology.md: the same headings at the same levels, the
// same tables (columns and rows), as many list items, the same code spans
// (ids, formulas, URLs and code are not translated) and the same external
// links.
func TestTranslationKeepsStructure(t *testing.T) {
	en, it := structureOf(source("methodology.md")), structureOf(source("methodology.it.md"))
	if len(en.headings) < 10 || len(en.tables) == 0 || en.items == 0 || len(en.code) == 0 {
		t.Fatalf("methodology.md looks empty: %d headings, %d tables, %d list items, %d code spans",
			len(en.headings), len(en.tables), en.items, len(en.code))
	}
	if !slices.Equal(en.headings, it.headings) {
		t.Errorf("headings: methodology.md %v, methodology.it.md %v", en.headings, it.headings)
	}
	if !slices.Equal(en.tables, it.tables) {
		t.Errorf("tables (columns, rows): methodology.md %q, methodology.it.md %q", en.tables, it.tables)
	}
	if en.items != it.items {
		t.Errorf("list items: methodology.md %d, methodology.it.md %d", en.items, it.items)
	}
	if len(en.code) != len(it.code) {
		t.Errorf("code spans: methodology.md %d, methodology.it.md %d", len(en.code), len(it.code))
	}
	for _, d := range diff(en.code, it.code) {
		t.Errorf("code span %s", d)
	}
	for _, d := range diff(en.links, it.links) {
		t.Errorf("link %s", d)
	}
}

// diff lists what only one of two sorted lists holds, with its count.
func diff(en, it []string) []string {
	count := map[string]int{}
	for _, s := range en {
		count[s]++
	}
	for _, s := range it {
		count[s]--
	}
	var out []string
	for s, n := range count {
		switch {
		case n > 0:
			out = append(out, fmt.Sprintf("%q: %d more in methodology.md", s, n))
		case n < 0:
			out = append(out, fmt.Sprintf("%q: %d more in methodology.it.md", s, -n))
		}
	}
	slices.Sort(out)
	return out
}

// TestTranslationIsItalian catches English prose left in methodology.it.md:
// outside code spans, none of the commonest English words may appear.
// Source titles may stay English; the one the text cites is allowed.
func TestTranslationIsItalian(t *testing.T) {
	text := regexp.MustCompile("`[^`]*`").ReplaceAllString(source("methodology.it.md"), " ")
	text = strings.ReplaceAll(text, "AI's $600B question", " ")
	word := regexp.MustCompile(`(?i)\b(the|and|of|is|are|with|which|from|when|every|each|this|that|month|months|deal|deals|input|inputs|revenue|cash|default|none|see|for)\b`)
	for i, line := range strings.Split(text, "\n") {
		if w := word.FindAllString(line, -1); w != nil {
			t.Errorf("methodology.it.md:%d: English words %q", i+1, w)
		}
	}
}
