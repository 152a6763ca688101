package layout

import (
	"errors"
	"fmt"
	"math"
)

// Static layout: the entry point of the compiler pass that pre-computes the
// boxes of static subtrees. The pass converts a subtree of the view IR into
// Nodes (styles from the views and modifiers, text leaves with their font),
// calls LayoutStatic, and reads the boxes back by node.

// TextRun is a single line of text: a registered font id, the font size
// and the (explicit) line height in px.
type TextRun struct {
	Font       string
	Size       float64
	LineHeight float64
	Text       string
}

// TextMeasurer measures single-line text (internal/text.Registry). If it
// also has a method Baseline(font string, size, lineHeight float64)
// (float64, error), text leaves get baselines (needed by
// .firstTextBaseline / align-items: baseline).
type TextMeasurer interface {
	Measure(font string, size float64, text string) (float64, error)
}

type baseliner interface {
	Baseline(font string, size, lineHeight float64) (float64, error)
}

// Node is a view of a static subtree: a container with children, or a text
// leaf. Ref is the caller's handle (an IR node), carried to the result.
type Node struct {
	Style    Style
	Text     *TextRun
	Children []*Node
	Ref      any
}

// Placed is the computed box of one Node: X, Y relative to the subtree
// root's border box, Local relative to the parent's.
type Placed struct {
	Node       *Node
	X, Y, W, H float32
	Local      Box
}

// StaticLayout is the result of LayoutStatic: one Placed per node, in
// pre-order (the root first).
type StaticLayout struct {
	Boxes []Placed
}

// TextError is a text leaf that cannot be measured (an unknown font, a
// character missing from its font); Err carries the diagnostic code.
type TextError struct {
	Node *Node
	Err  error
}

func (e *TextError) Error() string { return fmt.Sprintf("text %q: %v", e.Node.Text.Text, e.Err) }
func (e *TextError) Unwrap() error { return e.Err }

// LayoutStatic lays out the subtree rooted at root at its max-content size
// (the size it takes in a shrink-to-fit context, with its own frames and
// padding applied), measuring text with m. With round set, boxes are snapped
// as Chromium paints at device scale 1. Every text error is reported (joined).
//
// The result holds where the page gives the root at least its max-content
// width (or the root has a fixed frame); where the root may be narrower, use
// LayoutStaticIn with the space it gets.
func LayoutStatic(root *Node, m TextMeasurer, round bool) (*StaticLayout, error) {
	return LayoutStaticIn(root, m, Size{MaxContentSpace, MaxContentSpace}, round)
}

// LayoutStaticIn is LayoutStatic in available space avail (definite pixels,
// MaxContentSpace or MinContentSpace per axis), sized like an absolutely
// positioned box: fit-content.
func LayoutStaticIn(root *Node, m TextMeasurer, avail Size, round bool) (*StaticLayout, error) {
	t := NewTree(16)
	var nodes []*Node
	var widths, baselines []float64
	var errs []error
	bm, hasBaselines := m.(baseliner)
	var add func(n *Node, parent NodeID)
	add = func(n *Node, parent NodeID) {
		id := t.Add(parent, n.Style)
		nodes = append(nodes, n)
		if n.Text != nil {
			w, err := m.Measure(n.Text.Font, n.Text.Size, n.Text.Text)
			if err != nil {
				errs = append(errs, &TextError{n, err})
			}
			var bl float64
			if hasBaselines && err == nil {
				bl, _ = bm.Baseline(n.Text.Font, n.Text.Size, n.Text.LineHeight)
			}
			t.SetMeasure(id, int32(len(widths)))
			widths = append(widths, w)
			baselines = append(baselines, bl)
		}
		for _, c := range n.Children {
			add(c, id)
		}
	}
	add(root, None)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	// Line heights by measure context.
	heights := make([]float32, len(widths))
	ctx := 0
	for _, n := range nodes {
		if n.Text != nil {
			if n.Text.Text != "" { // an empty block has no line box
				heights[ctx] = float32(n.Text.LineHeight)
			} else {
				baselines[ctx] = math.NaN()
			}
			ctx++
		}
	}
	t.Measure = func(ctx int32, known, avail Size) Size {
		return Size{orf(known.W, float32(widths[ctx])), orf(known.H, heights[ctx])}
	}
	if hasBaselines {
		t.Baseline = func(ctx int32) float32 { return float32(baselines[ctx]) }
	}
	t.Layout(0, avail, round)
	out := &StaticLayout{Boxes: make([]Placed, len(nodes))}
	var walk func(id NodeID, x, y float32)
	walk = func(id NodeID, x, y float32) {
		b := t.Box(id)
		if id != 0 {
			x, y = x+b.X, y+b.Y
		}
		out.Boxes[id] = Placed{Node: nodes[id], X: x, Y: y, W: b.W, H: b.H, Local: b}
		for c := t.FirstChild(id); c != None; c = t.NextSibling(c) {
			walk(c, x, y)
		}
	}
	walk(0, 0, 0)
	return out, nil
}
