package check

import (
	"go/constant"

	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// nodeTable is the dense form of Info's node tables (Config.Dense): one
// entry per node that has facts, found through a hash of the offset where
// the node ends. The checker visits nodes roughly in source order, so
// filling it appends and writes nearby memory, where a hash map keyed by
// interfaces hashes and writes all over a large table.
//
// An entry holds one pointer (the node); its facts are indexes into short
// side tables (distinct types, constants, objects, calls, selections,
// dependency sets by their creation number). The garbage collector scans
// a table of mostly plain integers, which matters: on a large app the
// collector, not the checker, was the largest cost.
type nodeTable struct {
	base   source.Pos
	slots  []int32     // end offset / slotDiv → 1 + index of the last entry added there (0: none)
	chunks [][]nodeEnt // entries in fixed-size chunks: appending never copies
	n      int         // number of entries
	last   syntax.Node // node of the entry found last, and its index
	lastI  int
	other  map[syntax.Node]int32 // nodes outside the files' range

	vals  []constant.Value
	calls []*Call
	sels  []*Selection
	sets  []*DepSet // interned dependency sets by id (DepSet.id-1)

	withDeps []int32 // entries that were given a dependency set
}

const chunkBits = 10

// slotShift: nodes ending in the same four bytes share a slot (a source
// byte per slot made the slots the largest allocation of the check).
const slotShift = 2

func (t *nodeTable) ent(i int) *nodeEnt { return &t.chunks[i>>chunkBits][i&(1<<chunkBits-1)] }

func (t *nodeTable) add(n syntax.Node, next int32) int {
	if t.n>>chunkBits == len(t.chunks) {
		t.chunks = append(t.chunks, make([]nodeEnt, 1<<chunkBits))
	}
	en := t.ent(t.n)
	en.node, en.next = n, next
	t.n++
	return t.n - 1
}

// each calls f for every entry.
func (t *nodeTable) each(f func(*nodeEnt)) {
	for i := 0; i < t.n; i++ {
		f(t.ent(i))
	}
}

// eachDeps calls f for every entry that was given a dependency set.
func (t *nodeTable) eachDeps(f func(*nodeEnt)) {
	for _, i := range t.withDeps {
		f(t.ent(int(i)))
	}
}

// nodeEnt is one node's facts. The int32 fields are 1 + an index into the
// table's side slices, 0 for none.
type nodeEnt struct {
	node syntax.Node
	typ  types.Type
	obj  *types.Object
	next int32 // 1 + index of the previous entry in the same slot
	flag uint8 // entHasType, entDef
	val  int32
	call int32
	sel  int32
	deps uint32 // DepSet.id
}

const (
	entHasType = 1 << iota
	entDef     // obj is a definition
	entInDeps  // the entry is in withDeps
)

func newNodeTable(files []*syntax.File) *nodeTable {
	t := &nodeTable{other: map[syntax.Node]int32{}}
	if len(files) == 0 {
		return t
	}
	lo, hi := files[0].Pos(), files[0].End()
	for _, f := range files {
		lo, hi = min(lo, f.Pos()), max(hi, f.End())
	}
	t.base = lo
	t.slots = make([]int32, int(hi-lo)>>slotShift+1)
	// Sized for the generated benchmark app's density (one constant per 47
	// bytes, a call per 57, a selection per 62): growing copies.
	size := int(hi - lo)
	t.vals = make([]constant.Value, 0, size/40)
	t.calls = make([]*Call, 0, size/50)
	t.sels = make([]*Selection, 0, size/50)
	return t
}

// find returns the index of n's entry, adding one if create is set, or -1.
func (t *nodeTable) find(n syntax.Node, create bool) int {
	if n == t.last {
		return t.lastI
	}
	// Slot by end offset: nested nodes share their start far more often
	// (a modifier chain Text(x).font(f).padding(p) starts six nodes at one
	// offset) than their end. The checker visits nodes roughly in source
	// order, so the slots it touches are close together.
	p := int(n.End()-t.base) >> slotShift
	if p < 0 || p >= len(t.slots) {
		if i, ok := t.other[n]; ok {
			return int(i)
		}
		if !create {
			return -1
		}
		i := t.add(n, 0)
		t.other[n] = int32(i)
		return i
	}
	for i := t.slots[p]; i != 0; {
		en := t.ent(int(i - 1))
		if en.node == n {
			t.last, t.lastI = n, int(i-1)
			return int(i - 1)
		}
		i = en.next
	}
	if !create {
		return -1
	}
	i := t.add(n, t.slots[p])
	t.slots[p] = int32(i + 1)
	t.last, t.lastI = n, i
	return i
}

// get returns n's entry or nil. Unlike find it writes nothing: readers
// may share an Info between goroutines.
func (t *nodeTable) get(n syntax.Node) *nodeEnt {
	p := int(n.End()-t.base) >> slotShift
	if p < 0 || p >= len(t.slots) {
		if i, ok := t.other[n]; ok {
			return t.ent(int(i))
		}
		return nil
	}
	for i := t.slots[p]; i != 0; {
		en := t.ent(int(i - 1))
		if en.node == n {
			return en
		}
		i = en.next
	}
	return nil
}

func (t *nodeTable) tv(en *nodeEnt) TypeAndValue {
	var tv TypeAndValue
	tv.Type = en.typ
	if en.val != 0 {
		tv.Value = t.vals[en.val-1]
	}
	return tv
}

func (t *nodeTable) depsOf(en *nodeEnt) *DepSet {
	if en.deps == 0 {
		return nil
	}
	return t.sets[en.deps-1]
}

// Recording (the checker's side).

func (c *checker) setType(e syntax.Expr, tv TypeAndValue) {
	if t := c.info.dense; t != nil {
		en := t.ent(t.find(e, true))
		en.flag |= entHasType
		en.typ = tv.Type
		if tv.Value == nil {
			en.val = 0
		} else if en.val != 0 {
			t.vals[en.val-1] = tv.Value
		} else {
			t.vals = append(t.vals, tv.Value)
			en.val = int32(len(t.vals))
		}
		return
	}
	c.info.Types[e] = tv
}

func (t *nodeTable) setObj(id *syntax.Ident, o *types.Object, def bool) {
	en := t.ent(t.find(id, true))
	en.obj = o
	if def {
		en.flag |= entDef
	} else {
		en.flag &^= entDef
	}
}

func (c *checker) setUse(id *syntax.Ident, o *types.Object) {
	if t := c.info.dense; t != nil {
		t.setObj(id, o, false)
		return
	}
	c.info.Uses[id] = o
}

func (c *checker) setDef(id *syntax.Ident, o *types.Object) {
	if t := c.info.dense; t != nil {
		t.setObj(id, o, true)
		return
	}
	c.info.Defs[id] = o
}

func (c *checker) setCall(e *syntax.CallExpr, call *Call) {
	if t := c.info.dense; t != nil {
		en := t.ent(t.find(e, true))
		if call == nil {
			en.call = 0
		} else if en.call != 0 {
			t.calls[en.call-1] = call
		} else {
			t.calls = append(t.calls, call)
			en.call = int32(len(t.calls))
		}
		return
	}
	c.info.Calls[e] = call
}

func (c *checker) setSel(e syntax.Expr, s *Selection) {
	if t := c.info.dense; t != nil {
		en := t.ent(t.find(e, true))
		if s == nil {
			en.sel = 0
		} else if en.sel != 0 {
			t.sels[en.sel-1] = s
		} else {
			t.sels = append(t.sels, s)
			en.sel = int32(len(t.sels))
		}
		return
	}
	c.info.Selections[e] = s
}

func (c *checker) setDeps(n syntax.Node, s *DepSet) {
	if t := c.info.dense; t != nil {
		i := t.find(n, true)
		en := t.ent(i)
		if en.deps == 0 && en.flag&entInDeps == 0 && s != nil {
			en.flag |= entInDeps
			t.withDeps = append(t.withDeps, int32(i))
		}
		en.deps = s.idOrZero()
		return
	}
	c.info.Deps[n] = s
}

func (s *DepSet) idOrZero() uint32 {
	if s == nil {
		return 0
	}
	return s.id
}

// Accessors (the readers' side): they work in both modes.

// TypeAndValueOf returns the type and constant value of e (zero if unknown).
func (info *Info) TypeAndValueOf(e syntax.Expr) TypeAndValue {
	if t := info.dense; t != nil {
		if en := t.get(e); en != nil {
			return t.tv(en)
		}
		return TypeAndValue{}
	}
	return info.Types[e]
}

// HasType reports whether e has a recorded type.
func (info *Info) HasType(e syntax.Expr) bool {
	if t := info.dense; t != nil {
		en := t.get(e)
		return en != nil && en.flag&entHasType != 0
	}
	_, ok := info.Types[e]
	return ok
}

// UseOf returns the object an identifier refers to, or nil.
func (info *Info) UseOf(id *syntax.Ident) *types.Object {
	if t := info.dense; t != nil {
		if en := t.get(id); en != nil && en.flag&entDef == 0 {
			return en.obj
		}
		return nil
	}
	return info.Uses[id]
}

// DefOf returns the object an identifier declares, or nil.
func (info *Info) DefOf(id *syntax.Ident) *types.Object {
	if t := info.dense; t != nil {
		if en := t.get(id); en != nil && en.flag&entDef != 0 {
			return en.obj
		}
		return nil
	}
	return info.Defs[id]
}

// CallOf returns what a call expression resolved to, or nil.
func (info *Info) CallOf(e *syntax.CallExpr) *Call {
	if t := info.dense; t != nil {
		if en := t.get(e); en != nil && en.call != 0 {
			return t.calls[en.call-1]
		}
		return nil
	}
	return info.Calls[e]
}

// SelectionOf returns what a member or implicit member expression resolved
// to, or nil.
func (info *Info) SelectionOf(e syntax.Expr) *Selection {
	if t := info.dense; t != nil {
		if en := t.get(e); en != nil && en.sel != 0 {
			return t.sels[en.sel-1]
		}
		return nil
	}
	return info.Selections[e]
}

// DepsOf returns what a render node reads (nil: nothing).
func (info *Info) DepsOf(n syntax.Node) *DepSet {
	if t := info.dense; t != nil {
		if en := t.get(n); en != nil {
			return t.depsOf(en)
		}
		return nil
	}
	return info.Deps[n]
}

// EachCall calls f for every resolved call, in no particular order.
func (info *Info) EachCall(f func(*syntax.CallExpr, *Call)) {
	if t := info.dense; t != nil {
		t.each(func(en *nodeEnt) {
			if en.call != 0 {
				f(en.node.(*syntax.CallExpr), t.calls[en.call-1])
			}
		})
		return
	}
	for e, c := range info.Calls {
		f(e, c)
	}
}

// EachDeps calls f for every node with a non-empty dependency set, in no
// particular order.
func (info *Info) EachDeps(f func(syntax.Node, *DepSet)) {
	if t := info.dense; t != nil {
		t.eachDeps(func(en *nodeEnt) {
			if en.deps != 0 {
				f(en.node, t.depsOf(en))
			}
		})
		return
	}
	for n, s := range info.Deps {
		f(n, s)
	}
}
