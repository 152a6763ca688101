package opt

import (
	"slices"
	"strconv"

	"github.com/jepsh/jepsh/internal/ir"
)

// maxInlineNodes bounds the size of a view body that is copied into every
// place that uses it: small views (a styled button, a label, a table cell)
// are where a call costs the most relative to the work it does.
const maxInlineNodes = 24

// Inline replaces instances of small stateless views by a copy of the view's
// body in which each prop is the value the instance passes. The copy then
// takes part in constant folding and static marking with the code around it:
// a button view given a constant title becomes part of its parent's template
// instead of a call, a clone and an insertion at run time.
//
// A view is inlined when it has no state, handler funcs or lifecycle blocks,
// its body has at most maxInlineNodes nodes (one element when the instance
// has modifiers, which are added after the element's own), and every value
// passed (or defaulted) can be copied to where the prop is read without
// changing what it evaluates to: a constant, a reference, a field of a
// reference, a closure or a key path; or an expression without effects (no
// user calls, no bindings) for a prop the body reads at most once, outside
// closures and list rows. Views that contain themselves are left as they are. Needs Constants; runs before
// Reachability, which then drops views no longer used.
func Inline(p *ir.Program) {
	in := &inliner{}
	for _, v := range p.Views {
		in.view = v
		in.locals = nil
		in.stack = map[*ir.View]bool{v: true}
		v.Body = in.nodes(v.Body)
		// The body changed: what was learned about it is stale.
		delete(in.okView, v)
		delete(in.refs, v)
		delete(in.once, v)
	}
}

type inliner struct {
	view   *ir.View                // the view being rewritten
	stack  map[*ir.View]bool       // views being inlined (to stop recursion)
	locals map[string]bool         // names the current view declares, lazily
	n      int                     // suffix of fresh variable names
	refs   map[*ir.View][]string   // names of app-wide symbols each body reads
	okView map[*ir.View]inlineable // cached per-view verdicts
	once   map[*ir.View]map[*ir.Prop]bool
}

type inlineable uint8

const (
	unknown inlineable = iota
	yes
	no
)

func (in *inliner) nodes(ns []ir.Node) []ir.Node {
	var out []ir.Node
	changed := false
	for i, n := range ns {
		var repl []ir.Node
		switch n := n.(type) {
		case *ir.Element:
			n.Children = in.nodes(n.Children)
		case *ir.If:
			n.Then = in.nodes(n.Then)
			n.Else = in.nodes(n.Else)
		case *ir.For:
			n.Body = in.nodes(n.Body)
		case *ir.Instance:
			if body, ok := in.inline(n); ok {
				repl = body
			}
		}
		if repl == nil && !changed {
			continue
		}
		if !changed {
			out = append(out, ns[:i]...)
			changed = true
		}
		if repl != nil {
			out = append(out, repl...)
		} else {
			out = append(out, n)
		}
	}
	if !changed {
		return ns
	}
	return out
}

// inline returns the inlined body of an instance, or false.
func (in *inliner) inline(inst *ir.Instance) ([]ir.Node, bool) {
	v := inst.View
	if in.stack[v] || !in.viewOK(v) {
		return nil, false
	}
	// Modifiers on the instance apply to what the view renders: its one
	// element, after the element's own (SplitBoxes then keeps their order).
	if len(inst.Mods) > 0 && (len(v.Body) != 1 || !isElement(v.Body[0])) {
		return nil, false
	}
	args := map[*ir.Prop]ir.Expr{}
	for _, pr := range v.Props {
		val := inst.Prop(pr)
		if val == nil {
			val = pr.Default
		}
		if val == nil || !copyable(val) && !(pure(val) && !hasBind(val) && in.readOnce(v, pr)) {
			return nil, false
		}
		args[pr] = val
	}
	// A name the body reads from the app (a func, an atom) must not be
	// shadowed by a variable of the view it is copied into.
	for _, name := range in.refs[v] {
		if in.declared()[name] {
			return nil, false
		}
	}

	cl := &ir.Cloner{NewVar: func(old *ir.Var) *ir.Var {
		in.n++
		nv := *old
		nv.Name = old.Name + "$i" + strconv.Itoa(in.n)
		return &nv
	}}
	body := cl.Nodes(v.Body)
	ir.WalkNodes(body, func(n ir.Node) {
		if e, ok := n.(*ir.Element); ok && e.InlinedFrom == nil {
			e.InlinedFrom = v
		}
	})
	ir.RewriteNodes(body, func(e ir.Expr) ir.Expr {
		if r, ok := e.(*ir.Ref); ok {
			if pr, ok := r.Sym.(*ir.Prop); ok && pr.Owner == v {
				return (&ir.Cloner{}).Expr(args[pr])
			}
		}
		substDyn(e, args)
		if c, ok := e.(*ir.Closure); ok && c.Action {
			spliceCalls(c.Body)
		}
		return foldInterp(fold(e))
	})
	body = pruneNodes(body)
	if len(inst.Mods) > 0 {
		if len(body) != 1 || !isElement(body[0]) {
			return nil, false
		}
		el := body[0].(*ir.Element)
		el.Mods = append(el.Mods[:len(el.Mods):len(el.Mods)], (&ir.Cloner{}).Mods(inst.Mods)...)
	}
	if v.WebOnly != nil && in.view.WebOnly == nil {
		in.view.WebOnly = v.WebOnly
	}
	in.stack[v] = true
	body = in.nodes(body)
	delete(in.stack, v)
	return body, true
}

// viewOK reports whether v can be inlined at all, and records its size and
// the app-wide names it reads.
func (in *inliner) viewOK(v *ir.View) bool {
	if in.okView == nil {
		in.okView = map[*ir.View]inlineable{}
		in.refs = map[*ir.View][]string{}
	}
	switch in.okView[v] {
	case yes:
		return true
	case no:
		return false
	}
	ok := len(v.Atoms) == 0 && len(v.Funcs) == 0 && v.OnMount == nil && v.OnUnmount == nil && len(v.Body) > 0
	size := 0
	var names []string
	if ok {
		ir.WalkNodes(v.Body, func(ir.Node) { size++ })
		ok = size <= maxInlineNodes
	}
	if ok {
		seen := map[string]bool{}
		(&visitor{expr: func(e ir.Expr) {
			name := ""
			switch e := e.(type) {
			case *ir.Ref:
				switch s := e.Sym.(type) {
				case *ir.Atom:
					name = s.Name
				case *ir.Func:
					name = s.Name
				}
			case *ir.Call:
				if e.Func != nil && e.Recv == nil {
					name = e.Func.Name
				}
			}
			if name != "" && !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}}).nodes(v.Body)
	}
	in.okView[v] = no
	if ok {
		in.okView[v] = yes
	}
	in.refs[v] = names
	return ok
}

// declared returns the names of the variables declared in the view being
// rewritten (render lets, loop variables, bindings, closure parameters and
// locals, and the copies inlining made).
func (in *inliner) declared() map[string]bool {
	if in.locals != nil {
		return in.locals
	}
	names := map[string]bool{}
	add := func(v *ir.Var) {
		if v != nil {
			names[v.Name] = true
		}
	}
	ir.WalkNodes(in.view.Body, func(n ir.Node) {
		switch n := n.(type) {
		case *ir.Let:
			add(n.Var)
		case *ir.For:
			add(n.Var)
		case *ir.If:
			add(n.Bind)
		}
	})
	vis := &visitor{
		expr: func(e ir.Expr) {
			if c, ok := e.(*ir.Closure); ok {
				for _, p := range c.Params {
					add(p)
				}
			}
		},
		stmt: func(s ir.Stmt) bool {
			switch s := s.(type) {
			case *ir.Local:
				add(s.Var)
			case *ir.ForStmt:
				add(s.Var)
			case *ir.IfStmt:
				add(s.Bind)
			}
			return false
		},
	}
	vis.nodes(in.view.Body)
	in.locals = names
	return names
}

func isElement(n ir.Node) bool {
	_, ok := n.(*ir.Element)
	return ok
}

// readOnce reports whether v's body reads prop p at most once, and not in
// a closure or a list row (where it would be evaluated again and again).
func (in *inliner) readOnce(v *ir.View, p *ir.Prop) bool {
	if in.once == nil {
		in.once = map[*ir.View]map[*ir.Prop]bool{}
	}
	once, ok := in.once[v]
	if !ok {
		once = map[*ir.Prop]bool{}
		count := map[*ir.Prop]int{}
		var visit func(e ir.Expr, again bool)
		visit = func(e ir.Expr, again bool) {
			ir.InspectExpr(e, func(x ir.Expr) bool {
				switch x := x.(type) {
				case *ir.Ref:
					if pr, ok := x.Sym.(*ir.Prop); ok {
						count[pr]++
						if again {
							count[pr] += 2
						}
					}
				case *ir.Closure:
					ir.InspectStmts(x.Body, func(y ir.Expr) bool {
						visit(y, true)
						return false
					})
					return false
				}
				return true
			})
		}
		var nodes func(ns []ir.Node, again bool)
		nodes = func(ns []ir.Node, again bool) {
			args := func(as []*ir.Arg) {
				for _, a := range as {
					visit(a.Value, again)
				}
			}
			for _, n := range ns {
				switch n := n.(type) {
				case *ir.Element:
					args(n.Args)
					for _, m := range n.Mods {
						args(m.Args)
					}
					nodes(n.Children, again)
				case *ir.Instance:
					for _, a := range n.Props {
						visit(a.Value, again)
					}
					for _, m := range n.Mods {
						args(m.Args)
					}
				case *ir.If:
					visit(n.Cond, again)
					nodes(n.Then, again)
					nodes(n.Else, again)
				case *ir.For:
					visit(n.Seq, again)
					nodes(n.Body, true) // once per row
				case *ir.Let:
					visit(n.Value, again)
				}
			}
		}
		nodes(v.Body, false)
		for _, pr := range v.Props {
			once[pr] = count[pr] <= 1
		}
		in.once[v] = once
	}
	return once[p]
}

func hasBind(e ir.Expr) bool {
	found := false
	ir.InspectExpr(e, func(x ir.Expr) bool {
		if _, ok := x.(*ir.Bind); ok {
			found = true
		}
		return !found
	})
	return found
}

// copyable reports whether an argument can be copied into each place the
// prop is read: evaluating it there, as often as the prop is read, is the
// same as evaluating it once.
func copyable(e ir.Expr) bool {
	switch e := e.(type) {
	case *ir.Const, *ir.Ref, *ir.Closure, *ir.KeyPath:
		return true
	case *ir.Field:
		return copyable(e.Y)
	}
	return false
}

// substDyn updates an expression's dependencies after the props it read
// were replaced by the values passed for them.
func substDyn(e ir.Expr, args map[*ir.Prop]ir.Expr) {
	s, ok := e.(interface{ SetDyn(ir.Dyn) })
	if !ok {
		return
	}
	d := e.Dyn()
	if len(d.Props) == 0 {
		return
	}
	nd := ir.Dyn{Atoms: slices.Clip(d.Atoms)}
	for _, p := range d.Props {
		if a, ok := args[p]; ok {
			nd = nd.Join(a.Dyn())
		} else {
			nd.Props = append(nd.Props, p)
		}
	}
	// As in lowering, the kind follows from what is read.
	switch {
	case len(nd.Atoms) > 0:
		nd.Kind = ir.Reactive
	case len(nd.Props) > 0:
		nd.Kind = ir.Props
	default:
		nd.Kind = ir.Static
	}
	s.SetDyn(nd)
}

// foldInterp folds an interpolation whose parts are all constant strings,
// integers or booleans into one string constant.
func foldInterp(e ir.Expr) ir.Expr {
	x, ok := e.(*ir.Interp)
	if !ok {
		return e
	}
	s := ""
	for _, p := range x.Parts {
		k, ok := p.(*ir.Const)
		if !ok {
			return e
		}
		switch v := k.Value.(type) {
		case string:
			s += v
		case int64:
			s += strconv.FormatInt(v, 10)
		case bool:
			s += strconv.FormatBool(v)
		default:
			return e
		}
	}
	return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: s}
}

// spliceCalls replaces, in a handler's body, each statement that calls a
// handler closure literal with no parameters (what calling a closure prop
// becomes once inlined: `{ _ in onClose() }` given `onClose: { shown = false
// }`) by that closure's body, unless the body returns early.
func spliceCalls(b *ir.Block) {
	if b == nil {
		return
	}
	for i, s := range b.Stmts {
		switch s := s.(type) {
		case *ir.ExprStmt:
			cv, ok := s.X.(*ir.CallValue)
			if !ok || len(cv.Args) > 0 {
				continue
			}
			cl, ok := cv.Fn.(*ir.Closure)
			if !ok || !cl.Action || len(cl.Params) > 0 || cl.Body == nil || returns(cl.Body) {
				continue
			}
			b.Stmts[i] = cl.Body
		case *ir.Block:
			spliceCalls(s)
		case *ir.IfStmt:
			spliceCalls(s.Then)
			if e, ok := s.Else.(*ir.Block); ok {
				spliceCalls(e)
			}
		case *ir.ForStmt:
			spliceCalls(s.Body)
		case *ir.While:
			spliceCalls(s.Body)
		}
	}
}

// returns reports whether a statement returns from its function: a return
// of its own, not one inside a closure.
func returns(s ir.Stmt) bool {
	switch s := s.(type) {
	case *ir.Return:
		return true
	case *ir.Block:
		if s == nil {
			return false
		}
		for _, x := range s.Stmts {
			if returns(x) {
				return true
			}
		}
	case *ir.IfStmt:
		return returns(s.Then) || s.Else != nil && returns(s.Else)
	case *ir.ForStmt:
		return returns(s.Body)
	case *ir.While:
		return returns(s.Body)
	}
	return false
}
