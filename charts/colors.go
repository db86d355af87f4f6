package charts

import (
	"slices"

	"computedash/core"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Colours of the suppliers, pools, generations and lines. Google's cyan
// stays apart from Microsoft's blue, Stargate's green and AWS's orange;
// the other suppliers take muted browns, one shade a slot.
var (
	colorAWS       = drawing.ColorFromHex("ff9900")
	colorOracle    = drawing.ColorFromHex("c74634")
	colorMicrosoft = drawing.ColorFromHex("0078d4")
	colorCoreWeave = drawing.ColorFromHex("7b4ff0")
	colorGoogle    = drawing.ColorFromHex("00acc1")
	colorStargate  = drawing.ColorFromHex("2e7d32")
	colorOther     = drawing.ColorFromHex("8d6e63") // the pool of other suppliers
	colorGB200     = drawing.ColorFromHex("5c6bc0")
	colorGB300     = drawing.ColorFromHex("26a69a")
	colorInk       = drawing.ColorFromHex("263238")
	colorMuted     = drawing.ColorFromHex("90a4ae")
	colorRed       = drawing.ColorFromHex("c62828")
	colorAmber     = drawing.ColorFromHex("ef8f00")
	colorBand      = drawing.ColorFromHex("90caf9")
)

// otherColors are the shades of the extra-deal slots signed with an other
// supplier, in slot order: each slot is a company of its own.
var otherColors = []drawing.Color{
	colorOther, drawing.ColorFromHex("5d4037"), drawing.ColorFromHex("bcaaa4"),
}

// siteColors are the shades of the Stargate sites, in site order.
var siteColors = []drawing.Color{
	drawing.ColorFromHex("1b5e20"), drawing.ColorFromHex("388e3c"), drawing.ColorFromHex("66bb6a"),
	drawing.ColorFromHex("00695c"), drawing.ColorFromHex("26a69a"), drawing.ColorFromHex("9ccc65"),
	drawing.ColorFromHex("827717"),
}

// choiceOf returns the supplier choice whose pool hosts a deal's racks: the
// supplier the deal pays, as the catalog names it (i18n.Catalog.Deal does
// the same). ok is false for a pool no choice names.
func choiceOf(pool core.PoolID) (ch core.SupplierChoice, ok bool) {
	for _, ch := range core.SupplierChoices() {
		if ch.Pool == pool {
			return ch, true
		}
	}
	return core.SupplierChoice{}, false
}

// isOther reports whether deal d pays an other supplier: a company of its
// own, named after its slot.
func isOther(d *core.DealReport) bool {
	ch, ok := choiceOf(d.Pool)
	return ok && ch.Supplier == ""
}

// supplierColor returns the colour of the supplier deal d pays.
func supplierColor(d *core.DealReport) drawing.Color {
	if isOther(d) {
		i := max(slices.Index(core.Slots(), d.ID), 0)
		return otherColors[i%len(otherColors)]
	}
	ch, _ := choiceOf(d.Pool)
	switch ch.ID {
	case "aws":
		return colorAWS
	case "oracle":
		return colorOracle
	case "microsoft":
		return colorMicrosoft
	case "coreweave":
		return colorCoreWeave
	case "google":
		return colorGoogle
	}
	return colorMuted
}

// poolColor returns the colour of a pool of sites.
func poolColor(p core.PoolID) drawing.Color {
	switch p {
	case core.PoolStargate:
		return colorStargate
	case core.PoolAzure:
		return colorMicrosoft
	case core.PoolAWS:
		return colorAWS
	case core.PoolCoreWeave:
		return colorCoreWeave
	case core.PoolGoogle:
		return colorGoogle
	case core.PoolOther:
		return colorOther
	}
	return colorMuted
}
