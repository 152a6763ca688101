package text

import (
	"math"

	"github.com/jepsh/jepsh/internal/layout"
)

// Leaf is a single line of text: its font, size and line height in px.
type Leaf struct {
	Font       string
	Size       float64
	LineHeight float64
	Text       string
	width      float64
	baseline   float64
}

// Leaves holds the text leaves of a layout tree and measures them for the
// layout engine: a leaf's content box is its measured width by its line
// height, whatever the available space (white-space: nowrap).
type Leaves struct {
	reg   *Registry
	items []Leaf
}

// NewLeaves returns an empty set of leaves measured with fonts from reg.
func NewLeaves(reg *Registry) *Leaves { return &Leaves{reg: reg} }

// Add measures l and makes node n of tree t a text leaf. Errors (an unknown
// font, a character missing from the font) are returned here, before layout.
func (ls *Leaves) Add(t *layout.Tree, n layout.NodeID, l Leaf) error {
	w, err := ls.reg.Measure(l.Font, l.Size, l.Text)
	if err != nil {
		return err
	}
	l.width = w
	if l.baseline, err = ls.reg.Baseline(l.Font, l.Size, l.LineHeight); err != nil {
		return err
	}
	t.SetMeasure(n, int32(len(ls.items)))
	ls.items = append(ls.items, l)
	t.Measure = ls.Measure
	t.Baseline = ls.Baseline
	return nil
}

// Leaf returns the leaf of measure context ctx with its measured width.
func (ls *Leaves) Leaf(ctx int32) (Leaf, float64) { return ls.items[ctx], ls.items[ctx].width }

// Measure implements layout.MeasureFunc.
func (ls *Leaves) Measure(ctx int32, known, avail layout.Size) layout.Size {
	l := &ls.items[ctx]
	s := layout.Size{W: float32(l.width), H: float32(l.LineHeight)}
	if l.Text == "" {
		s.H = 0 // an empty block has no line box
	}
	if known.W == known.W {
		s.W = known.W
	}
	if known.H == known.H {
		s.H = known.H
	}
	return s
}

// Baseline implements the layout tree's baseline hook: the first baseline
// of leaf ctx from the top of its content box.
func (ls *Leaves) Baseline(ctx int32) float32 {
	if ls.items[ctx].Text == "" {
		return float32(math.NaN())
	}
	return float32(ls.items[ctx].baseline)
}
