package opt

import "github.com/jepsh/jepsh/internal/ir"

// DeadStores removes atoms that nothing reads (design guide §2.1: "remove
// unused atom declarations"), and the statements that only write them.
// An atom whose initial value calls code is kept (the call may have
// effects). Needs Facts (it re-runs them, since earlier passes removed code).
func DeadStores(p *ir.Program) {
	Facts(p)
	dead := map[*ir.Atom]bool{}
	for _, a := range allAtoms(p) {
		if !a.Read && pure(a.Init) {
			dead[a] = true
		}
	}
	if len(dead) == 0 {
		return
	}
	keep := func(a *ir.Atom) bool { return !dead[a] }
	p.Atoms = filter(p.Atoms, keep)
	for _, v := range p.Views {
		v.Atoms = filter(v.Atoms, keep)
	}
	strip := func(b *ir.Block) { stripStores(b, dead) }
	for _, f := range p.Funcs {
		strip(f.Body)
	}
	for _, s := range p.Structs {
		for _, m := range s.Methods {
			strip(m.Body)
		}
	}
	for _, v := range p.Views {
		for _, f := range v.Funcs {
			strip(f.Body)
		}
		strip(v.OnMount)
		strip(v.OnUnmount)
		ir.InspectNodes(v.Body, func(e ir.Expr) {
			ir.InspectExpr(e, func(x ir.Expr) bool {
				if c, ok := x.(*ir.Closure); ok {
					strip(c.Body)
				}
				return true
			})
		})
	}
}

// stripStores removes writes to dead atoms from a block (recursively),
// keeping the right-hand side when it may have effects.
func stripStores(b *ir.Block, dead map[*ir.Atom]bool) {
	if b == nil {
		return
	}
	out := b.Stmts[:0]
	for _, s := range b.Stmts {
		switch s := s.(type) {
		case *ir.Assign:
			if a, ok := placeRoot(s.Place).(*ir.Atom); ok && dead[a] {
				if !pure(s.Value) {
					out = append(out, &ir.ExprStmt{P: s.P, X: s.Value})
				}
				continue
			}
		case *ir.ExprStmt:
			if l, ok := s.X.(*ir.Lib); ok && l.Mutating {
				if a, ok := placeRoot(l.Recv).(*ir.Atom); ok && dead[a] {
					continue
				}
			}
		case *ir.Block:
			stripStores(s, dead)
		case *ir.IfStmt:
			for st := ir.Stmt(s); st != nil; {
				is, ok := st.(*ir.IfStmt)
				if !ok {
					if bl, ok := st.(*ir.Block); ok {
						stripStores(bl, dead)
					}
					break
				}
				stripStores(is.Then, dead)
				st = is.Else
			}
		case *ir.ForStmt:
			stripStores(s.Body, dead)
		case *ir.While:
			stripStores(s.Body, dead)
		}
		ir.InspectStmt(s, func(x ir.Expr) bool {
			if c, ok := x.(*ir.Closure); ok {
				stripStores(c.Body, dead)
			}
			return true
		})
		out = append(out, s)
	}
	b.Stmts = out
}

// pure reports whether evaluating e has no effects (no calls other than
// library property reads and non-mutating library members).
func pure(e ir.Expr) bool {
	ok := true
	ir.InspectExpr(e, func(x ir.Expr) bool {
		switch x := x.(type) {
		case *ir.Call, *ir.CallValue:
			ok = false
		case *ir.Lib:
			if x.Mutating || x.Name == "print" || x.ID != 0 && !x.Property && libEffects(x) {
				ok = false
			}
		case *ir.Closure:
			return false
		}
		return ok
	})
	return ok
}
