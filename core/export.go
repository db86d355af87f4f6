package core

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"
)

// object is a JSON object that keeps its keys in the order they were added.
type object []field

type field struct {
	key   string
	value any
}

func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(f.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(f.value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// number writes a decimal as a JSON number in its plain decimal text.
func number(d decimal.Decimal) json.Number { return json.Number(d.String()) }

func centsSeries(s *[HorizonMonths]Cents) []string {
	out := make([]string, len(s))
	for i, c := range s {
		out[i] = c.String()
	}
	return out
}

// ExportJSON returns the JSON export of MODEL.md §11 for r and, when risk
// is not nil, its risk analysis; without it the "risk" key is null.
func ExportJSON(r *Result, risk *Risk) ([]byte, error) {
	doc := object{
		{"inputs", exportInputs(&r.Params)},
		{"notices", exportNotices(r.Notices)},
		{"months", monthLabels()},
		{"deals", exportDeals(r)},
		{"monthly", exportMonthly(r)},
		{"sites", exportSites(r)},
		{"yearly", exportYearly(r)},
		{"summary", exportSummary(r)},
		{"risk", exportRisk(risk)},
	}
	out, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

func exportInputs(p *Params) object {
	o := make(object, 0, len(specs))
	for i := range specs {
		s := &specs[i]
		v := s.Get(p)
		var j any
		switch s.Kind {
		case MonthKind:
			j = s.Format(v)
		case Flag, Whole:
			j = v.IntPart()
		default:
			j = number(v)
		}
		o = append(o, field{s.ID, j})
	}
	return o
}

func exportNotices(ns []Notice) []Notice {
	if ns == nil {
		return []Notice{}
	}
	return ns
}

func monthLabels() []string {
	out := make([]string, HorizonMonths)
	for m := range out {
		out[m] = Month(m).String()
	}
	return out
}

func exportDeals(r *Result) []object {
	out := make([]object, 0, len(r.Ledger.Deals))
	for i := range r.Ledger.Deals {
		d, f := &r.Ledger.Deals[i], &r.Fleet.Deals[i]
		unplaced := r.Placement.UnplacedRacks[i]
		var gpus [HorizonMonths]int64
		for m, n := range unplaced {
			gpus[m] = n * GPUsPerRack
		}
		out = append(out, object{
			{"id", d.ID}, {"supplier", d.Supplier}, {"total", d.Total.String()},
			{"obligations", centsSeries(&d.Obligations)},
			{"gpus", f.GPUs}, {"gpus_gb200", f.GB200}, {"gpus_gb300", f.GB300},
			{"racks_gb200", f.Racks200}, {"racks_gb300", f.Racks300},
			{"unplaced_racks", unplaced}, {"unplaced_gpus", gpus},
		})
	}
	return out
}

func exportMonthly(r *Result) object {
	fin := &r.Finance
	money := func(s *[HorizonMonths]decimal.Decimal) []string {
		out := make([]string, len(s))
		for i, d := range s {
			out[i] = moneyString(d)
		}
		return out
	}
	cash := make([]*string, HorizonMonths)
	for m := range cash {
		if HasCash(Month(m)) {
			s := moneyString(fin.Cash[m])
			cash[m] = &s
		}
	}
	return object{
		{"obligations", centsSeries(&r.Ledger.Total)},
		{"gpus", r.Fleet.GPUs}, {"racks", r.Fleet.Racks},
		{"it_mw", r.Fleet.ITMW}, {"facility_mw", r.Fleet.FacilityMW},
		{"unplaced_gpus", r.Placement.UnplacedGPUs}, {"stranded_mw", r.Placement.StrandedMW},
		{"revenue", money(&fin.Revenue)}, {"net", money(&fin.Net)}, {"cash", cash},
	}
}

func exportSites(r *Result) []object {
	pl := &r.Placement
	out := make([]object, len(pl.Sites))
	for j, s := range pl.Sites {
		out[j] = object{{"id", s.ID}, {"pool", s.Pool}, {"available_mw", pl.Available[j]}, {"used_mw", pl.Used[j]}}
	}
	return out
}

func exportYearly(r *Result) []object {
	fin := &r.Finance
	out := make([]object, HorizonYears)
	for y := range out {
		c := r.Capex[y]
		var coverage, hhi any
		if fin.HasCoverage[y] {
			coverage = number(fin.Coverage[y])
		}
		if r.HasHHI[y] {
			hhi = number(r.HHI[y])
		}
		capex := make(object, len(companies))
		for i, id := range companies {
			capex[i] = field{id, c.Capex[i]}
		}
		out[y] = object{
			{"year", FirstYear + y},
			{"obligations", moneyString(fin.YearObligations[y])},
			{"revenue", moneyString(fin.YearRevenue[y])},
			{"net", moneyString(fin.YearNet[y])},
			{"coverage", coverage},
			{"cash_end", moneyString(fin.YearCashEnd[y])},
			{"hhi", hhi},
			{"capex", capex},
			{"capex_total", c.Total},
			{"required_revenue", c.RequiredRevenue},
			{"ai_revenue", c.AIRevenue},
			{"revenue_gap", c.Gap},
		}
	}
	return out
}

func exportSummary(r *Result) object {
	s := r.Summary()
	var cashOut, breakEven any
	if s.CashOut != NoMonth {
		cashOut = s.CashOut.String()
	}
	if s.BreakEven != 0 {
		breakEven = s.BreakEven
	}
	return object{
		{"cash_out_month", cashOut},
		{"funding_need", moneyString(s.FundingNeed)},
		{"break_even_year", breakEven},
		{"peak_gpus", s.PeakGPUs},
		{"peak_facility_mw", s.PeakFacilityMW},
	}
}

func exportRisk(risk *Risk) any {
	if risk == nil {
		return nil
	}
	mc := &risk.MonteCarlo
	byYear := func(v *[HorizonYears - 1]decimal.Decimal) object {
		o := make(object, len(v))
		for i, d := range v {
			o[i] = field{strconv.Itoa(FirstYear + 1 + i), moneyString(d)}
		}
		return o
	}
	tornado := make([]object, len(risk.Tornado))
	for i, t := range risk.Tornado {
		tornado[i] = object{
			{"id", t.ID}, {"low", tornadoValue(t.Low)}, {"high", tornadoValue(t.High)},
			{"need_low", moneyString(t.NeedLow)}, {"need_high", moneyString(t.NeedHigh)}, {"swing", moneyString(t.Swing)},
		}
	}
	var goal any
	if risk.Reachable {
		goal = risk.GoalSeek
	}
	return object{
		{"montecarlo", object{
			{"n", mc.N}, {"seed", mc.Seed},
			{"cash_p10", byYear(&mc.CashP10)}, {"cash_p50", byYear(&mc.CashP50)}, {"cash_p90", byYear(&mc.CashP90)},
			{"p_cash_out_before_2030", mc.PCashOutBefore2030},
			{"p_break_even_by_2030", mc.PBreakEvenBy2030},
			{"unplaced_gpus_peak_p50", mc.UnplacedPeakP50},
			{"unplaced_gpus_peak_p90", mc.UnplacedPeakP90},
		}},
		{"tornado", tornado},
		{"goal_seek_growth", goal},
	}
}

func tornadoValue(v any) any {
	if d, ok := v.(decimal.Decimal); ok {
		return number(d)
	}
	return v
}

// ExportCSVMonthly returns the monthly table as CSV: one row per month of
// the horizon, each deal's obligations beside the totals.
func ExportCSVMonthly(r *Result) []byte {
	head := []string{"month"}
	for _, d := range r.Ledger.Deals {
		head = append(head, string(d.ID)+" obligations ($)")
	}
	head = append(head, "total obligations ($)", "GPUs in service", "racks (NVL72)", "IT power (MW)",
		"facility power (MW)", "unplaced GPUs", "stranded power (MW)", "OpenAI revenue ($)", "OpenAI net after non-compute costs ($)", "OpenAI cash at month end ($)")
	rows := [][]string{head}
	fin := &r.Finance
	for m := range HorizonMonths {
		row := []string{Month(m).String()}
		for i := range r.Ledger.Deals {
			row = append(row, r.Ledger.Deals[i].Obligations[m].String())
		}
		cash := ""
		if HasCash(Month(m)) {
			cash = moneyString(fin.Cash[m])
		}
		row = append(row, r.Ledger.Total[m].String(), itoa(r.Fleet.GPUs[m]), itoa(r.Fleet.Racks[m]),
			ftoa(r.Fleet.ITMW[m]), ftoa(r.Fleet.FacilityMW[m]), itoa(r.Placement.UnplacedGPUs[m]),
			ftoa(r.Placement.StrandedMW[m]), moneyString(fin.Revenue[m]), moneyString(fin.Net[m]), cash)
		rows = append(rows, row)
	}
	return writeCSV(rows)
}

// ExportCSVYearly returns the yearly table as CSV, 2025 through 2039.
func ExportCSVYearly(r *Result) []byte {
	head := []string{"year", "obligations ($)", "OpenAI revenue ($)", "OpenAI net ($)", "coverage (net ÷ obligations)",
		"OpenAI cash at year end ($)", "supplier HHI (0–10,000)"}
	for _, c := range []string{"Microsoft", "Alphabet", "Amazon", "Meta"} {
		head = append(head, c+" capex ($B)")
	}
	head = append(head, "Big Tech capex ($B)", "required AI revenue ($B)", "industry AI revenue ($B)", "revenue gap ($B)")
	rows := [][]string{head}
	fin := &r.Finance
	for y := range HorizonYears {
		c := r.Capex[y]
		cov, hhi := "", ""
		if fin.HasCoverage[y] {
			cov = fin.Coverage[y].String()
		}
		if r.HasHHI[y] {
			hhi = r.HHI[y].String()
		}
		row := []string{strconv.Itoa(FirstYear + y), moneyString(fin.YearObligations[y]), moneyString(fin.YearRevenue[y]),
			moneyString(fin.YearNet[y]), cov, moneyString(fin.YearCashEnd[y]), hhi}
		for _, v := range c.Capex {
			row = append(row, ftoa(v))
		}
		row = append(row, ftoa(c.Total), ftoa(c.RequiredRevenue), ftoa(c.AIRevenue), ftoa(c.Gap))
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
