package opt

import "github.com/jepsh/jepsh/internal/ir"

// Facts records, for every atom, whether something reads it and whether
// something writes it (assignment, compound assignment, mutating call,
// two-way binding). A plain `x = v` does not read x.
func Facts(p *ir.Program) {
	all := allAtoms(p)
	for _, a := range all {
		a.Read, a.Written = false, false
	}
	writeOnly := map[*ir.Ref]bool{}
	v := &visitor{
		stmt: func(s ir.Stmt) bool {
			if as, ok := s.(*ir.Assign); ok && as.Op == "=" {
				if r, ok := as.Place.(*ir.Ref); ok {
					writeOnly[r] = true
				}
			}
			return false
		},
		write: func(place ir.Expr) {
			if a, ok := placeRoot(place).(*ir.Atom); ok {
				a.Written = true
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
