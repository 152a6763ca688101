package check

import (
	"slices"
	"sort"
	"strings"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/types"
)

// ---------------------------------------------------------------------------
// Interned dependency sets.

func (c *checker) internSlice(objs []*types.Object) *DepSet {
	if len(objs) == 0 {
		return nil
	}
	h := hashObjs(objs)
	slot := c.intern.find(h, objs)
	if s := c.intern.at(slot); s != nil {
		return s
	}
	c.nsets++
	s := c.newSet()
	s.id = c.nsets
	if t := c.info.dense; t != nil {
		t.sets = append(t.sets, s)
	}
	if len(objs) <= len(s.inl) {
		s.Objs = s.inl[:copy(s.inl[:], objs)]
	} else {
		s.Objs = append([]*types.Object(nil), objs...)
	}
	for _, o := range s.Objs {
		switch o.Kind {
		case types.FuncObj:
			s.kind, s.hasFunc = Reactive, true
		case types.AtomObj, types.ComputedObj:
			s.kind = Reactive
		case types.PropObj:
			if s.kind == Static {
				s.kind = Props
			}
		}
	}
	c.intern.insert(slot, h, s)
	return s
}

// setTable interns dependency sets by the hash of their object IDs: open
// addressing over plain integers (32 bits of the hash and the set's ID), so
// a probe reads one small slot and the collector never scans the table.
type setTable struct {
	slots []uint64  // hash>>32<<32 | id; 0: empty
	byID  []*DepSet // set by id-1
	n     int
}

// find returns the slot of the set with objects objs (hash h), or the
// empty slot where it belongs.
func (t *setTable) find(h uint64, objs []*types.Object) int {
	if len(t.slots) == 0 {
		t.slots = make([]uint64, 1024)
	}
	mask := len(t.slots) - 1
	hi := h >> 32 << 32
	for i := slotOf(h) & mask; ; i = (i + 1) & mask {
		sl := t.slots[i]
		if sl == 0 || sl&^0xFFFFFFFF == hi && sameObjs(t.byID[uint32(sl)-1].Objs, objs) {
			return i
		}
	}
}

// at returns the set in slot i, or nil.
func (t *setTable) at(i int) *DepSet {
	if sl := t.slots[i]; sl != 0 {
		return t.byID[uint32(sl)-1]
	}
	return nil
}

// insert puts s (hash h, the next id) in the empty slot i.
func (t *setTable) insert(i int, h uint64, s *DepSet) {
	t.byID = append(t.byID, s)
	t.slots[i] = h>>32<<32 | uint64(s.id)
	t.n++
	if 2*t.n <= len(t.slots) {
		return
	}
	old := t.slots
	t.slots = make([]uint64, 2*len(old))
	mask := len(t.slots) - 1
	for _, sl := range old {
		if sl == 0 {
			continue
		}
		j := slotOf(t.hashOf(t.byID[uint32(sl)-1])) & mask
		for t.slots[j] != 0 {
			j = (j + 1) & mask
		}
		t.slots[j] = sl
	}
}

func (t *setTable) hashOf(s *DepSet) uint64 { return hashObjs(s.Objs) }

func hashObjs(objs []*types.Object) uint64 {
	h := uint64(14695981039346656037)
	for _, o := range objs {
		h ^= uint64(o.ID)
		h *= 1099511628211
	}
	return h
}

// slotOf mixes the FNV hash of small IDs, whose low bits cluster, before
// it picks a slot (murmur3's finalizer).
func slotOf(h uint64) int {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return int(h >> 1)
}

func sameObjs(a, b []*types.Object) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// single returns the set {o}.
func (c *checker) single(o *types.Object) *DepSet {
	for len(c.single1) <= o.ID {
		c.single1 = append(c.single1, nil)
	}
	if s := c.single1[o.ID]; s != nil {
		return s
	}
	s := c.internSlice([]*types.Object{o})
	c.single1[o.ID] = s
	return s
}

// union returns a ∪ b.
func (c *checker) union(a, b *DepSet) *DepSet {
	if a == nil || a == b {
		return b
	}
	if b == nil {
		return a
	}
	// The same pairs recur (every node of a view unions the same few
	// sets): a small direct-mapped cache skips the merge and the intern map.
	h := a.id*0x9E3779B1 ^ b.id
	slot := &c.unionCache[h%uint32(len(c.unionCache))]
	if slot.a == a && slot.b == b {
		return slot.r
	}
	r := c.union0(a, b)
	*slot = unionEntry{a, b, r}
	return r
}

type unionEntry struct{ a, b, r *DepSet }

func (c *checker) union0(a, b *DepSet) *DepSet {
	m := c.mergeBuf[:0]
	i, j := 0, 0
	for i < len(a.Objs) && j < len(b.Objs) {
		x, y := a.Objs[i], b.Objs[j]
		switch {
		case x.ID < y.ID:
			m = append(m, x)
			i++
		case x.ID > y.ID:
			m = append(m, y)
			j++
		default:
			m = append(m, x)
			i++
			j++
		}
	}
	m = append(m, a.Objs[i:]...)
	m = append(m, b.Objs[j:]...)
	c.mergeBuf = m
	if len(m) == len(a.Objs) {
		return a
	}
	if len(m) == len(b.Objs) {
		return b
	}
	return c.internSlice(m)
}

// setOf returns the set of objs (in any order, with repeats): sorted by
// ID and deduplicated in a scratch buffer, interned once.
func (c *checker) setOf(objs []*types.Object) *DepSet {
	switch len(objs) {
	case 0:
		return nil
	case 1:
		return c.single(objs[0])
	}
	m := append(c.setBuf[:0], objs...)
	if len(m) > 32 {
		sort.SliceStable(m, func(i, j int) bool { return m[i].ID < m[j].ID })
	} else {
		for i := 1; i < len(m); i++ { // insertion sort: the lists are short
			for j := i; j > 0 && m[j].ID < m[j-1].ID; j-- {
				m[j], m[j-1] = m[j-1], m[j]
			}
		}
	}
	n := 1
	for i := 1; i < len(m); i++ {
		if m[i].ID != m[n-1].ID {
			m[n] = m[i]
			n++
		}
	}
	c.setBuf = m
	if n == 1 {
		return c.single(m[0])
	}
	return c.internSlice(m[:n])
}

// ---------------------------------------------------------------------------
// The unit graph.

// reactivity computes transitive func effects, computed dependencies and
// cycles, reports calls of writing funcs from computeds and render, and
// expands the recorded per-node dependency sets through called funcs.
func (c *checker) reactivity() {
	// Direct facts per func.
	type facts struct {
		reads, writes *DepSet
		calls         []*types.Object
	}
	funcs := map[*types.Object]*facts{}
	seen := make([]int32, c.nextID) // object ID → stamp of the func that listed it as called
	var stamp int32
	var order []*types.Object
	for _, u := range c.unitList {
		if u.obj == nil || u.obj.Kind != types.FuncObj {
			continue
		}
		f := &facts{reads: c.setOf(u.reads), writes: c.setOf(u.writes)}
		stamp++
		for _, cs := range u.calls {
			if id := cs.fn.ID; id >= len(seen) || seen[id] != stamp {
				if id < len(seen) {
					seen[id] = stamp
				} else if slices.Contains(f.calls, cs.fn) {
					continue
				}
				f.calls = append(f.calls, cs.fn)
			}
		}
		funcs[u.obj] = f
		order = append(order, u.obj)
	}
	// Fixpoint: reads and writes through calls.
	for changed := true; changed; {
		changed = false
		for _, fn := range order {
			f := funcs[fn]
			for _, g := range f.calls {
				gf := funcs[g]
				if gf == nil {
					continue
				}
				r := c.union(f.reads, gf.reads)
				w := c.union(f.writes, gf.writes)
				if r != f.reads || w != f.writes {
					f.reads, f.writes, changed = r, w, true
				}
			}
		}
	}
	for _, fn := range order {
		f := funcs[fn]
		c.info.Funcs[fn] = &FuncFacts{Reads: c.stateOnly(f.reads), Writes: f.writes, Calls: f.calls}
	}
	// Expansion of sets that mention funcs.
	expanded := map[*DepSet]*DepSet{}
	expand := func(s *DepSet) *DepSet {
		if s == nil || !s.hasFunc {
			return s
		}
		if e, ok := expanded[s]; ok {
			return e
		}
		var out *DepSet
		{
			var keep []*types.Object
			for _, o := range s.Objs {
				if o.Kind == types.FuncObj {
					if f := funcs[o]; f != nil {
						out = c.union(out, c.stateOnly(f.reads))
					}
					continue
				}
				keep = append(keep, o)
			}
			out = c.union(out, c.internSlice(keep))
		}
		expanded[s] = out
		return out
	}
	if t := c.info.dense; t != nil {
		t.eachDeps(func(en *nodeEnt) {
			if en.deps != 0 {
				en.deps = expand(t.depsOf(en)).idOrZero()
			}
		})
	} else {
		for n, s := range c.info.Deps {
			if e := expand(s); e == nil {
				delete(c.info.Deps, n)
			} else if e != s {
				c.info.Deps[n] = e
			}
		}
	}
	for o, s := range c.info.Locals {
		c.info.Locals[o] = expand(s)
	}
	// Computeds: direct reads plus reads of called funcs.
	var comps []*types.Object
	for _, u := range c.unitList {
		if u.obj == nil || u.obj.Kind != types.ComputedObj {
			continue
		}
		s := c.stateOrProp(c.setOf(u.reads))
		for _, cs := range u.calls {
			if f := funcs[cs.fn]; f != nil {
				s = c.union(s, c.stateOnly(f.reads))
			}
		}
		c.info.Computeds[u.obj] = s
		comps = append(comps, u.obj)
	}
	c.computedCycles(comps)
	// Calls of writing funcs where writes are not allowed.
	for _, u := range c.unitList {
		for _, cs := range u.calls {
			if cs.region == regionHandler {
				continue
			}
			f := funcs[cs.fn]
			if f == nil || f.writes == nil {
				continue
			}
			atom := f.writes.Objs[0]
			where := u.what()
			if cs.region == regionRender {
				where = "render"
			}
			via := c.writerPath(cs.fn, atom)
			msg := where + " calls '" + cs.fn.Name + "', which writes atom '" + atom.Name + "'"
			if len(via) > 0 {
				msg += " (through " + strings.Join(via, " -> ") + ")"
			}
			d := c.errorf(cs.pos, diag.CallWritesState, "%s", msg)
			d.End = cs.end
			if cs.region == regionRender {
				d.Hint = "call it from an event handler instead (Button action, onTapGesture, on(...))"
			} else {
				d.Hint = "computeds and initial values must not change state; move the write into a func called from a handler"
			}
		}
	}
	// App-wide state each view uses.
	byView := map[*viewScope][]*unit{}
	for _, u := range c.unitList {
		if u.view != nil {
			byView[u.view] = append(byView[u.view], u)
		}
	}
	for _, vi := range c.info.Views {
		vs := c.views[vi.Obj]
		var s *DepSet
		for _, u := range byView[vs] {
			for _, o := range u.reads {
				if o.IsState() && o.Owner == nil {
					s = c.union(s, c.single(o))
				}
			}
			for _, cs := range u.calls {
				if f := funcs[cs.fn]; f != nil {
					for _, o := range f.reads.objs() {
						if o.IsState() && o.Owner == nil {
							s = c.union(s, c.single(o))
						}
					}
				}
			}
		}
		if s != nil {
			vi.AppState = s.Objs
		}
	}
}

// writerPath returns the chain of funcs after fn down to the func that
// writes atom directly (empty when fn writes it itself), for messages.
func (c *checker) writerPath(fn, atom *types.Object) []string {
	writes := func(f *types.Object) bool {
		if u := c.unit(f); u != nil {
			for _, w := range u.writes {
				if w == atom {
					return true
				}
			}
		}
		return false
	}
	if writes(fn) {
		return nil
	}
	prev := map[*types.Object]*types.Object{fn: nil}
	queue := []*types.Object{fn}
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		u := c.unit(f)
		if u == nil {
			continue
		}
		for _, cs := range u.calls {
			g := cs.fn
			if _, seen := prev[g]; seen {
				continue
			}
			prev[g] = f
			if writes(g) {
				var path []string
				for v := g; v != fn && v != nil; v = prev[v] {
					path = append([]string{v.Name}, path...)
				}
				return path
			}
			queue = append(queue, g)
		}
	}
	return nil
}

func (s *DepSet) objs() []*types.Object {
	if s == nil {
		return nil
	}
	return s.Objs
}

// stateOnly keeps atoms, computeds and props.
func (c *checker) stateOnly(s *DepSet) *DepSet { return c.stateOrProp(s) }

func (c *checker) stateOrProp(s *DepSet) *DepSet {
	if s == nil {
		return nil
	}
	keep := true
	for _, o := range s.Objs {
		if !o.IsState() && o.Kind != types.PropObj {
			keep = false
			break
		}
	}
	if keep {
		return s
	}
	var out []*types.Object
	for _, o := range s.Objs {
		if o.IsState() || o.Kind == types.PropObj {
			out = append(out, o)
		}
	}
	return c.internSlice(out)
}

// computedCycles finds the strongly connected components of the computed
// dependency graph and reports each cycle once, at the computed declared
// first, with its path.
func (c *checker) computedCycles(comps []*types.Object) {
	sort.Slice(comps, func(i, j int) bool { return comps[i].ID < comps[j].ID })
	edges := func(o *types.Object) []*types.Object {
		var out []*types.Object
		for _, d := range c.info.Computeds[o].objs() {
			if d.Kind == types.ComputedObj {
				out = append(out, d)
			}
		}
		return out
	}
	// Tarjan's algorithm over slices indexed by object ID.
	index := make([]int32, c.nextID) // 1 + visit number, 0: not visited
	low := make([]int32, c.nextID)
	onStack := make([]bool, c.nextID)
	var stack []*types.Object
	var next int32
	var sccs [][]*types.Object
	var strong func(v *types.Object)
	strong = func(v *types.Object) {
		next++
		index[v.ID], low[v.ID] = next, next
		stack = append(stack, v)
		onStack[v.ID] = true
		for _, w := range c.info.Computeds[v].objs() {
			if w.Kind != types.ComputedObj {
				continue
			}
			if index[w.ID] == 0 {
				strong(w)
				low[v.ID] = min(low[v.ID], low[w.ID])
			} else if onStack[w.ID] {
				low[v.ID] = min(low[v.ID], index[w.ID])
			}
		}
		if low[v.ID] == index[v.ID] {
			var scc []*types.Object
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w.ID] = false
				scc = append(scc, w)
				if w == v {
					break
				}
			}
			sccs = append(sccs, scc)
		}
	}
	for _, o := range comps {
		if index[o.ID] == 0 {
			strong(o)
		}
	}
	for _, scc := range sccs {
		if len(scc) == 1 && !c.info.Computeds[scc[0]].Has(scc[0]) {
			continue
		}
		in := map[*types.Object]bool{}
		for _, o := range scc {
			in[o] = true
		}
		sort.Slice(scc, func(i, j int) bool { return scc[i].Pos < scc[j].Pos })
		start := scc[0]
		// Shortest path start -> ... -> start inside the component (BFS).
		prev := map[*types.Object]*types.Object{}
		queue := []*types.Object{start}
		var last *types.Object
	bfs:
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, w := range edges(v) {
				if !in[w] {
					continue
				}
				if w == start {
					last = v
					break bfs
				}
				if _, ok := prev[w]; !ok {
					prev[w] = v
					queue = append(queue, w)
				}
			}
		}
		path := []string{start.Name}
		var rev []string
		for v := last; v != nil && v != start; v = prev[v] {
			rev = append(rev, v.Name)
		}
		for i := len(rev) - 1; i >= 0; i-- {
			path = append(path, rev[i])
		}
		path = append(path, start.Name)
		d := c.errorf(start.Pos, diag.ComputedCycle, "computed cycle: %s", strings.Join(path, " -> "))
		d.End = start.Pos + sourcePos(len(start.Name))
		d.Hint = "a computed cannot depend on itself; break the cycle with an atom"
	}
}
