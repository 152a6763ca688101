package layout

import "math"

// vec is a pair indexed by axis: 0 horizontal (x, width), 1 vertical.
type vec [2]float32

func (v vec) size() Size { return Size{v[0], v[1]} }
func vecOf(s Size) vec   { return vec{s.W, s.H} }

// Edge indices of an axis: start is 2*axis, end is 2*axis+1.
func startOf(a int) int { return 2 * a }
func endOf(a int) int   { return 2*a + 1 }

func sum(r *[4]float32, a int) float32 { return r[2*a] + r[2*a+1] }

func maxf(a, b float32) float32 {
	if a > b {
		return a
	}
	return b
}

func minf(a, b float32) float32 {
	if a < b {
		return a
	}
	return b
}

// orf returns a unless it is NaN (none), else b.
func orf(a, b float32) float32 {
	if a != a {
		return b
	}
	return a
}

// optMax is max where a NaN bound is ignored (a NaN base stays NaN).
func optMax(a, b float32) float32 {
	if b != b || a != a {
		return a
	}
	if b > a {
		return b
	}
	return a
}

func optMin(a, b float32) float32 {
	if b != b || a != a {
		return a
	}
	if b < a {
		return b
	}
	return a
}

// clamp limits x to [lo, hi] where NaN bounds are ignored; lo wins over hi.
func clamp(x, lo, hi float32) float32 { return optMax(optMin(x, hi), lo) }

// availClamp clamps definite available space; intrinsic constraints stay.
func availClamp(a, lo, hi float32) float32 {
	if !isDefinite(a) {
		return a
	}
	return clamp(a, lo, hi)
}

func availSub(a, b float32) float32 {
	if !isDefinite(a) {
		return a
	}
	return a - b
}

func applyAR(w, h, ar float32) (float32, float32) {
	if ar > 0 {
		if isNaN(h) && !isNaN(w) {
			h = w / ar
		} else if isNaN(w) && !isNaN(h) {
			w = h * ar
		}
	}
	return w, h
}

type item struct {
	node                    NodeID
	size, minSize, maxSize  vec // border-box; NaN none
	inset                   [4]float32
	margin                  [4]float32
	pb                      [4]float32
	marginAuto              [4]bool
	alignSelf               Align
	scroll                  [2]bool // overflow makes the automatic minimum size zero (by axis)
	grow, shrink            float32
	flexBasis, innerBasis   float32
	violation               float32
	frozen                  bool
	resolvedMin             float32
	hypoInner, hypoOuter    vec
	target, outerTarget     vec
	contribution            float32
	baseline                float32
	offsetMain, offsetCross float32
	basisDefinite           bool // the flex basis does not depend on content
}

type line struct {
	start, end  int
	cross       float32
	offsetCross float32
}

// flexContext holds the per-container values of one run of the algorithm.
type flexContext struct {
	row, wrap, wrapRev, rev, rtl bool
	balance                      bool
	splitCross                   bool // cross space shared by flex-line-count lines
	minLines                     int
	m, c                         int // main and cross axis
	alignItems, alignContent     Align
	justify                      Align
	margin, border, pb, inset    [4]float32 // inset: content-box inset incl. scrollbar gutter
	gutter                       vec
	known, inner                 vec // outer and inner size when known
	pct                          vec // inner size as a percentage base (NaN where not definite)
	indef                        uint8
	gap                          vec
	minSize, maxSize             vec
	size, innerSize              vec
}

func swapLR(r *[4]float32) { r[Left], r[Right] = r[Right], r[Left] }

// compute sizes node n and, when perform is set, positions its descendants.
// known is the border-box size the parent has already decided (NaN: not),
// parent the size percentages resolve against, avail the space the node may
// take (margin box). inherent applies the node's own size styles.
// It returns the border-box size and the first baseline (NaN: none).
func (t *Tree) compute(n NodeID, known, parent, avail Size, perform, inherent bool) (Size, float32) {
	if t.styles[n].Display == DisplayNone {
		if perform {
			t.hide(n)
		}
		return Size{}, nan
	}
	if out, bl, ok := t.cacheGet(n, known, avail, perform, inherent); ok {
		return out, bl
	}
	var out Size
	bl := nan
	if t.nodes[n].nkids == 0 {
		out = t.leaf(n, vecOf(known), vecOf(parent), vecOf(avail), perform, inherent).size()
		if ctx := t.nodes[n].measure; ctx >= 0 && t.Baseline != nil {
			st := &t.styles[n]
			bl = st.Padding[Top].resolveOr0(parent.W) + st.Border[Top].resolveOr0(parent.W) + t.Baseline(ctx)
		}
		if perform {
			t.baseY[n] = bl
		}
	} else if t.styles[n].Display == DisplayCell {
		out = t.cell(n, vecOf(known), vecOf(parent), vecOf(avail), perform, inherent).size()
		if perform {
			bl = t.baseY[n]
		}
	} else if t.styles[n].Display == DisplayGrid {
		out = t.grid(n, vecOf(known), vecOf(parent), perform, inherent).size()
	} else if t.styles[n].Display == DisplayBlock {
		out = t.block(n, vecOf(known), vecOf(parent), vecOf(avail), perform, inherent).size()
		if perform {
			bl = t.baseY[n]
		}
	} else {
		var o vec
		o, bl = t.flex(n, vecOf(known), vecOf(parent), vecOf(avail), perform, inherent)
		out = o.size()
	}
	t.cachePut(n, known, avail, perform, inherent, out, bl)
	return out, bl
}

func (t *Tree) hide(n NodeID) {
	t.boxes[n] = Box{}
	for c := t.nodes[n].first; c != None; c = t.nodes[c].next {
		t.hide(c)
	}
}

func (t *Tree) measureChild(n NodeID, known, parent, avail vec, inherent bool, axis int) float32 {
	s, _ := t.compute(n, known.size(), parent.size(), avail.size(), false, inherent)
	return vecOf(s)[axis]
}

// boxSizing resolves padding+border (by edge) of style s against base width.
func edges(s *Style, base float32) (pb [4]float32, border [4]float32) {
	for i := 0; i < 4; i++ {
		border[i] = s.Border[i].resolveOr0(base)
		pb[i] = s.Padding[i].resolveOr0(base) + border[i]
	}
	return
}

// sizes resolves the preferred, min and max border-box sizes of s.
func sizes(s *Style, base vec, pbs vec) (size, min, max vec) {
	var adj vec
	if s.BoxSizing == ContentBox {
		adj = pbs
	}
	ar := s.AspectRatio
	size[0], size[1] = applyAR(s.Width.resolve(base[0]), s.Height.resolve(base[1]), ar)
	min[0], min[1] = applyAR(s.MinWidth.resolve(base[0]), s.MinHeight.resolve(base[1]), ar)
	max[0], max[1] = applyAR(s.MaxWidth.resolve(base[0]), s.MaxHeight.resolve(base[1]), ar)
	for a := 0; a < 2; a++ {
		size[a] += adj[a]
		min[a] += adj[a]
		max[a] += adj[a]
	}
	return
}

func (t *Tree) leaf(n NodeID, known, parent, avail vec, perform, inherent bool) vec {
	st := &t.styles[n]
	pb, _ := edges(st, parent[0])
	pbs := vec{pb[Left] + pb[Right], pb[Top] + pb[Bottom]}
	marginSum := vec{st.Margin[Left].resolveOr0(parent[0]) + st.Margin[Right].resolveOr0(parent[0]),
		st.Margin[Top].resolveOr0(parent[0]) + st.Margin[Bottom].resolveOr0(parent[0])}
	nodeSize := known
	minS, maxS := vec{nan, nan}, vec{nan, nan}
	ar := float32(0)
	if inherent {
		ar = st.AspectRatio
		var sz vec
		sz, minS, maxS = sizes(st, parent, pbs)
		var adj vec
		if st.BoxSizing == ContentBox {
			adj = pbs
		}
		maxS[0] = st.MaxWidth.resolve(parent[0]) + adj[0]
		maxS[1] = st.MaxHeight.resolve(parent[1]) + adj[1]
		nodeSize[0] = orf(known[0], sz[0])
		nodeSize[1] = orf(known[1], sz[1])
	}
	var gutter vec
	if st.OverflowY == Scroll {
		gutter[0] = st.ScrollbarWidth
	}
	if st.OverflowX == Scroll {
		gutter[1] = st.ScrollbarWidth
	}
	inset := vec{pbs[0] + gutter[0], pbs[1] + gutter[1]}
	if !perform && !isNaN(nodeSize[0]) && !isNaN(nodeSize[1]) {
		return vec{
			maxf(clamp(nodeSize[0], minS[0], maxS[0]), pbs[0]),
			maxf(clamp(nodeSize[1], minS[1], maxS[1]), pbs[1]),
		}
	}
	var out vec
	if ctx := t.nodes[n].measure; ctx >= 0 && t.Measure != nil {
		var av, kn vec
		for a := 0; a < 2; a++ {
			if !isNaN(nodeSize[a]) {
				av[a] = nodeSize[a]
			} else {
				av[a] = availClamp(availSub(avail[a], marginSum[a]), minS[a], maxS[a])
			}
			av[a] = availSub(av[a], inset[a])
			kn[a] = nodeSize[a] - inset[a]
		}
		m := vecOf(t.Measure(ctx, kn.size(), av.size()))
		out = vec{m[0] + inset[0], m[1] + inset[1]}
	} else {
		out = inset
	}
	for a := 0; a < 2; a++ {
		out[a] = clamp(orf(nodeSize[a], out[a]), minS[a], maxS[a])
	}
	if ar > 0 && isNaN(nodeSize[1]) {
		out[1] = maxf(out[1], out[0]/ar)
	}
	return vec{maxf(out[0], pbs[0]), maxf(out[1], pbs[1])}
}

func (t *Tree) flex(n NodeID, known, parent, avail vec, perform, inherent bool) (vec, float32) {
	st := &t.styles[n]
	var c flexContext
	c.rtl = st.Direction == RTL
	c.row = st.FlexDirection.isRow()
	c.rev = st.FlexDirection.isReverse()
	c.wrap = st.FlexWrap != NoWrap
	c.wrapRev = st.FlexWrap.reverse()
	c.balance = st.FlexWrap.balanced()
	c.minLines = int(st.FlexLineCount)
	if c.row {
		c.m, c.c = 0, 1
	} else {
		c.m, c.c = 1, 0
	}
	c.alignItems = st.AlignItems
	if c.alignItems == AlignNormal {
		c.alignItems = AlignStretch
	}
	c.alignContent = st.AlignContent
	if c.alignContent == AlignNormal {
		c.alignContent = AlignStretch
	}
	c.justify = st.JustifyContent
	if c.justify.value() == AlignNormal || c.justify.value() == AlignStretch {
		c.justify = AlignFlexStart | (c.justify & Safe)
	}
	for i := 0; i < 4; i++ {
		c.margin[i] = st.Margin[i].resolveOr0(parent[0])
	}
	c.pb, c.border = edges(st, parent[0])
	if c.rtl {
		swapLR(&c.margin)
		swapLR(&c.pb)
		swapLR(&c.border)
	}
	pbs := vec{sum(&c.pb, 0), sum(&c.pb, 1)}
	var size vec
	size, c.minSize, c.maxSize = sizes(st, parent, pbs)
	if inherent {
		for a := 0; a < 2; a++ {
			s := clamp(size[a], c.minSize[a], c.maxSize[a])
			if !isNaN(c.minSize[a]) && !isNaN(c.maxSize[a]) && c.maxSize[a] <= c.minSize[a] {
				s = c.minSize[a]
			}
			known[a] = orf(known[a], optMax(s, pbs[a]))
		}
	}
	if !perform && !isNaN(known[0]) && !isNaN(known[1]) {
		return known, nan
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
	c.known = known
	for a := 0; a < 2; a++ {
		c.inner[a] = known[a] - sum(&c.inset, a)
		if c.inner[a] < 0 {
			c.inner[a] = 0
		}
	}
	c.indef = t.indef[n]
	c.pct = c.inner
	for a := 0; a < 2; a++ {
		if c.indef&(1<<a) != 0 {
			c.pct[a] = nan
		}
	}
	c.gap[0] = st.ColumnGap.resolveOr0(orf(c.inner[0], 0))
	c.gap[1] = st.RowGap.resolveOr0(orf(c.inner[1], 0))

	// Items: in-flow children, pushed on the shared stack.
	base := len(t.items)
	t.genItems(n, &c)
	items := t.items[base:]

	// §9.2.2 available space for the content box.
	var av vec
	for a := 0; a < 2; a++ {
		if !isNaN(known[a]) {
			av[a] = known[a] - sum(&c.inset, a)
		} else {
			av[a] = availSub(availSub(avail[a], sum(&c.margin, a)), sum(&c.inset, a))
		}
	}

	if c.balance && c.minLines > 1 && isDefinite(av[c.c]) {
		// Chromium sizes the items of a balanced container with a minimum
		// line count in their share of the cross space.
		k := float32(c.minLines)
		av[c.c] = (av[c.c] - c.gap[c.c]*(k-1)) / k
		c.splitCross = true
	}
	if isNaN(known[c.m]) && !isNaN(c.maxSize[c.m]) && c.wrap {
		if lim := c.maxSize[c.m] - sum(&c.inset, c.m); av[c.m] == MaxContentSpace || (isDefinite(av[c.m]) && lim < av[c.m]) {
			av[c.m] = lim
		}
	}

	// §9.2.3 flex base sizes and hypothetical main sizes.
	for i := range items {
		t.flexBasis(&items[i], &c, av)
	}

	// §9.3.5 lines.
	lbase := len(t.lines)
	t.collectLines(items, &c, av)
	lines := t.lines[lbase:]

	// §9.3 main size of the container.
	if !isNaN(c.inner[c.m]) {
		c.innerSize[c.m] = c.inner[c.m]
		c.size[c.m] = c.known[c.m]
	} else {
		t.containerMainSize(items, lines, &c, av)
		c.inner[c.m] = c.innerSize[c.m]
		g := &st.ColumnGap
		if !c.row {
			g = &st.RowGap
		}
		c.gap[c.m] = g.resolveOr0(c.innerSize[c.m])
	}

	// §9.7 flexible lengths.
	for li := range lines {
		resolveFlexibleLengths(items[lines[li].start:lines[li].end], &c)
	}

	// §9.4.7 hypothetical cross sizes.
	for i := range items {
		t.hypotheticalCross(&items[i], &c, av)
	}
	t.baselines(items, &c, av)

	// §9.4.8 line cross sizes, §9.4.9 stretch lines, §9.4.11 used cross sizes.
	t.lineCrossSizes(items, lines, &c)
	alignContentStretch(lines, &c)
	t.usedCrossSizes(items, lines, &c)

	// §9.5.12 main-axis alignment.
	for li := range lines {
		distributeFreeSpace(items[lines[li].start:lines[li].end], &c)
	}
	// §9.6.13-14 cross-axis auto margins and alignment.
	for li := range lines {
		alignCross(items[lines[li].start:lines[li].end], lines[li].cross, &c)
	}
	// §9.6.15 container cross size.
	total := containerCrossSize(lines, &c, av)

	baseline := nan
	if perform {
		alignLines(lines, &c, total)
		t.finalPass(items, lines, &c)
		t.absolute(n, &c)
		for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
			if t.styles[ch].Display == DisplayNone {
				t.hide(ch)
			}
		}
		if c.rtl {
			w := c.size[0]
			for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
				if t.styles[ch].Display == DisplayNone {
					continue
				}
				b := &t.boxes[ch]
				b.X = w - b.X - b.W
			}
		}
		if len(lines) > 0 {
			// The first line and item in visual order: the top line of a
			// wrap-reverse row, the bottom item of a column-reverse.
			l := lines[0]
			if c.wrapRev {
				l = lines[len(lines)-1]
			}
			if l.end > l.start {
				k := l.start
				if !c.row && c.rev {
					k = l.end - 1
				}
				if c.row {
					for j := l.start; j < l.end; j++ {
						if items[j].alignSelf == AlignBaseline {
							k = j
							break
						}
					}
				}
				it := &items[k]
				b := t.boxes[it.node]
				baseline = b.Y + orf(t.baseY[it.node], b.H)
			}
		}
		t.baseY[n] = baseline
	}
	t.items = t.items[:base]
	t.lines = t.lines[:lbase]
	return c.size, baseline
}

func (t *Tree) genItems(n NodeID, c *flexContext) {
	for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
		cs := &t.styles[ch]
		if cs.Display == DisplayNone || cs.Position == Absolute {
			continue
		}
		t.items = t.items[:len(t.items)+1]
		it := &t.items[len(t.items)-1]
		*it = item{node: ch}
		it.pb, _ = edges(cs, c.inner[0])
		pbs := vec{sum(&it.pb, 0), sum(&it.pb, 1)}
		it.size, it.minSize, it.maxSize = sizes(cs, c.pct, pbs)
		it.inset[Left] = cs.Inset[Left].resolve(c.pct[0])
		it.inset[Right] = cs.Inset[Right].resolve(c.pct[0])
		it.inset[Top] = cs.Inset[Top].resolve(c.pct[1])
		it.inset[Bottom] = cs.Inset[Bottom].resolve(c.pct[1])
		for i := 0; i < 4; i++ {
			it.margin[i] = cs.Margin[i].resolveOr0(c.inner[0])
			it.marginAuto[i] = cs.Margin[i].Unit == Auto
		}
		if c.rtl {
			swapLR(&it.inset)
			swapLR(&it.margin)
			swapLR(&it.pb)
			it.marginAuto[Left], it.marginAuto[Right] = it.marginAuto[Right], it.marginAuto[Left]
		}
		it.alignSelf = cs.AlignSelf
		if it.alignSelf == AlignNormal {
			it.alignSelf = c.alignItems
		}
		it.alignSelf = selfAlign(it.alignSelf, c, cs)
		it.scroll = [2]bool{cs.OverflowX.isScrollContainer(), cs.OverflowY.isScrollContainer()}
		it.grow, it.shrink = cs.FlexGrow, cs.FlexShrink
		for a := 0; a < 2; a++ {
			u := cs.Width.Unit
			if a == 1 {
				u = cs.Height.Unit
			}
			if u >= MinContent {
				it.size[a] = t.keywordSize(ch, u, a, it.size, c.inner[a]-sum(&it.margin, a), c.inner)
			}
		}
	}
}

// keywordSize resolves width or height min-content, max-content,
// fit-content or stretch of node n along axis a. fill is the stretch size
// (NaN when indefinite); size holds the other axis when known.
func (t *Tree) keywordSize(n NodeID, u Unit, a int, size vec, fill float32, parent vec) float32 {
	if u == Stretch {
		return fill
	}
	known := size
	known[a] = nan
	measure := func(space float32) float32 {
		var av vec
		av[a] = space
		av[1-a] = orf(parent[1-a], MaxContentSpace)
		return t.measureChild(n, known, parent, av, false, a)
	}
	switch u {
	case MinContent:
		return measure(MinContentSpace)
	case MaxContent:
		return measure(MaxContentSpace)
	}
	v := measure(MaxContentSpace)
	if !isNaN(fill) {
		v = maxf(minf(v, fill), measure(MinContentSpace))
	}
	return v
}

// selfAlign maps self-start and self-end to start and end: on a horizontal
// cross axis they follow the item's own direction.
func selfAlign(a Align, c *flexContext, cs *Style) Align {
	v := a.value()
	if v != AlignSelfStart && v != AlignSelfEnd {
		return a
	}
	flip := c.row == false && (cs.Direction == RTL) != c.rtl
	if (v == AlignSelfStart) != flip {
		return AlignStart | a&Safe
	}
	return AlignEnd | a&Safe
}

func (t *Tree) flexBasis(it *item, c *flexContext, av vec) {
	m, x := c.m, c.c
	cs := &t.styles[it.node]
	crossParent := c.inner[x]
	var childParent vec
	childParent[m] = nan
	childParent[x] = crossParent
	crossMargin := sum(&c.margin, x)
	crossAvail := av[x]
	if isDefinite(crossAvail) && !isNaN(crossParent) && !c.splitCross {
		crossAvail = crossParent
	}
	crossAvail = availClamp(crossAvail, it.minSize[x]+crossMargin, it.maxSize[x]+crossMargin)
	childKnown := it.size
	childKnown[m] = nan
	if it.alignSelf.value() == AlignStretch && isNaN(childKnown[x]) && isDefinite(crossAvail) {
		childKnown[x] = crossAvail - sum(&it.margin, x)
	}
	pbs := vec{sum(&it.pb, 0), sum(&it.pb, 1)}
	var adj float32
	if cs.BoxSizing == ContentBox {
		adj = pbs[m]
	}
	basis := cs.FlexBasis.resolve(c.pct[m]) + adj
	it.basisDefinite = !isNaN(basis)
	switch cs.FlexBasis.Unit {
	case Auto:
		basis = it.size[m]
		if ar := cs.AspectRatio; isNaN(basis) && ar > 0 && !isNaN(childKnown[x]) {
			// §9.2.3 B: the aspect ratio and a definite cross size.
			if m == 0 {
				basis = childKnown[x] * ar
			} else {
				basis = childKnown[x] / ar
			}
		}
		it.basisDefinite = !isNaN(basis)
	case MinContent, FitContent, Stretch:
		basis = t.keywordSize(it.node, cs.FlexBasis.Unit, m, childKnown, c.inner[m]-sum(&it.margin, m), childParent)
	}
	if isNaN(basis) {
		var ca vec
		ca[m] = MaxContentSpace
		if av[m] == MinContentSpace {
			ca[m] = MinContentSpace
		}
		ca[x] = crossAvail
		basis = t.measureChild(it.node, childKnown, childParent, ca, false, m)
	}
	basis = maxf(basis, pbs[m])
	it.flexBasis = basis
	it.innerBasis = basis - pbs[m]

	// §4.5 automatic minimum size.
	minMain := it.minSize[m]
	if isNaN(minMain) && it.scroll[m] {
		minMain = 0
	}
	if isNaN(minMain) {
		var ca vec
		ca[m] = MinContentSpace
		ca[x] = crossAvail
		var mc float32
		if nd := &t.nodes[it.node]; nd.nkids == 0 && nd.measure < 0 {
			// An empty box: no content to measure, no need for the cache.
			mc = t.leaf(it.node, childKnown, childParent, ca, false, false)[m]
		} else {
			mc = t.measureChild(it.node, childKnown, childParent, ca, false, m)
		}
		mc = optMin(optMin(mc, it.size[m]), it.maxSize[m])
		minMain = maxf(mc, pbs[m])
	}
	it.resolvedMin = minMain
	it.hypoInner[m] = clamp(basis, maxf(minMain, pbs[m]), it.maxSize[m])
	it.hypoOuter[m] = it.hypoInner[m] + sum(&it.margin, m)
}

func (t *Tree) collectLines(items []item, c *flexContext, av vec) {
	push := func(s, e int) {
		t.lines = append(t.lines, line{start: s, end: e})
	}
	if len(items) == 0 {
		return
	}
	start := 0
	if !c.wrap || (av[c.m] == MaxContentSpace && !(c.balance && c.minLines > 1)) {
		push(0, len(items))
		return
	}
	if av[c.m] == MinContentSpace {
		for i := range items {
			push(i, i+1)
		}
		return
	}
	limit := av[c.m]
	if c.balance {
		t.balanceLines(items, c, limit)
		return
	}
	for start < len(items) {
		var ln float32
		end := start
		for end < len(items) {
			g := c.gap[c.m]
			if end == start {
				g = 0
			}
			ln += items[end].hypoOuter[c.m] + g
			if ln > limit && end != start {
				break
			}
			end++
		}
		push(start, end)
		start = end
	}
}

func gaps(g float32, n int) float32 {
	if n <= 1 {
		return 0
	}
	return g * float32(n-1)
}

func (t *Tree) containerMainSize(items []item, lines []line, c *flexContext, av vec) {
	m := c.m
	insetMain := sum(&c.inset, m)
	var outer float32
	switch {
	case isDefinite(av[m]) || (av[m] == MinContentSpace && c.wrap) || (c.balance && len(lines) > 1):
		var longest float32
		for _, l := range lines {
			var s float32
			for j := l.start; j < l.end; j++ {
				s += items[j].hypoOuter[m]
			}
			longest = maxf(longest, s+gaps(c.gap[m], l.end-l.start))
		}
		outer = longest + insetMain
		if isDefinite(av[m]) && len(lines) > 1 && !c.balance {
			outer = maxf(outer, av[m]+insetMain)
		}
	default:
		var mainSize float32
		for _, l := range lines {
			for j := l.start; j < l.end; j++ {
				it := &items[j]
				t.contentContribution(it, c, av)
			}
			var s float32
			for j := l.start; j < l.end; j++ {
				it := &items[j]
				sz := it.contribution // the item's contribution
				it.outerTarget[m] = sz
				it.target[m] = sz
				s += sz
			}
			mainSize = maxf(mainSize, s+gaps(c.gap[m], l.end-l.start))
		}
		outer = mainSize + insetMain
	}
	outer = clamp(outer, c.minSize[m], c.maxSize[m])
	outer = maxf(outer, insetMain-c.gutter[m])
	c.size[m] = outer
	c.innerSize[m] = maxf(outer-insetMain, 0)
}

// contentContribution sets the item's contribution (outer main size) for sizing the
// container under a min- or max-content constraint.
func (t *Tree) contentContribution(it *item, c *flexContext, av vec) {
	m, x := c.m, c.c
	styleMin, pref, styleMax := it.minSize[m], it.size[m], it.maxSize[m]
	basisMin, basisMax := nan, nan
	if it.shrink == 0 {
		basisMin = it.flexBasis
	}
	if it.grow == 0 {
		basisMax = it.flexBasis
	}
	minMain := maxf(orf(optMax(styleMin, basisMin), orf(basisMin, it.resolvedMin)), it.resolvedMin)
	maxMain := orf(optMin(styleMax, basisMax), orf(basisMax, MaxContentSpace))
	marginMain := sum(&it.margin, m)
	var contrib float32
	switch {
	case !isNaN(pref) && (maxMain <= minMain || maxMain <= pref):
		contrib = maxf(minf(pref, maxMain), minMain) + marginMain
	case maxMain <= minMain:
		contrib = minMain + marginMain
	case it.scroll[m]:
		contrib = it.flexBasis + marginMain
	default:
		crossParent := c.inner[x]
		crossMargin := sum(&c.margin, x)
		ca := av[x]
		if isDefinite(ca) && !isNaN(crossParent) && !c.splitCross {
			ca = crossParent
		}
		ca = availClamp(ca, it.minSize[x]+crossMargin, it.maxSize[x]+crossMargin)
		var cav vec
		cav[m] = av[m]
		cav[x] = ca
		known := it.size
		known[m] = nan
		if it.alignSelf.value() == AlignStretch && isNaN(known[x]) && isDefinite(ca) {
			known[x] = ca - sum(&it.margin, x)
		}
		size := t.measureChild(it.node, known, c.inner, cav, true, m) + marginMain
		if c.row {
			contrib = maxf(clamp(size, styleMin, styleMax), sum(&it.pb, m))
		} else {
			contrib = maxf(clamp(maxf(size, it.flexBasis), styleMin, styleMax), sum(&it.pb, m))
		}
	}
	// The contribution is limited by the flex base size on the side the
	// item cannot flex to (Chromium; the flex fractions of §9.9.1 are not
	// implemented by browsers).
	it.contribution = maxf(minf(contrib, maxMain+marginMain), minMain+marginMain)
}

func isNormal(f float32) bool { return f != 0 && isDefinite(f) && !isNaN(f) }

func resolveFlexibleLengths(items []item, c *flexContext) {
	m := c.m
	gap := gaps(c.gap[m], len(items))
	var hypo float32
	for i := range items {
		hypo += items[i].hypoOuter[m]
	}
	used := hypo + gap
	innerMain := c.inner[m]
	growing := used < orf(innerMain, 0)
	shrinking := used > orf(innerMain, 0)
	for i := range items {
		it := &items[i]
		it.target[m] = it.hypoInner[m]
		if (growing && it.grow == 0) || (shrinking && it.shrink == 0) || (!growing && !shrinking) ||
			(growing && it.flexBasis > it.hypoInner[m]) || (shrinking && it.flexBasis < it.hypoInner[m]) {
			it.frozen = true
			it.outerTarget[m] = it.target[m] + sum(&it.margin, m)
		} else {
			it.frozen = false
		}
	}
	usedSpace := func() float32 {
		s := gap
		for i := range items {
			it := &items[i]
			if it.frozen {
				s += it.outerTarget[m]
			} else {
				s += it.flexBasis + sum(&it.margin, m)
			}
		}
		return s
	}
	initialFree := float32(0)
	if !isNaN(innerMain) {
		initialFree = innerMain - usedSpace()
	}
	for {
		unfrozen := 0
		var sumGrow, sumShrink float32
		for i := range items {
			if !items[i].frozen {
				unfrozen++
				sumGrow += items[i].grow
				sumShrink += items[i].shrink
			}
		}
		if unfrozen == 0 {
			break
		}
		u := usedSpace()
		var free float32
		switch {
		case growing && sumGrow < 1:
			free = optMin(initialFree*sumGrow, innerMain-u)
		case shrinking && sumShrink < 1:
			free = optMax(initialFree*sumShrink, innerMain-u)
		default:
			free = orf(innerMain-u, used-u)
		}
		if isNormal(free) {
			if growing && sumGrow > 0 {
				for i := range items {
					it := &items[i]
					if !it.frozen {
						it.target[m] = it.flexBasis + free*(it.grow/sumGrow)
					}
				}
			} else if shrinking && sumShrink > 0 {
				var scaled float32
				for i := range items {
					if !items[i].frozen {
						scaled += items[i].innerBasis * items[i].shrink
					}
				}
				if scaled > 0 {
					for i := range items {
						it := &items[i]
						if !it.frozen {
							it.target[m] = it.flexBasis + free*(it.innerBasis*it.shrink/scaled)
						}
					}
				}
			}
		}
		var total float32
		for i := range items {
			it := &items[i]
			if it.frozen {
				continue
			}
			cl := maxf(clamp(it.target[m], it.resolvedMin, it.maxSize[m]), 0)
			it.violation = cl - it.target[m]
			it.target[m] = cl
			it.outerTarget[m] = cl + sum(&it.margin, m)
			total += it.violation
		}
		for i := range items {
			it := &items[i]
			if it.frozen {
				continue
			}
			switch {
			case total > 0:
				it.frozen = it.violation > 0
			case total < 0:
				it.frozen = it.violation < 0
			default:
				it.frozen = true
			}
		}
	}
}

func (t *Tree) hypotheticalCross(it *item, c *flexContext, av vec) {
	m, x := c.m, c.c
	pbc := sum(&it.pb, x)
	cross := optMax(clamp(it.size[x], it.minSize[x], it.maxSize[x]), pbc)
	if isNaN(cross) && !c.wrap && !isNaN(c.known[x]) && it.alignSelf.value() == AlignStretch &&
		!it.marginAuto[startOf(x)] && !it.marginAuto[endOf(x)] {
		// A stretched item in a single line of definite cross size: its
		// used cross size is the line's, so there is nothing to measure.
		cs := &t.styles[it.node]
		maxc := cs.MaxHeight.resolve(c.inner[1])
		if x == 0 {
			maxc = cs.MaxWidth.resolve(c.inner[0])
		}
		if cs.BoxSizing == ContentBox {
			maxc += pbc
		}
		cross = maxf(clamp(c.inner[x]-sum(&it.margin, x), it.minSize[x], maxc), pbc)
	}
	if isNaN(cross) {
		ac := av[x]
		if isDefinite(ac) {
			ac = maxf(clamp(ac, it.minSize[x], it.maxSize[x]), pbc)
		}
		var known, ca vec
		known[m] = it.target[m]
		known[x] = nan
		ca[m] = c.size[m]
		ca[x] = ac
		cross = maxf(clamp(t.measureChild(it.node, known, c.inner, ca, false, x), it.minSize[x], it.maxSize[x]), pbc)
	}
	it.hypoInner[x] = cross
	it.hypoOuter[x] = cross + sum(&it.margin, x)
}

func (t *Tree) baselines(items []item, c *flexContext, av vec) {
	if !c.row {
		return
	}
	any := false
	for i := range items {
		if items[i].alignSelf.value() == AlignBaseline {
			any = true
			break
		}
	}
	if !any {
		return
	}
	for i := range items {
		it := &items[i]
		if it.alignSelf.value() != AlignBaseline {
			continue
		}
		known := vec{it.target[0], it.hypoInner[1]}
		ca := vec{c.size[0], av[1]}
		if !isNaN(c.inner[1]) && isDefinite(ca[1]) {
			ca[1] = c.inner[1]
		}
		s, bl := t.compute(it.node, known.size(), c.inner.size(), ca.size(), true, false)
		it.baseline = orf(bl, s.H) + it.margin[Top]
		if c.wrapRev {
			it.baseline = s.H + it.margin[Top] + it.margin[Bottom] - it.baseline
		}
	}
}

// baselineItem reports whether the item takes part in baseline alignment.
func (it *item) baselineItem(c *flexContext) bool {
	return c.row && it.alignSelf.value() == AlignBaseline && !it.marginAuto[Top] && !it.marginAuto[Bottom]
}

func (t *Tree) lineCrossSizes(items []item, lines []line, c *flexContext) {
	x := c.c
	if !c.wrap && !isNaN(c.known[x]) && len(lines) == 1 {
		lines[0].cross = maxf(clamp(c.known[x], c.minSize[x], c.maxSize[x])-sum(&c.inset, x), 0)
		return
	}
	for li := range lines {
		l := &lines[li]
		var maxBase float32
		for j := l.start; j < l.end; j++ {
			if items[j].baselineItem(c) {
				maxBase = maxf(maxBase, items[j].baseline)
			}
		}
		var cross float32
		for j := l.start; j < l.end; j++ {
			it := &items[j]
			v := it.hypoOuter[x]
			if it.baselineItem(c) {
				v = maxBase - it.baseline + it.hypoOuter[x]
			}
			cross = maxf(cross, v)
		}
		l.cross = cross
	}
	if !c.wrap && len(lines) == 1 {
		ins := sum(&c.inset, x)
		lines[0].cross = clamp(lines[0].cross, c.minSize[x]-ins, c.maxSize[x]-ins)
	}
}

func alignContentStretch(lines []line, c *flexContext) {
	if c.alignContent.value() != AlignStretch || len(lines) == 0 {
		return
	}
	x := c.c
	ins := sum(&c.inset, x)
	minInner := clamp(orf(c.known[x], c.minSize[x]), c.minSize[x], c.maxSize[x]) - ins
	if isNaN(minInner) {
		minInner = 0
	}
	minInner = maxf(minInner, 0)
	total := gaps(c.gap[x], len(lines))
	for i := range lines {
		total += lines[i].cross
	}
	if total < minInner {
		add := (minInner - total) / float32(len(lines))
		for i := range lines {
			lines[i].cross += add
		}
	}
}

func (t *Tree) usedCrossSizes(items []item, lines []line, c *flexContext) {
	x := c.c
	for li := range lines {
		l := &lines[li]
		for j := l.start; j < l.end; j++ {
			it := &items[j]
			cs := &t.styles[it.node]
			styleCross := cs.Height
			if x == 0 {
				styleCross = cs.Width
			}
			if it.alignSelf.value() == AlignStretch && !it.marginAuto[startOf(x)] && !it.marginAuto[endOf(x)] && styleCross.Unit == Auto {
				maxc := cs.MaxHeight.resolve(c.inner[1])
				if x == 0 {
					maxc = cs.MaxWidth.resolve(c.inner[0])
				}
				if cs.BoxSizing == ContentBox {
					maxc += sum(&it.pb, x)
				}
				it.target[x] = maxf(clamp(l.cross-sum(&it.margin, x), it.minSize[x], maxc), sum(&it.pb, x))
			} else {
				it.target[x] = it.hypoInner[x]
			}
			it.outerTarget[x] = it.target[x] + sum(&it.margin, x)
		}
	}
}

// luDiv divides free space into n parts as Chromium's LayoutUnit does:
// in 1/64 px, truncating.
func luDiv(free float32, n int) float32 {
	return float32(math.Trunc(float64(free)*64/float64(n))) / 64
}

// alignOffset is the space before an item (or line) in layout order.
func alignOffset(free float32, n int, gap float32, mode Align, reversed, first bool) float32 {
	if first {
		switch mode {
		case AlignFlexStart:
			if reversed {
				return free
			}
		case AlignEnd:
			return free
		case AlignFlexEnd:
			if !reversed {
				return free
			}
		case AlignCenter:
			return luDiv(free, 2)
		case AlignSpaceAround:
			if free >= 0 {
				return luDiv(luDiv(free, n), 2)
			}
			return luDiv(free, 2)
		case AlignSpaceEvenly:
			if free >= 0 {
				return luDiv(free, n+1)
			}
			return luDiv(free, 2)
		}
		return 0
	}
	free = maxf(free, 0)
	switch mode {
	case AlignSpaceBetween:
		return gap + luDiv(free, n-1)
	case AlignSpaceAround:
		return gap + luDiv(free, n)
	case AlignSpaceEvenly:
		return gap + luDiv(free, n+1)
	}
	return gap
}

// fallback applies the alignment fallbacks of css-align §4.3 and the safe
// overflow position.
func fallback(free float32, n int, mode Align) Align {
	safe := mode.safe()
	mode = mode.value()
	if n <= 1 || free <= 0 {
		switch mode {
		case AlignStretch, AlignSpaceBetween:
			mode = AlignFlexStart // unsafe: overflows at the flex-end side
		case AlignSpaceAround, AlignSpaceEvenly:
			mode, safe = AlignCenter, true
		}
	}
	if free <= 0 && safe {
		mode = AlignStart
	}
	return mode
}

func distributeFreeSpace(items []item, c *flexContext) {
	m := c.m
	used := gaps(c.gap[m], len(items))
	for i := range items {
		used += items[i].outerTarget[m]
	}
	free := c.innerSize[m] - used
	autos := 0
	for i := range items {
		if items[i].marginAuto[startOf(m)] {
			autos++
		}
		if items[i].marginAuto[endOf(m)] {
			autos++
		}
	}
	if free > 0 && autos > 0 {
		each := free / float32(autos)
		for i := range items {
			it := &items[i]
			it.offsetMain = 0
			if (!c.rev && i > 0) || (c.rev && i < len(items)-1) {
				it.offsetMain = c.gap[m]
			}
			if it.marginAuto[startOf(m)] {
				it.margin[startOf(m)] = each
			}
			if it.marginAuto[endOf(m)] {
				it.margin[endOf(m)] = each
			}
		}
		return
	}
	mode := fallback(free, len(items), c.justify)
	if c.rev {
		for k := 0; k < len(items); k++ {
			items[len(items)-1-k].offsetMain = alignOffset(free, len(items), c.gap[m], mode, true, k == 0)
		}
	} else {
		for k := range items {
			items[k].offsetMain = alignOffset(free, len(items), c.gap[m], mode, false, k == 0)
		}
	}
}

func alignCross(items []item, lineCross float32, c *flexContext) {
	x := c.c
	var maxBase, maxBaseOuter float32
	for i := range items {
		if items[i].baselineItem(c) {
			maxBase = maxf(maxBase, items[i].baseline)
		}
		if items[i].alignSelf.value() == AlignBaseline {
			maxBaseOuter = maxf(maxBaseOuter, items[i].outerTarget[x])
		}
	}
	for i := range items {
		it := &items[i]
		free := lineCross - it.outerTarget[x]
		s, e := startOf(x), endOf(x)
		switch {
		case it.marginAuto[s] && it.marginAuto[e]:
			if free > 0 {
				it.margin[s] += free / 2
				it.margin[e] += free / 2
			}
		case it.marginAuto[s]:
			if free > 0 {
				it.margin[s] += free
			}
		case it.marginAuto[e]:
			if free > 0 {
				it.margin[e] += free
			}
		default:
			mode := it.alignSelf.value()
			if it.alignSelf.safe() && free < 0 {
				mode = AlignStart
			}
			var off float32
			switch mode {
			case AlignStart:
			case AlignEnd:
				off = free
			case AlignFlexEnd:
				if !c.wrapRev {
					off = free
				}
			case AlignCenter:
				off = luDiv(free, 2)
			case AlignBaseline:
				if c.row {
					off = maxBase - it.baseline
					if c.wrapRev {
						off = free - off
					}
				} else if c.rtl {
					// In a column, baseline-aligned items line up on their
					// line-left edges as a group placed at the cross start.
					off = maxBaseOuter - it.outerTarget[x]
				} else if c.wrapRev {
					off = free
				}
			default: // flex-start, stretch
				if c.wrapRev {
					off = free
				}
			}
			it.offsetCross = off
		}
	}
}

func containerCrossSize(lines []line, c *flexContext, av vec) float32 {
	x := c.c
	var total float32
	for i := range lines {
		total += lines[i].cross
	}
	ins := sum(&c.inset, x)
	content := total + gaps(c.gap[x], len(lines))
	if !c.row && len(lines) > 1 && isNaN(c.known[x]) && av[x] != MaxContentSpace {
		// A multi-line column container's auto width is fit-content:
		// its min-content width is its widest line (as Chromium sizes it),
		// its max-content width the sum of its lines.
		var widest float32
		for i := range lines {
			widest = maxf(widest, lines[i].cross)
		}
		if av[x] == MinContentSpace {
			content = widest
		} else {
			content = minf(content, maxf(widest, av[x]))
		}
	}
	outer := orf(c.known[x], content+ins)
	outer = maxf(clamp(outer, c.minSize[x], c.maxSize[x]), ins-c.gutter[x])
	c.size[x] = outer
	c.innerSize[x] = maxf(outer-ins, 0)
	return total
}

func alignLines(lines []line, c *flexContext, total float32) {
	x := c.c
	n := len(lines)
	free := c.innerSize[x] - total - gaps(c.gap[x], n)
	mode := fallback(free, n, c.alignContent)
	if c.wrapRev {
		for k := 0; k < n; k++ {
			lines[n-1-k].offsetCross = alignOffset(free, n, c.gap[x], mode, true, k == 0)
		}
	} else {
		for k := 0; k < n; k++ {
			lines[k].offsetCross = alignOffset(free, n, c.gap[x], mode, false, k == 0)
		}
	}
}

func (t *Tree) finalPass(items []item, lines []line, c *flexContext) {
	crossOff := c.inset[startOf(c.c)]
	place := func(l *line) {
		mainOff := c.inset[startOf(c.m)]
		if c.rev {
			for j := l.end - 1; j >= l.start; j-- {
				t.placeItem(&items[j], &mainOff, crossOff, l.offsetCross, c)
			}
		} else {
			for j := l.start; j < l.end; j++ {
				t.placeItem(&items[j], &mainOff, crossOff, l.offsetCross, c)
			}
		}
		crossOff += l.offsetCross + l.cross
	}
	if c.wrapRev {
		for li := len(lines) - 1; li >= 0; li-- {
			place(&lines[li])
		}
	} else {
		for li := range lines {
			place(&lines[li])
		}
	}
}

func relOffset(start, end float32) float32 {
	if !isNaN(start) {
		return start
	}
	if !isNaN(end) {
		return -end
	}
	return 0
}

func (t *Tree) placeItem(it *item, mainOff *float32, crossOff, lineOff float32, c *flexContext) {
	m, x := c.m, c.c
	// §9.8: the flexed main size is definite for the item's percentages
	// when the container's main size is, or the flex basis is definite.
	if (isNaN(c.known[m]) || c.indef&(1<<m) != 0) && !it.basisDefinite {
		t.indef[it.node] |= 1 << m
	}
	s, bl := t.compute(it.node, it.target.size(), c.inner.size(), c.size.size(), true, false)
	t.indef[it.node] = 0
	sz := vecOf(s)
	om := *mainOff + it.offsetMain + it.margin[startOf(m)] + relOffset(it.inset[startOf(m)], it.inset[endOf(m)])
	oc := crossOff + it.offsetCross + lineOff + it.margin[startOf(x)] + relOffset(it.inset[startOf(x)], it.inset[endOf(x)])
	var pos vec
	pos[m], pos[x] = om, oc
	t.boxes[it.node] = Box{pos[0], pos[1], sz[0], sz[1]}
	t.baseY[it.node] = bl
	*mainOff += it.offsetMain + sum(&it.margin, m) + sz[m]
}

func (t *Tree) absolute(n NodeID, c *flexContext) {
	for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
		cs := &t.styles[ch]
		if cs.Position != Absolute || cs.Display == DisplayNone {
			continue
		}
		t.absChild(ch, cs, c)
	}
}

func (t *Tree) absChild(ch NodeID, cs *Style, c *flexContext) {
	m, x := c.m, c.c
	rel := vec{c.size[0] - sum(&c.border, 0) - c.gutter[0], c.size[1] - sum(&c.border, 1) - c.gutter[1]}
	var margin [4]float32
	for i := 0; i < 4; i++ {
		margin[i] = cs.Margin[i].resolve(rel[0])
		if cs.Margin[i].Unit != Auto && isNaN(margin[i]) {
			margin[i] = 0
		}
	}
	var inset [4]float32
	inset[Left] = cs.Inset[Left].resolve(rel[0])
	inset[Right] = cs.Inset[Right].resolve(rel[0])
	inset[Top] = cs.Inset[Top].resolve(rel[1])
	inset[Bottom] = cs.Inset[Bottom].resolve(rel[1])
	if c.rtl {
		swapLR(&margin)
		swapLR(&inset)
	}
	pb, _ := edges(cs, rel[0])
	pbs := vec{sum(&pb, 0), sum(&pb, 1)}
	size, minS, maxS := sizes(cs, rel, pbs)
	ar := cs.AspectRatio
	for a := 0; a < 2; a++ {
		minS[a] = optMax(orf(minS[a], pbs[a]), pbs[a])
	}
	for a := 0; a < 2; a++ {
		u := cs.Width.Unit
		if a == 1 {
			u = cs.Height.Unit
		}
		if u >= MinContent {
			s, e := startOf(a), endOf(a)
			fill := rel[a] - orf(inset[s], 0) - orf(inset[e], 0) - orf(margin[s], 0) - orf(margin[e], 0)
			size[a] = t.keywordSize(ch, u, a, size, maxf(fill, 0), rel)
		}
	}
	known := vec{clamp(size[0], minS[0], maxS[0]), clamp(size[1], minS[1], maxS[1])}
	for a := 0; a < 2; a++ {
		s, e := startOf(a), endOf(a)
		if isNaN(known[a]) && !isNaN(inset[s]) && !isNaN(inset[e]) {
			known[a] = maxf(rel[a]-orf(margin[s], 0)-orf(margin[e], 0)-inset[s]-inset[e], 0)
			known[0], known[1] = applyAR(known[0], known[1], ar)
			known = vec{clamp(known[0], minS[0], maxS[0]), clamp(known[1], minS[1], maxS[1])}
		}
	}
	avail := vec{clamp(c.size[0], minS[0], maxS[0]), clamp(c.size[1], minS[1], maxS[1])}
	meas := known
	if isNaN(known[0]) || isNaN(known[1]) {
		s, _ := t.compute(ch, known.size(), c.inner.size(), avail.size(), false, true)
		meas = vecOf(s)
	}
	final := vec{clamp(orf(known[0], meas[0]), minS[0], maxS[0]), clamp(orf(known[1], meas[1]), minS[1], maxS[1])}
	_, bl := t.compute(ch, final.size(), c.inner.size(), avail.size(), true, true)
	var free vec
	for a := 0; a < 2; a++ {
		s, e := startOf(a), endOf(a)
		if isNaN(inset[s]) || isNaN(inset[e]) {
			continue // auto margins are zero at the static position
		}
		free[a] = rel[a] - inset[s] - inset[e] - final[a] - orf(margin[s], 0) - orf(margin[e], 0)
		if free[a] < 0 && isNaN(margin[s]) && isNaN(margin[e]) {
			free[a] = 0
		}
	}
	var rm [4]float32
	for a := 0; a < 2; a++ {
		s, e := startOf(a), endOf(a)
		autos := 0
		if isNaN(margin[s]) {
			autos++
		}
		if isNaN(margin[e]) {
			autos++
		}
		var each float32
		if autos > 0 {
			each = free[a] / float32(autos)
		}
		rm[s], rm[e] = orf(margin[s], each), orf(margin[e], each)
	}
	offset := func(a int, mode Align, reversed bool) float32 {
		s, e := startOf(a), endOf(a)
		if !isNaN(inset[s]) {
			return inset[s] + c.border[s] + rm[s]
		}
		if !isNaN(inset[e]) {
			return c.size[a] - c.border[e] - c.gutter[a] - final[a] - inset[e] - rm[e]
		}
		atStart := c.inset[s] + rm[s]
		atEnd := c.size[a] - c.inset[e] - final[a] - rm[e]
		switch mode {
		case AlignStart, AlignBaseline:
			return atStart
		case AlignEnd:
			return atEnd
		case AlignCenter, AlignSpaceAround, AlignSpaceEvenly:
			return (c.size[a] + c.inset[s] - c.inset[e] - final[a] + rm[s] - rm[e]) / 2
		case AlignFlexEnd:
			if reversed {
				return atStart
			}
			return atEnd
		}
		if reversed {
			return atEnd
		}
		return atStart
	}
	alignSelf := cs.AlignSelf
	if alignSelf == AlignNormal {
		alignSelf = c.alignItems
	}
	alignSelf = selfAlign(alignSelf, c, cs)
	if alignSelf.safe() && c.size[x]-sum(&c.inset, x)-final[x] < 0 {
		alignSelf = AlignStart
	}
	var pos vec
	pos[m] = offset(m, c.justify.value(), c.rev)
	pos[x] = offset(x, alignSelf.value(), c.wrapRev)
	t.boxes[ch] = Box{pos[0], pos[1], final[0], final[1]}
	t.baseY[ch] = bl
}
