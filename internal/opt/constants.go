package opt

import (
	"cmp"
	"math"
	"strings"

	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/types"
)

// Constants propagates never-written atoms whose initial value is a
// constant into their reads, folds the conditions that became constant, and
// drops conditional content whose condition is constant: a view that only
// such content renders is then unreachable (conditional inclusion, design
// guide §2.1). Needs Facts.
func Constants(p *ir.Program) {
	props := constProps(p)
	konst := map[*ir.Atom]*ir.Const{}
	for _, a := range allAtoms(p) {
		if a.Computed || a.Written {
			continue
		}
		if k, ok := a.Init.(*ir.Const); ok {
			konst[a] = k
		}
	}
	f := func(e ir.Expr) ir.Expr {
		if r, ok := e.(*ir.Ref); ok {
			switch s := r.Sym.(type) {
			case *ir.Atom:
				if k := konst[s]; k != nil {
					return &ir.Const{X: ir.X{P: r.P, T: r.T}, Value: k.Value}
				}
			case *ir.Prop:
				if k := props[s]; k != nil {
					return &ir.Const{X: ir.X{P: r.P, T: r.T}, Value: k.Value}
				}
			}
		}
		dropDeps(e, konst, props)
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

// dropDeps removes constant atoms and props from an expression's dependencies.
func dropDeps(e ir.Expr, konst map[*ir.Atom]*ir.Const, props map[*ir.Prop]*ir.Const) {
	s, ok := e.(interface{ SetDyn(ir.Dyn) })
	if !ok {
		return
	}
	d := e.Dyn()
	if d.Kind == ir.Static {
		return
	}
	var atoms []*ir.Atom
	for _, a := range d.Atoms {
		if konst[a] == nil {
			atoms = append(atoms, a)
		}
	}
	var ps []*ir.Prop
	for _, p := range d.Props {
		if props[p] == nil {
			ps = append(ps, p)
		}
	}
	d.Atoms, d.Props = atoms, ps
	switch {
	case len(atoms) > 0:
		d.Kind = ir.Reactive
	case len(ps) > 0:
		d.Kind = ir.Props
	default:
		d.Kind = ir.Static
	}
	s.SetDyn(d)
}

// constProps finds props that have the same constant value at every place
// the view is created (instances, routes, the app root; an omitted prop
// takes its constant default): inside the view they are that constant.
func constProps(p *ir.Program) map[*ir.Prop]*ir.Const {
	vals := map[*ir.Prop]*ir.Const{}
	varies := map[*ir.Prop]bool{}
	see := func(pr *ir.Prop, v ir.Expr) {
		if v == nil {
			v = pr.Default
		}
		k, ok := v.(*ir.Const)
		if !ok || !comparable(k.Value) {
			varies[pr] = true
			return
		}
		if old := vals[pr]; old != nil && old.Value != k.Value {
			varies[pr] = true
			return
		}
		vals[pr] = k
	}
	site := func(v *ir.View, args []*ir.PropArg) {
		for _, pr := range v.Props {
			var val ir.Expr
			for _, a := range args {
				if a.Prop == pr {
					val = a.Value
				}
			}
			see(pr, val)
		}
	}
	if p.Root != nil {
		site(p.Root, p.RootArgs)
	}
	for _, r := range p.Routes {
		site(r.View, r.Args)
		for _, rp := range r.Params {
			if rp.Prop != nil {
				varies[rp.Prop] = true
			}
		}
	}
	for _, v := range p.Views {
		ir.WalkNodes(v.Body, func(n ir.Node) {
			if in, ok := n.(*ir.Instance); ok {
				site(in.View, in.Props)
			}
		})
	}
	out := map[*ir.Prop]*ir.Const{}
	for pr, k := range vals {
		if !varies[pr] {
			out[pr] = k
		}
	}
	return out
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
		case "+", "-", "*":
			if v, ok := arith(x.Op, x.L, x.R); ok {
				return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: v}
			}
		case "<", "<=", ">", ">=":
			if b, ok := compare(x.Op, x.L, x.R); ok {
				return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: b}
			}
		case "==", "!=":
			lk, lok := x.L.(*ir.Const)
			rk, rok := x.R.(*ir.Const)
			if lok && rok && comparable(lk.Value) && comparable(rk.Value) {
				return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: (lk.Value == rk.Value) == (x.Op == "==")}
			}
		}
	case *ir.Lib:
		if x.ID == types.FontSystem {
			f := ir.Font{}
			for i, a := range x.Args {
				k, ok := a.(*ir.Const)
				if !ok {
					return e
				}
				label := ""
				if i < len(x.Labels) {
					label = x.Labels[i]
				}
				switch v := k.Value.(type) {
				case float64:
					if label == "size" {
						f.Size = v
					}
				case int64:
					if label == "weight" {
						f.Weight = int(v)
					} else if label == "size" {
						f.Size = float64(v)
					}
				}
			}
			return &ir.Const{X: ir.X{P: x.P, T: x.T}, Value: f}
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

// arith folds + - * over Int or Double constants and + over strings
// (Int arithmetic that overflows is left to run time, where it traps).
func arith(op string, l, r ir.Expr) (any, bool) {
	lk, lok := l.(*ir.Const)
	rk, rok := r.(*ir.Const)
	if !lok || !rok {
		return nil, false
	}
	switch a := lk.Value.(type) {
	case int64:
		b, ok := rk.Value.(int64)
		if !ok {
			return nil, false
		}
		switch op {
		case "+":
			if s := a + b; (s > a) == (b > 0) {
				return s, true
			}
		case "-":
			if s := a - b; (s < a) == (b > 0) {
				return s, true
			}
		case "*":
			if a == 0 || b == 0 {
				return int64(0), true
			}
			if s := a * b; s/b == a {
				return s, true
			}
		}
	case float64:
		b, ok := rk.Value.(float64)
		if !ok {
			return nil, false
		}
		switch op {
		case "+":
			return a + b, true
		case "-":
			return a - b, true
		case "*":
			return a * b, true
		}
	case string:
		if b, ok := rk.Value.(string); ok && op == "+" {
			return a + b, true
		}
	}
	return nil, false
}

// compare folds < <= > >= over two Int, two Double or two String constants.
func compare(op string, l, r ir.Expr) (bool, bool) {
	lk, lok := l.(*ir.Const)
	rk, rok := r.(*ir.Const)
	if !lok || !rok {
		return false, false
	}
	var c int
	switch a := lk.Value.(type) {
	case int64:
		b, ok := rk.Value.(int64)
		if !ok {
			return false, false
		}
		c = cmp.Compare(a, b)
	case float64:
		b, ok := rk.Value.(float64)
		if !ok || math.IsNaN(a) || math.IsNaN(b) {
			return false, false
		}
		c = cmp.Compare(a, b)
	case string:
		b, ok := rk.Value.(string)
		if !ok {
			return false, false
		}
		c = strings.Compare(a, b)
	default:
		return false, false
	}
	switch op {
	case "<":
		return c < 0, true
	case "<=":
		return c <= 0, true
	case ">":
		return c > 0, true
	}
	return c >= 0, true
}
