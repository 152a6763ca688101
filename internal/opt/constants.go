package opt

import "github.com/jepsh/jepsh/internal/ir"

// Constants propagates never-written atoms whose initial value is a
// constant into their reads, folds the conditions that became constant, and
// drops conditional content whose condition is constant: a view that only
// such content renders is then unreachable (conditional inclusion, design
// guide §2.1). Needs Facts.
func Constants(p *ir.Program) {
	konst := map[*ir.Atom]*ir.Const{}
	for _, a := range allAtoms(p) {
		if a.Computed || a.Written {
			continue
		}
		if k, ok := a.Init.(*ir.Const); ok {
			konst[a] = k
		}
	}
	if len(konst) == 0 {
		return
	}
	f := func(e ir.Expr) ir.Expr {
		if r, ok := e.(*ir.Ref); ok {
			if a, ok := r.Sym.(*ir.Atom); ok {
				if k := konst[a]; k != nil {
					return &ir.Const{X: ir.X{P: r.P, T: r.T}, Value: k.Value}
				}
			}
		}
		dropAtoms(e, konst)
		return fold(e)
	}
	for _, a := range p.Atoms {
		rewriteAtom(a, f)
	}
	for _, fn := range p.Funcs {
		ir.RewriteBlock(fn.Body, f)
	}
	for _, s := range p.Structs {
		for _, m := range s.Methods {
			ir.RewriteBlock(m.Body, f)
		}
	}
	for _, v := range p.Views {
		for _, a := range v.Atoms {
			rewriteAtom(a, f)
		}
		for _, fn := range v.Funcs {
			ir.RewriteBlock(fn.Body, f)
		}
		ir.RewriteBlock(v.OnMount, f)
		ir.RewriteBlock(v.OnUnmount, f)
		ir.RewriteNodes(v.Body, f)
		v.Body = pruneNodes(v.Body)
	}
}

func rewriteAtom(a *ir.Atom, f func(ir.Expr) ir.Expr) {
	a.Init = ir.RewriteExpr(a.Init, f)
	ir.RewriteBlock(a.Body, f)
}

// dropAtoms removes constant atoms from an expression's dependencies.
func dropAtoms(e ir.Expr, konst map[*ir.Atom]*ir.Const) {
	s, ok := e.(interface{ SetDyn(ir.Dyn) })
	if !ok {
		return
	}
	d := e.Dyn()
	if d.Kind != ir.Reactive {
		return
	}
	var keep []*ir.Atom
	for _, a := range d.Atoms {
		if konst[a] == nil {
			keep = append(keep, a)
		}
	}
	if len(keep) == len(d.Atoms) {
		return
	}
	d.Atoms = keep
	if len(keep) == 0 {
		d.Kind = ir.Static
		if len(d.Props) > 0 {
			d.Kind = ir.Props
		}
	}
	s.SetDyn(d)
}

// fold evaluates boolean operators and conditionals over constants.
func fold(e ir.Expr) ir.Expr {
	switch x := e.(type) {
	case *ir.Unary:
		if b, ok := boolConst(x.Y); ok && x.Op == "!" {
			return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: !b}
		}
	case *ir.Binary:
		l, lok := boolConst(x.L)
		r, rok := boolConst(x.R)
		switch x.Op {
		case "&&":
			if lok && !l || rok && !r {
				return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: false}
			}
			if lok && rok {
				return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: true}
			}
			if lok {
				return x.R
			}
		case "||":
			if lok && l || rok && r {
				return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: true}
			}
			if lok && rok {
				return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: false}
			}
			if lok {
				return x.R
			}
		case "==", "!=":
			lk, lok := x.L.(*ir.Const)
			rk, rok := x.R.(*ir.Const)
			if lok && rok && comparable(lk.Value) && comparable(rk.Value) {
				return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: (lk.Value == rk.Value) == (x.Op == "==")}
			}
		}
	case *ir.Cond:
		if b, ok := boolConst(x.Cond); ok {
			if b {
				return x.Then
			}
			return x.Else
		}
	}
	return e
}

func comparable(v any) bool {
	switch v.(type) {
	case nil, bool, int64, float64, string, *ir.EnumCase:
		return true
	}
	return false
}

func boolConst(e ir.Expr) (bool, bool) {
	if k, ok := e.(*ir.Const); ok {
		b, ok := k.Value.(bool)
		return b, ok
	}
	return false, false
}

// pruneNodes replaces conditionals with constant conditions by the branch
// taken.
func pruneNodes(ns []ir.Node) []ir.Node {
	var out []ir.Node
	for _, n := range ns {
		switch n := n.(type) {
		case *ir.If:
			if b, ok := boolConst(n.Cond); ok && n.Bind == nil {
				if b {
					out = append(out, pruneNodes(n.Then)...)
				} else {
					out = append(out, pruneNodes(n.Else)...)
				}
				continue
			}
			n.Then = pruneNodes(n.Then)
			n.Else = pruneNodes(n.Else)
		case *ir.Element:
			n.Children = pruneNodes(n.Children)
		case *ir.For:
			n.Body = pruneNodes(n.Body)
		}
		out = append(out, n)
	}
	return out
}
