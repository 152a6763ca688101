package layout

// A small CSS grid: explicit tracks of fixed size, gaps, items placed by
// line numbers (negative from the end) or spans, or auto-placed row by row
// into the next free cells; every item stretched over its area. It covers
// grids whose tracks are all lengths; intrinsic and flexible tracks are not
// implemented. Unlike flex layout it allocates (placement bookkeeping).

type gridDef struct {
	cols, rows []Length
}

// GridLine is one end of an item's placement: a line number (1-based,
// negative counting from the end), a span, or auto (the zero value).
type GridLine struct {
	Line int16 // 0: auto
	Span int16 // > 0: span this many tracks from the other end
}

type gridPlacement struct {
	colStart, colEnd, rowStart, rowEnd GridLine
}

// SetGrid gives a DisplayGrid node its column and row tracks.
func (t *Tree) SetGrid(n NodeID, cols, rows []Length) {
	if t.grids == nil {
		t.grids = map[NodeID]*gridDef{}
	}
	t.grids[n] = &gridDef{cols: cols, rows: rows}
}

// SetGridPlacement places grid item n: grid-column-start/end and
// grid-row-start/end.
func (t *Tree) SetGridPlacement(n NodeID, colStart, colEnd, rowStart, rowEnd GridLine) {
	if t.placements == nil {
		t.placements = map[NodeID]gridPlacement{}
	}
	t.placements[n] = gridPlacement{colStart, colEnd, rowStart, rowEnd}
}

// resolveSpan turns a start/end pair into 0-based [start, end) track
// indices, or start -1 when the start is left to auto-placement.
func resolveSpan(start, end GridLine, tracks int) (int, int) {
	line := func(l GridLine) int {
		if l.Line < 0 {
			return tracks + 2 + int(l.Line) // -1 is the last line
		}
		return int(l.Line)
	}
	switch {
	case start.Line != 0 && end.Line != 0:
		a, b := line(start), line(end)
		if b < a {
			a, b = b, a
		}
		if b == a {
			b = a + 1
		}
		return a - 1, b - 1
	case start.Line != 0:
		span := max(int(end.Span), 1)
		return line(start) - 1, line(start) - 1 + span
	case end.Line != 0:
		span := max(int(start.Span), 1)
		return line(end) - 1 - span, line(end) - 1
	}
	return -1, max(int(start.Span), int(end.Span), 1)
}

func (t *Tree) grid(n NodeID, known, parent vec, perform, inherent bool) vec {
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
			known[a] = orf(known[a], optMax(clamp(size[a], minS[a], maxS[a]), pbs[a]))
		}
	}
	def := t.grids[n]
	if def == nil {
		def = &gridDef{}
	}
	inner := vec{known[0] - pbs[0], known[1] - pbs[1]}
	gap := vec{st.ColumnGap.resolveOr0(orf(inner[0], 0)), st.RowGap.resolveOr0(orf(inner[1], 0))}
	// Track positions (start offsets) and sizes per axis.
	tracks := func(list []Length, base float32, g float32) (starts, sizes []float32, total float32) {
		for i, l := range list {
			if i > 0 {
				total += g
			}
			v := l.resolveOr0(base)
			starts = append(starts, total)
			sizes = append(sizes, v)
			total += v
		}
		return
	}
	colStart, colSize, colTotal := tracks(def.cols, inner[0], gap[0])
	rowStart, rowSize, rowTotal := tracks(def.rows, inner[1], gap[1])
	out := vec{
		orf(known[0], clamp(colTotal+pbs[0], minS[0], maxS[0])),
		orf(known[1], clamp(rowTotal+pbs[1], minS[1], maxS[1])),
	}
	if !perform {
		return out
	}
	// Placement: explicit areas first, then auto-placement row by row.
	nc, nr := len(colSize), len(rowSize)
	used := make([]bool, nc*nr)
	type area struct{ c0, c1, r0, r1 int }
	areas := map[NodeID]area{}
	occupy := func(a area) {
		for r := max(a.r0, 0); r < min(a.r1, nr); r++ {
			for c := max(a.c0, 0); c < min(a.c1, nc); c++ {
				used[r*nc+c] = true
			}
		}
	}
	var auto []NodeID
	for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
		if t.styles[ch].Display == DisplayNone {
			t.hide(ch)
			continue
		}
		p := t.placements[ch]
		c0, c1 := resolveSpan(p.colStart, p.colEnd, nc)
		r0, r1 := resolveSpan(p.rowStart, p.rowEnd, nr)
		if c0 < 0 || r0 < 0 {
			auto = append(auto, ch)
			continue
		}
		a := area{c0, c1, r0, r1}
		areas[ch] = a
		occupy(a)
	}
	cursor := 0
	for _, ch := range auto {
		p := t.placements[ch]
		c0, c1 := resolveSpan(p.colStart, p.colEnd, nc)
		r0, r1 := resolveSpan(p.rowStart, p.rowEnd, nr)
		cspan, rspan := c1, r1 // spans when the start is auto
		if c0 >= 0 {
			cspan = c1 - c0
		}
		if r0 >= 0 {
			rspan = r1 - r0
		}
		for ; ; cursor++ {
			r, c := cursor/max(nc, 1), cursor%max(nc, 1)
			if c0 >= 0 && c != c0 {
				continue
			}
			if c+cspan > nc && c > 0 {
				continue
			}
			free := true
			for rr := r; rr < r+rspan && free; rr++ {
				for cc := c; cc < c+cspan && free; cc++ {
					if rr < nr && cc < nc && used[rr*nc+cc] {
						free = false
					}
				}
			}
			if free || r >= nr {
				a := area{c, c + cspan, r, r + rspan}
				areas[ch] = a
				occupy(a)
				break
			}
		}
	}
	// The start of track i and the end of track i-1 (line i+1 and line i,
	// 1-based); tracks past the explicit ones have size 0.
	trackStart := func(starts, sizes []float32, g float32, i int) float32 {
		if i < len(starts) {
			return starts[i]
		}
		if len(starts) == 0 {
			return 0
		}
		last := len(starts) - 1
		return starts[last] + sizes[last] + g*float32(i-last)
	}
	lineEnd := func(starts, sizes []float32, g float32, i int) float32 {
		if i <= 0 {
			return 0
		}
		if i <= len(starts) {
			return starts[i-1] + sizes[i-1]
		}
		return trackStart(starts, sizes, g, i-1)
	}
	for ch := t.nodes[n].first; ch != None; ch = t.nodes[ch].next {
		a, ok := areas[ch]
		if !ok {
			continue
		}
		x0, x1 := trackStart(colStart, colSize, gap[0], a.c0), lineEnd(colStart, colSize, gap[0], a.c1)
		y0, y1 := trackStart(rowStart, rowSize, gap[1], a.r0), lineEnd(rowStart, rowSize, gap[1], a.r1)
		w, h := maxf(x1-x0, 0), maxf(y1-y0, 0)
		cs := &t.styles[ch]
		cw, chh := cs.Width.resolve(w), cs.Height.resolve(h)
		s, bl := t.compute(ch, Size{orf(cw, w), orf(chh, h)}, Size{w, h}, Size{w, h}, true, false)
		x := pb[Left] + x0
		if rtl {
			x = out[0] - x - s.W
		}
		t.boxes[ch] = Box{x, pb[Top] + y0, s.W, s.H}
		t.baseY[ch] = bl
	}
	t.baseY[n] = nan
	return out
}
