package core

// CapexYear is one year of Big Tech capex and the industry's revenue gap,
// in float64 billions of dollars.
type CapexYear struct {
	Year            int
	Capex           [len(companies)]float64 // in the order of Companies
	Total           float64
	RequiredRevenue float64 // total × the revenue multiple (Sequoia's method)
	AIRevenue       float64
	Gap             float64 // required − actual: "AI's $600B question"
}

// BuildCapex projects Big Tech capex, the AI revenue it requires and the
// industry's actual AI revenue, 2025 through 2039.
func BuildCapex(p *Params) [HorizonYears]CapexYear {
	var out [HorizonYears]CapexYear
	var capex [len(companies)]float64
	for i := range capex {
		capex[i] = float64Of(p.Capex[i])
	}
	ai := float64Of(p.AIRevenue)
	for y := range HorizonYears {
		year := FirstYear + y
		if year > FirstYear {
			grow := 1 + float64((p.CapexGrowth/100)*Pow(1-p.CapexFade/100, float64(year-2026)))
			for i := range capex {
				capex[i] = capex[i] * grow
			}
			ai = ai * (1 + p.AIGrowth/100)
		}
		c := CapexYear{Year: year, Capex: capex, AIRevenue: ai}
		for _, v := range capex {
			c.Total += v
		}
		c.RequiredRevenue = float64(c.Total * p.CapexMultiple)
		c.Gap = c.RequiredRevenue - c.AIRevenue
		out[y] = c
	}
	return out
}
