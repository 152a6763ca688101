package check

import (
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// nodeTable is the dense form of Info's node tables (Config.Dense): one
// entry per node that has facts, found through a slot per source byte
// offset (where the node ends). The checker visits nodes roughly in source order, so filling it
// appends and writes nearby memory, where a hash map writes all over a
// large table; the maps cost about half of the checker's time.
type nodeTable struct {
	base   source.Pos
	slots  []int32               // end offset → 1 + index of the last entry added there (0: none)
	chunks [][]nodeEnt           // entries in fixed-size chunks: appending never copies
	n      int                   // number of entries
	other  map[syntax.Node]int32 // nodes outside the files' range
}

const chunkBits = 10

func (t *nodeTable) ent(i int) *nodeEnt { return &t.chunks[i>>chunkBits][i&(1<<chunkBits-1)] }

func (t *nodeTable) add(e nodeEnt) int {
	if t.n>>chunkBits == len(t.chunks) {
		t.chunks = append(t.chunks, make([]nodeEnt, 1<<chunkBits))
	}
	*t.ent(t.n) = e
	t.n++
	return t.n - 1
}

// each calls f for every entry.
func (t *nodeTable) each(f func(*nodeEnt)) {
	for i := 0; i < t.n; i++ {
		f(t.ent(i))
	}
}

type nodeEnt struct {
	node    syntax.Node
	next    int32 // 1 + index of the previous entry with the same end
	hasType bool
	def     bool // obj is a definition
	tv      TypeAndValue
	obj     *types.Object
	call    *Call
	sel     *Selection
	deps    *DepSet
}

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
	t.slots = make([]int32, int(hi-lo)+1)
	return t
}

// find returns the index of n's entry, adding one if create is set, or -1.
func (t *nodeTable) find(n syntax.Node, create bool) int {
	// Slot by end offset: nested nodes share their start far more often
	// (a modifier chain Text(x).font(f).padding(p) starts six nodes at one
	// offset) than their end.
	p := int(n.End() - t.base)
	if p < 0 || p >= len(t.slots) {
		if i, ok := t.other[n]; ok {
			return int(i)
		}
		if !create {
			return -1
		}
		i := t.add(nodeEnt{node: n})
		t.other[n] = int32(i)
		return i
	}
	for i := t.slots[p]; i != 0; {
		en := t.ent(int(i - 1))
		if en.node == n {
			return int(i - 1)
		}
		i = en.next
	}
	if !create {
		return -1
	}
	i := t.add(nodeEnt{node: n, next: t.slots[p]})
	t.slots[p] = int32(i + 1)
	return i
}

func (t *nodeTable) get(n syntax.Node) *nodeEnt {
	if i := t.find(n, false); i >= 0 {
		return t.ent(i)
	}
	return nil
}

// Recording (the checker's side).

func (c *checker) setType(e syntax.Expr, tv TypeAndValue) {
	if t := c.info.dense; t != nil {
		en := t.ent(t.find(e, true))
		en.hasType, en.tv = true, tv
		return
	}
	c.info.Types[e] = tv
}

func (c *checker) setUse(id *syntax.Ident, o *types.Object) {
	if t := c.info.dense; t != nil {
		en := t.ent(t.find(id, true))
		en.obj, en.def = o, false
		return
	}
	c.info.Uses[id] = o
}

func (c *checker) setDef(id *syntax.Ident, o *types.Object) {
	if t := c.info.dense; t != nil {
		en := t.ent(t.find(id, true))
		en.obj, en.def = o, true
		return
	}
	c.info.Defs[id] = o
}

func (c *checker) setCall(e *syntax.CallExpr, call *Call) {
	if t := c.info.dense; t != nil {
		t.ent(t.find(e, true)).call = call
		return
	}
	c.info.Calls[e] = call
}

func (c *checker) setSel(e syntax.Expr, s *Selection) {
	if t := c.info.dense; t != nil {
		t.ent(t.find(e, true)).sel = s
		return
	}
	c.info.Selections[e] = s
}

func (c *checker) setDeps(n syntax.Node, s *DepSet) {
	if t := c.info.dense; t != nil {
		t.ent(t.find(n, true)).deps = s
		return
	}
	c.info.Deps[n] = s
}

// Accessors (the readers' side): they work in both modes.

// TypeAndValueOf returns the type and constant value of e (zero if unknown).
func (info *Info) TypeAndValueOf(e syntax.Expr) TypeAndValue {
	if t := info.dense; t != nil {
		if en := t.get(e); en != nil {
			return en.tv
		}
		return TypeAndValue{}
	}
	return info.Types[e]
}

// HasType reports whether e has a recorded type.
func (info *Info) HasType(e syntax.Expr) bool {
	if t := info.dense; t != nil {
		en := t.get(e)
		return en != nil && en.hasType
	}
	_, ok := info.Types[e]
	return ok
}

// UseOf returns the object an identifier refers to, or nil.
func (info *Info) UseOf(id *syntax.Ident) *types.Object {
	if t := info.dense; t != nil {
		if en := t.get(id); en != nil && !en.def {
			return en.obj
		}
		return nil
	}
	return info.Uses[id]
}

// DefOf returns the object an identifier declares, or nil.
func (info *Info) DefOf(id *syntax.Ident) *types.Object {
	if t := info.dense; t != nil {
		if en := t.get(id); en != nil && en.def {
			return en.obj
		}
		return nil
	}
	return info.Defs[id]
}

// CallOf returns what a call expression resolved to, or nil.
func (info *Info) CallOf(e *syntax.CallExpr) *Call {
	if t := info.dense; t != nil {
		if en := t.get(e); en != nil {
			return en.call
		}
		return nil
	}
	return info.Calls[e]
}

// SelectionOf returns what a member or implicit member expression resolved
// to, or nil.
func (info *Info) SelectionOf(e syntax.Expr) *Selection {
	if t := info.dense; t != nil {
		if en := t.get(e); en != nil {
			return en.sel
		}
		return nil
	}
	return info.Selections[e]
}

// DepsOf returns what a render node reads (nil: nothing).
func (info *Info) DepsOf(n syntax.Node) *DepSet {
	if t := info.dense; t != nil {
		if en := t.get(n); en != nil {
			return en.deps
		}
		return nil
	}
	return info.Deps[n]
}

// EachCall calls f for every resolved call, in no particular order.
func (info *Info) EachCall(f func(*syntax.CallExpr, *Call)) {
	if t := info.dense; t != nil {
		t.each(func(en *nodeEnt) {
			if en.call != nil {
				f(en.node.(*syntax.CallExpr), en.call)
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
		t.each(func(en *nodeEnt) {
			if en.deps != nil {
				f(en.node, en.deps)
			}
		})
		return
	}
	for n, s := range info.Deps {
		f(n, s)
	}
}
