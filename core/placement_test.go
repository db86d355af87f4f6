package core

import (
	"math"
	"slices"
	"testing"
)

// GPUs, racks and power (MODEL.md §4) and placement (§5), by hand.

func TestBlendedPrice(t *testing.T) {
	for _, c := range []struct {
		s, p200, p300, want float64
	}{
		{0, 3.5, 4, 3.5},
		{100, 3.5, 4, 4},
		{50, 3.5, 4, 3.75},  // 0.5 × 3.5 + 0.5 × 4 = 1.75 + 2
		{80, 3.5, 4, 3.9},   // 0.2 × 3.5 + 0.8 × 4 = 0.7 + 3.2
		{30, 2, 10, 4.4},    // 0.7 × 2 + 0.3 × 10 = 1.4 + 3
		{25, 1, 1, 1.0},     // a single price
		{60, 3.5, 4.0, 3.8}, // 0.4 × 3.5 + 0.6 × 4 = 1.4 + 2.4
	} {
		if got := BlendedPrice(c.s, c.p200, c.p300); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("BlendedPrice(%v, %v, %v) = %v, want %v", c.s, c.p200, c.p300, got, c.want)
		}
	}
}

func TestGPUsOfOneDealMonth(t *testing.T) {
	r := Evaluate(Defaults(), nil)
	aws := dealIndex(r, DealAWS)
	m := MonthOf(2026, 12) // AWS month 14, the first at full rate
	f := &r.Fleet.Deals[aws]
	// Obligation $490,322,580.65 (see TestAWSDealByHand); p = 0.5 × 3.50 +
	// 0.5 × 4.00 = 3.75 $/GPU-hour; p × 730 = 2,737.5 $ per GPU-month.
	// G = floor(490,322,580.65 / 2,737.5) = floor(179,113.27…) = 179,113
	// (2,737.5 × 179,113 = 490,321,837.5; 743.15 left, less than a GPU).
	// G300 = floor(179,113 × 50 / 100) = floor(89,556.5) = 89,556;
	// G200 = 179,113 − 89,556 = 89,557.
	// racks300 = ceil(89,556 / 72) = 1,244 (72 × 1,243 = 89,496, 60 over);
	// racks200 = ceil(89,557 / 72) = 1,244 (61 over).
	if got := r.Ledger.Deals[aws].Obligations[m].String(); got != "490322580.65" {
		t.Fatalf("obligation %s", got)
	}
	got := [5]int64{f.GPUs[m], f.GB200[m], f.GB300[m], f.Racks200[m], f.Racks300[m]}
	if want := [5]int64{179113, 89557, 89556, 1244, 1244}; got != want {
		t.Errorf("AWS %s: GPUs, GB200, GB300, racks200, racks300 = %v, want %v", m, got, want)
	}

	// A one-month CoreWeave deal of $7.3B in 2025-04, the only deal.
	// p = 0.7 × 3.50 + 0.3 × 4.00 = 2.45 + 1.2 = 3.65; p × 730 = 2,664.5.
	// G = floor(7,300,000,000 / 2,664.5) = floor(2,739,726.03) = 2,739,726.
	// G300 = floor(2,739,726 × 30 / 100) = floor(821,917.8) = 821,917;
	// G200 = 2,739,726 − 821,917 = 1,917,809.
	// racks300 = ceil(821,917 / 72) = 11,416 (72 × 11,415 = 821,880);
	// racks200 = ceil(1,917,809 / 72) = 26,637 (72 × 26,636 = 1,917,792).
	// IT MW = (26,637 × 120 + 11,416 × 135) / 1000 = (3,196,440 +
	// 1,541,160) / 1000 = 4,737.6; facility MW = 4,737.6 × 1.2 = 5,685.12.
	p := mustQuery(t, "coreweave.value=7.3&coreweave.term=1&coreweave.ramp=0&aws.on=0&oracle.on=0&microsoft.on=0")
	r = Evaluate(p, nil)
	cw := dealIndex(r, DealCoreWeave)
	m = MonthOf(2025, 4)
	f = &r.Fleet.Deals[cw]
	got = [5]int64{f.GPUs[m], f.GB200[m], f.GB300[m], f.Racks200[m], f.Racks300[m]}
	if want := [5]int64{2739726, 1917809, 821917, 26637, 11416}; got != want {
		t.Errorf("CoreWeave %s: GPUs, GB200, GB300, racks200, racks300 = %v, want %v", m, got, want)
	}
	if r.Fleet.GPUs[m] != 2739726 || r.Fleet.Racks[m] != 26637+11416 {
		t.Errorf("2025-04 totals: %d GPUs, %d racks", r.Fleet.GPUs[m], r.Fleet.Racks[m])
	}
	if math.Abs(r.Fleet.ITMW[m]-4737.6) > 1e-9 || math.Abs(r.Fleet.FacilityMW[m]-5685.12) > 1e-9 {
		t.Errorf("2025-04: IT %v MW, facility %v MW; want 4737.6 and 5685.12", r.Fleet.ITMW[m], r.Fleet.FacilityMW[m])
	}
	if r.Fleet.PeakGPUs != 2739726 || math.Abs(r.Fleet.PeakFacilityMW-5685.12) > 1e-9 {
		t.Errorf("peaks %d GPUs, %v MW", r.Fleet.PeakGPUs, r.Fleet.PeakFacilityMW)
	}
	// The 2025-04 placement: the CoreWeave pool opens 2025-04 (F) and is
	// full 2026-06 (L): 15 months, so 600 × 1 / 15 = 40 MW. GB200 racks
	// take 120 × 1.2 / 1000 = 0.144 MW: floor(40 / 0.144) = floor(277.78)
	// = 277 racks, 39.888 MW; the 0.112 MW left holds no GB300 rack
	// (0.162 MW). Unplaced: 26,637 − 277 + 11,416 = 37,776 racks, × 72 =
	// 2,719,872 GPUs.
	j := siteIndex(r, "coreweave")
	if a := r.Placement.Available[j][m]; math.Abs(a-40) > 1e-9 {
		t.Errorf("coreweave available %v MW, want 40", a)
	}
	if u := r.Placement.Used[j][m]; math.Abs(u-39.888) > 1e-9 {
		t.Errorf("coreweave used %v MW, want 39.888", u)
	}
	if u := r.Placement.UnplacedRacks[cw][m]; u != 37776 {
		t.Errorf("unplaced racks %d, want 37,776", u)
	}
	if u := r.Placement.UnplacedGPUs[m]; u != 2719872 {
		t.Errorf("unplaced GPUs %d, want 2,719,872", u)
	}
}

func TestGPUsOfZeroAndTinyObligations(t *testing.T) {
	// $1B over 240 months flat: 100,000,000,000 cents / 240 = 416,666,666
	// r 160 → $4,166,666.66 or .67; at 3.5 $/GPU-hour (gb300 = 0) that is
	// floor(4,166,666.66 / 2,555) = 1,630 GPUs (2,555 × 1,630 = 4,164,650),
	// all GB200: ceil(1,630 / 72) = 23 racks (72 × 22 = 1,584).
	p := mustQuery(t, "coreweave.value=1&coreweave.term=240&coreweave.ramp=0&coreweave.gb300=0")
	r := Evaluate(p, nil)
	cw := dealIndex(r, DealCoreWeave)
	f := &r.Fleet.Deals[cw]
	m := MonthOf(2030, 1)
	if got := [4]int64{f.GPUs[m], f.GB300[m], f.Racks200[m], f.Racks300[m]}; got != [4]int64{1630, 0, 23, 0} {
		t.Errorf("GPUs, GB300, racks = %v, want [1630 0 23 0]", got)
	}
	// A cent a month is no GPU, and no rack.
	p = mustQuery(t, "coreweave.value=0.00000000012&coreweave.term=12&coreweave.ramp=0")
	r = Evaluate(p, nil)
	f = &r.Fleet.Deals[dealIndex(r, DealCoreWeave)]
	for m := range HorizonMonths {
		if f.GPUs[m] != 0 || f.Racks200[m] != 0 || f.Racks300[m] != 0 {
			t.Fatalf("%s: %d GPUs from a cent", Month(m), f.GPUs[m])
		}
	}
}

func TestSiteAvailability(t *testing.T) {
	sites, scale := Sites(500, 50, 0, [len(pools)]float64{1000, 3000, 600, 0, 0})
	ids := make([]string, len(sites))
	for j := range sites {
		ids[j] = sites[j].ID
	}
	if want := []string{"abilene", "shackelford", "donaana", "lordstown", "milam", "saline", "portwashington", "aws", "azure", "coreweave", "google", "other"}; !slices.Equal(ids, want) {
		t.Fatalf("sites %v, want %v", ids, want)
	}
	// $500B at $50B per GW funds 10,000 MW; the seven Stargate sites add up
	// to 1200 + 1400 + 1000 + 300 + 1200 + 1000 + 900 = 7,000 MW: scale 1.
	if scale != 1 {
		t.Errorf("scale %v, want 1", scale)
	}
	abilene := &sites[0] // 2025-06 → 2026-06: 13 months of ramp
	for _, c := range []struct {
		m    Month
		want float64
	}{
		{MonthOf(2025, 5), 0},
		{MonthOf(2025, 6), 1200.0 / 13},     // 1200 × 1 / 13
		{MonthOf(2026, 1), 1200.0 * 8 / 13}, // 738.4615…, MODEL.md §13
		{MonthOf(2026, 5), 1200.0 * 12 / 13},
		{MonthOf(2026, 6), 1200},
		{MonthOf(2039, 12), 1200},
	} {
		if got := abilene.Available(c.m, scale); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("abilene %s: %v MW, want %v", c.m, got, c.want)
		}
	}
	// $200B at $50B per GW funds 4,000 of 7,000 MW: scale 4/7. Only the
	// Stargate pool scales.
	sites, scale = Sites(200, 50, 12, [len(pools)]float64{1000, 3000, 600, 0, 0})
	if math.Abs(scale-4.0/7) > 1e-15 {
		t.Errorf("scale %v, want 4/7", scale)
	}
	if got := sites[0].Available(MonthOf(2040, 1), scale); math.Abs(got-1200*4.0/7) > 1e-9 {
		t.Errorf("scaled abilene %v, want 685.714…", got)
	}
	if got := sites[7].Available(MonthOf(2027, 1), scale); got != 1000 {
		t.Errorf("aws pool %v, want 1000 (not scaled)", got)
	}
	// A 12-month delay shifts F and L of every Stargate site, and only
	// theirs: abilene now opens 2026-06 and is full 2027-06.
	if sites[0].First != MonthOf(2026, 6) || sites[0].Full != MonthOf(2027, 6) || sites[7].First != MonthOf(2025, 11) {
		t.Errorf("delay: abilene %s → %s, aws %s", sites[0].First, sites[0].Full, sites[7].First)
	}
	if got := sites[0].Available(MonthOf(2026, 6), scale); math.Abs(got-1200*4.0/7/13) > 1e-9 {
		t.Errorf("delayed abilene 2026-06 %v", got)
	}
	// A site with F = L is full from its first month.
	s := Site{ID: "x", Pool: "aws", MW: 10, First: 5, Full: 5}
	if s.Available(4, 1) != 0 || s.Available(5, 1) != 10 {
		t.Errorf("F = L: %v, %v", s.Available(4, 1), s.Available(5, 1))
	}
}

func TestPlacementSiteFills(t *testing.T) {
	// The AWS pool shrunk to 100 MW. In 2026-12 (the pool's full month,
	// AWS month 14) the AWS deal needs 1,244 GB200 and 1,244 GB300 racks
	// (TestGPUsOfOneDealMonth). Rack MW: GB200 120 × 1.2 / 1000 = 0.144,
	// GB300 135 × 1.2 / 1000 = 0.162. GB200 first:
	// n = min(1,244, floor(100 / 0.144 + 1e-9)) = floor(694.44) = 694 racks,
	// 694 × 0.144 = 99.936 MW; 0.064 MW remain, floor(0.064 / 0.162) = 0
	// GB300 racks. Unplaced: (1,244 − 694) + 1,244 = 1,794 racks =
	// 129,168 GPUs; the AWS site strands 0.064 MW.
	p := mustQuery(t, "aws.mw=100")
	r := Evaluate(p, nil)
	aws, j := dealIndex(r, DealAWS), siteIndex(r, "aws")
	m := MonthOf(2026, 12)
	if got := r.Placement.UnplacedRacks[aws][m]; got != 1794 {
		t.Errorf("unplaced racks %d, want 1,794", got)
	}
	if got := r.Placement.Used[j][m]; math.Abs(got-99.936) > 1e-9 {
		t.Errorf("used %v MW, want 99.936", got)
	}
	if got := r.Placement.Available[j][m]; got != 100 {
		t.Errorf("available %v MW, want 100", got)
	}
	// Mid-ramp, 2026-01: 100 × (12 − 10 + 1) / (23 − 10 + 1) = 100 × 3/14
	// = 21.428… MW available. AWS month 3 is $105,069,124.42: G =
	// floor(105,069,124.42 / 2,737.5) = floor(38,381.41) = 38,381
	// (2,737.5 × 38,381 = 105,067,987.5); G300 = floor(19,190.5) = 19,190,
	// G200 = 19,191; racks 267 (72 × 266 = 19,152) and 267. GB200:
	// floor(21.428… / 0.144) = floor(148.8) = 148 racks, 21.312 MW;
	// 0.1166 MW left: no GB300 rack. Unplaced 267 − 148 + 267 = 386.
	m = MonthOf(2026, 1)
	f := &r.Fleet.Deals[aws]
	if got := [4]int64{f.GB200[m], f.GB300[m], f.Racks200[m], f.Racks300[m]}; got != [4]int64{19191, 19190, 267, 267} {
		t.Errorf("AWS 2026-01 fleet %v", got)
	}
	if got := r.Placement.UnplacedRacks[aws][m]; got != 386 {
		t.Errorf("2026-01 unplaced racks %d, want 386", got)
	}
	if got := r.Placement.Used[j][m]; math.Abs(got-21.312) > 1e-9 {
		t.Errorf("2026-01 used %v MW, want 21.312", got)
	}

	// 250 MW: all 1,244 GB200 racks fit (179.136 MW), leaving 70.864 MW:
	// floor(70.864 / 0.162) = floor(437.43) = 437 GB300 racks (70.794 MW).
	// Used 249.93 MW; unplaced 1,244 − 437 = 807 racks = 58,104 GPUs.
	r = Evaluate(mustQuery(t, "aws.mw=250"), nil)
	m = MonthOf(2026, 12)
	if got := r.Placement.UnplacedRacks[aws][m]; got != 807 {
		t.Errorf("250 MW: unplaced racks %d, want 807", got)
	}
	if got := r.Placement.Used[j][m]; math.Abs(got-249.93) > 1e-9 {
		t.Errorf("250 MW: used %v MW, want 249.93", got)
	}
	// Only the AWS deal runs in the AWS pool in 2026-12, so the month's
	// unplaced GPUs are the AWS racks' plus the other pools'.
	var others int64
	for i := range r.Ledger.Deals {
		if i != aws {
			others += r.Placement.UnplacedRacks[i][m] * GPUsPerRack
		}
	}
	if got := r.Placement.UnplacedGPUs[m]; got != 807*72+others {
		t.Errorf("250 MW: unplaced GPUs %d, want 58,104 + %d", got, others)
	}
}

func TestPlacementEpsilon(t *testing.T) {
	// kw200 = 100 and pue = 1 make a GB200 rack 0.1 MW; a 0.3 MW pool holds
	// three: 0.3 / 0.1 is 2.9999999999999996 in float64, and the 1e-9 of
	// MODEL.md §5 lifts it to 3.
	r := Evaluate(mustQuery(t, "aws.mw=0.3&kw200=100&pue=1"), nil)
	aws, j := dealIndex(r, DealAWS), siteIndex(r, "aws")
	m := MonthOf(2026, 12)
	f := &r.Fleet.Deals[aws]
	if got := f.Racks200[m] - r.Placement.UnplacedRacks[aws][m] + f.Racks300[m]; got != 3 {
		t.Errorf("placed %d racks, want 3", got)
	}
	if got := r.Placement.Used[j][m]; math.Abs(got-0.3) > 1e-12 {
		t.Errorf("used %v MW, want 0.3", got)
	}
}

func TestPlacementOrder(t *testing.T) {
	// Sites of a pool in order of F, then id. Stargate first-online months:
	// abilene 2025-06, lordstown 2026-06, milam and shackelford 2026-09
	// (milam < shackelford), donaana 2026-12, portwashington and saline
	// 2027-06.
	r := Evaluate(Defaults(), nil)
	oracle := dealIndex(r, DealOracle)
	var got []string
	for _, j := range r.Placement.order[oracle] {
		got = append(got, r.Placement.Sites[j].ID)
	}
	if want := []string{"abilene", "lordstown", "milam", "shackelford", "donaana", "portwashington", "saline"}; !slices.Equal(got, want) {
		t.Errorf("Stargate site order %v, want %v", got, want)
	}
	// Each rack kind walks the sites in that order, so whenever a site is
	// used, every site before it has less than a GB300 rack (0.162 MW) left.
	for m := range HorizonMonths {
		order := r.Placement.order[oracle]
		for k := 1; k < len(order); k++ {
			prev, cur := order[k-1], order[k]
			left := r.Placement.Available[prev][m] - r.Placement.Used[prev][m]
			if r.Placement.Used[cur][m] > 0 && left >= 0.162 {
				t.Fatalf("%s: %s used while %s has %v MW left", Month(m), r.Placement.Sites[cur].ID, r.Placement.Sites[prev].ID, left)
			}
		}
	}
	// The Oracle deal outgrows abilene by 2027-12 (month 12, full rate).
	m := MonthOf(2027, 12)
	if r.Placement.Used[siteIndex(r, "lordstown")][m] == 0 {
		t.Errorf("2027-12: lordstown unused")
	}
	// Deals are placed in ledger order: start month, then id.
	var ids []DealID
	for _, d := range r.Ledger.Deals {
		ids = append(ids, d.ID)
	}
	if want := []DealID{DealCoreWeave, DealAWS, DealMicrosoft, DealOracle}; !slices.Equal(ids, want) {
		t.Errorf("placement order %v, want %v", ids, want)
	}
}

func TestPlacementDealOrderInSharedPool(t *testing.T) {
	// The AWS deal and its extension share the AWS pool. With the pool cut
	// to 50 MW, in 2027-06 the AWS deal (earlier start) is placed first and
	// takes the whole pool; the extension (2027-01) gets nothing.
	// 50 / 0.144 = 347.2: 347 GB200 racks of the AWS deal's 1,244.
	r := Evaluate(mustQuery(t, "aws.mw=50&aws.ext=20"), nil)
	aws, ext := dealIndex(r, DealAWS), dealIndex(r, DealAWSExt)
	m := MonthOf(2027, 6)
	fa, fe := &r.Fleet.Deals[aws], &r.Fleet.Deals[ext]
	if got := r.Placement.UnplacedRacks[aws][m]; got != fa.Racks200[m]+fa.Racks300[m]-347 {
		t.Errorf("AWS unplaced %d of %d+%d", got, fa.Racks200[m], fa.Racks300[m])
	}
	if got := r.Placement.UnplacedRacks[ext][m]; got != fe.Racks200[m]+fe.Racks300[m] || got == 0 {
		t.Errorf("extension unplaced %d of %d+%d", got, fe.Racks200[m], fe.Racks300[m])
	}
}

func TestStrandedMW(t *testing.T) {
	r := Evaluate(Defaults(), nil)
	for _, m := range []Month{0, MonthOf(2026, 1), MonthOf(2027, 6), MonthOf(2030, 12), LastMonth} {
		var want float64
		for j := range r.Placement.Sites {
			want += r.Placement.Available[j][m] - r.Placement.Used[j][m]
		}
		if got := r.Placement.StrandedMW[m]; got != want {
			t.Errorf("%s: stranded %v MW, want %v", m, got, want)
		}
	}
	// 2025-01: nothing is online (CoreWeave opens 2025-04, abilene
	// 2025-06), so nothing is stranded.
	if r.Placement.StrandedMW[0] != 0 {
		t.Errorf("2025-01 stranded %v", r.Placement.StrandedMW[0])
	}
	// 2039-12: every deal has ended and every site is full: all the MW of
	// the ten sites, 7,000 (Stargate) + 1,000 + 3,000 + 600 = 11,600, are
	// stranded.
	if got := r.Placement.StrandedMW[LastMonth]; math.Abs(got-11600) > 1e-9 {
		t.Errorf("2039-12 stranded %v MW, want 11,600", got)
	}
}
