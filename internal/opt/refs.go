package opt

import "github.com/jepsh/jepsh/internal/ir"

// visitor receives every expression and every write target of a body.
type visitor struct {
	expr  func(e ir.Expr)             // every expression, outermost first
	write func(root ir.Expr)          // the place of an assignment or mutating call
	node  func(n ir.Node)             // every render node
	inst  func(in *ir.Instance)       // instances (also passed to node)
	stmt  func(s ir.Stmt) (skip bool) // statements before their expressions
}

func (v *visitor) exprTree(e ir.Expr) {
	ir.InspectExpr(e, func(x ir.Expr) bool {
		if v.expr != nil {
			v.expr(x)
		}
		switch x := x.(type) {
		case *ir.Closure:
			v.block(x.Body)
			return false
		case *ir.Lib:
			if x.Mutating && v.write != nil {
				v.write(x.Recv)
			}
		case *ir.Call:
			if x.Func != nil && x.Func.Mutating && x.Recv != nil && v.write != nil {
				v.write(x.Recv)
			}
		case *ir.Bind:
			if v.write != nil {
				v.write(x.Place)
			}
		}
		return true
	})
}

func (v *visitor) block(b *ir.Block) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		v.stmtTree(s)
	}
}

func (v *visitor) stmtTree(s ir.Stmt) {
	if v.stmt != nil && v.stmt(s) {
		return
	}
	switch s := s.(type) {
	case *ir.Block:
		v.block(s)
	case *ir.Local:
		v.exprTree(s.Value)
	case *ir.Assign:
		if v.write != nil {
			v.write(s.Place)
		}
		v.exprTree(s.Place)
		v.exprTree(s.Value)
	case *ir.ExprStmt:
		v.exprTree(s.X)
	case *ir.IfStmt:
		v.exprTree(s.Cond)
		v.block(s.Then)
		if s.Else != nil {
			v.stmtTree(s.Else)
		}
	case *ir.ForStmt:
		v.exprTree(s.Seq)
		v.block(s.Body)
	case *ir.While:
		v.exprTree(s.Cond)
		v.block(s.Body)
	case *ir.Return:
		v.exprTree(s.Value)
	}
}

func (v *visitor) nodes(ns []ir.Node) {
	ir.WalkNodes(ns, func(n ir.Node) {
		if v.node != nil {
			v.node(n)
		}
		if in, ok := n.(*ir.Instance); ok && v.inst != nil {
			v.inst(in)
		}
	})
	ir.InspectNodes(ns, v.exprTree)
}

// view visits everything of a view.
func (v *visitor) view(vw *ir.View) {
	for _, p := range vw.Props {
		v.exprTree(p.Default)
	}
	for _, a := range vw.Atoms {
		v.atom(a)
	}
	for _, f := range vw.Funcs {
		v.fn(f)
	}
	v.block(vw.OnMount)
	v.block(vw.OnUnmount)
	v.nodes(vw.Body)
}

func (v *visitor) atom(a *ir.Atom) {
	v.exprTree(a.Init)
	v.block(a.Body)
}

func (v *visitor) fn(f *ir.Func) {
	for _, d := range f.Defaults {
		v.exprTree(d)
	}
	v.block(f.Body)
}

// program visits every declaration.
func (v *visitor) program(p *ir.Program) {
	for _, a := range p.Atoms {
		v.atom(a)
	}
	for _, f := range p.Funcs {
		v.fn(f)
	}
	for _, s := range p.Structs {
		for _, f := range s.Fields {
			v.exprTree(f.Default)
		}
		for _, m := range s.Methods {
			v.fn(m)
		}
	}
	for _, e := range p.Enums {
		for _, m := range e.Methods {
			v.fn(m)
		}
	}
	for _, vw := range p.Views {
		v.view(vw)
	}
	for _, r := range p.Routes {
		for _, a := range r.Args {
			v.exprTree(a.Value)
		}
	}
}

// placeRoot returns the symbol at the root of a place expression.
func placeRoot(e ir.Expr) any {
	for {
		switch x := e.(type) {
		case *ir.Ref:
			return x.Sym
		case *ir.Field:
			e = x.Y
		case *ir.Index:
			e = x.Y
		case *ir.Unwrap:
			e = x.Y
		default:
			return nil
		}
	}
}
