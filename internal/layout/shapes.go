package layout

// Tree shapes used by the layout benchmarks (Go and yoga lay out the same
// trees, exported with AppendJSON).

// Every node has explicit zero minimum sizes: yoga has no automatic minimum
// size (min-width: auto resolves to 0 there), and it grows items from their
// min-clamped basis rather than from the flex base size; with zero minimums
// both engines compute the same boxes.

// DeepTree builds a tree of n nodes where every container has two children,
// filled breadth-first (depth log2 n): rows and columns alternate by level,
// every node grows from a zero basis (leaves by 1 or 2), containers have
// padding and gaps.
func DeepTree(n int) (*Tree, NodeID) {
	t := NewTree(n)
	root := DefaultStyle()
	root.Width, root.Height = P(1920), P(1080)
	root.Padding = [4]Length{P(2), P(2), P(2), P(2)}
	root.ColumnGap, root.RowGap = P(1), P(1)
	r := t.Add(None, root)
	depth := []int{0}
	// Children are added in breadth-first order: node i's children are
	// 2i+1 and 2i+2.
	for i := 1; i < n; i++ {
		parent := NodeID((i - 1) / 2)
		d := depth[parent] + 1
		depth = append(depth, d)
		s := DefaultStyle()
		s.FlexGrow = 1
		s.FlexBasis = P(0)
		s.MinWidth, s.MinHeight = P(0), P(0)
		if 2*i+1 < n {
			// a container
			if d%2 == 1 {
				s.FlexDirection = Column
			}
			s.Padding = [4]Length{P(1), P(1), P(1), P(1)}
			s.ColumnGap, s.RowGap = P(1), P(1)
		} else if i%3 == 0 {
			s.FlexGrow = 2
		}
		t.Add(parent, s)
	}
	if n > 1 {
		t.styles[r].FlexDirection = Row
	}
	return t, r
}

// WideTree builds a root column of rows, each row a wrapping line of leaves
// with varied widths, margins and grow factors: 1 + rows*(1+perRow) nodes,
// about n.
func WideTree(n int) (*Tree, NodeID) {
	const perRow = 100
	rows := (n - 1) / (perRow + 1)
	t := NewTree(n)
	rs := DefaultStyle()
	rs.Width = P(1920)
	rs.FlexDirection = Column
	rs.RowGap = P(4)
	rs.Padding = [4]Length{P(8), P(8), P(8), P(8)}
	root := t.Add(None, rs)
	for r := 0; r < rows; r++ {
		row := DefaultStyle()
		row.FlexWrap = WrapForward
		row.ColumnGap, row.RowGap = P(2), P(2)
		row.Padding = [4]Length{P(4), P(4), P(4), P(4)}
		row.AlignItems = AlignCenter
		row.MinHeight = P(0)
		if r%2 == 1 {
			row.JustifyContent = AlignSpaceBetween
		}
		rid := t.Add(root, row)
		for i := 0; i < perRow; i++ {
			s := DefaultStyle()
			s.Width = P(float32(16 + (i%5)*3))
			s.Height = P(float32(12 + (i % 3)))
			s.Margin = [4]Length{P(1), P(1), P(1), P(1)}
			if i%3 == 0 {
				s.FlexGrow = 1
			}
			if i%7 == 0 {
				s.Width = Pct(5)
			}
			t.Add(rid, s)
		}
	}
	return t, root
}
