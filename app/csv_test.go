package main

import (
	"bytes"
	"encoding/csv"
	"testing"

	"computedash/core"
	"computedash/format"
	"computedash/i18n"

	"github.com/shopspring/decimal"
)

// The CSV tables of MODEL.md §11 (the JSON export is checked by core's
// golden files and invariants).

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func reportOf(t *testing.T, query string) *core.Report {
	t.Helper()
	p, notices := core.ParseQuery(query)
	return core.NewReport(core.Evaluate(p, notices), nil)
}

func TestCSVMonthly(t *testing.T) {
	rep := reportOf(t, "aws.ext=20&x1.value=5")
	rows := readCSV(t, csvMonthly(rep, i18n.For(format.English)))
	if len(rows) != 1+core.HorizonMonths {
		t.Fatalf("%d rows", len(rows))
	}
	head := rows[0]
	// month, one column per deal in ledger order, then ten totals.
	want := []string{"month", "coreweave obligations ($)", "aws obligations ($)", "microsoft obligations ($)", "aws-ext obligations ($)", "oracle obligations ($)", "x1 obligations ($)", "total obligations ($)"}
	for i, w := range want {
		if head[i] != w {
			t.Errorf("column %d %q, want %q", i, head[i], w)
		}
	}
	if len(head) != 1+6+10 {
		t.Errorf("%d columns", len(head))
	}
	for m, row := range rows[1:] {
		if row[0] != core.Month(m).String() {
			t.Fatalf("row %d is %s", m, row[0])
		}
		sum := decimal.Zero
		for i := range rep.Deals {
			sum = sum.Add(decimal.RequireFromString(row[1+i]))
		}
		if sum.StringFixed(2) != row[7] || row[7] != rep.Monthly.Obligations[m].String() {
			t.Fatalf("%s: deals sum to %s, total column %s", row[0], sum, row[7])
		}
		if cash := row[len(row)-1]; (cash == "") != (m < 11) {
			t.Fatalf("%s: cash %q", row[0], cash)
		}
	}
	// AWS 2025-11 (row 11): $35,023,041.47 (MODEL.md §13).
	if rows[11][2] != "35023041.47" {
		t.Errorf("AWS 2025-11 %s", rows[11][2])
	}
}

func TestCSVYearly(t *testing.T) {
	rows := readCSV(t, csvYearly(reportOf(t, ""), i18n.For(format.English)))
	if len(rows) != 1+core.HorizonYears || len(rows[0]) != 15 {
		t.Fatalf("%d rows, %d columns", len(rows), len(rows[0]))
	}
	if rows[0][7] != "Microsoft capex ($B)" || rows[0][14] != "revenue gap ($B)" {
		t.Errorf("header %v", rows[0])
	}
	// 2026 (MODEL.md §13): obligations, coverage, HHI, cash at end.
	y := rows[2]
	if y[0] != "2026" || y[1] != "29102344971.29" || y[4] != "0.6709" || y[5] != "30422663585.24" || y[6] != "5485.6" {
		t.Errorf("2026 row %v", y)
	}
	// 2039: no obligations: empty coverage and HHI.
	if y := rows[15]; y[0] != "2039" || y[4] != "" || y[6] != "" {
		t.Errorf("2039 row %v", y)
	}
}
