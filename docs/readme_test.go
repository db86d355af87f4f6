package docs

import (
	"os"
	"strings"
	"testing"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"
)

// TestReadmeListsEveryInput checks that the URL parameter table of the
// README names every input of the model, with its default.
func TestReadmeListsEveryInput(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	en := i18n.For(format.English)
	for _, s := range core.Specs() {
		row := "| `" + s.ID + "` | " + en.Label(s.ID) + " | " + s.Format(s.Default) + " |"
		if !strings.Contains(readme, row) {
			t.Errorf("README has no row starting %q", row)
		}
	}
}
