package core

import (
	"cmp"

	"github.com/shopspring/decimal"
)

// Kind says how an input is written in a URL and how the model uses it.
type Kind int

// The kinds of input.
const (
	MoneyKind Kind = iota // billions of US dollars, exact decimal
	Number                // a float64 quantity: price, power, percent, ratio
	Whole                 // a whole number: months, draws, a seed
	MonthKind             // a calendar month written YYYY-MM
	Flag                  // 1 (on) or 0 (off)
	Choice                // one word of a fixed list (Spec.Choices)
)

// Group is the panel an input belongs to, in the order an analyst reads it.
type Group string

// The input groups, in display order.
const (
	GroupAWS       Group = "aws"
	GroupOracle    Group = "oracle"
	GroupMicrosoft Group = "microsoft"
	GroupCoreWeave Group = "coreweave"
	GroupExtra     Group = "extra"
	GroupPower     Group = "power"
	GroupStargate  Group = "stargate"
	GroupFinance   Group = "finance"
	GroupBigTech   Group = "bigtech"
	GroupRisk      Group = "risk"
)

// Groups returns the input groups in display order.
func Groups() []Group {
	return []Group{GroupAWS, GroupOracle, GroupMicrosoft, GroupCoreWeave, GroupExtra,
		GroupPower, GroupStargate, GroupFinance, GroupBigTech, GroupRisk}
}

// Unit names the unit of an input; the words for it are the catalog's.
type Unit string

// The units of the inputs.
const (
	UnitNone          Unit = ""
	UnitBillions      Unit = "usd-b"        // billions of US dollars
	UnitMonth         Unit = "month"        // a calendar month
	UnitMonths        Unit = "months"       // a number of months
	UnitPercent       Unit = "pct"          // percent
	UnitPercentYear   Unit = "pct-year"     // percent a year
	UnitPercentRev    Unit = "pct-revenue"  // percent of revenue
	UnitPerGPUHour    Unit = "usd-gpu-hour" // dollars per GPU-hour
	UnitKWPerRack     Unit = "kw-rack"      // kilowatts per rack
	UnitRatio         Unit = "ratio"        // a dimensionless ratio
	UnitMW            Unit = "mw"           // megawatts
	UnitBillionsPerGW Unit = "usd-b-per-gw" // billions of dollars per gigawatt
	UnitDraws         Unit = "draws"        // Monte Carlo draws
	UnitSupplier      Unit = "supplier"     // a supplier's word
)

// Shock says how the tornado of MODEL.md §9 moves an input.
type Shock int

// The tornado's moves.
const (
	ShockNone  Shock = iota // not in the tornado
	ShockScale              // ×0.8 and ×1.2 (whole months rounded)
	ShockAdd12              // base and base + 12 months
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

// SlotInputs are the inputs of one extra-deal slot (MODEL.md §14).
type SlotInputs struct {
	Value    decimal.Decimal // total value, $B; 0 = no deal
	Supplier int             // index into SupplierChoices
	Start    Month
	Term     int
	Ramp     int
	GB300    float64
}

// Params holds the value used for every input of MODEL.md §10 and §14.
// The zero value is not meaningful: start from Defaults or ParseQuery.
// Deals, Slots, PoolMW and Capex follow the rows of DefaultDeals, Slots,
// Pools and Companies.
type Params struct {
	Deals  [len(defaultDeals)]DealInputs
	AWSExt decimal.Decimal
	Slots  [len(slotIDs)]SlotInputs

	P200, P300   float64 // $ per GPU-hour
	KW200, KW300 float64 // kW per rack
	PUE          float64

	PoolMW        [len(pools)]float64 // the single-site pools, MW
	StargateCapex decimal.Decimal
	StargatePerGW float64 // $B per GW
	StargateDelay int     // months

	Rev2025, RunRate, Cash decimal.Decimal
	Growth, Fade, Opex     float64 // percent

	Capex                                 [len(companies)]decimal.Decimal // $B in 2025
	CapexGrowth, CapexFade, CapexMultiple float64
	AIRevenue                             decimal.Decimal
	AIGrowth                              float64

	MCN      int
	MCSeed   int64
	MCSpread float64
	MCDelay  int
}

// Spec describes one input: its URL id, its kind and range, how the
// tornado moves it and where its default comes from.
type Spec struct {
	ID         string
	Group      Group
	Unit       Unit
	Kind       Kind
	Default    decimal.Decimal // months as month indexes, flags as 0/1, choices as indexes
	Min, Max   decimal.Decimal
	Step       decimal.Decimal
	Choices    []string // the words of a Choice input
	Shock      Shock
	Source     string // the FACTS.md row or MODEL.md section behind the default
	Confidence string // H, M or L, as in FACTS.md
	// Ledger is true for the inputs of the deals: moving one reschedules
	// the ledger.
	Ledger bool
	field  field
}

// field is where one input lives in Params: a member, and for a member
// with one entry per deal, slot, pool or company, the entry.
type field struct {
	member member
	i      int
}

// member names a member of Params that holds inputs.
type member uint8

// The members of Params that hold inputs.
const (
	mDealValue member = iota
	mDealStart
	mDealTerm
	mDealRamp
	mDealGB300
	mDealOn
	mAwsExt
	mSlotValue
	mSlotSupplier
	mSlotStart
	mSlotTerm
	mSlotRamp
	mSlotGB300
	mP200
	mP300
	mKw200
	mKw300
	mPue
	mPoolMW
	mStargateCapex
	mStargatePerGW
	mStargateDelay
	mRev2025
	mRunRate
	mGrowth
	mFade
	mOpex
	mCash
	mCapex
	mCapexGrowth
	mCapexFade
	mCapexMultiple
	mAiRevenue
	mAiGrowth
	mMcN
	mMcSeed
	mMcSpread
	mMcDelay
)

// ref returns a pointer to the input's value in p: a *decimal.Decimal,
// *float64, *int, *int64, *Month or *bool.
func (f field) ref(p *Params) any {
	switch f.member {
	case mDealValue:
		return &p.Deals[f.i].Value
	case mDealStart:
		return &p.Deals[f.i].Start
	case mDealTerm:
		return &p.Deals[f.i].Term
	case mDealRamp:
		return &p.Deals[f.i].Ramp
	case mDealGB300:
		return &p.Deals[f.i].GB300
	case mDealOn:
		return &p.Deals[f.i].On
	case mAwsExt:
		return &p.AWSExt
	case mSlotValue:
		return &p.Slots[f.i].Value
	case mSlotSupplier:
		return &p.Slots[f.i].Supplier
	case mSlotStart:
		return &p.Slots[f.i].Start
	case mSlotTerm:
		return &p.Slots[f.i].Term
	case mSlotRamp:
		return &p.Slots[f.i].Ramp
	case mSlotGB300:
		return &p.Slots[f.i].GB300
	case mP200:
		return &p.P200
	case mP300:
		return &p.P300
	case mKw200:
		return &p.KW200
	case mKw300:
		return &p.KW300
	case mPue:
		return &p.PUE
	case mPoolMW:
		return &p.PoolMW[f.i]
	case mStargateCapex:
		return &p.StargateCapex
	case mStargatePerGW:
		return &p.StargatePerGW
	case mStargateDelay:
		return &p.StargateDelay
	case mRev2025:
		return &p.Rev2025
	case mRunRate:
		return &p.RunRate
	case mGrowth:
		return &p.Growth
	case mFade:
		return &p.Fade
	case mOpex:
		return &p.Opex
	case mCash:
		return &p.Cash
	case mCapex:
		return &p.Capex[f.i]
	case mCapexGrowth:
		return &p.CapexGrowth
	case mCapexFade:
		return &p.CapexFade
	case mCapexMultiple:
		return &p.CapexMultiple
	case mAiRevenue:
		return &p.AIRevenue
	case mAiGrowth:
		return &p.AIGrowth
	case mMcN:
		return &p.MCN
	case mMcSeed:
		return &p.MCSeed
	case mMcSpread:
		return &p.MCSpread
	case mMcDelay:
		return &p.MCDelay
	}
	panic("core: an input without a member of Params") // the table is checked by every test
}

// get returns the input's value in p, in the table's units.
func (f field) get(p *Params) decimal.Decimal {
	switch v := f.ref(p).(type) {
	case *decimal.Decimal:
		return *v
	case *float64:
		return decimal.NewFromFloat(*v)
	case *int:
		return decimal.NewFromInt(int64(*v))
	case *int64:
		return decimal.NewFromInt(*v)
	case *Month:
		return decimal.NewFromInt(int64(*v))
	case *bool:
		if *v {
			return decimal.NewFromInt(1)
		}
	}
	return decimal.Zero
}

// set writes v, in the table's units, as the input's value in p.
func (f field) set(p *Params, v decimal.Decimal) {
	switch r := f.ref(p).(type) {
	case *decimal.Decimal:
		*r = v
	case *float64:
		*r = float64Of(v)
	case *int:
		*r = int(v.IntPart())
	case *int64:
		*r = v.IntPart()
	case *Month:
		*r = Month(v.IntPart())
	case *bool:
		*r = v.Sign() != 0
	}
}

// same reports whether the input has the same value in p and q.
func (f field) same(p, q *Params) bool {
	switch a := f.ref(p).(type) {
	case *decimal.Decimal:
		return a.Equal(*f.ref(q).(*decimal.Decimal))
	case *float64:
		return *a == *f.ref(q).(*float64)
	case *int:
		return *a == *f.ref(q).(*int)
	case *int64:
		return *a == *f.ref(q).(*int64)
	case *Month:
		return *a == *f.ref(q).(*Month)
	case *bool:
		return *a == *f.ref(q).(*bool)
	}
	return false
}

// Index returns the position of the input with the given id in Specs, or -1.
func Index(id string) int {
	i, ok := specIndex[id]
	if !ok {
		return -1
	}
	return i
}

// Specs returns the table of inputs in the order of MODEL.md §10 and §14,
// deal rows expanded aws, oracle, microsoft, coreweave. The slice is
// shared: callers must not modify it.
func Specs() []Spec { return specs }

var specs, specIndex = buildSpecs()

// row is one line of the input table as buildSpecs writes it.
type row struct {
	id        string
	group     Group
	unit      Unit
	kind      Kind
	def       string
	lo, hi    string
	step      string
	src, conf string
	field     field
	shock     Shock
	ledger    bool
	choices   []string
}

// The input table, as data: the rows of each default deal and of each
// extra-deal slot (their ids follow the deal's or the slot's), then the
// others in input order. buildSpecs puts them in input order; the pools'
// and companies' rows it writes from their tables.
var (
	// dealRows: the default, and where a row has none the source and
	// confidence, are the deal's (DealDef).
	dealRows = [...]row{
		{id: ".value", unit: UnitBillions, kind: MoneyKind, lo: "0", hi: "2000", step: "0.1", ledger: true, field: field{member: mDealValue}},
		{id: ".start", unit: UnitMonth, kind: MonthKind, lo: "2023-01", hi: "2039-12", step: "1", ledger: true, field: field{member: mDealStart}},
		{id: ".term", unit: UnitMonths, kind: Whole, lo: "1", hi: "240", step: "1", ledger: true, field: field{member: mDealTerm}},
		{id: ".ramp", unit: UnitMonths, kind: Whole, lo: "0", hi: "60", step: "1", src: "MODEL §3 table: ramp to full capacity", ledger: true, field: field{member: mDealRamp}},
		{id: ".gb300", unit: UnitPercent, kind: Number, lo: "0", hi: "100", step: "1", src: "FACTS §9 GB300 shares per deal", conf: "L", ledger: true, field: field{member: mDealGB300}},
		{id: ".on", kind: Flag, def: "1", lo: "0", hi: "1", step: "1", src: "MODEL §3", conf: "H", ledger: true, field: field{member: mDealOn}},
	}
	awsExtRow = row{id: "aws.ext", group: GroupAWS, unit: UnitBillions, kind: MoneyKind, def: "0", lo: "0", hi: "500", step: "1", src: "FACTS §4 AWS: expansion 2027+ (value undisclosed)", conf: "L", ledger: true, field: field{member: mAwsExt}}
	// slotRows: the supplier's choices are the words of SupplierChoices.
	slotRows = [...]row{
		{id: ".value", group: GroupExtra, unit: UnitBillions, kind: MoneyKind, def: "0", lo: "0", hi: "2000", step: "0.1", src: slotSource, conf: "L", ledger: true, field: field{member: mSlotValue}},
		{id: ".supplier", group: GroupExtra, unit: UnitSupplier, kind: Choice, def: "other", src: slotSource, conf: "L", ledger: true, field: field{member: mSlotSupplier}},
		{id: ".start", group: GroupExtra, unit: UnitMonth, kind: MonthKind, def: "2027-01", lo: "2023-01", hi: "2039-12", step: "1", src: slotSource, conf: "L", ledger: true, field: field{member: mSlotStart}},
		{id: ".term", group: GroupExtra, unit: UnitMonths, kind: Whole, def: "60", lo: "1", hi: "240", step: "1", src: slotSource, conf: "L", ledger: true, field: field{member: mSlotTerm}},
		{id: ".ramp", group: GroupExtra, unit: UnitMonths, kind: Whole, def: "12", lo: "0", hi: "60", step: "1", src: slotSource, conf: "L", ledger: true, field: field{member: mSlotRamp}},
		{id: ".gb300", group: GroupExtra, unit: UnitPercent, kind: Number, def: "100", lo: "0", hi: "100", step: "1", src: slotSource, conf: "L", ledger: true, field: field{member: mSlotGB300}},
	}
	powerRows = [...]row{
		{id: "p200", group: GroupPower, unit: UnitPerGPUHour, kind: Number, def: "3.50", lo: "0.5", hi: "20", step: "0.05", src: priceSource, conf: "M-L", field: field{member: mP200}},
		{id: "p300", group: GroupPower, unit: UnitPerGPUHour, kind: Number, def: "4.00", lo: "0.5", hi: "20", step: "0.05", src: priceSource, conf: "M-L", field: field{member: mP300}},
		{id: "kw200", group: GroupPower, unit: UnitKWPerRack, kind: Number, def: "120", lo: "50", hi: "250", step: "1", src: "FACTS §1 rack power: GB200 ~120 kW typical", conf: "M-H", field: field{member: mKw200}},
		{id: "kw300", group: GroupPower, unit: UnitKWPerRack, kind: Number, def: "135", lo: "50", hi: "250", step: "1", src: "FACTS §1 rack power: GB300 ~120–140 kW", conf: "M-H", field: field{member: mKw300}},
		{id: "pue", group: GroupPower, unit: UnitRatio, kind: Number, def: "1.20", lo: "1.00", hi: "2.00", step: "0.01", src: "FACTS §1 PUE of a liquid-cooled AI hall: 1.1–1.2", conf: "M", field: field{member: mPue}},
	}
	stargateRows = [...]row{
		{id: "stargate.capex", group: GroupStargate, unit: UnitBillions, kind: MoneyKind, def: "500", lo: "0", hi: "2000", step: "10", src: "FACTS §5 target: $500B, 10 GW", conf: "H", field: field{member: mStargateCapex}},
		{id: "stargate.perGW", group: GroupStargate, unit: UnitBillionsPerGW, kind: Number, def: "50", lo: "10", hi: "150", step: "1", src: "FACTS §3 Stargate: $500B ÷ 10 GW", conf: "H", field: field{member: mStargatePerGW}},
		{id: "stargate.delay", group: GroupStargate, unit: UnitMonths, kind: Whole, def: "0", lo: "0", hi: "48", step: "1", src: "MODEL §5: sites on their announced dates", conf: "M", shock: ShockAdd12, field: field{member: mStargateDelay}},
	}
	financeRows = [...]row{
		{id: "oai.rev2025", group: GroupFinance, unit: UnitBillions, kind: MoneyKind, def: "13", lo: "0", hi: "200", step: "0.5", src: "FACTS §7 revenue: 2025 ~$13B", conf: "H", field: field{member: mRev2025}},
		{id: "oai.runrate", group: GroupFinance, unit: UnitBillions, kind: MoneyKind, def: "20", lo: "0", hi: "500", step: "0.5", src: "FACTS §7 run rate: >$20B end-2025", conf: "H", field: field{member: mRunRate}},
		{id: "oai.growth", group: GroupFinance, unit: UnitPercentYear, kind: Number, def: "80", lo: "0", hi: "300", step: "1", src: "FACTS §7 projections: $100B by 2027–29, $200B in 2030", conf: "M", field: field{member: mGrowth}},
		{id: "oai.fade", group: GroupFinance, unit: UnitPercentYear, kind: Number, def: "15", lo: "0", hi: "100", step: "1", src: "FACTS §7 projections (growth slows as revenue grows)", conf: "M", field: field{member: mFade}},
		{id: "oai.opex", group: GroupFinance, unit: UnitPercentRev, kind: Number, def: "30", lo: "0", hi: "95", step: "1", src: "FACTS §9 oai.opex (assumed)", conf: "L", field: field{member: mOpex}},
		{id: "oai.cash", group: GroupFinance, unit: UnitBillions, kind: MoneyKind, def: "40", lo: "0", hi: "1000", step: "1", src: "FACTS §9 oai.cash: the $40B SoftBank-led round (assumed)", conf: "L", field: field{member: mCash}},
	}
	bigTechRows = [...]row{
		{id: "capex.growth", group: GroupBigTech, unit: UnitPercentYear, kind: Number, def: "25", lo: "-50", hi: "100", step: "1", src: "FACTS §6: 2026 guidance 470–700 vs ~380", conf: "M", field: field{member: mCapexGrowth}},
		{id: "capex.fade", group: GroupBigTech, unit: UnitPercentYear, kind: Number, def: "20", lo: "0", hi: "100", step: "1", src: "assumption: growth slows each year", conf: "L", field: field{member: mCapexFade}},
		{id: "capex.multiple", group: GroupBigTech, unit: UnitRatio, kind: Number, def: "2.0", lo: "1", hi: "5", step: "0.1", src: "FACTS §8 Sequoia: ×2 for a 50 % gross margin", conf: "H", field: field{member: mCapexMultiple}},
		{id: "ai.revenue", group: GroupBigTech, unit: UnitBillions, kind: MoneyKind, def: "60", lo: "0", hi: "5000", step: "5", src: "FACTS §9 ai.revenue (assumed)", conf: "L", field: field{member: mAiRevenue}},
		{id: "ai.growth", group: GroupBigTech, unit: UnitPercentYear, kind: Number, def: "50", lo: "-50", hi: "200", step: "1", src: "FACTS §9 ai.growth (assumed)", conf: "L", field: field{member: mAiGrowth}},
	}
	riskRows = [...]row{
		{id: "mc.n", group: GroupRisk, unit: UnitDraws, kind: Whole, def: "1000", lo: "100", hi: "20000", step: "100", src: "MODEL §9", conf: "H", field: field{member: mMcN}},
		{id: "mc.seed", group: GroupRisk, kind: Whole, def: "1", lo: "0", hi: "4294967295", step: "1", src: "MODEL §9", conf: "H", field: field{member: mMcSeed}},
		{id: "mc.spread", group: GroupRisk, unit: UnitPercent, kind: Number, def: "30", lo: "0", hi: "90", step: "1", src: "MODEL §9: triangular ± spread", conf: "M", field: field{member: mMcSpread}},
		{id: "mc.delay", group: GroupRisk, unit: UnitMonths, kind: Whole, def: "12", lo: "0", hi: "48", step: "1", src: "MODEL §9", conf: "M", field: field{member: mMcDelay}},
	}
)

const (
	priceSource = "FACTS §2 and §9: long-contract rates below the $10.50 list price"
	slotSource  = "MODEL §14: a deal not yet signed (FACTS §10 for the mid-2026 ones)"
)

func buildSpecs() ([]Spec, map[string]int) {
	var rows []row
	add := func(rs ...row) {
		for _, r := range rs {
			if r.shock == ShockNone && r.group != GroupRisk && (r.kind == MoneyKind || r.kind == Number || r.kind == Whole) {
				r.shock = ShockScale
			}
			rows = append(rows, r)
		}
	}
	for k := range dealRows {
		for i, d := range defaultDeals {
			r := dealRows[k]
			r.id, r.group, r.field.i = string(d.ID)+r.id, Group(d.ID), i
			if r.def == "" {
				r.def = [...]string{d.Value, d.Start, d.Term, d.Ramp, d.GB300}[k]
			}
			r.src, r.conf = cmp.Or(r.src, d.Source), cmp.Or(r.conf, d.Confidence)
			add(r)
		}
	}
	add(awsExtRow)
	words := make([]string, len(supplierChoices))
	for i, c := range supplierChoices {
		words[i] = c.ID
	}
	for i, id := range slotIDs {
		for _, r := range slotRows {
			r.id, r.field.i = string(id)+r.id, i
			if r.kind == Choice {
				r.choices = words
			}
			add(r)
		}
	}
	add(powerRows[:]...)
	for i, pl := range pools {
		src := "FACTS §9 pool capacities (assumed)"
		if pl.MW == "0" {
			src = "MODEL §14: no capacity until the user says where the power is"
		}
		add(row{id: string(pl.ID) + ".mw", group: GroupStargate, unit: UnitMW, kind: Number, def: pl.MW, lo: "0", hi: "20000", step: "50", src: src, conf: pl.Confidence,
			field: field{mPoolMW, i}})
	}
	add(stargateRows[:]...)
	add(financeRows[:]...)
	for i, c := range companies {
		add(row{id: "capex." + c.ID, group: GroupBigTech, unit: UnitBillions, kind: MoneyKind, def: c.Capex, lo: "0", hi: "2000", step: "1", src: "FACTS §6 Big Tech capex 2025", conf: "H",
			field: field{mCapex, i}})
	}
	add(bigTechRows[:]...)
	add(riskRows[:]...)

	s := make([]Spec, len(rows))
	idx := make(map[string]int, len(rows))
	for i, r := range rows {
		s[i] = Spec{ID: r.id, Group: r.group, Unit: r.unit, Kind: r.kind, Choices: r.choices, Shock: r.shock,
			Source: r.src, Confidence: r.conf, Ledger: r.ledger, field: r.field}
		s[i].Default = s[i].tableValue(r.def)
		if r.kind == Choice {
			s[i].Min, s[i].Max, s[i].Step = decimal.Zero, decimal.NewFromInt(int64(len(r.choices)-1)), decimal.NewFromInt(1)
		} else {
			s[i].Min, s[i].Max, s[i].Step = s[i].tableValue(r.lo), s[i].tableValue(r.hi), decimal.RequireFromString(r.step)
		}
		idx[r.id] = i
	}
	return s, idx
}

// tableValue parses a literal of the table above; a typo panics at
// package initialisation, which every test catches.
func (s *Spec) tableValue(text string) decimal.Decimal {
	v, err := s.Parse(text)
	if err != nil {
		panic(err)
	}
	return v
}

// Defaults returns the base case: every input at its default.
func Defaults() Params {
	var p Params
	for i := range specs {
		specs[i].field.set(&p, specs[i].Default)
	}
	return p
}

// Get returns the value of the input s in p, in the table's units, exactly.
func (s *Spec) Get(p *Params) decimal.Decimal { return s.field.get(p) }

// Set stores v, in the table's units, clamped to the input's range, into p.
func (s *Spec) Set(p *Params, v decimal.Decimal) {
	s.field.set(p, s.clamp(v))
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
