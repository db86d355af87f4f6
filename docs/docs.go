// Package docs holds the project's documents for the dashboard's
// methodology panel, embedded in the binary so that the page needs no
// extra request.
package docs

import "embed"

//go:embed methodology.md facts.md
var files embed.FS

// Methodology is docs/methodology.md: how every figure of the model is
// made, in plain English for executives and analysts, with the choices the
// project made where MODEL.md is silent and the model's limits.
var Methodology = read("methodology.md")

// Facts is docs/facts.md, a byte-identical copy of the shared FACTS.md: the
// fact table, with sources and confidence, behind every default of the
// model. docs_test.go fails when the copy drifts from ../shared/FACTS.md.
var Facts = read("facts.md")

func read(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err) // the file is embedded at build time: this cannot happen
	}
	return string(b)
}
