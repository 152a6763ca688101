package staticlayout

import (
	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/layout"
)

// The IR → layout.Style mapping of the web target (internal/gen/web), for
// the views and modifiers a pre-computed subtree may hold. The Chromium
// test of this package renders the generator's output, so a divergence
// between the two fails there.

func constOf(e ir.Expr) any {
	if k, ok := e.(*ir.Const); ok {
		return k.Value
	}
	return nil
}

func numOf(e ir.Expr) (float64, bool) {
	switch v := constOf(e).(type) {
	case float64:
		return v, true
	case int64:
		return float64(v), true
	}
	return 0, false
}

func hasMod(e *ir.Element, k ir.ModKind) bool {
	for _, m := range e.Mods {
		if m.Kind == k {
			return true
		}
	}
	return false
}

// HAlign maps a JXL alignment to the layout engine's horizontal alignment
// (the web generator uses it too, so both agree by construction).
func HAlign(a ir.Alignment) layout.HAlignment {
	switch a {
	case ir.AlignLeading, ir.AlignTopLeading, ir.AlignBottomLeading:
		return layout.Leading
	case ir.AlignTrailing, ir.AlignTopTrailing, ir.AlignBottomTrailing:
		return layout.Trailing
	}
	return layout.HCenter
}

// VAlign maps a JXL alignment to the layout engine's vertical alignment.
func VAlign(a ir.Alignment) layout.VAlignment {
	switch a {
	case ir.AlignTop, ir.AlignTopLeading, ir.AlignTopTrailing:
		return layout.TopAlign
	case ir.AlignBottom, ir.AlignBottomLeading, ir.AlignBottomTrailing:
		return layout.BottomAlign
	case ir.AlignFirstTextBaseline:
		return layout.FirstTextBaseline
	}
	return layout.VCenter
}

// PadBox adds padding on some edges of a layout style (paddings add up, as
// on the web; the web generator uses it too).
func PadBox(s *layout.Style, e ir.EdgeSet, v float32) {
	add := func(l layout.Length) layout.Length {
		if l.Unit == layout.Px {
			return layout.P(l.Value + v)
		}
		return layout.P(v)
	}
	if e&ir.EdgeTop != 0 {
		s.Padding[layout.Top] = add(s.Padding[layout.Top])
	}
	if e&ir.EdgeBottom != 0 {
		s.Padding[layout.Bottom] = add(s.Padding[layout.Bottom])
	}
	if e&ir.EdgeLeading != 0 {
		s.Padding[layout.Left] = add(s.Padding[layout.Left])
	}
	if e&ir.EdgeTrailing != 0 {
		s.Padding[layout.Right] = add(s.Padding[layout.Right])
	}
}
