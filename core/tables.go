package core

// The model's tables: the default deals, the extra-deal slots and the
// suppliers they may choose, the pools with their single sites, the
// Stargate sites and the Big Tech companies. A new default deal, slot,
// pool or company is one row here; the inputs, the URL, the ledger, the
// placement, the export and the page follow from the tables.

// DealID names a deal of the ledger: a default deal, the AWS extension or
// an extra-deal slot.
type DealID string

// The default deals and the AWS extension.
const (
	DealAWS       DealID = "aws"
	DealOracle    DealID = "oracle"
	DealMicrosoft DealID = "microsoft"
	DealCoreWeave DealID = "coreweave"
	DealAWSExt    DealID = "aws-ext"
)

// PoolID names a pool of sites that hosts the racks of some deals.
type PoolID string

// The pools of MODEL.md §5 and §14.
const (
	PoolStargate  PoolID = "stargate"
	PoolAWS       PoolID = "aws"
	PoolAzure     PoolID = "azure"
	PoolCoreWeave PoolID = "coreweave"
	PoolGoogle    PoolID = "google"
	PoolOther     PoolID = "other"
)

// DealDef is a row of the default deal table of MODEL.md §3: what is fixed
// about a deal, and the defaults of its inputs.
type DealDef struct {
	ID       DealID
	Supplier string // the company paid, as the export names it
	Pool     PoolID
	// Defaults of the deal's inputs, as URL text.
	Value, Start, Term, Ramp, GB300 string
	Source, Confidence              string
}

// defaultDeals is MODEL.md §3's table.
var defaultDeals = [...]DealDef{
	{DealAWS, "AWS", PoolAWS, "38", "2025-11", "84", "14", "50", "FACTS §4 AWS: $38B over 7 years, capacity by end-2026", "H"},
	{DealOracle, "Oracle", PoolStargate, "300", "2027-01", "60", "12", "80", "FACTS §4 Oracle: $300B over ~5 years from 2027", "H"},
	{DealMicrosoft, "Microsoft", PoolAzure, "250", "2026-01", "84", "12", "60", "FACTS §4 Microsoft: $250B incremental Azure; term assumed (§9)", "L"},
	{DealCoreWeave, "CoreWeave", PoolCoreWeave, "22.4", "2025-04", "60", "12", "30", "FACTS §4 CoreWeave: $11.9B + $4B + $6.5B, 5-year base", "H"},
}

// DefaultDeals returns the table of default deals. Callers must not modify it.
func DefaultDeals() []DealDef { return defaultDeals[:] }

// slotIDs are the extra-deal slots of MODEL.md §14.
var slotIDs = [...]DealID{"x1", "x2", "x3"}

// Slots returns the ids of the extra-deal slots, in input order.
func Slots() []DealID { return slotIDs[:] }

// SupplierChoice is a supplier an extra deal may be signed with: the word
// of its input, the supplier it counts as and the pool that hosts it.
type SupplierChoice struct {
	ID       string // the word in the URL
	Supplier string // "" for other: each other slot is a supplier of its own
	Pool     PoolID
}

// supplierChoices are the six words of xN.supplier (MODEL.md §14).
var supplierChoices = [...]SupplierChoice{
	{"aws", "AWS", PoolAWS},
	{"oracle", "Oracle", PoolStargate},
	{"microsoft", "Microsoft", PoolAzure},
	{"coreweave", "CoreWeave", PoolCoreWeave},
	{"google", "Google", PoolGoogle},
	{"other", "", PoolOther},
}

// SupplierChoices returns the choices of xN.supplier in input order.
// Callers must not modify it.
func SupplierChoices() []SupplierChoice { return supplierChoices[:] }

// supplierOf returns the supplier an extra deal in slot id counts as.
func (c SupplierChoice) supplierOf(id DealID) string {
	if c.Supplier == "" {
		return "Other (" + string(id) + ")"
	}
	return c.Supplier
}

// PoolDef is a pool of MODEL.md §5 and §14 other than Stargate: one site,
// named after the pool, whose capacity is an input.
type PoolDef struct {
	ID          PoolID
	MW          string // default capacity, MW
	First, Full Month
	Confidence  string
}

// pools are the single-site pools, in site and input order.
var pools = [...]PoolDef{
	{PoolAWS, "1000", MonthOf(2025, 11), MonthOf(2026, 12), "L"},
	{PoolAzure, "3000", MonthOf(2026, 1), MonthOf(2027, 12), "L"},
	{PoolCoreWeave, "600", MonthOf(2025, 4), MonthOf(2026, 6), "L"},
	{PoolGoogle, "0", MonthOf(2026, 1), MonthOf(2027, 12), "L"},
	{PoolOther, "0", MonthOf(2026, 1), MonthOf(2027, 12), "L"},
}

// Pools returns the single-site pools in site order. Callers must not
// modify it.
func Pools() []PoolDef { return pools[:] }

// stargateSites are the seven Stargate sites of MODEL.md §5 (FACTS §5).
var stargateSites = [...]Site{
	{"abilene", "Abilene, TX", PoolStargate, 1200, MonthOf(2025, 6), MonthOf(2026, 6)},
	{"shackelford", "Shackelford County, TX", PoolStargate, 1400, MonthOf(2026, 9), MonthOf(2028, 6)},
	{"donaana", "Doña Ana County, NM", PoolStargate, 1000, MonthOf(2026, 12), MonthOf(2028, 6)},
	{"lordstown", "Lordstown, OH", PoolStargate, 300, MonthOf(2026, 6), MonthOf(2027, 6)},
	{"milam", "Milam County, TX", PoolStargate, 1200, MonthOf(2026, 9), MonthOf(2028, 3)},
	{"saline", "Saline Township, MI", PoolStargate, 1000, MonthOf(2027, 6), MonthOf(2028, 12)},
	{"portwashington", "Port Washington, WI", PoolStargate, 900, MonthOf(2027, 6), MonthOf(2028, 12)},
}

// Company is a Big Tech spender of MODEL.md §7 with its 2025 capex ($B).
type Company struct {
	ID    string
	Capex string
}

// companies are the Big Tech spenders, in export order.
var companies = [...]Company{{"microsoft", "88.2"}, {"alphabet", "91.4"}, {"amazon", "131.8"}, {"meta", "72"}}

// Companies returns the Big Tech companies in export order. Callers must
// not modify it.
func Companies() []Company { return companies[:] }
