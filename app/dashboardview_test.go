package main

import (
	"testing"
	"time"
)

// today writes the date as time.Format's "2006-01-02" does.
func TestToday(t *testing.T) {
	before := time.Now().Format("2006-01-02")
	got := today()
	after := time.Now().Format("2006-01-02")
	if got != before && got != after { // midnight may pass between them
		t.Fatalf("today() = %q, want %q", got, after)
	}
}
