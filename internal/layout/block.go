package layout

// block lays out a DisplayBlock node: block flow without margin collapsing.
// Children stack from the top; a child of auto width fills the content box
// minus its margins. The node's own auto width is the available width when
// the parent decided it (known), and otherwise, as a flex item or root, its
// content's min-content, max-content or fit-content width.
func (t *Tree) block(n NodeID, known, parent, avail vec, perform, inherent bool) vec {
	st := &t.styles[n]
	var c flexContext
	c.rtl = st.Direction == RTL
	c.pb, c.border = edges(st, parent[0])
	if c.rtl {
		swapLR(&c.pb)
		swapLR(&c.border)
	}
	pbs := vec{sum(&c.pb, 0), sum(&c.pb, 1)}
	size, minS, maxS := sizes(st, parent, pbs)
	c.minSize, c.maxSize = minS, maxS
	if inherent {
		for a := 0; a < 2; a++ {
			s := clamp(size[a], minS[a], maxS[a])
			known[a] = orf(known[a], optMax(s, pbs[a]))
		}
	}
	if ar := st.AspectRatio; ar > 0 && !isNaN(known[0]) && isNaN(known[1]) {
		known[1] = clamp(known[0]/ar, minS[1], maxS[1]) // a stretched width transfers too
	}
	if !perform && !isNaN(known[0]) && !isNaN(known[1]) {
		return known
	}
	if st.OverflowY == Scroll {
		c.gutter[0] = st.ScrollbarWidth
	}
	if st.OverflowX == Scroll {
		c.gutter[1] = st.ScrollbarWidth
	}
	c.inset = c.pb
	c.inset[Right] += c.gutter[0]
	c.inset[Bottom] += c.gutter[1]
	insetSum := vec{sum(&c.inset, 0), sum(&c.inset, 1)}
	marginW := st.Margin[Left].resolveOr0(parent[0]) + st.Margin[Right].resolveOr0(parent[0])

	innerW := known[0] - insetSum[0]
	if isNaN(innerW) {
		var minc, maxc float32
		for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
			cs := &t.styles[ch]
			if cs.Display == DisplayNone || cs.Position == Absolute {
				continue
			}
			m := t.childMarginW(ch, nan)
			minc = maxf(minc, t.measureChild(ch, vec{nan, nan}, vec{nan, nan}, vec{MinContentSpace, MaxContentSpace}, true, 0)+m)
			maxc = maxf(maxc, t.measureChild(ch, vec{nan, nan}, vec{nan, nan}, vec{MaxContentSpace, MaxContentSpace}, true, 0)+m)
		}
		switch a := availSub(availSub(avail[0], marginW), insetSum[0]); {
		case a == MinContentSpace:
			innerW = minc
		case a == MaxContentSpace:
			innerW = maxc
		default:
			innerW = minf(maxc, maxf(minc, a))
		}
		innerW = clamp(innerW+insetSum[0], minS[0], maxS[0]) - insetSum[0]
		innerW = maxf(innerW, 0)
	}
	innerH := known[1] - insetSum[1]
	pct := vec{innerW, innerH}
	for a := 0; a < 2; a++ {
		if t.indef[n]&(1<<a) != 0 {
			pct[a] = nan
		}
	}

	// Stack the children.
	y := c.inset[Top]
	baseline := nan
	for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
		cs := &t.styles[ch]
		if cs.Display == DisplayNone {
			if perform {
				t.hide(ch)
			}
			continue
		}
		if cs.Position == Absolute {
			continue
		}
		var m [4]float32
		for i := 0; i < 4; i++ {
			m[i] = cs.Margin[i].resolveOr0(innerW)
		}
		if c.rtl {
			swapLR(&m)
		}
		ck := vec{nan, nan}
		if cs.Width.Unit == Auto {
			cpb, _ := edges(cs, innerW)
			ck[0] = clamp(innerW-m[Left]-m[Right], cs.MinWidth.resolve(pct[0]), cs.MaxWidth.resolve(pct[0]))
			ck[0] = maxf(ck[0], cpb[Left]+cpb[Right])
		}
		s, bl := t.compute(ch, ck.size(), pct.size(), vec{innerW - m[Left] - m[Right], MaxContentSpace}.size(), perform, true)
		y += m[Top]
		if perform {
			x := c.inset[Left] + m[Left]
			t.boxes[ch] = Box{x, y, s.W, s.H}
			t.baseY[ch] = bl
		}
		if isNaN(baseline) && !isNaN(bl) {
			baseline = y + bl // the first line box's baseline
		}
		y += s.H + m[Bottom]
	}
	contentH := y - c.inset[Top]
	c.size = vec{innerW + insetSum[0], orf(known[1], clamp(contentH+insetSum[1], minS[1], maxS[1]))}
	c.size[1] = maxf(c.size[1], pbs[1])
	c.known = known
	c.inner = vec{innerW, c.size[1] - insetSum[1]}
	c.innerSize = c.inner
	if perform {
		c.m, c.c = 1, 0
		c.justify, c.alignItems = AlignFlexStart, AlignStart
		t.absolute(n, &c)
		if c.rtl {
			for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
				if t.styles[ch].Display == DisplayNone {
					continue
				}
				b := &t.boxes[ch]
				b.X = c.size[0] - b.X - b.W
			}
		}
		t.baseY[n] = baseline
	}
	return c.size
}
