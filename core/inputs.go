package core

import (
	"github.com/shopspring/decimal"
)

// Kind says how an input is written in a URL and how the model uses it.
type Kind int

// The kinds of input.
const (
	Money     Kind = iota // billions of US dollars, exact decimal
	Number                // a float64 quantity: price, power, percent, ratio
	Whole                 // a whole number: months, draws, a seed
	MonthKind             // a calendar month written YYYY-MM
	Flag                  // 1 (on) or 0 (off)
)

// Group is the panel an input belongs to, in the order an analyst reads it.
type Group string

// The input groups, in display order.
const (
	GroupAWS       Group = "aws"
	GroupOracle    Group = "oracle"
	GroupMicrosoft Group = "microsoft"
	GroupCoreWeave Group = "coreweave"
	GroupPower     Group = "power"
	GroupStargate  Group = "stargate"
	GroupFinance   Group = "finance"
	GroupBigTech   Group = "bigtech"
	GroupRisk      Group = "risk"
)

// DealID names one of the four default deals, or the AWS extension.
type DealID string

// The deals of the ledger.
const (
	DealAWS       DealID = "aws"
	DealOracle    DealID = "oracle"
	DealMicrosoft DealID = "microsoft"
	DealCoreWeave DealID = "coreweave"
	DealAWSExt    DealID = "aws-ext"
)

// DealInputs are the inputs of one default deal.
type DealInputs struct {
	Value decimal.Decimal // total value, $B
	Start Month
	Term  int     // months
	Ramp  int     // months to full rate; 0 = flat
	GB300 float64 // share of GB300 GPUs, percent
	On    bool
}

// Params holds the value used for every input of MODEL.md §10. The zero
// value is not meaningful: start from Defaults or ParseQuery.
type Params struct {
	Deals  [4]DealInputs // aws, oracle, microsoft, coreweave
	AWSExt decimal.Decimal

	P200, P300   float64 // $ per GPU-hour
	KW200, KW300 float64 // kW per rack
	PUE          float64

	PoolMW        [3]float64 // aws, azure, coreweave pools, MW
	StargateCapex decimal.Decimal
	StargatePerGW float64 // $B per GW
	StargateDelay int     // months

	Rev2025, RunRate, Cash decimal.Decimal
	Growth, Fade, Opex     float64 // percent

	Capex                                 [4]decimal.Decimal // microsoft, alphabet, amazon, meta, $B in 2025
	CapexGrowth, CapexFade, CapexMultiple float64
	AIRevenue                             decimal.Decimal
	AIGrowth                              float64

	MCN      int
	MCSeed   int64
	MCSpread float64
	MCDelay  int
}

// Spec describes one input: its URL id, what it means, its range and where
// its default comes from.
type Spec struct {
	ID         string
	Label      string
	Group      Group
	Unit       string
	Kind       Kind
	Default    decimal.Decimal // months as month indexes, flags as 0/1
	Min, Max   decimal.Decimal
	Step       decimal.Decimal
	Source     string // the FACTS.md row or MODEL.md section behind the default
	Confidence string // H, M or L, as in FACTS.md
	ref        func(*Params) any
}

// Index returns the position of the input with the given id in Specs, or -1.
func Index(id string) int {
	i, ok := specIndex[id]
	if !ok {
		return -1
	}
	return i
}

// Specs returns the table of inputs in the order of MODEL.md §10, deal
// rows expanded aws, oracle, microsoft, coreweave. The slice is shared:
// callers must not modify it.
func Specs() []Spec { return specs }

var deals = [4]struct {
	id       DealID
	supplier string
	name     string
	pool     string
	defaults [6]string // value, start, term, ramp, gb300, on
	source   string
	conf     string
}{
	{DealAWS, "AWS", "AWS", "aws", [6]string{"38", "2025-11", "84", "14", "50", "1"}, "FACTS §4 AWS: $38B over 7 years, capacity by end-2026", "H"},
	{DealOracle, "Oracle", "Oracle", "stargate", [6]string{"300", "2027-01", "60", "12", "80", "1"}, "FACTS §4 Oracle: $300B over ~5 years from 2027", "H"},
	{DealMicrosoft, "Microsoft", "Microsoft", "azure", [6]string{"250", "2026-01", "84", "12", "60", "1"}, "FACTS §4 Microsoft: $250B incremental Azure; term assumed (§9)", "L"},
	{DealCoreWeave, "CoreWeave", "CoreWeave", "coreweave", [6]string{"22.4", "2025-04", "60", "12", "30", "1"}, "FACTS §4 CoreWeave: $11.9B + $4B + $6.5B, 5-year base", "H"},
}

var specs, specIndex = buildSpecs()

func buildSpecs() ([]Spec, map[string]int) {
	var s []Spec
	add := func(id, label string, g Group, unit string, k Kind, def, lo, hi, step, src, conf string, ref func(*Params) any) {
		s = append(s, Spec{ID: id, Label: label, Group: g, Unit: unit, Kind: k,
			Default: specValue(k, def), Min: specValue(k, lo), Max: specValue(k, hi), Step: decimal.RequireFromString(step),
			Source: src, Confidence: conf, ref: ref})
	}
	groups := [4]Group{GroupAWS, GroupOracle, GroupMicrosoft, GroupCoreWeave}
	for i, d := range deals {
		id := string(d.id)
		add(id+".value", d.name+" deal value", groups[i], "$B", Money, d.defaults[0], "0", "2000", "0.1", d.source, d.conf, func(p *Params) any { return &p.Deals[i].Value })
	}
	for i, d := range deals {
		add(string(d.id)+".start", d.name+" start month", groups[i], "month", MonthKind, d.defaults[1], "2023-01", "2039-12", "1", d.source, d.conf, func(p *Params) any { return &p.Deals[i].Start })
	}
	for i, d := range deals {
		add(string(d.id)+".term", d.name+" term", groups[i], "months", Whole, d.defaults[2], "1", "240", "1", d.source, d.conf, func(p *Params) any { return &p.Deals[i].Term })
	}
	for i, d := range deals {
		add(string(d.id)+".ramp", d.name+" ramp to full rate", groups[i], "months", Whole, d.defaults[3], "0", "60", "1", "MODEL §3 table: ramp to full capacity", d.conf, func(p *Params) any { return &p.Deals[i].Ramp })
	}
	for i, d := range deals {
		add(string(d.id)+".gb300", d.name+" GB300 share", groups[i], "%", Number, d.defaults[4], "0", "100", "1", "FACTS §9 GB300 shares per deal", "L", func(p *Params) any { return &p.Deals[i].GB300 })
	}
	for i, d := range deals {
		add(string(d.id)+".on", d.name+" deal on", groups[i], "", Flag, d.defaults[5], "0", "1", "1", "MODEL §3", "H", func(p *Params) any { return &p.Deals[i].On })
	}
	add("aws.ext", "AWS expansion from 2027", GroupAWS, "$B", Money, "0", "0", "500", "1", "FACTS §4 AWS: expansion 2027+ (value undisclosed)", "L", func(p *Params) any { return &p.AWSExt })
	add("p200", "GB200 price", GroupPower, "$/GPU-hour", Number, "3.50", "0.5", "20", "0.05", "FACTS §2 and §9: long-contract rates below the $10.50 list price", "M-L", func(p *Params) any { return &p.P200 })
	add("p300", "GB300 price", GroupPower, "$/GPU-hour", Number, "4.00", "0.5", "20", "0.05", "FACTS §2 and §9: long-contract rates below the $10.50 list price", "M-L", func(p *Params) any { return &p.P300 })
	add("kw200", "GB200 rack power", GroupPower, "kW per rack", Number, "120", "50", "250", "1", "FACTS §1 rack power: GB200 ~120 kW typical", "M-H", func(p *Params) any { return &p.KW200 })
	add("kw300", "GB300 rack power", GroupPower, "kW per rack", Number, "135", "50", "250", "1", "FACTS §1 rack power: GB300 ~120–140 kW", "M-H", func(p *Params) any { return &p.KW300 })
	add("pue", "PUE", GroupPower, "ratio", Number, "1.20", "1.00", "2.00", "0.01", "FACTS §1 PUE of a liquid-cooled AI hall: 1.1–1.2", "M", func(p *Params) any { return &p.PUE })
	add("aws.mw", "AWS pool capacity", GroupStargate, "MW", Number, "1000", "0", "20000", "50", "FACTS §9 pool capacities (assumed)", "L", func(p *Params) any { return &p.PoolMW[0] })
	add("azure.mw", "Azure pool capacity", GroupStargate, "MW", Number, "3000", "0", "20000", "50", "FACTS §9 pool capacities (assumed)", "L", func(p *Params) any { return &p.PoolMW[1] })
	add("coreweave.mw", "CoreWeave pool capacity", GroupStargate, "MW", Number, "600", "0", "20000", "50", "FACTS §9 pool capacities (assumed)", "L", func(p *Params) any { return &p.PoolMW[2] })
	add("stargate.capex", "Stargate capex", GroupStargate, "$B", Money, "500", "0", "2000", "10", "FACTS §5 target: $500B, 10 GW", "H", func(p *Params) any { return &p.StargateCapex })
	add("stargate.perGW", "Stargate cost per GW", GroupStargate, "$B per GW", Number, "50", "10", "150", "1", "FACTS §3 Stargate: $500B ÷ 10 GW", "H", func(p *Params) any { return &p.StargatePerGW })
	add("stargate.delay", "Stargate delay", GroupStargate, "months", Whole, "0", "0", "48", "1", "MODEL §5: sites on their announced dates", "M", func(p *Params) any { return &p.StargateDelay })
	add("oai.rev2025", "OpenAI revenue 2025", GroupFinance, "$B", Money, "13", "0", "200", "0.5", "FACTS §7 revenue: 2025 ~$13B", "H", func(p *Params) any { return &p.Rev2025 })
	add("oai.runrate", "OpenAI run rate, end-2025", GroupFinance, "$B", Money, "20", "0", "500", "0.5", "FACTS §7 run rate: >$20B end-2025", "H", func(p *Params) any { return &p.RunRate })
	add("oai.growth", "OpenAI revenue growth, 2026", GroupFinance, "% a year", Number, "80", "0", "300", "1", "FACTS §7 projections: $100B by 2027–29, $200B in 2030", "M", func(p *Params) any { return &p.Growth })
	add("oai.fade", "Growth fade per year", GroupFinance, "% a year", Number, "15", "0", "100", "1", "FACTS §7 projections (growth slows as revenue grows)", "M", func(p *Params) any { return &p.Fade })
	add("oai.opex", "Non-compute costs", GroupFinance, "% of revenue", Number, "30", "0", "95", "1", "FACTS §9 oai.opex (assumed)", "L", func(p *Params) any { return &p.Opex })
	add("oai.cash", "OpenAI cash, end-2025", GroupFinance, "$B", Money, "40", "0", "1000", "1", "FACTS §9 oai.cash: the $40B SoftBank-led round (assumed)", "L", func(p *Params) any { return &p.Cash })
	companies := [4]struct{ id, name, def string }{{"microsoft", "Microsoft", "88.2"}, {"alphabet", "Alphabet", "91.4"}, {"amazon", "Amazon", "131.8"}, {"meta", "Meta", "72"}}
	for i, c := range companies {
		add("capex."+c.id, c.name+" capex 2025", GroupBigTech, "$B", Money, c.def, "0", "2000", "1", "FACTS §6 Big Tech capex 2025", "H", func(p *Params) any { return &p.Capex[i] })
	}
	add("capex.growth", "Capex growth, 2026", GroupBigTech, "% a year", Number, "25", "-50", "100", "1", "FACTS §6: 2026 guidance 470–700 vs ~380", "M", func(p *Params) any { return &p.CapexGrowth })
	add("capex.fade", "Capex growth fade", GroupBigTech, "% a year", Number, "20", "0", "100", "1", "assumption: growth slows each year", "L", func(p *Params) any { return &p.CapexFade })
	add("capex.multiple", "Revenue needed per $ of capex", GroupBigTech, "ratio", Number, "2.0", "1", "5", "0.1", "FACTS §8 Sequoia: ×2 for a 50 % gross margin", "H", func(p *Params) any { return &p.CapexMultiple })
	add("ai.revenue", "Industry AI revenue 2025", GroupBigTech, "$B", Money, "60", "0", "5000", "5", "FACTS §9 ai.revenue (assumed)", "L", func(p *Params) any { return &p.AIRevenue })
	add("ai.growth", "Industry AI revenue growth", GroupBigTech, "% a year", Number, "50", "-50", "200", "1", "FACTS §9 ai.growth (assumed)", "L", func(p *Params) any { return &p.AIGrowth })
	add("mc.n", "Monte Carlo draws", GroupRisk, "draws", Whole, "1000", "100", "20000", "100", "MODEL §9", "H", func(p *Params) any { return &p.MCN })
	add("mc.seed", "Random seed", GroupRisk, "", Whole, "1", "0", "4294967295", "1", "MODEL §9", "H", func(p *Params) any { return &p.MCSeed })
	add("mc.spread", "Uncertainty spread", GroupRisk, "%", Number, "30", "0", "90", "1", "MODEL §9: triangular ± spread", "M", func(p *Params) any { return &p.MCSpread })
	add("mc.delay", "Extra Stargate delay, up to", GroupRisk, "months", Whole, "12", "0", "48", "1", "MODEL §9", "M", func(p *Params) any { return &p.MCDelay })

	idx := make(map[string]int, len(s))
	for i := range s {
		idx[s[i].ID] = i
	}
	return s, idx
}

// specValue parses a table literal; months become month indexes.
func specValue(k Kind, text string) decimal.Decimal {
	if k == MonthKind {
		m, err := ParseMonth(text)
		if err != nil {
			panic(err) // a typo in the table above, caught by every test
		}
		return decimal.NewFromInt(int64(m))
	}
	return decimal.RequireFromString(text)
}

// Defaults returns the base case: every input at its default.
func Defaults() Params {
	var p Params
	for i := range specs {
		specs[i].set(&p, specs[i].Default)
	}
	return p
}

// set stores v, in the table's units, into the field of p that s names.
func (s *Spec) set(p *Params, v decimal.Decimal) {
	switch f := s.ref(p).(type) {
	case *decimal.Decimal:
		*f = v
	case *float64:
		*f = v.InexactFloat64()
	case *int:
		*f = int(v.IntPart())
	case *int64:
		*f = v.IntPart()
	case *Month:
		*f = Month(v.IntPart())
	case *bool:
		*f = v.Sign() != 0
	}
}

// Get returns the value of the input s in p, in the table's units, exactly.
func (s *Spec) Get(p *Params) decimal.Decimal {
	switch f := s.ref(p).(type) {
	case *decimal.Decimal:
		return *f
	case *float64:
		return decimal.NewFromFloat(*f)
	case *int:
		return decimal.NewFromInt(int64(*f))
	case *int64:
		return decimal.NewFromInt(*f)
	case *Month:
		return decimal.NewFromInt(int64(*f))
	case *bool:
		if *f {
			return decimal.NewFromInt(1)
		}
		return decimal.Zero
	}
	return decimal.Zero
}

// Set stores v, in the table's units, clamped to the input's range, into p.
func (s *Spec) Set(p *Params, v decimal.Decimal) {
	s.set(p, s.clamp(v))
}

func (s *Spec) clamp(v decimal.Decimal) decimal.Decimal {
	if v.LessThan(s.Min) {
		return s.Min
	}
	if v.GreaterThan(s.Max) {
		return s.Max
	}
	return v
}
