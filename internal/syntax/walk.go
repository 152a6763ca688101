package syntax

// A Visitor's Visit is called for each node Walk encounters. If the returned
// visitor w is not nil, Walk visits each child of node with w, then calls
// w.Visit(nil).
type Visitor interface {
	Visit(node Node) (w Visitor)
}

// Walk traverses an AST in depth-first source order: it calls v.Visit(node);
// if that returns a non-nil w, Walk visits the children of node with w and
// then calls w.Visit(nil).
//
// Besides the Decl, Member, Stmt, Expr and TypeExpr nodes, Walk visits the
// helper nodes *Param, *Arg, *EnumCase, *OptionalBinding, *AppField and
// *RouteDecl. Comments are not visited (see File.Comments). Nil children are
// skipped. The one node visited out of position order is a closure's Body:
// it spans the closure's braces, so it starts before the parameters that
// are visited first.
func Walk(v Visitor, node Node) {
	if v = v.Visit(node); v == nil {
		return
	}
	switch n := node.(type) {
	case *File:
		for _, d := range n.Decls {
			Walk(v, d)
		}

	// Declarations and members.
	case *ViewDecl:
		Walk(v, n.Name)
		for _, m := range n.Members {
			Walk(v, m)
		}
	case *StructDecl:
		Walk(v, n.Name)
		for _, m := range n.Members {
			Walk(v, m)
		}
	case *EnumDecl:
		Walk(v, n.Name)
		walkType(v, n.RawType)
		// Cases and methods interleaved in source order.
		i, j := 0, 0
		for i < len(n.Cases) || j < len(n.Methods) {
			if j >= len(n.Methods) || i < len(n.Cases) && n.Cases[i].Pos() < n.Methods[j].Pos() {
				Walk(v, n.Cases[i])
				i++
			} else {
				Walk(v, n.Methods[j])
				j++
			}
		}
	case *EnumCase:
		Walk(v, n.Name)
		walkExpr(v, n.Value)
	case *FuncDecl:
		Walk(v, n.Name)
		for _, p := range n.Params {
			Walk(v, p)
		}
		walkType(v, n.Result)
		if n.Body != nil {
			Walk(v, n.Body)
		}
	case *Param:
		if n.Label != nil {
			Walk(v, n.Label)
		}
		Walk(v, n.Name)
		walkType(v, n.Type)
		walkExpr(v, n.Default)
	case *AtomDecl:
		Walk(v, n.Name)
		walkType(v, n.Type)
		walkExpr(v, n.Value)
		if n.Body != nil {
			Walk(v, n.Body)
		}
	case *PropDecl:
		Walk(v, n.Name)
		walkType(v, n.Type)
		walkExpr(v, n.Default)
	case *RenderDecl:
		Walk(v, n.Body)
	case *LifecycleDecl:
		Walk(v, n.Body)
	case *AppDecl:
		Walk(v, n.Name)
		for _, m := range n.Members {
			Walk(v, m)
		}
	case *AppField:
		Walk(v, n.Name)
		walkExpr(v, n.Value)
	case *RouteDecl:
		Walk(v, n.Path)
		walkExpr(v, n.Target)
	case *BadDecl, *BadMember:

	// Types.
	case *NamedType:
		Walk(v, n.Name)
		for _, a := range n.Args {
			Walk(v, a)
		}
	case *ArrayType:
		walkType(v, n.Elem)
	case *DictType:
		walkType(v, n.Key)
		walkType(v, n.Value)
	case *OptionalType:
		walkType(v, n.Elem)
	case *FuncType:
		for _, p := range n.Params {
			Walk(v, p)
		}
		walkType(v, n.Result)
	case *BadType:

	// Statements.
	case *BlockStmt:
		for _, s := range n.Stmts {
			Walk(v, s)
		}
	case *DeclStmt:
		Walk(v, n.Name)
		walkType(v, n.Type)
		walkExpr(v, n.Value)
	case *AssignStmt:
		walkExpr(v, n.Lhs)
		walkExpr(v, n.Rhs)
	case *ExprStmt:
		walkExpr(v, n.X)
	case *IfStmt:
		if n.Cond != nil {
			Walk(v, n.Cond)
		}
		Walk(v, n.Then)
		if n.Else != nil {
			Walk(v, n.Else)
		}
	case *OptionalBinding:
		Walk(v, n.Name)
		walkExpr(v, n.Value)
	case *ForStmt:
		Walk(v, n.Var)
		walkExpr(v, n.Seq)
		Walk(v, n.Body)
	case *WhileStmt:
		walkExpr(v, n.Cond)
		Walk(v, n.Body)
	case *ReturnStmt:
		walkExpr(v, n.Value)
	case *BranchStmt, *BadStmt:

	// Expressions.
	case *Ident, *BasicLit, *BadExpr:
	case *StringExpr:
		for _, x := range n.Parts {
			Walk(v, x)
		}
	case *ArrayLit:
		for _, x := range n.Elems {
			Walk(v, x)
		}
	case *DictLit:
		for i := range n.Keys {
			Walk(v, n.Keys[i])
			if i < len(n.Values) {
				walkExpr(v, n.Values[i])
			}
		}
	case *ParenExpr:
		walkExpr(v, n.X)
	case *UnaryExpr:
		walkExpr(v, n.X)
	case *BinaryExpr:
		walkExpr(v, n.X)
		walkExpr(v, n.Y)
	case *TernaryExpr:
		walkExpr(v, n.Cond)
		walkExpr(v, n.Then)
		walkExpr(v, n.Else)
	case *SelectorExpr:
		walkExpr(v, n.X)
		Walk(v, n.Sel)
	case *ImplicitMemberExpr:
		Walk(v, n.Name)
	case *CallExpr:
		walkExpr(v, n.Fun)
		for _, a := range n.Args {
			Walk(v, a)
		}
		for _, a := range n.Trailing {
			Walk(v, a)
		}
	case *Arg:
		if n.Label != nil {
			Walk(v, n.Label)
		}
		walkExpr(v, n.Value)
	case *SubscriptExpr:
		walkExpr(v, n.X)
		walkExpr(v, n.Index)
	case *ForceUnwrapExpr:
		walkExpr(v, n.X)
	case *ClosureExpr:
		for _, p := range n.Params {
			Walk(v, p)
		}
		walkType(v, n.Result)
		Walk(v, n.Body)
	case *BindingExpr:
		walkExpr(v, n.X)
	case *KeyPathExpr:
		if n.Root != nil {
			Walk(v, n.Root)
		}
		for _, id := range n.Path {
			Walk(v, id)
		}
	default:
		panic("syntax.Walk: unexpected node type")
	}
	v.Visit(nil)
}

func walkExpr(v Visitor, x Expr) {
	if x != nil {
		Walk(v, x)
	}
}

func walkType(v Visitor, t TypeExpr) {
	if t != nil {
		Walk(v, t)
	}
}

type inspector func(Node) bool

func (f inspector) Visit(node Node) Visitor {
	if f(node) {
		return f
	}
	return nil
}

// Inspect traverses an AST in source order (see Walk): it calls f(node) for
// each node; if f returns true, Inspect visits the node's children and then
// calls f(nil).
func Inspect(node Node, f func(Node) bool) {
	Walk(inspector(f), node)
}
