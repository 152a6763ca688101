// Package layout is Jepsh's flexbox layout engine. It follows the algorithm of
// CSS Flexible Box Layout §9 as Chromium executes it, so that boxes computed
// at build time agree with what the browser computes for the emitted CSS.
//
// A Tree holds nodes in flat slices addressed by NodeID; children are linked
// by index. Layout reuses the tree's buffers, so laying out a tree whose shape
// has not grown allocates nothing.
package layout

import "math"

// NodeID addresses a node of a Tree.
type NodeID int32

// None is the absent node.
const None NodeID = -1

// Size is a width and a height. In known sizes NaN means "not known".
type Size struct{ W, H float32 }

// Available space along an axis: a definite number of pixels, or one of
// the two intrinsic sizing constraints.
var (
	MaxContentSpace = float32(math.Inf(1))
	MinContentSpace = float32(math.Inf(-1))
)

func isDefinite(a float32) bool { return !math.IsInf(float64(a), 0) }

// MeasureFunc sizes a leaf with content (text). ctx is the value given to
// SetMeasure. known holds the content-box sizes already decided (NaN when not);
// avail the content-box space: a definite size, MinContentSpace or
// MaxContentSpace. It returns the content-box size.
type MeasureFunc func(ctx int32, known Size, avail Size) Size

// Box is the result for one node: position relative to the parent's border
// box, and border-box size.
type Box struct{ X, Y, W, H float32 }

type node struct {
	parent, first, last, next NodeID
	measure                   int32 // -1: no measure function
	nkids                     int32
}

// cache entry for one set of inputs.
type cacheEntry struct {
	known, avail Size
	out          Size
	baseline     float32
	mode         uint8 // computeSize|inherent bits; 0xff = empty
}

type nodeCache struct {
	gen     uint32 // the Layout these entries belong to
	filled  uint8  // measure entries in use
	next    uint8  // next measure entry to replace
	layout  cacheEntry
	measure [cacheSlots]cacheEntry
}

// Tree is a layout tree.
type Tree struct {
	nodes   []node
	styles  []Style
	boxes   []Box
	baseY   []float32
	indef   []uint8 // per node, during its layout: bit a set when its size on axis a is not definite for percentages
	caches  []nodeCache
	Measure MeasureFunc
	// Baseline, when set, gives the first baseline of a content leaf (the
	// ctx given to SetMeasure) from the top of its content box; leaves
	// without one are aligned by their bottom margin edge.
	Baseline func(ctx int32) float32

	// scratch, reused between layouts; capacities fixed before recursion so
	// that element addresses stay valid.
	gen        uint32
	grids      map[NodeID]*gridDef      // DisplayGrid templates (rare: kept off the node structs)
	placements map[NodeID]gridPlacement // grid item placements
	items      []item
	lines      []line
	balanceBuf []int64
}

// NewTree returns an empty tree with room for n nodes.
func NewTree(n int) *Tree {
	return &Tree{nodes: make([]node, 0, n), styles: make([]Style, 0, n)}
}

// Reset removes all nodes, keeping the buffers.
func (t *Tree) Reset() {
	t.nodes = t.nodes[:0]
	t.styles = t.styles[:0]
	clear(t.grids)
	clear(t.placements)
	t.Measure, t.Baseline = nil, nil
}

// Len is the number of nodes.
func (t *Tree) Len() int { return len(t.nodes) }

// Add appends a node with style s as the last child of parent (None for a
// root) and returns its id.
func (t *Tree) Add(parent NodeID, s Style) NodeID {
	id := NodeID(len(t.nodes))
	t.nodes = append(t.nodes, node{parent: parent, first: None, last: None, next: None, measure: -1})
	t.styles = append(t.styles, s)
	if parent != None {
		p := &t.nodes[parent]
		if p.last == None {
			p.first = id
		} else {
			t.nodes[p.last].next = id
		}
		p.last = id
		p.nkids++
	}
	return id
}

// Style returns a pointer to the style of n, valid until the next Add.
func (t *Tree) Style(n NodeID) *Style { return &t.styles[n] }

// SetMeasure makes n a content leaf measured by t.Measure with context ctx.
func (t *Tree) SetMeasure(n NodeID, ctx int32) { t.nodes[n].measure = ctx }

// Parent returns the parent of n, or None.
func (t *Tree) Parent(n NodeID) NodeID { return t.nodes[n].parent }

// FirstChild returns the first child of n, or None.
func (t *Tree) FirstChild(n NodeID) NodeID { return t.nodes[n].first }

// NextSibling returns the next sibling of n, or None.
func (t *Tree) NextSibling(n NodeID) NodeID { return t.nodes[n].next }

// Box returns the layout of n computed by the last Layout (rounded if that
// Layout rounded).
func (t *Tree) Box(n NodeID) Box { return t.boxes[n] }

// Layout lays out the tree rooted at root in a viewport of the given size;
// each dimension is definite pixels or MaxContentSpace/MinContentSpace. With
// round set, boxes are snapped to whole pixels the way Chromium paints them:
// positions relative to the parent rounded, sizes as the difference of the
// rounded absolute edges.
func (t *Tree) Layout(root NodeID, viewport Size, round bool) {
	n := len(t.nodes)
	if cap(t.boxes) < n {
		t.boxes = make([]Box, n)
		t.baseY = make([]float32, n)
		t.indef = make([]uint8, n)
		t.caches = make([]nodeCache, n)
		t.items = make([]item, 0, n)
		t.lines = make([]line, 0, n)
	}
	t.boxes = t.boxes[:n]
	t.baseY = t.baseY[:n]
	t.indef = t.indef[:n]
	t.caches = t.caches[:n]
	t.items = t.items[:0]
	t.lines = t.lines[:0]
	// Invalidate every cache entry at once: entries of older generations
	// count as empty.
	t.gen++
	t.layoutRoot(root, viewport)
	if round {
		t.round(root, 0, 0)
	}
}

// layoutRoot sizes the root like an absolutely positioned box in the
// viewport: an auto width is fit-content, min(max-content, max(min-content,
// available)).
func (t *Tree) layoutRoot(root NodeID, avail Size) {
	parent := Size{defOrNaN(avail.W), defOrNaN(avail.H)}
	known := Size{nan, nan}
	if isDefinite(avail.W) && t.styles[root].Width.Unit == Auto {
		maxc, _ := t.compute(root, known, parent, Size{MaxContentSpace, avail.H}, false, true)
		if maxc.W > avail.W {
			minc, _ := t.compute(root, known, parent, Size{MinContentSpace, avail.H}, false, true)
			known.W = maxf(minc.W, avail.W)
		} else {
			known.W = maxc.W
		}
	}
	out, _ := t.compute(root, known, parent, avail, true, true)
	t.boxes[root] = Box{0, 0, out.W, out.H}
}

func defOrNaN(a float32) float32 {
	if isDefinite(a) {
		return a
	}
	return nan
}

// roundf rounds half up, as Chromium snaps layout units to pixels.
func roundf(x float32) float32 { return float32(math.Floor(float64(x) + 0.5)) }

func (t *Tree) round(n NodeID, cx, cy float32) {
	b := t.boxes[n]
	cx += b.X
	cy += b.Y
	r := Box{
		X: roundf(b.X), Y: roundf(b.Y),
		W: roundf(cx+b.W) - roundf(cx),
		H: roundf(cy+b.H) - roundf(cy),
	}
	for c := t.nodes[n].first; c != None; c = t.nodes[c].next {
		t.round(c, cx, cy)
	}
	t.boxes[n] = r
}

// eqOpt compares two optional values (NaN = none).
func eqOpt(a, b float32) bool { return a == b || (a != a && b != b) }

// The cache keeps one completed layout per node and the last cacheSlots
// measurements (replaced round robin).
const cacheSlots = 12

func (t *Tree) cacheGet(n NodeID, known, avail Size, perform, inherent bool) (Size, float32, bool) {
	c := &t.caches[n]
	if c.gen != t.gen {
		return Size{}, 0, false
	}
	if perform {
		e := &c.layout
		if e.mode == modeOf(true, inherent)|t.indef[n]<<2 && e.matches(known, avail) {
			return e.out, e.baseline, true
		}
		return Size{}, 0, false
	}
	mode := modeOf(false, inherent) | t.indef[n]<<2
	for i := range c.measure[:c.filled] {
		if e := &c.measure[i]; e.mode == mode && e.matches(known, avail) {
			return e.out, e.baseline, true
		}
	}
	// A completed layout with the same inputs also answers a measurement.
	if e := &c.layout; e.mode == modeOf(true, inherent)|t.indef[n]<<2 && e.matches(known, avail) {
		return e.out, e.baseline, true
	}
	return Size{}, 0, false
}

func modeOf(perform, inherent bool) uint8 {
	m := uint8(0)
	if perform {
		m |= 1
	}
	if inherent {
		m |= 2
	}
	return m
}

// matches reports whether the entry answers a request: each known size equal
// to the one the entry was computed with or to the size it produced under a
// definite available space (an intrinsic constraint lays the content out
// differently from a definite size, even an equal one), and the
// available space equal on axes whose size is not known.
func (e *cacheEntry) matches(known, avail Size) bool {
	return (eqOpt(e.known.W, known.W) || (e.out.W == known.W && isDefinite(e.avail.W))) &&
		(eqOpt(e.known.H, known.H) || (e.out.H == known.H && isDefinite(e.avail.H))) &&
		(!isNaN(known.W) || e.avail.W == avail.W) &&
		(!isNaN(known.H) || e.avail.H == avail.H)
}

func (t *Tree) cachePut(n NodeID, known, avail Size, perform, inherent bool, out Size, baseline float32) {
	c := &t.caches[n]
	if c.gen != t.gen {
		c.gen, c.filled, c.next = t.gen, 0, 0
		c.layout.mode = 0xff
	}
	e := cacheEntry{known: known, avail: avail, out: out, baseline: baseline, mode: modeOf(perform, inherent) | t.indef[n]<<2}
	if perform {
		c.layout = e
		return
	}
	c.measure[c.next] = e
	c.next = (c.next + 1) % cacheSlots
	c.filled = max(c.filled, c.next)
	if c.next == 0 {
		c.filled = cacheSlots
	}
}
