package ir

import "slices"

// Cloner deep-copies render content, expressions and statements, so a pass
// can place a copy of a view's body somewhere else (inlining) and change it
// without touching the original. Variables declared inside the copied code
// (render lets, loop variables, `if let` bindings, closure parameters,
// locals) are replaced by fresh ones, named by NewVar; references to
// variables declared outside are kept.
type Cloner struct {
	// NewVar returns the copy of a variable declared in the copied code.
	// Nil: a copy with the same name and ID.
	NewVar func(v *Var) *Var
	vars   map[*Var]*Var
}

func (c *Cloner) declare(v *Var) *Var {
	if v == nil {
		return nil
	}
	var n *Var
	if c.NewVar != nil {
		n = c.NewVar(v)
	} else {
		cp := *v
		n = &cp
	}
	if c.vars == nil {
		c.vars = map[*Var]*Var{}
	}
	c.vars[v] = n
	return n
}

func (c *Cloner) x(x X) X {
	x.D.Atoms = slices.Clone(x.D.Atoms)
	x.D.Props = slices.Clone(x.D.Props)
	return x
}

// Nodes copies render content.
func (c *Cloner) Nodes(ns []Node) []Node {
	if ns == nil {
		return nil
	}
	out := make([]Node, len(ns))
	for i, n := range ns {
		out[i] = c.Node(n)
	}
	return out
}

// Node copies one render node.
func (c *Cloner) Node(n Node) Node {
	switch n := n.(type) {
	case *Element:
		cp := *n
		cp.Args = c.args(n.Args)
		cp.Mods = c.Mods(n.Mods)
		cp.Children = c.Nodes(n.Children)
		return &cp
	case *Instance:
		cp := *n
		cp.Props = make([]*PropArg, len(n.Props))
		for i, a := range n.Props {
			cp.Props[i] = &PropArg{Prop: a.Prop, Value: c.Expr(a.Value)}
		}
		cp.Mods = c.Mods(n.Mods)
		return &cp
	case *If:
		cp := *n
		cp.Cond = c.Expr(n.Cond)
		cp.Bind = c.declare(n.Bind)
		cp.Then = c.Nodes(n.Then)
		cp.Else = c.Nodes(n.Else)
		return &cp
	case *For:
		cp := *n
		cp.Seq = c.Expr(n.Seq)
		cp.Var = c.declare(n.Var)
		cp.Key = slices.Clone(n.Key)
		cp.Body = c.Nodes(n.Body)
		return &cp
	case *Let:
		cp := *n
		cp.Value = c.Expr(n.Value)
		cp.Var = c.declare(n.Var)
		return &cp
	}
	panic("ir: Cloner.Node: unknown node")
}

// Mods copies modifiers.
func (c *Cloner) Mods(ms []*Modifier) []*Modifier {
	if ms == nil {
		return nil
	}
	out := make([]*Modifier, len(ms))
	for i, m := range ms {
		cp := *m
		cp.Args = c.args(m.Args)
		out[i] = &cp
	}
	return out
}

func (c *Cloner) args(as []*Arg) []*Arg {
	if as == nil {
		return nil
	}
	out := make([]*Arg, len(as))
	for i, a := range as {
		out[i] = &Arg{Name: a.Name, Value: c.Expr(a.Value)}
	}
	return out
}

func (c *Cloner) exprs(es []Expr) []Expr {
	if es == nil {
		return nil
	}
	out := make([]Expr, len(es))
	for i, e := range es {
		out[i] = c.Expr(e)
	}
	return out
}

// Expr copies an expression (nil stays nil).
func (c *Cloner) Expr(e Expr) Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *Const:
		cp := *e
		cp.X = c.x(e.X)
		return &cp
	case *Ref:
		cp := *e
		cp.X = c.x(e.X)
		if v, ok := e.Sym.(*Var); ok {
			if n := c.vars[v]; n != nil {
				cp.Sym = n
			}
		}
		return &cp
	case *Unary:
		cp := *e
		cp.X = c.x(e.X)
		cp.Y = c.Expr(e.Y)
		return &cp
	case *Binary:
		cp := *e
		cp.X = c.x(e.X)
		cp.L, cp.R = c.Expr(e.L), c.Expr(e.R)
		return &cp
	case *Range:
		cp := *e
		cp.X = c.x(e.X)
		cp.Lo, cp.Hi = c.Expr(e.Lo), c.Expr(e.Hi)
		return &cp
	case *Cond:
		cp := *e
		cp.X = c.x(e.X)
		cp.Cond, cp.Then, cp.Else = c.Expr(e.Cond), c.Expr(e.Then), c.Expr(e.Else)
		return &cp
	case *Interp:
		cp := *e
		cp.X = c.x(e.X)
		cp.Parts = c.exprs(e.Parts)
		return &cp
	case *Field:
		cp := *e
		cp.X = c.x(e.X)
		cp.Y = c.Expr(e.Y)
		return &cp
	case *Index:
		cp := *e
		cp.X = c.x(e.X)
		cp.Y, cp.Index = c.Expr(e.Y), c.Expr(e.Index)
		return &cp
	case *Unwrap:
		cp := *e
		cp.X = c.x(e.X)
		cp.Y = c.Expr(e.Y)
		return &cp
	case *Call:
		cp := *e
		cp.X = c.x(e.X)
		cp.Recv = c.Expr(e.Recv)
		cp.Args = c.exprs(e.Args)
		return &cp
	case *CallValue:
		cp := *e
		cp.X = c.x(e.X)
		cp.Fn = c.Expr(e.Fn)
		cp.Args = c.exprs(e.Args)
		return &cp
	case *Lib:
		cp := *e
		cp.X = c.x(e.X)
		cp.Recv = c.Expr(e.Recv)
		cp.Args = c.exprs(e.Args)
		cp.Labels = slices.Clone(e.Labels)
		return &cp
	case *ArrayLit:
		cp := *e
		cp.X = c.x(e.X)
		cp.Elems = c.exprs(e.Elems)
		return &cp
	case *DictLit:
		cp := *e
		cp.X = c.x(e.X)
		cp.Keys, cp.Values = c.exprs(e.Keys), c.exprs(e.Values)
		return &cp
	case *StructLit:
		cp := *e
		cp.X = c.x(e.X)
		cp.Fields = c.exprs(e.Fields)
		return &cp
	case *Closure:
		cp := *e
		cp.X = c.x(e.X)
		cp.Params = make([]*Var, len(e.Params))
		for i, p := range e.Params {
			cp.Params[i] = c.declare(p)
		}
		cp.Body = c.Block(e.Body)
		return &cp
	case *Bind:
		cp := *e
		cp.X = c.x(e.X)
		cp.Place = c.Expr(e.Place)
		return &cp
	case *KeyPath:
		cp := *e
		cp.X = c.x(e.X)
		cp.Path = slices.Clone(e.Path)
		return &cp
	}
	panic("ir: Cloner.Expr: unknown expression")
}

// Block copies a block (nil stays nil).
func (c *Cloner) Block(b *Block) *Block {
	if b == nil {
		return nil
	}
	out := &Block{P: b.P, Stmts: make([]Stmt, len(b.Stmts))}
	for i, s := range b.Stmts {
		out.Stmts[i] = c.Stmt(s)
	}
	return out
}

// Stmt copies a statement (nil stays nil).
func (c *Cloner) Stmt(s Stmt) Stmt {
	switch s := s.(type) {
	case nil:
		return nil
	case *Block:
		return c.Block(s)
	case *Local:
		cp := *s
		cp.Value = c.Expr(s.Value)
		cp.Var = c.declare(s.Var)
		return &cp
	case *Assign:
		cp := *s
		cp.Place, cp.Value = c.Expr(s.Place), c.Expr(s.Value)
		return &cp
	case *ExprStmt:
		cp := *s
		cp.X = c.Expr(s.X)
		return &cp
	case *IfStmt:
		cp := *s
		cp.Cond = c.Expr(s.Cond)
		cp.Bind = c.declare(s.Bind)
		cp.Then = c.Block(s.Then)
		cp.Else = c.Stmt(s.Else)
		return &cp
	case *ForStmt:
		cp := *s
		cp.Seq = c.Expr(s.Seq)
		cp.Var = c.declare(s.Var)
		cp.Body = c.Block(s.Body)
		return &cp
	case *While:
		cp := *s
		cp.Cond = c.Expr(s.Cond)
		cp.Body = c.Block(s.Body)
		return &cp
	case *Return:
		cp := *s
		cp.Value = c.Expr(s.Value)
		return &cp
	case *Branch:
		cp := *s
		return &cp
	}
	panic("ir: Cloner.Stmt: unknown statement")
}
