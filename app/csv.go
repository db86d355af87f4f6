package main

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"computedash/core"
	"computedash/i18n"
)

// csvMonthly writes the monthly table of a report: one row per month of
// the horizon, each deal's obligations beside the totals.
func csvMonthly(rep *core.Report, c i18n.Catalog) []byte {
	head := []string{c.T("csv.month")}
	for _, d := range rep.Deals {
		head = append(head, c.T("csv.deal", string(d.ID)))
	}
	for _, k := range []string{"obligations", "gpus", "racks", "itmw", "facilitymw", "unplaced", "stranded", "revenue", "net", "cash"} {
		head = append(head, c.T("csv."+k))
	}
	rows := [][]string{head}
	mo := &rep.Monthly
	for m, month := range rep.Months {
		row := []string{month.String()}
		for _, d := range rep.Deals {
			row = append(row, d.Obligations[m].String())
		}
		cash := ""
		if mo.Cash[m] != nil {
			cash = mo.Cash[m].String()
		}
		row = append(row, mo.Obligations[m].String(), itoa(mo.GPUs[m]), itoa(mo.Racks[m]), ftoa(mo.ITMW[m]), ftoa(mo.FacilityMW[m]),
			itoa(mo.UnplacedGPUs[m]), ftoa(mo.StrandedMW[m]), mo.Revenue[m].String(), mo.Net[m].String(), cash)
		rows = append(rows, row)
	}
	return writeCSV(rows)
}

// csvYearly writes the yearly table of a report, 2025 through 2039.
func csvYearly(rep *core.Report, c i18n.Catalog) []byte {
	head := []string{c.T("csv.year")}
	for _, k := range []string{"obligations", "revenue", "ynet", "coverage", "cashend", "hhi"} {
		head = append(head, c.T("csv."+k))
	}
	for _, co := range core.Companies() {
		head = append(head, c.T("csv.capex", c.T("company."+co.ID)))
	}
	for _, k := range []string{"capextotal", "required", "airevenue", "gap"} {
		head = append(head, c.T("csv."+k))
	}
	rows := [][]string{head}
	for _, y := range rep.Yearly {
		cov, hhi := "", ""
		if y.Coverage != nil {
			cov = y.Coverage.String()
		}
		if y.HHI != nil {
			hhi = y.HHI.String()
		}
		row := []string{strconv.Itoa(y.Year), y.Obligations.String(), y.Revenue.String(), y.Net.String(), cov, y.CashEnd.String(), hhi}
		for _, v := range y.Capex {
			row = append(row, ftoa(v))
		}
		row = append(row, ftoa(y.CapexTotal), ftoa(y.RequiredRevenue), ftoa(y.AIRevenue), ftoa(y.RevenueGap))
		rows = append(rows, row)
	}
	return writeCSV(rows)
}

func writeCSV(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.WriteAll(rows) // a bytes.Buffer does not fail
	return b.Bytes()
}

func itoa(n int64) string   { return strconv.FormatInt(n, 10) }
func ftoa(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
