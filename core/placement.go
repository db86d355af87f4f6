package core

// Site is a data-center site that hosts the racks of one pool.
type Site struct {
	ID, Name    string // Name is a place's proper name; empty for a pool's single site
	Pool        PoolID
	MW          float64 // facility capacity when fully online
	First, Full Month   // first month online, month fully online
}

// Sites returns the sites of a scenario in MODEL.md §5 and §14 order: the
// seven Stargate sites shifted by the delay, then one site a pool with its
// capacity. It also returns the Stargate funding scale, min(1, funded MW ÷
// Stargate MW).
func Sites(stargateCapex, perGW float64, delay int, poolMW [len(pools)]float64) ([]Site, float64) {
	sites := make([]Site, 0, len(stargateSites)+len(pools))
	var total float64
	for _, s := range stargateSites {
		s.First += Month(delay)
		s.Full += Month(delay)
		sites = append(sites, s)
		total += s.MW
	}
	for i, pl := range pools {
		sites = append(sites, Site{ID: string(pl.ID), Pool: pl.ID, MW: poolMW[i], First: pl.First, Full: pl.Full})
	}
	scale := 1.0
	if funded := stargateCapex / perGW * 1000; funded < total {
		scale = funded / total
	}
	return sites, scale
}

// Available returns the facility MW a site offers in month m: nothing
// before it opens, its scaled capacity once fully online, a straight line
// in between.
func (s *Site) Available(m Month, scale float64) float64 {
	capacity := s.MW
	if s.Pool == PoolStargate {
		capacity = s.MW * scale
	}
	switch {
	case m < s.First:
		return 0
	case m >= s.Full:
		return capacity
	}
	return capacity * float64(m-s.First+1) / float64(s.Full-s.First+1)
}

// Placement is where the racks of every deal go, month by month.
type Placement struct {
	Sites         []Site
	Scale         float64
	Available     [][HorizonMonths]float64 // per site, facility MW
	Used          [][HorizonMonths]float64 // per site, facility MW
	UnplacedRacks [][HorizonMonths]int64   // per deal, in ledger order
	UnplacedGPUs  [HorizonMonths]int64
	StrandedMW    [HorizonMonths]float64
	PeakUnplaced  int64   // the largest monthly total of unplaced GPUs
	order         [][]int // per deal, its pool's sites by First, then id
	active        []int   // the sites placed on this call
	rem           []float64
}

// place puts each month's racks onto the sites of their deal's pool, into
// pl, reusing its storage: deals in ledger order, GB200 racks before GB300,
// sites by first month online, then id. With peakOnly, for a risk draw, it
// finds only the peak of unplaced GPUs and passes over months without
// racks, leaving the other series of those months as they were.
func place(pl *Placement, l *Ledger, f *Fleet, pw power, sites []Site, scale float64, peakOnly bool) {
	pl.Sites, pl.Scale = sites, scale
	pl.Available = resize(pl.Available, len(sites))
	pl.Used = resize(pl.Used, len(sites))
	pl.UnplacedRacks = resize(pl.UnplacedRacks, len(l.Deals))
	if cap(pl.rem) < len(sites) {
		pl.rem = make([]float64, len(sites))
	}
	rem := pl.rem[:len(sites)]
	pl.order = pl.order[:0]
	pl.active = pl.active[:0]
	for j := range sites {
		if !peakOnly || usesPool(l, sites[j].Pool) {
			pl.active = append(pl.active, j) // a risk draw passes over sites no deal can use
		}
	}
	for i := range l.Deals {
		var idx []int
		for j := range sites {
			if sites[j].Pool != l.Deals[i].Pool {
				continue
			}
			k := len(idx)
			idx = append(idx, j)
			for ; k > 0 && siteBefore(&sites[j], &sites[idx[k-1]]); k-- {
				idx[k] = idx[k-1]
			}
			idx[k] = j
		}
		pl.order = append(pl.order, idx)
	}
	rackMW := [2]float64{pw.kw200 * pw.pue / 1000, pw.kw300 * pw.pue / 1000}
	pl.PeakUnplaced = 0
	for m := range HorizonMonths {
		if peakOnly && f.Racks[m] == 0 {
			pl.UnplacedGPUs[m] = 0
			continue
		}
		for _, j := range pl.active {
			a := sites[j].Available(Month(m), scale)
			pl.Available[j][m], pl.Used[j][m], rem[j] = a, 0, a
		}
		var unplaced int64
		for i := range l.Deals {
			df := &f.Deals[i]
			racks := [2]int64{df.Racks200[m], df.Racks300[m]}
			var left int64
			for kind, n := range racks {
				for _, j := range pl.order[i] {
					if n == 0 {
						break
					}
					fit := int64(rem[j]/rackMW[kind] + 1e-9)
					k := max(0, min(n, fit))
					rem[j] = rem[j] - float64(float64(k)*rackMW[kind])
					pl.Used[j][m] = pl.Used[j][m] + float64(float64(k)*rackMW[kind])
					n -= k
				}
				left += n
			}
			pl.UnplacedRacks[i][m] = left
			unplaced += left * GPUsPerRack
		}
		pl.UnplacedGPUs[m] = unplaced
		pl.PeakUnplaced = max(pl.PeakUnplaced, unplaced)
		if peakOnly {
			continue
		}
		var stranded float64
		for j := range sites {
			stranded += pl.Available[j][m] - pl.Used[j][m]
		}
		pl.StrandedMW[m] = stranded
	}
}

// usesPool reports whether a deal of l is hosted by pool.
func usesPool(l *Ledger, pool PoolID) bool {
	for i := range l.Deals {
		if l.Deals[i].Pool == pool {
			return true
		}
	}
	return false
}

func siteBefore(a, b *Site) bool {
	if a.First != b.First {
		return a.First < b.First
	}
	return a.ID < b.ID
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
