package docs

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
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

// TestMethodologyNamesEveryInput fails when methodology.md does not mention
// an input of the model by its URL id.
func TestMethodologyNamesEveryInput(t *testing.T) {
	specs := core.Specs()
	if len(specs) == 0 {
		t.Fatal("core.Specs() is empty")
	}
	for _, s := range specs {
		// The id must stand on its own, not as part of a longer id
		// ("aws.value" inside "aws.value2" would not count).
		re := regexp.MustCompile(`(^|[^A-Za-z0-9.])` + regexp.QuoteMeta(s.ID) + `($|[^A-Za-z0-9])`)
		if !re.MatchString(source("methodology.md")) {
			t.Errorf("methodology.md does not mention the input %q", s.ID)
		}
	}
}

// TestMethodologyIsPresent guards against an empty or truncated embed.
func TestMethodologyIsPresent(t *testing.T) {
	for _, want := range []string{"# ", "Choices where MODEL.md is silent", "Limits"} {
		if !strings.Contains(source("methodology.md"), want) {
			t.Errorf("methodology.md has no %q", want)
		}
	}
}
