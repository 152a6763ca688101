package opt

import "github.com/jepsh/jepsh/internal/ir"

// Reachability removes what the app cannot reach from its root view and
// its routes (tree shaking, design guide §2.1): views never instantiated,
// funcs never called or referenced (view handlers included), struct and
// enum methods never called, app-wide atoms never referenced. A program
// without root and routes keeps every view (a library of views).
func Reachability(p *ir.Program) {
	views := map[*ir.View]bool{}
	funcs := map[*ir.Func]bool{}
	atoms := map[*ir.Atom]bool{}
	var work []any
	mark := func(x any) {
		switch x := x.(type) {
		case *ir.View:
			if !views[x] {
				views[x] = true
				work = append(work, x)
			}
		case *ir.Func:
			if !funcs[x] {
				funcs[x] = true
				work = append(work, x)
			}
		case *ir.Atom:
			if !atoms[x] {
				atoms[x] = true
				work = append(work, x)
			}
		}
	}
	v := &visitor{
		expr: func(e ir.Expr) {
			switch e := e.(type) {
			case *ir.Ref:
				mark(e.Sym)
			case *ir.Call:
				mark(e.Func)
			}
		},
		inst: func(in *ir.Instance) { mark(in.View) },
	}
	// App-wide atoms whose initial value runs code are created at start
	// whether or not anything reads them.
	for _, a := range p.Atoms {
		if !pure(a.Init) {
			mark(a)
		}
	}
	if p.Root == nil && len(p.Routes) == 0 {
		for _, vw := range p.Views {
			mark(vw)
		}
	}
	if p.Root != nil {
		mark(p.Root)
	}
	for _, r := range p.Routes {
		mark(r.View)
		for _, a := range r.Args {
			v.exprTree(a.Value)
		}
	}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		switch x := x.(type) {
		case *ir.View:
			for _, pr := range x.Props {
				v.exprTree(pr.Default)
			}
			for _, a := range x.Atoms {
				v.atom(a)
			}
			v.block(x.OnMount)
			v.block(x.OnUnmount)
			v.nodes(x.Body)
		case *ir.Func:
			v.fn(x)
		case *ir.Atom:
			v.atom(x)
		}
	}
	// The struct fields' defaults are evaluated wherever a struct is built.
	for _, s := range p.Structs {
		for _, f := range s.Fields {
			v.exprTree(f.Default)
		}
	}
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if f, ok := x.(*ir.Func); ok {
			v.fn(f)
		}
		if a, ok := x.(*ir.Atom); ok {
			v.atom(a)
		}
	}
	p.Views = filter(p.Views, func(x *ir.View) bool { return views[x] })
	p.Funcs = filter(p.Funcs, func(x *ir.Func) bool { return funcs[x] })
	p.Atoms = filter(p.Atoms, func(x *ir.Atom) bool { return atoms[x] })
	for _, s := range p.Structs {
		s.Methods = filter(s.Methods, func(x *ir.Func) bool { return funcs[x] })
	}
	for _, e := range p.Enums {
		e.Methods = filter(e.Methods, func(x *ir.Func) bool { return funcs[x] })
	}
	for _, vw := range p.Views {
		vw.Funcs = filter(vw.Funcs, func(x *ir.Func) bool { return funcs[x] })
	}
	for f := range funcs {
		f.Used = true
	}
}

func filter[T any](s []T, keep func(T) bool) []T {
	out := s[:0]
	for _, x := range s {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}
