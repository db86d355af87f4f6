package core

import (
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

// field reads, writes and compares one input of Params, in the table's
// units.
type field struct {
	get  func(*Params) decimal.Decimal
	set  func(*Params, decimal.Decimal)
	same func(p, q *Params) bool // the input has the same value in p and q
}

// fieldOf is the field of a comparable Go value, converted to and from the
// table's decimal units.
func fieldOf[T comparable](ref func(*Params) *T, to func(T) decimal.Decimal, from func(decimal.Decimal) T) field {
	return field{
		get:  func(p *Params) decimal.Decimal { return to(*ref(p)) },
		set:  func(p *Params, v decimal.Decimal) { *ref(p) = from(v) },
		same: func(p, q *Params) bool { return *ref(p) == *ref(q) },
	}
}

func moneyField(ref func(*Params) *decimal.Decimal) field {
	return field{
		get:  func(p *Params) decimal.Decimal { return *ref(p) },
		set:  func(p *Params, v decimal.Decimal) { *ref(p) = v },
		same: func(p, q *Params) bool { return ref(p).Equal(*ref(q)) },
	}
}

func floatField(ref func(*Params) *float64) field {
	return fieldOf(ref, decimal.NewFromFloat, decimal.Decimal.InexactFloat64)
}

func intField(ref func(*Params) *int) field {
	return fieldOf(ref, func(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) },
		func(v decimal.Decimal) int { return int(v.IntPart()) })
}

func int64Field(ref func(*Params) *int64) field {
	return fieldOf(ref, decimal.NewFromInt, decimal.Decimal.IntPart)
}

func monthField(ref func(*Params) *Month) field {
	return fieldOf(ref, func(m Month) decimal.Decimal { return decimal.NewFromInt(int64(m)) },
		func(v decimal.Decimal) Month { return Month(v.IntPart()) })
}

func flagField(ref func(*Params) *bool) field {
	return fieldOf(ref, func(on bool) decimal.Decimal {
		if on {
			return decimal.NewFromInt(1)
		}
		return decimal.Zero
	}, func(v decimal.Decimal) bool { return v.Sign() != 0 })
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

func buildSpecs() ([]Spec, map[string]int) {
	var rows []row
	add := func(r row) {
		if r.shock == ShockNone && r.group != GroupRisk && (r.kind == MoneyKind || r.kind == Number || r.kind == Whole) {
			r.shock = ShockScale
		}
		rows = append(rows, r)
	}
	dealGroup := func(id DealID) Group { return Group(id) }
	for i, d := range defaultDeals {
		add(row{id: string(d.ID) + ".value", group: dealGroup(d.ID), unit: UnitBillions, kind: MoneyKind, def: d.Value, lo: "0", hi: "2000", step: "0.1", src: d.Source, conf: d.Confidence, ledger: true,
			field: moneyField(func(p *Params) *decimal.Decimal { return &p.Deals[i].Value })})
	}
	for i, d := range defaultDeals {
		add(row{id: string(d.ID) + ".start", group: dealGroup(d.ID), unit: UnitMonth, kind: MonthKind, def: d.Start, lo: "2023-01", hi: "2039-12", step: "1", src: d.Source, conf: d.Confidence, ledger: true,
			field: monthField(func(p *Params) *Month { return &p.Deals[i].Start })})
	}
	for i, d := range defaultDeals {
		add(row{id: string(d.ID) + ".term", group: dealGroup(d.ID), unit: UnitMonths, kind: Whole, def: d.Term, lo: "1", hi: "240", step: "1", src: d.Source, conf: d.Confidence, ledger: true,
			field: intField(func(p *Params) *int { return &p.Deals[i].Term })})
	}
	for i, d := range defaultDeals {
		add(row{id: string(d.ID) + ".ramp", group: dealGroup(d.ID), unit: UnitMonths, kind: Whole, def: d.Ramp, lo: "0", hi: "60", step: "1", src: "MODEL §3 table: ramp to full capacity", conf: d.Confidence, ledger: true,
			field: intField(func(p *Params) *int { return &p.Deals[i].Ramp })})
	}
	for i, d := range defaultDeals {
		add(row{id: string(d.ID) + ".gb300", group: dealGroup(d.ID), unit: UnitPercent, kind: Number, def: d.GB300, lo: "0", hi: "100", step: "1", src: "FACTS §9 GB300 shares per deal", conf: "L", ledger: true,
			field: floatField(func(p *Params) *float64 { return &p.Deals[i].GB300 })})
	}
	for i, d := range defaultDeals {
		add(row{id: string(d.ID) + ".on", group: dealGroup(d.ID), kind: Flag, def: "1", lo: "0", hi: "1", step: "1", src: "MODEL §3", conf: "H", ledger: true,
			field: flagField(func(p *Params) *bool { return &p.Deals[i].On })})
	}
	add(row{id: "aws.ext", group: GroupAWS, unit: UnitBillions, kind: MoneyKind, def: "0", lo: "0", hi: "500", step: "1", src: "FACTS §4 AWS: expansion 2027+ (value undisclosed)", conf: "L", ledger: true,
		field: moneyField(func(p *Params) *decimal.Decimal { return &p.AWSExt })})
	words := make([]string, len(supplierChoices))
	for i, c := range supplierChoices {
		words[i] = c.ID
	}
	for i, id := range slotIDs {
		x := string(id)
		const src = "MODEL §14: a deal not yet signed (FACTS §10 for the mid-2026 ones)"
		add(row{id: x + ".value", group: GroupExtra, unit: UnitBillions, kind: MoneyKind, def: "0", lo: "0", hi: "2000", step: "0.1", src: src, conf: "L", ledger: true,
			field: moneyField(func(p *Params) *decimal.Decimal { return &p.Slots[i].Value })})
		add(row{id: x + ".supplier", group: GroupExtra, unit: UnitSupplier, kind: Choice, def: "other", src: src, conf: "L", ledger: true, choices: words, shock: ShockNone,
			field: intField(func(p *Params) *int { return &p.Slots[i].Supplier })})
		add(row{id: x + ".start", group: GroupExtra, unit: UnitMonth, kind: MonthKind, def: "2027-01", lo: "2023-01", hi: "2039-12", step: "1", src: src, conf: "L", ledger: true,
			field: monthField(func(p *Params) *Month { return &p.Slots[i].Start })})
		add(row{id: x + ".term", group: GroupExtra, unit: UnitMonths, kind: Whole, def: "60", lo: "1", hi: "240", step: "1", src: src, conf: "L", ledger: true,
			field: intField(func(p *Params) *int { return &p.Slots[i].Term })})
		add(row{id: x + ".ramp", group: GroupExtra, unit: UnitMonths, kind: Whole, def: "12", lo: "0", hi: "60", step: "1", src: src, conf: "L", ledger: true,
			field: intField(func(p *Params) *int { return &p.Slots[i].Ramp })})
		add(row{id: x + ".gb300", group: GroupExtra, unit: UnitPercent, kind: Number, def: "100", lo: "0", hi: "100", step: "1", src: src, conf: "L", ledger: true,
			field: floatField(func(p *Params) *float64 { return &p.Slots[i].GB300 })})
	}
	const price = "FACTS §2 and §9: long-contract rates below the $10.50 list price"
	add(row{id: "p200", group: GroupPower, unit: UnitPerGPUHour, kind: Number, def: "3.50", lo: "0.5", hi: "20", step: "0.05", src: price, conf: "M-L", field: floatField(func(p *Params) *float64 { return &p.P200 })})
	add(row{id: "p300", group: GroupPower, unit: UnitPerGPUHour, kind: Number, def: "4.00", lo: "0.5", hi: "20", step: "0.05", src: price, conf: "M-L", field: floatField(func(p *Params) *float64 { return &p.P300 })})
	add(row{id: "kw200", group: GroupPower, unit: UnitKWPerRack, kind: Number, def: "120", lo: "50", hi: "250", step: "1", src: "FACTS §1 rack power: GB200 ~120 kW typical", conf: "M-H", field: floatField(func(p *Params) *float64 { return &p.KW200 })})
	add(row{id: "kw300", group: GroupPower, unit: UnitKWPerRack, kind: Number, def: "135", lo: "50", hi: "250", step: "1", src: "FACTS §1 rack power: GB300 ~120–140 kW", conf: "M-H", field: floatField(func(p *Params) *float64 { return &p.KW300 })})
	add(row{id: "pue", group: GroupPower, unit: UnitRatio, kind: Number, def: "1.20", lo: "1.00", hi: "2.00", step: "0.01", src: "FACTS §1 PUE of a liquid-cooled AI hall: 1.1–1.2", conf: "M", field: floatField(func(p *Params) *float64 { return &p.PUE })})
	for i, pl := range pools {
		src := "FACTS §9 pool capacities (assumed)"
		if pl.MW == "0" {
			src = "MODEL §14: no capacity until the user says where the power is"
		}
		add(row{id: string(pl.ID) + ".mw", group: GroupStargate, unit: UnitMW, kind: Number, def: pl.MW, lo: "0", hi: "20000", step: "50", src: src, conf: pl.Confidence,
			field: floatField(func(p *Params) *float64 { return &p.PoolMW[i] })})
	}
	add(row{id: "stargate.capex", group: GroupStargate, unit: UnitBillions, kind: MoneyKind, def: "500", lo: "0", hi: "2000", step: "10", src: "FACTS §5 target: $500B, 10 GW", conf: "H", field: moneyField(func(p *Params) *decimal.Decimal { return &p.StargateCapex })})
	add(row{id: "stargate.perGW", group: GroupStargate, unit: UnitBillionsPerGW, kind: Number, def: "50", lo: "10", hi: "150", step: "1", src: "FACTS §3 Stargate: $500B ÷ 10 GW", conf: "H", field: floatField(func(p *Params) *float64 { return &p.StargatePerGW })})
	add(row{id: "stargate.delay", group: GroupStargate, unit: UnitMonths, kind: Whole, def: "0", lo: "0", hi: "48", step: "1", src: "MODEL §5: sites on their announced dates", conf: "M", shock: ShockAdd12, field: intField(func(p *Params) *int { return &p.StargateDelay })})
	add(row{id: "oai.rev2025", group: GroupFinance, unit: UnitBillions, kind: MoneyKind, def: "13", lo: "0", hi: "200", step: "0.5", src: "FACTS §7 revenue: 2025 ~$13B", conf: "H", field: moneyField(func(p *Params) *decimal.Decimal { return &p.Rev2025 })})
	add(row{id: "oai.runrate", group: GroupFinance, unit: UnitBillions, kind: MoneyKind, def: "20", lo: "0", hi: "500", step: "0.5", src: "FACTS §7 run rate: >$20B end-2025", conf: "H", field: moneyField(func(p *Params) *decimal.Decimal { return &p.RunRate })})
	add(row{id: "oai.growth", group: GroupFinance, unit: UnitPercentYear, kind: Number, def: "80", lo: "0", hi: "300", step: "1", src: "FACTS §7 projections: $100B by 2027–29, $200B in 2030", conf: "M", field: floatField(func(p *Params) *float64 { return &p.Growth })})
	add(row{id: "oai.fade", group: GroupFinance, unit: UnitPercentYear, kind: Number, def: "15", lo: "0", hi: "100", step: "1", src: "FACTS §7 projections (growth slows as revenue grows)", conf: "M", field: floatField(func(p *Params) *float64 { return &p.Fade })})
	add(row{id: "oai.opex", group: GroupFinance, unit: UnitPercentRev, kind: Number, def: "30", lo: "0", hi: "95", step: "1", src: "FACTS §9 oai.opex (assumed)", conf: "L", field: floatField(func(p *Params) *float64 { return &p.Opex })})
	add(row{id: "oai.cash", group: GroupFinance, unit: UnitBillions, kind: MoneyKind, def: "40", lo: "0", hi: "1000", step: "1", src: "FACTS §9 oai.cash: the $40B SoftBank-led round (assumed)", conf: "L", field: moneyField(func(p *Params) *decimal.Decimal { return &p.Cash })})
	for i, c := range companies {
		add(row{id: "capex." + c.ID, group: GroupBigTech, unit: UnitBillions, kind: MoneyKind, def: c.Capex, lo: "0", hi: "2000", step: "1", src: "FACTS §6 Big Tech capex 2025", conf: "H",
			field: moneyField(func(p *Params) *decimal.Decimal { return &p.Capex[i] })})
	}
	add(row{id: "capex.growth", group: GroupBigTech, unit: UnitPercentYear, kind: Number, def: "25", lo: "-50", hi: "100", step: "1", src: "FACTS §6: 2026 guidance 470–700 vs ~380", conf: "M", field: floatField(func(p *Params) *float64 { return &p.CapexGrowth })})
	add(row{id: "capex.fade", group: GroupBigTech, unit: UnitPercentYear, kind: Number, def: "20", lo: "0", hi: "100", step: "1", src: "assumption: growth slows each year", conf: "L", field: floatField(func(p *Params) *float64 { return &p.CapexFade })})
	add(row{id: "capex.multiple", group: GroupBigTech, unit: UnitRatio, kind: Number, def: "2.0", lo: "1", hi: "5", step: "0.1", src: "FACTS §8 Sequoia: ×2 for a 50 % gross margin", conf: "H", field: floatField(func(p *Params) *float64 { return &p.CapexMultiple })})
	add(row{id: "ai.revenue", group: GroupBigTech, unit: UnitBillions, kind: MoneyKind, def: "60", lo: "0", hi: "5000", step: "5", src: "FACTS §9 ai.revenue (assumed)", conf: "L", field: moneyField(func(p *Params) *decimal.Decimal { return &p.AIRevenue })})
	add(row{id: "ai.growth", group: GroupBigTech, unit: UnitPercentYear, kind: Number, def: "50", lo: "-50", hi: "200", step: "1", src: "FACTS §9 ai.growth (assumed)", conf: "L", field: floatField(func(p *Params) *float64 { return &p.AIGrowth })})
	add(row{id: "mc.n", group: GroupRisk, unit: UnitDraws, kind: Whole, def: "1000", lo: "100", hi: "20000", step: "100", src: "MODEL §9", conf: "H", field: intField(func(p *Params) *int { return &p.MCN })})
	add(row{id: "mc.seed", group: GroupRisk, kind: Whole, def: "1", lo: "0", hi: "4294967295", step: "1", src: "MODEL §9", conf: "H", field: int64Field(func(p *Params) *int64 { return &p.MCSeed })})
	add(row{id: "mc.spread", group: GroupRisk, unit: UnitPercent, kind: Number, def: "30", lo: "0", hi: "90", step: "1", src: "MODEL §9: triangular ± spread", conf: "M", field: floatField(func(p *Params) *float64 { return &p.MCSpread })})
	add(row{id: "mc.delay", group: GroupRisk, unit: UnitMonths, kind: Whole, def: "12", lo: "0", hi: "48", step: "1", src: "MODEL §9", conf: "M", field: intField(func(p *Params) *int { return &p.MCDelay })})

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
