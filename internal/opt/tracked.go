package opt

import "github.com/jepsh/jepsh/internal/ir"

// Tracked marks the atoms something reactive reads: a render expression
// (outside event handlers), a computed, or a func called from either
// (transitively). An atom nothing reactive reads needs no subscribers and
// no change propagation; targets may keep it as a plain variable.
func Tracked(p *ir.Program) {
	for _, a := range allAtoms(p) {
		a.Tracked = false
	}
	seen := map[*ir.Func]bool{}
	var work []*ir.Func
	// Props of function type that a view calls during render: a func
	// passed to one runs reactively. Funcs passed elsewhere (handlers,
	// props only called by handlers) run on events.
	calledProps := map[*ir.Prop]bool{}
	funcValues := false
	for _, v := range p.Views {
		ir.InspectNodes(v.Body, func(e ir.Expr) {
			ir.InspectExpr(e, func(x ir.Expr) bool {
				switch x := x.(type) {
				case *ir.Closure:
					return !x.Action
				case *ir.CallValue:
					if r, ok := x.Fn.(*ir.Ref); ok {
						if pr, ok := r.Sym.(*ir.Prop); ok {
							calledProps[pr] = true
						}
					}
				}
				return true
			})
		})
	}
	var reactive func(e ir.Expr)
	reactive = func(e ir.Expr) {
		ir.InspectExpr(e, func(x ir.Expr) bool {
			switch x := x.(type) {
			case *ir.Closure:
				return !x.Action
			case *ir.Ref:
				switch s := x.Sym.(type) {
				case *ir.Atom:
					s.Tracked = true
				case *ir.Func:
					if funcValues && !seen[s] {
						seen[s] = true
						work = append(work, s)
					}
				}
			case *ir.Call:
				if !seen[x.Func] {
					seen[x.Func] = true
					work = append(work, x.Func)
				}
			case *ir.Bind:
				if a, ok := placeRoot(x.Place).(*ir.Atom); ok {
					a.Tracked = true
				}
			}
			return true
		})
	}
	for _, a := range allAtoms(p) {
		if a.Computed {
			ir.InspectStmts(a.Body, func(x ir.Expr) bool { reactive(x); return false })
		}
	}
	for _, v := range p.Views {
		ir.InspectNodes(v.Body, reactive)
		ir.WalkNodes(v.Body, func(n ir.Node) {
			if in, ok := n.(*ir.Instance); ok {
				for _, a := range in.Props {
					if calledProps[a.Prop] {
						funcValues = true
						reactive(a.Value)
						funcValues = false
					}
				}
			}
		})
	}
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		ir.InspectStmts(f.Body, func(x ir.Expr) bool { reactive(x); return false })
	}
}
