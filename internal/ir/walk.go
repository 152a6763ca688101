package ir

// InspectExpr calls f for e and, while f returns true, for its
// sub-expressions (closure bodies included), depth first.
func InspectExpr(e Expr, f func(Expr) bool) {
	if e == nil || !f(e) {
		return
	}
	each := func(es ...Expr) {
		for _, x := range es {
			InspectExpr(x, f)
		}
	}
	switch e := e.(type) {
	case *Unary:
		each(e.Y)
	case *Binary:
		each(e.L, e.R)
	case *Range:
		each(e.Lo, e.Hi)
	case *Cond:
		each(e.Cond, e.Then, e.Else)
	case *Interp:
		each(e.Parts...)
	case *Field:
		each(e.Y)
	case *Index:
		each(e.Y, e.Index)
	case *Unwrap:
		each(e.Y)
	case *Call:
		each(e.Recv)
		each(e.Args...)
	case *CallValue:
		each(e.Fn)
		each(e.Args...)
	case *Lib:
		each(e.Recv)
		each(e.Args...)
	case *ArrayLit:
		each(e.Elems...)
	case *DictLit:
		each(e.Keys...)
		each(e.Values...)
	case *StructLit:
		each(e.Fields...)
	case *Closure:
		InspectStmts(e.Body, f)
	case *Bind:
		each(e.Place)
	}
}

// InspectStmts calls InspectExpr on every expression of a block.
func InspectStmts(b *Block, f func(Expr) bool) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		InspectStmt(s, f)
	}
}

// InspectStmt calls InspectExpr on every expression of a statement.
func InspectStmt(s Stmt, f func(Expr) bool) {
	switch s := s.(type) {
	case *Block:
		InspectStmts(s, f)
	case *Local:
		InspectExpr(s.Value, f)
	case *Assign:
		InspectExpr(s.Place, f)
		InspectExpr(s.Value, f)
	case *ExprStmt:
		InspectExpr(s.X, f)
	case *IfStmt:
		InspectExpr(s.Cond, f)
		InspectStmts(s.Then, f)
		if s.Else != nil {
			InspectStmt(s.Else, f)
		}
	case *ForStmt:
		InspectExpr(s.Seq, f)
		InspectStmts(s.Body, f)
	case *While:
		InspectExpr(s.Cond, f)
		InspectStmts(s.Body, f)
	case *Return:
		InspectExpr(s.Value, f)
	}
}

// InspectNodes calls visit for every top-level expression of the render
// nodes (arguments, modifier arguments, props, conditions, sequences, let
// values), recursively through children and branches. visit decides
// whether to descend into sub-expressions (with InspectExpr).
func InspectNodes(ns []Node, visit func(Expr)) {
	for _, n := range ns {
		switch n := n.(type) {
		case *Element:
			for _, a := range n.Args {
				visit(a.Value)
			}
			for _, m := range n.Mods {
				for _, a := range m.Args {
					visit(a.Value)
				}
			}
			InspectNodes(n.Children, visit)
		case *Instance:
			for _, a := range n.Props {
				visit(a.Value)
			}
			for _, m := range n.Mods {
				for _, a := range m.Args {
					visit(a.Value)
				}
			}
		case *If:
			visit(n.Cond)
			InspectNodes(n.Then, visit)
			InspectNodes(n.Else, visit)
		case *For:
			visit(n.Seq)
			InspectNodes(n.Body, visit)
		case *Let:
			visit(n.Value)
		}
	}
}

// WalkNodes calls f for every render node, parents before children.
func WalkNodes(ns []Node, f func(Node)) {
	for _, n := range ns {
		f(n)
		switch n := n.(type) {
		case *Element:
			WalkNodes(n.Children, f)
		case *If:
			WalkNodes(n.Then, f)
			WalkNodes(n.Else, f)
		case *For:
			WalkNodes(n.Body, f)
		}
	}
}

// RewriteExpr replaces sub-expressions bottom-up: f receives each
// expression after its children were rewritten and returns its replacement
// (or the expression itself). Closure bodies are rewritten too.
func RewriteExpr(e Expr, f func(Expr) Expr) Expr {
	if e == nil {
		return nil
	}
	r := func(x Expr) Expr { return RewriteExpr(x, f) }
	rs := func(xs []Expr) {
		for i, x := range xs {
			xs[i] = r(x)
		}
	}
	switch e := e.(type) {
	case *Unary:
		e.Y = r(e.Y)
	case *Binary:
		e.L, e.R = r(e.L), r(e.R)
	case *Range:
		e.Lo, e.Hi = r(e.Lo), r(e.Hi)
	case *Cond:
		e.Cond, e.Then, e.Else = r(e.Cond), r(e.Then), r(e.Else)
	case *Interp:
		rs(e.Parts)
	case *Field:
		e.Y = r(e.Y)
	case *Index:
		e.Y, e.Index = r(e.Y), r(e.Index)
	case *Unwrap:
		e.Y = r(e.Y)
	case *Call:
		e.Recv = r(e.Recv)
		rs(e.Args)
	case *CallValue:
		e.Fn = r(e.Fn)
		rs(e.Args)
	case *Lib:
		e.Recv = r(e.Recv)
		rs(e.Args)
	case *ArrayLit:
		rs(e.Elems)
	case *DictLit:
		rs(e.Keys)
		rs(e.Values)
	case *StructLit:
		rs(e.Fields)
	case *Closure:
		RewriteBlock(e.Body, f)
	case *Bind:
		e.Place = r(e.Place)
	}
	return f(e)
}

// RewriteBlock rewrites every expression of a block in place.
func RewriteBlock(b *Block, f func(Expr) Expr) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		RewriteStmt(s, f)
	}
}

// RewriteStmt rewrites every expression of a statement in place.
func RewriteStmt(s Stmt, f func(Expr) Expr) {
	switch s := s.(type) {
	case *Block:
		RewriteBlock(s, f)
	case *Local:
		s.Value = RewriteExpr(s.Value, f)
	case *Assign:
		s.Place = RewriteExpr(s.Place, f)
		s.Value = RewriteExpr(s.Value, f)
	case *ExprStmt:
		s.X = RewriteExpr(s.X, f)
	case *IfStmt:
		s.Cond = RewriteExpr(s.Cond, f)
		RewriteBlock(s.Then, f)
		if s.Else != nil {
			RewriteStmt(s.Else, f)
		}
	case *ForStmt:
		s.Seq = RewriteExpr(s.Seq, f)
		RewriteBlock(s.Body, f)
	case *While:
		s.Cond = RewriteExpr(s.Cond, f)
		RewriteBlock(s.Body, f)
	case *Return:
		s.Value = RewriteExpr(s.Value, f)
	}
}

// RewriteNodes rewrites every expression of render nodes in place.
func RewriteNodes(ns []Node, f func(Expr) Expr) {
	args := func(as []*Arg) {
		for _, a := range as {
			a.Value = RewriteExpr(a.Value, f)
		}
	}
	for _, n := range ns {
		switch n := n.(type) {
		case *Element:
			args(n.Args)
			for _, m := range n.Mods {
				args(m.Args)
			}
			RewriteNodes(n.Children, f)
		case *Instance:
			for _, a := range n.Props {
				a.Value = RewriteExpr(a.Value, f)
			}
			for _, m := range n.Mods {
				args(m.Args)
			}
		case *If:
			n.Cond = RewriteExpr(n.Cond, f)
			RewriteNodes(n.Then, f)
			RewriteNodes(n.Else, f)
		case *For:
			n.Seq = RewriteExpr(n.Seq, f)
			RewriteNodes(n.Body, f)
		case *Let:
			n.Value = RewriteExpr(n.Value, f)
		}
	}
}
