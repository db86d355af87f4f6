package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// dashboard is a temporary stub; the real dashboard replaces this file.
type dashboard struct {
	app.Compo
}

func newDashboard() *dashboard { return &dashboard{} }

func (d *dashboard) Render() app.UI {
	return app.Main().ID("dash").Attr("data-ready", "1").Text("placeholder")
}
