package opt

import "github.com/jepsh/jepsh/internal/ir"

// Facts records, for every atom, whether something reads it and whether
// something writes it (assignment, compound assignment, mutating call,
// two-way binding). Writing x (x = v, x += v, x.append(v)) does not read
// it: a value only ever updated from itself is never observed.
func Facts(p *ir.Program) {
	all := allAtoms(p)
	for _, a := range all {
		a.Read, a.Written = false, false
	}
	writeOnly := map[*ir.Ref]bool{}
	// A binding to a field of a list row ($item.done) writes the atom the
	// list iterates.
	rowSrc := map[*ir.Var]*ir.Atom{}
	for _, v := range p.Views {
		ir.WalkNodes(v.Body, func(n ir.Node) {
			if f, ok := n.(*ir.For); ok && f.Var != nil {
				if a, ok := placeRoot(f.Seq).(*ir.Atom); ok {
					rowSrc[f.Var] = a
				}
			}
		})
	}
	v := &visitor{
		stmt: func(s ir.Stmt) bool {
			switch s := s.(type) {
			case *ir.Assign:
				if r, ok := s.Place.(*ir.Ref); ok {
					writeOnly[r] = true
				}
			case *ir.ExprStmt:
				if l, ok := s.X.(*ir.Lib); ok && l.Mutating {
					if r, ok := l.Recv.(*ir.Ref); ok {
						writeOnly[r] = true
					}
				}
			}
			return false
		},
		write: func(place ir.Expr) {
			switch r := placeRoot(place).(type) {
			case *ir.Atom:
				r.Written = true
			case *ir.Var:
				if a := rowSrc[r]; a != nil {
					a.Written = true
				}
			}
		},
		expr: func(e ir.Expr) {
			if r, ok := e.(*ir.Ref); ok && !writeOnly[r] {
				if a, ok := r.Sym.(*ir.Atom); ok {
					a.Read = true
				}
			}
		},
	}
	v.program(p)
}

func allAtoms(p *ir.Program) []*ir.Atom {
	out := append([]*ir.Atom(nil), p.Atoms...)
	for _, v := range p.Views {
		out = append(out, v.Atoms...)
	}
	return out
}
