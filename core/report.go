package core

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"
)

// Report is everything the model says about one scenario, computed once:
// the export of MODEL.md §11 (its JSON is the report marshalled) and, not
// exported, the facts the page shows beside it: the headline figures with
// their tones, each deal's obligations by year and the power each pool
// needs. The page, the charts, the downloads and the tests format, plot
// and decode this one type.
type Report struct {
	Inputs  Params       `json:"inputs"`
	Notices []Notice     `json:"notices"`
	Months  []Month      `json:"months"`
	Deals   []DealReport `json:"deals"`
	Monthly Monthly      `json:"monthly"`
	Sites   []SiteReport `json:"sites"`
	Yearly  []Year       `json:"yearly"`
	Summary Summary      `json:"summary"`
	Risk    *RiskReport  `json:"risk"`

	// Headline is the eight headline figures in page order.
	Headline []Figure `json:"-"`
	// Pools is the facility power each pool's deals need and its sites
	// offer, in the order of PoolOrder.
	Pools []PoolPower `json:"-"`
	// Beyond is what the deals owe outside 2025–2039, all deals together.
	Beyond Money `json:"-"`
}

// DealReport is one deal of the ledger, month by month.
type DealReport struct {
	ID            DealID  `json:"id"`
	Supplier      string  `json:"supplier"`
	Total         Money   `json:"total"`
	Obligations   []Money `json:"obligations"`
	GPUs          []int64 `json:"gpus"`
	GB200         []int64 `json:"gpus_gb200"`
	GB300         []int64 `json:"gpus_gb300"`
	Racks200      []int64 `json:"racks_gb200"`
	Racks300      []int64 `json:"racks_gb300"`
	UnplacedRacks []int64 `json:"unplaced_racks"`
	UnplacedGPUs  []int64 `json:"unplaced_gpus"`

	Pool PoolID `json:"-"`
	// Years holds the obligations of each calendar year 2025–2039.
	Years []Money `json:"-"`
	// Beyond is what the deal owes outside 2025–2039.
	Beyond Money `json:"-"`
}

// Monthly is the scenario's totals, month by month.
type Monthly struct {
	Obligations  []Money   `json:"obligations"`
	GPUs         []int64   `json:"gpus"`
	Racks        []int64   `json:"racks"`
	ITMW         []float64 `json:"it_mw"`
	FacilityMW   []float64 `json:"facility_mw"`
	UnplacedGPUs []int64   `json:"unplaced_gpus"`
	StrandedMW   []float64 `json:"stranded_mw"`
	Revenue      []Money   `json:"revenue"`
	Net          []Money   `json:"net"`
	Cash         []*Money  `json:"cash"` // nil before 2025-12
}

// SiteReport is one site's power, month by month.
type SiteReport struct {
	ID          string    `json:"id"`
	Pool        PoolID    `json:"pool"`
	AvailableMW []float64 `json:"available_mw"`
	UsedMW      []float64 `json:"used_mw"`
	Name        string    `json:"-"` // a place's proper name; empty for a pool's site
}

// Year is one calendar year of the scenario. Coverage and HHI are nil in
// a year without obligations; Capex and what follows are $B.
type Year struct {
	Year            int          `json:"year"`
	Obligations     Money        `json:"obligations"`
	Revenue         Money        `json:"revenue"`
	Net             Money        `json:"net"`
	Coverage        *Value       `json:"coverage"`
	CashEnd         Money        `json:"cash_end"`
	HHI             *Value       `json:"hhi"`
	Capex           CompanyCapex `json:"capex"`
	CapexTotal      float64      `json:"capex_total"`
	RequiredRevenue float64      `json:"required_revenue"`
	AIRevenue       float64      `json:"ai_revenue"`
	RevenueGap      float64      `json:"revenue_gap"`
}

// Summary holds the scenario's summary figures; nil is "none".
type Summary struct {
	CashOutMonth   *Month  `json:"cash_out_month"`
	FundingNeed    Money   `json:"funding_need"`
	BreakEvenYear  *int    `json:"break_even_year"`
	PeakGPUs       int64   `json:"peak_gpus"`
	PeakFacilityMW float64 `json:"peak_facility_mw"`
}

// RiskReport is the risk analysis as exported.
type RiskReport struct {
	MonteCarlo MonteCarlo   `json:"montecarlo"`
	Tornado    []TornadoRow `json:"tornado"`
	// GoalSeekGrowth is nil when not reachable.
	GoalSeekGrowth *float64 `json:"goal_seek_growth"`
}

// PoolPower is the facility MW a pool's deals need and its sites offer,
// month by month. Used is false when no deal of the scenario is hosted
// there.
type PoolPower struct {
	Pool      PoolID
	Used      bool
	Needed    []float64
	Available []float64
}

// PoolOrder lists the pools in the order the page shows them.
func PoolOrder() []PoolID {
	return []PoolID{PoolStargate, PoolAzure, PoolAWS, PoolCoreWeave, PoolGoogle, PoolOther}
}

// NewReport builds the report of r and, when risk is not nil, of its risk
// analysis.
func NewReport(r *Result, risk *Risk) *Report {
	rep := &Report{Inputs: r.Params, Notices: r.Notices, Months: make([]Month, HorizonMonths)}
	if rep.Notices == nil {
		rep.Notices = []Notice{}
	}
	for m := range rep.Months {
		rep.Months[m] = Month(m)
	}
	rep.addDeals(r)
	rep.addMonthly(r)
	pl := &r.Placement
	for j, s := range pl.Sites {
		rep.Sites = append(rep.Sites, SiteReport{ID: s.ID, Pool: s.Pool, Name: s.Name, AvailableMW: pl.Available[j][:], UsedMW: pl.Used[j][:]})
	}
	rep.addYearly(r)
	rep.Summary = Summary{FundingNeed: MoneyOf(r.Finance.FundingNeed), PeakGPUs: r.Fleet.PeakGPUs, PeakFacilityMW: r.Fleet.PeakFacilityMW}
	if m := r.Finance.CashOut; m != NoMonth {
		rep.Summary.CashOutMonth = &m
	}
	if y := r.Finance.BreakEven; y != 0 {
		rep.Summary.BreakEvenYear = &y
	}
	if risk != nil {
		rep.Risk = newRiskReport(risk)
	}
	rep.addPools(r)
	rep.Headline = headline(r, rep)
	return rep
}

func (rep *Report) addDeals(r *Result) {
	for i := range r.Ledger.Deals {
		d, f := &r.Ledger.Deals[i], &r.Fleet.Deals[i]
		dr := DealReport{ID: d.ID, Supplier: d.Supplier, Pool: d.Pool, Total: d.Total.Money(),
			Obligations: moneySeries(d.Obligations[:]),
			GPUs:        f.GPUs[:], GB200: f.GB200[:], GB300: f.GB300[:], Racks200: f.Racks200[:], Racks300: f.Racks300[:],
			UnplacedRacks: r.Placement.UnplacedRacks[i][:], UnplacedGPUs: make([]int64, HorizonMonths),
			Years: make([]Money, HorizonYears)}
		for m, n := range dr.UnplacedRacks {
			dr.UnplacedGPUs[m] = n * GPUsPerRack
		}
		var in Cents
		for y := range HorizonYears {
			var sum Cents
			for m := MonthOf(FirstYear+y, 1); m <= MonthOf(FirstYear+y, 12); m++ {
				sum += d.Obligations[m]
			}
			dr.Years[y], in = sum.Money(), in+sum
		}
		dr.Beyond = (d.Total - in).Money()
		rep.Beyond = rep.Beyond.Add(dr.Beyond)
		rep.Deals = append(rep.Deals, dr)
	}
	if rep.Deals == nil {
		rep.Deals = []DealReport{}
	}
}

func (rep *Report) addMonthly(r *Result) {
	fin := &r.Finance
	mo := Monthly{
		Obligations: moneySeries(r.Ledger.Total[:]),
		GPUs:        r.Fleet.GPUs[:], Racks: r.Fleet.Racks[:], ITMW: r.Fleet.ITMW[:], FacilityMW: r.Fleet.FacilityMW[:],
		UnplacedGPUs: r.Placement.UnplacedGPUs[:], StrandedMW: r.Placement.StrandedMW[:],
		Revenue: make([]Money, HorizonMonths), Net: make([]Money, HorizonMonths), Cash: make([]*Money, HorizonMonths),
	}
	cash := make([]Money, HorizonMonths)
	for m := range HorizonMonths {
		mo.Revenue[m], mo.Net[m] = MoneyOf(fin.Revenue[m]), MoneyOf(fin.Net[m])
		if HasCash(Month(m)) {
			cash[m] = MoneyOf(fin.Cash[m])
			mo.Cash[m] = &cash[m]
		}
	}
	rep.Monthly = mo
}

func (rep *Report) addYearly(r *Result) {
	fin := &r.Finance
	rep.Yearly = make([]Year, HorizonYears)
	for y := range rep.Yearly {
		c := r.Capex[y]
		yr := Year{Year: FirstYear + y,
			Obligations: MoneyOf(fin.YearObligations[y]), Revenue: MoneyOf(fin.YearRevenue[y]), Net: MoneyOf(fin.YearNet[y]),
			CashEnd: MoneyOf(fin.YearCashEnd[y]), Capex: CompanyCapex(c.Capex[:]),
			CapexTotal: c.Total, RequiredRevenue: c.RequiredRevenue, AIRevenue: c.AIRevenue, RevenueGap: c.Gap}
		if fin.HasCoverage[y] {
			yr.Coverage = &Value{fin.Coverage[y]}
		}
		if r.HasHHI[y] {
			yr.HHI = &Value{r.HHI[y]}
		}
		rep.Yearly[y] = yr
	}
}

func (rep *Report) addPools(r *Result) {
	pw := powerOf(&r.Params)
	for _, id := range PoolOrder() {
		pp := PoolPower{Pool: id, Needed: make([]float64, HorizonMonths), Available: make([]float64, HorizonMonths)}
		for i, d := range r.Ledger.Deals {
			if d.Pool != id {
				continue
			}
			pp.Used = true
			f := &r.Fleet.Deals[i]
			for m := range pp.Needed {
				pp.Needed[m] += pw.itMW(f.Racks200[m], f.Racks300[m]) * pw.pue
			}
		}
		for j, s := range r.Placement.Sites {
			if s.Pool == id {
				for m := range pp.Available {
					pp.Available[m] += r.Placement.Available[j][m]
				}
			}
		}
		rep.Pools = append(rep.Pools, pp)
	}
}

func newRiskReport(risk *Risk) *RiskReport {
	rr := &RiskReport{MonteCarlo: risk.MonteCarlo, Tornado: risk.Tornado}
	if rr.Tornado == nil {
		rr.Tornado = []TornadoRow{}
	}
	if risk.Reachable {
		g := risk.GoalSeek
		rr.GoalSeekGrowth = &g
	}
	return rr
}

func moneySeries(s []Cents) []Money {
	out := make([]Money, len(s))
	for i, c := range s {
		out[i] = Money{c: c}
	}
	return out
}

// JSON writes the report as MODEL.md §11 and §12 prescribe: Go's
// encoding/json, one-space indentation, a final newline.
func (rep *Report) JSON() ([]byte, error) {
	out, err := json.MarshalIndent(rep, "", " ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// ExportJSON returns the JSON export of MODEL.md §11 for r and, when risk
// is not nil, its risk analysis; without it the "risk" key is null.
func ExportJSON(r *Result, risk *Risk) ([]byte, error) {
	return NewReport(r, risk).JSON()
}

// Value is an exact number of the export, written in JSON as a number in
// plain decimal notation.
type Value struct{ decimal.Decimal }

// MarshalJSON writes v as a JSON number.
func (v Value) MarshalJSON() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalJSON reads a JSON number.
func (v *Value) UnmarshalJSON(b []byte) error {
	d, err := decimal.NewFromString(string(b))
	v.Decimal = d
	return err
}

// YearMoney is an amount for each year 2026–2039, written in JSON as an
// object keyed by year.
type YearMoney [HorizonYears - 1]Money

func yearKey(i int) string { return strconv.Itoa(FirstYear + 1 + i) }

// MarshalJSON writes the years in order.
func (y YearMoney) MarshalJSON() ([]byte, error) {
	return writeObject(len(y), func(i int) (string, any) { return yearKey(i), y[i] })
}

// UnmarshalJSON reads an object keyed by year.
func (y *YearMoney) UnmarshalJSON(b []byte) error {
	return readObject(b, len(y), yearKey, func(i int, m Money) { y[i] = m })
}

// CompanyCapex is a year's capex of each Big Tech company ($B), in the
// order of Companies, written in JSON as an object keyed by company.
type CompanyCapex []float64

func companyKey(i int) string { return companies[i].ID }

// MarshalJSON writes the companies in table order.
func (c CompanyCapex) MarshalJSON() ([]byte, error) {
	return writeObject(len(c), func(i int) (string, any) { return companyKey(i), c[i] })
}

// UnmarshalJSON reads an object keyed by company.
func (c *CompanyCapex) UnmarshalJSON(b []byte) error {
	*c = make(CompanyCapex, len(companies))
	return readObject(b, len(companies), companyKey, func(i int, v float64) { (*c)[i] = v })
}

// writeObject writes a JSON object of n members in order, member i giving
// its key and value.
func writeObject(n int, member func(i int) (string, any)) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := range n {
		key, value := member(i)
		k, err := json.Marshal(key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(value)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// readObject reads a JSON object whose members are the keys key(0) …
// key(n−1), each a T.
func readObject[T any](b []byte, n int, key func(int) string, set func(int, T)) error {
	var m map[string]T
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	for i := range n {
		set(i, m[key(i)])
	}
	return nil
}

// MarshalJSON writes every input with the value used, in the order of
// Specs: money and quantities as numbers, months and choices as strings,
// flags and whole numbers as integers (MODEL.md §12).
func (p Params) MarshalJSON() ([]byte, error) {
	return writeObject(len(specs), func(i int) (string, any) {
		s := &specs[i]
		v := s.Get(&p)
		if s.Kind == MonthKind || s.Kind == Choice {
			return s.ID, s.Format(v)
		}
		return s.ID, json.RawMessage(v.String())
	})
}

// UnmarshalJSON reads the inputs as MarshalJSON writes them; inputs it
// does not name keep the defaults, and an unreadable one is an error.
func (p *Params) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*p = Defaults()
	for id, raw := range m {
		i := Index(id)
		if i < 0 {
			return &ValueError{ID: id, Text: string(raw), Why: "is not an input"}
		}
		text := string(raw)
		var s string
		if json.Unmarshal(raw, &s) == nil {
			text = s
		}
		v, err := specs[i].Parse(text)
		if err != nil {
			return err
		}
		specs[i].field.set(p, v)
	}
	return nil
}

// MarshalText writes m as YYYY-MM.
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a month written YYYY-MM.
func (m *Month) UnmarshalText(b []byte) error {
	v, err := ParseMonth(string(b))
	*m = v
	return err
}
