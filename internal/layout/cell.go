package layout

// cell lays out a DisplayCell node: CSS grid with one implicit auto row and
// column, every child in that cell (the ZStack). The column is the
// container's inner width when definite; otherwise the largest child
// contribution (min- or max-content, or fit-content into definite available
// space). Children keep their own size (fit-content) unless stretched, and
// are aligned in the cell by justify-items and align-items.
func (t *Tree) cell(n NodeID, known, parent, avail vec, perform, inherent bool) vec {
	st := &t.styles[n]
	pb, _ := edges(st, parent[0])
	rtl := st.Direction == RTL
	if rtl {
		swapLR(&pb)
	}
	pbs := vec{sum(&pb, 0), sum(&pb, 1)}
	size, minS, maxS := sizes(st, parent, pbs)
	if inherent {
		for a := 0; a < 2; a++ {
			s := clamp(size[a], minS[a], maxS[a])
			known[a] = orf(known[a], optMax(s, pbs[a]))
		}
	}
	if !perform && !isNaN(known[0]) && !isNaN(known[1]) {
		return known
	}
	marginW := st.Margin[Left].resolveOr0(parent[0]) + st.Margin[Right].resolveOr0(parent[0])
	inner := vec{known[0] - pbs[0], known[1] - pbs[1]}
	for a := range inner {
		if inner[a] < 0 { // a content box is never negative (NaN stays indefinite)
			inner[a] = 0
		}
	}
	innerAvail := vec{availSub(availSub(avail[0], marginW), pbs[0]), MaxContentSpace}

	// Column width: an auto track is at least the largest min-content
	// contribution; it stretches to a definite container width, or else
	// takes the largest contribution for the sizing constraint.
	var minc, maxc float32
	for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
		if t.styles[ch].Display == DisplayNone {
			continue
		}
		m := t.childMarginW(ch, inner[0])
		minc = maxf(minc, t.measureChild(ch, vec{nan, nan}, inner, vec{MinContentSpace, MaxContentSpace}, true, 0)+m)
		if isNaN(inner[0]) {
			maxc = maxf(maxc, t.measureChild(ch, vec{nan, nan}, inner, vec{MaxContentSpace, MaxContentSpace}, true, 0)+m)
		}
	}
	cellW := inner[0]
	if isNaN(cellW) {
		switch a := innerAvail[0]; {
		case a == MinContentSpace:
			cellW = minc
		case a == MaxContentSpace:
			cellW = maxc
		default:
			cellW = minf(maxc, maxf(minc, a))
		}
		if !isNaN(minS[0]) || !isNaN(maxS[0]) {
			cellW = clamp(cellW+pbs[0], minS[0], maxS[0]) - pbs[0]
		}
	}
	boxW := cellW // the container's inner width; the track may overflow it
	cellW = maxf(cellW, minc)
	cellParent := vec{cellW, inner[1]}

	// Child widths, then heights and the row.
	justify := st.JustifyItems.value()
	align := st.AlignItems.value()
	cellH := inner[1]
	var rowH float32
	for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
		if t.styles[ch].Display == DisplayNone {
			continue
		}
		_, h := t.cellChild(ch, cellW, cellH, cellParent, justify, align)
		rowH = maxf(rowH, h+t.childMarginH(ch, cellW))
	}
	if isNaN(cellH) {
		cellH = rowH
		if !isNaN(minS[1]) || !isNaN(maxS[1]) {
			cellH = clamp(cellH+pbs[1], minS[1], maxS[1]) - pbs[1]
		}
	}
	boxH := cellH
	cellH = maxf(cellH, rowH)
	out := vec{orf(known[0], boxW+pbs[0]), orf(known[1], boxH+pbs[1])}
	if !perform {
		return out
	}
	cellParent[1] = cellH
	t.baseY[n] = nan
	first := true
	for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
		cs := &t.styles[ch]
		if cs.Display == DisplayNone {
			t.hide(ch)
			continue
		}
		w, h := t.cellChild(ch, cellW, cellH, cellParent, justify, align)
		s, bl := t.compute(ch, Size{w, h}, cellParent.size(), cellParent.size(), true, false)
		var m [4]float32
		for i := 0; i < 4; i++ {
			m[i] = cs.Margin[i].resolveOr0(cellW)
		}
		if rtl {
			swapLR(&m)
		}
		place := func(mode Align, free float32) float32 {
			switch mode {
			case AlignEnd, AlignFlexEnd, AlignSelfEnd:
				return free
			case AlignCenter:
				return luDiv(free, 2)
			}
			return 0
		}
		x := pb[Left] + m[Left] + place(justify, cellW-s.W-m[Left]-m[Right])
		y := pb[Top] + m[Top] + place(align, cellH-s.H-m[Top]-m[Bottom])
		if rtl {
			x = out[0] - x - s.W
		}
		t.boxes[ch] = Box{x, y, s.W, s.H}
		t.baseY[ch] = bl
		if first {
			// The grid's first baseline: its first item's (synthesized from
			// the item's bottom edge when it has none).
			t.baseY[n] = y + orf(bl, s.H)
			first = false
		}
	}
	return out
}

func (t *Tree) childMarginW(ch NodeID, base float32) float32 {
	cs := &t.styles[ch]
	return cs.Margin[Left].resolveOr0(base) + cs.Margin[Right].resolveOr0(base)
}

func (t *Tree) childMarginH(ch NodeID, base float32) float32 {
	cs := &t.styles[ch]
	return cs.Margin[Top].resolveOr0(base) + cs.Margin[Bottom].resolveOr0(base)
}

// cellChild is the border-box size of a child in a cell of width cellW and
// height cellH (NaN while the row is being sized).
func (t *Tree) cellChild(ch NodeID, cellW, cellH float32, cellParent vec, justify, align Align) (float32, float32) {
	mw, mh := t.childMarginW(ch, cellW), t.childMarginH(ch, cellW)
	var w float32
	if justify == AlignNormal || justify == AlignStretch {
		if t.styles[ch].Width.Unit == Auto {
			w = maxf(cellW-mw, 0)
		} else {
			w = t.measureChild(ch, vec{nan, nan}, cellParent, vec{cellW - mw, MaxContentSpace}, true, 0)
		}
	} else {
		w = t.measureChild(ch, vec{nan, nan}, cellParent, vec{cellW - mw, MaxContentSpace}, true, 0)
	}
	var h float32
	if (align == AlignNormal || align == AlignStretch) && t.styles[ch].Height.Unit == Auto && !isNaN(cellH) {
		h = maxf(cellH-mh, 0)
	} else {
		h = t.measureChild(ch, vec{w, nan}, cellParent, vec{w, MaxContentSpace}, true, 1)
	}
	return w, h
}
