package check

import (
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// newUnit makes the unit of a body; pre+name+post describes it in
// messages (joined only then).
func (c *checker) newUnit(obj *types.Object, vs *viewScope, kind region, pre, name, post string) *unit {
	if len(c.unitSlab) == cap(c.unitSlab) {
		c.unitSlab = make([]unit, 0, slabSize/8)
	}
	c.unitSlab = append(c.unitSlab, unit{obj: obj, view: vs, kind: kind, whatPre: pre, whatName: name, whatPost: post})
	u := &c.unitSlab[len(c.unitSlab)-1]
	if obj != nil {
		for len(c.unitOf) <= obj.ID {
			c.unitOf = append(c.unitOf, nil)
		}
		c.unitOf[obj.ID] = u
	}
	c.unitList = append(c.unitList, u)
	return u
}

// withScope runs f with an empty local scope (lazy checks of other
// declarations happen in the middle of a body).
func (c *checker) withScope(f func()) {
	saved, n := c.scopeBase, len(c.scope)
	c.scopeBase = n
	f()
	c.scope = c.scope[:n]
	c.scopeBase = saved
}

func (c *checker) checkBodies() {
	// App-wide names shadow the universe: one map answers both for the
	// bodies (the names are all declared by now).
	c.globals = make(map[string]*types.Object, len(c.pkg)+len(types.Universe))
	for k, o := range types.Universe {
		c.globals[k] = o
	}
	for k, o := range c.pkg {
		if o != nil {
			c.globals[k] = o
		}
	}
	for _, g := range c.info.Globals {
		switch g.Kind {
		case types.FuncObj:
			c.checkFunc(g, nil, nil)
		case types.AtomObj:
			c.objType(g)
		case types.ComputedObj:
			c.checkComputed(g)
		}
	}
	for _, s := range c.info.Structs {
		st := s.Type.(*types.Struct)
		for _, f := range st.Fields {
			c.objType(f)
		}
		for _, m := range st.Methods {
			c.checkFunc(m, nil, s)
		}
	}
	for _, e := range c.info.Enums {
		c.checkEnum(e)
	}
	for _, vi := range c.info.Views {
		vs := c.views[vi.Obj]
		for _, p := range vi.Props {
			c.objType(p)
		}
		for _, a := range vi.Atoms {
			c.objType(a)
		}
		for _, a := range vi.Computeds {
			c.checkComputed(a)
		}
		for _, f := range vi.Funcs {
			c.checkFunc(f, vs, nil)
		}
		for _, m := range vs.decl.Members {
			switch m := m.(type) {
			case *syntax.LifecycleDecl:
				pre := "onMount of view '"
				if m.Unmount {
					pre = "onUnmount of view '"
				}
				u := c.newUnit(nil, vs, regionHandler, pre, vs.obj.Name, "'")
				x := &ctx{u: u, view: vs, region: regionHandler}
				c.withScope(func() { c.block(x, m.Body) })
			case *syntax.RenderDecl:
				u := c.newUnit(nil, vs, regionRender, "render of view '", vs.obj.Name, "'")
				x := &ctx{u: u, view: vs, region: regionRender, track: true}
				c.withScope(func() { c.builderBlock(x, m.Body) })
			}
		}
	}
	if c.app != nil {
		c.checkApp(c.app)
	}
}

func (c *checker) checkEnum(e *types.Object) {
	et := e.Type.(*types.Enum)
	seen := map[string]*syntax.EnumCase{}
	for _, cs := range et.Cases {
		d := cs.Decl.(*syntax.EnumCase)
		if d.Value == nil {
			continue
		}
		if et.Raw == nil {
			c.errorNode(d.Value, diag.TypeMismatch, "enum case '%s' has a raw value but enum '%s' declares no raw type", cs.Name, e.Name)
			continue
		}
		x := &ctx{u: c.newUnit(nil, nil, regionInit, "raw value of '", e.Name+"."+cs.Name, "'"), region: regionInit}
		op := c.assign(x, d.Value, et.Raw, "raw value")
		if op.val == nil && !types.IsInvalid(op.t) {
			c.errorNode(d.Value, diag.TypeMismatch, "raw value of '%s' must be a literal", cs.Name)
		} else if op.val != nil {
			k := op.val.ExactString()
			if prev := seen[k]; prev != nil {
				c.errorNode(d.Value, diag.DuplicateDecl, "raw value %s is already used by case '%s'", k, prev.Name.Name)
			}
			seen[k] = d
		}
	}
	for _, m := range et.Methods {
		c.checkFunc(m, nil, e)
	}
}

// objType returns the type of an object, inferring it from its initial
// value on first use.
func (c *checker) objType(o *types.Object) types.Type {
	if o.Type != nil {
		if o.Kind == types.ComputedObj {
			c.checkComputed(o)
		} else if (o.Kind == types.AtomObj || o.Kind == types.PropObj || o.Kind == types.FieldObj) && c.unit(o) == nil {
			c.checkInit(o)
		}
		return o.Type
	}
	switch o.Kind {
	case types.AtomObj, types.PropObj, types.FieldObj:
		c.checkInit(o)
	case types.ComputedObj:
		c.checkComputed(o)
	}
	if o.Type == nil {
		o.Type = types.InvalidType
	}
	return o.Type
}

// checkInit checks the initial value of an atom, or the default of a prop
// or field, and sets the object's type if it was not declared.
func (c *checker) checkInit(o *types.Object) {
	if c.unit(o) != nil {
		return
	}
	var vs *viewScope
	if o.Owner != nil {
		vs = c.views[o.Owner]
	}
	what := "initial value of atom '"
	var value syntax.Expr
	var name *syntax.Ident
	switch d := o.Decl.(type) {
	case *syntax.AtomDecl:
		value, name = d.Value, d.Name
		if value == nil && d.Type != nil {
			if _, opt := o.Type.(*types.Optional); !opt {
				c.errorNode(d.Name, diag.MissingArgument, "atom '%s' needs an initial value", o.Name)
			}
		}
	case *syntax.PropDecl:
		value, name = d.Default, d.Name
		what = "default of '"
	}
	u := c.newUnit(o, vs, regionInit, what, o.Name, "'")
	if value == nil {
		if o.Type == nil {
			c.errorNode(name, diag.CannotInfer, "'%s' needs a type or an initial value", o.Name)
			o.Type = types.InvalidType
		}
		return
	}
	c.setResolving(o, true)
	x := &ctx{u: u, view: vs, region: regionInit}
	if vs == nil && o.Owner != nil {
		x.recv = o.Owner
	}
	c.withScope(func() {
		if o.Type != nil {
			c.assign(x, value, o.Type, what)
			return
		}
		op := c.value(x, value, nil)
		t := op.t
		if t == types.NilType {
			c.errorNode(value, diag.CannotInfer, "cannot infer the type of '%s' from nil", o.Name).Hint = "write the type: " + o.Name + ": T? = nil"
			t = types.InvalidType
		}
		o.Type = t
	})
	c.setResolving(o, false)
}

func (c *checker) checkComputed(o *types.Object) {
	if c.unit(o) != nil {
		if c.resolving(o) && o.Type == nil {
			o.Type = types.InvalidType // self-reference while inferring: the cycle is reported later
		}
		return
	}
	d := o.Decl.(*syntax.AtomDecl)
	var vs *viewScope
	if o.Owner != nil {
		vs = c.views[o.Owner]
	}
	u := c.newUnit(o, vs, regionComputed, "computed '", o.Name, "'")
	if d.Body == nil {
		if d.Value != nil {
			// atom computed x = expr
			c.setResolving(o, true)
			x := &ctx{u: u, view: vs, region: regionComputed}
			c.withScope(func() {
				if o.Type != nil {
					c.assign(x, d.Value, o.Type, "computed value")
				} else {
					o.Type = c.value(x, d.Value, nil).t
				}
			})
			c.setResolving(o, false)
		}
		if o.Type == nil {
			o.Type = types.InvalidType
		}
		return
	}
	c.setResolving(o, true)
	x := &ctx{u: u, view: vs, region: regionComputed, result: o.Type}
	if o.Type == nil {
		x.infer = &inferred{}
	}
	c.withScope(func() { c.funcBody(x, d.Body, d.Name.Name) })
	if o.Type == nil {
		o.Type = x.infer.t
		if o.Type == nil {
			c.errorNode(d.Name, diag.CannotInfer, "cannot infer the type of computed '%s'", o.Name).Hint = "declare it: atom computed " + o.Name + ": T { ... }"
			o.Type = types.InvalidType
		}
	}
	c.setResolving(o, false)
}

func (c *checker) checkFunc(o *types.Object, vs *viewScope, recv *types.Object) {
	d := o.Decl.(*syntax.FuncDecl)
	sig, _ := o.Type.(*types.Func)
	if sig == nil {
		return
	}
	u := c.newUnit(o, vs, regionHandler, "func '", o.Name, "'")
	x := &ctx{u: u, view: vs, recv: recv, mutating: o.Mutating, region: regionHandler, result: sig.Result}
	if recv != nil {
		x.self = c.newObj(types.SelfObj, "self", d.Name.Pos(), d, recv)
		x.self.Type = recv.Type
		x.self.Mutable = o.Mutating
	}
	c.withScope(func() {
		c.push()
		for i, p := range d.Params {
			po := c.newObj(types.ParamObj, p.Name.Name, p.Name.Pos(), p, nil)
			po.Type = sig.Params[i].Type
			c.def(p.Name, po)
			if p.Default != nil {
				px := &ctx{u: u, view: vs, recv: recv, region: regionInit}
				c.assign(px, p.Default, po.Type, "default value")
			}
			c.declareLocal(p.Name, po)
		}
		c.funcBody(x, d.Body, o.Name)
		c.pop()
	})
}

// funcBody checks a func, computed or closure body with result x.result (or
// inferring it when x.infer is set). A body of a single expression with a
// non-Void result is an implicit return.
func (c *checker) funcBody(x *ctx, b *syntax.BlockStmt, name string) {
	if b == nil {
		return
	}
	if len(b.Stmts) == 1 {
		if es, ok := b.Stmts[0].(*syntax.ExprStmt); ok {
			want := x.result
			if x.infer != nil {
				op := c.value(x, es.X, nil)
				c.inferResult(x, op.t, es.X)
				return
			}
			if want != nil && want != types.VoidType {
				c.assign(x, es.X, want, "return value")
				return
			}
		}
	}
	c.block(x, b)
	if x.infer == nil && x.result != nil && x.result != types.VoidType && !types.IsInvalid(x.result) && !terminates(b) {
		c.errorf(b.Rbrace, diag.BadReturn, "missing return in '%s' (expected a value of type '%s')", name, x.result)
	}
	if x.infer != nil && x.infer.t == nil {
		x.infer.t = types.VoidType
	}
}

func (c *checker) inferResult(x *ctx, t types.Type, at syntax.Node) {
	if x.infer.t == nil || types.IsInvalid(x.infer.t) {
		x.infer.t = t
		return
	}
	if !types.Assignable(t, x.infer.t) {
		if types.Assignable(x.infer.t, t) {
			x.infer.t = t
			return
		}
		c.errorNode(at, diag.BadReturn, "return type '%s' does not match earlier return type '%s'", t, x.infer.t)
	}
}

// terminates reports whether a block always ends in a return.
func terminates(b *syntax.BlockStmt) bool {
	if b == nil || len(b.Stmts) == 0 {
		return false
	}
	switch s := b.Stmts[len(b.Stmts)-1].(type) {
	case *syntax.ReturnStmt:
		return true
	case *syntax.IfStmt:
		for {
			if !terminates(s.Then) {
				return false
			}
			switch e := s.Else.(type) {
			case *syntax.BlockStmt:
				return terminates(e)
			case *syntax.IfStmt:
				s = e
				continue
			}
			return false
		}
	case *syntax.WhileStmt:
		if lit, ok := s.Cond.(*syntax.BasicLit); ok && lit.Kind == syntax.BoolLit && lit.Raw == "true" {
			return true
		}
	case *syntax.BlockStmt:
		return terminates(s)
	}
	return false
}

// ---------------------------------------------------------------------------
// Local scopes.

func (c *checker) push() { c.scope = append(c.scope, scopeEntry{}) }

func (c *checker) pop() {
	for i := len(c.scope) - 1; i >= c.scopeBase; i-- {
		if c.scope[i].obj == nil {
			c.scope = c.scope[:i]
			return
		}
	}
	c.scope = c.scope[:c.scopeBase]
}

func (c *checker) declareLocal(id *syntax.Ident, o *types.Object) {
	if id.Name == "_" {
		return
	}
	for i := len(c.scope) - 1; i >= c.scopeBase && c.scope[i].obj != nil; i-- {
		if c.scope[i].name == id.Name {
			d := c.errorNode(id, diag.DuplicateDecl, "'%s' is already declared in this scope", id.Name)
			d.Hint = "previous declaration at " + c.fset.Position(c.scope[i].obj.Pos).String()
			return
		}
	}
	c.scope = append(c.scope, scopeEntry{id.Name, o})
}

func (c *checker) lookupLocal(name string) *types.Object {
	for i := len(c.scope) - 1; i >= c.scopeBase; i-- {
		if e := c.scope[i]; e.obj != nil && e.name == name {
			return e.obj
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// Statements.

func (c *checker) block(x *ctx, b *syntax.BlockStmt) {
	c.push()
	for _, s := range b.Stmts {
		c.stmt(x, s)
	}
	c.pop()
}

func (c *checker) stmt(x *ctx, s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.ExprStmt:
		op := c.expr(x, s.X, nil)
		if op.t == types.ViewType {
			c.errorNode(s.X, diag.NotAView, "a view here is not displayed: views belong in render or in a builder closure")
			return
		}
		switch s.X.(type) {
		case *syntax.CallExpr, *syntax.BadExpr:
		default:
			if !types.IsInvalid(op.t) {
				c.errorNode(s.X, diag.UnusedResult, "expression of type '%s' is unused", op.t)
			}
		}
	case *syntax.DeclStmt:
		c.declStmt(x, s)
	case *syntax.AssignStmt:
		c.assignStmt(x, s)
	case *syntax.IfStmt:
		c.ifStmt(x, s, false)
	case *syntax.ForStmt:
		c.forStmt(x, s, false)
	case *syntax.WhileStmt:
		c.cond(x, s.Cond, "while")
		inner := *x
		inner.loop = true
		c.block(&inner, s.Body)
	case *syntax.ReturnStmt:
		c.returnStmt(x, s)
	case *syntax.BranchStmt:
		if !x.loop {
			c.errorNode(s, diag.BranchOutsideLoop, "'%s' outside a loop", map[syntax.Token]string{syntax.BREAK: "break", syntax.CONTINUE: "continue"}[s.Tok])
		}
	case *syntax.BlockStmt:
		c.block(x, s)
	case *syntax.BadStmt:
	}
}

func (c *checker) returnStmt(x *ctx, s *syntax.ReturnStmt) {
	if x.infer != nil {
		t := types.Type(types.VoidType)
		if s.Value != nil {
			t = c.value(x, s.Value, nil).t
		}
		c.inferResult(x, t, s)
		return
	}
	want := x.result
	if want == nil {
		want = types.VoidType
	}
	if s.Value == nil {
		if want != types.VoidType && !types.IsInvalid(want) {
			c.errorNode(s, diag.BadReturn, "missing return value of type '%s'", want)
		}
		return
	}
	if want == types.VoidType {
		op := c.value(x, s.Value, nil)
		if op.t != types.VoidType && !types.IsInvalid(op.t) {
			c.errorNode(s.Value, diag.BadReturn, "unexpected return value of type '%s' in a function that returns nothing", op.t)
		}
		return
	}
	c.assign(x, s.Value, want, "return value")
}

func (c *checker) declStmt(x *ctx, s *syntax.DeclStmt) {
	o := c.newObj(types.LocalObj, s.Name.Name, s.Name.Pos(), s, nil)
	o.Mutable = s.Var
	var declared types.Type
	if s.Type != nil {
		declared = c.typeExpr(s.Type)
	}
	var op operand
	switch {
	case s.Value == nil:
		if declared == nil {
			c.errorNode(s.Name, diag.CannotInfer, "'%s' needs a type or an initial value", s.Name.Name)
			declared = types.InvalidType
		}
		if !s.Var {
			c.errorNode(s.Name, diag.MissingArgument, "'let' constant '%s' needs a value", s.Name.Name)
		}
		o.Type = declared
	case declared != nil:
		op = c.assign(x, s.Value, declared, "initial value")
		o.Type = declared
	default:
		op = c.value(x, s.Value, nil)
		if op.t == types.NilType {
			c.errorNode(s.Value, diag.CannotInfer, "cannot infer the type of '%s' from nil", s.Name.Name).Hint = "write the type: var " + s.Name.Name + ": T? = nil"
			op.t = types.InvalidType
		}
		if op.t == types.VoidType {
			c.errorNode(s.Value, diag.TypeMismatch, "'%s' has no value: the expression returns nothing", s.Name.Name)
		}
		o.Type = op.t
	}
	c.def(s.Name, o)
	if !s.Var && op.val != nil {
		c.localVal[o] = TypeAndValue{Type: o.Type, Value: op.val}
	}
	if x.track && op.deps != nil {
		c.localDeps[o] = op.deps
		c.setDeps(s, op.deps)
	}
	c.declareLocal(s.Name, o)
}

func (c *checker) cond(x *ctx, e syntax.Expr, what string) operand {
	op := c.value(x, e, types.BoolType)
	if op.t != types.BoolType {
		op.val = nil
	}
	if !types.IsInvalid(op.t) && op.t != types.BoolType {
		d := c.errorNode(e, diag.NonBoolCondition, "%s condition must be Bool, not '%s'", what, op.t)
		if _, ok := op.t.(*types.Optional); ok {
			d.Hint = "compare with nil (x != nil) or unwrap with 'if let'"
		}
	}
	return op
}

func (c *checker) ifStmt(x *ctx, s *syntax.IfStmt, builder bool) {
	c.push()
	var deps *DepSet
	switch cond := s.Cond.(type) {
	case *syntax.OptionalBinding:
		deps = c.optionalBinding(x, cond)
	case syntax.Expr:
		deps = c.cond(x, cond, "if").deps
	}
	if x.track && deps != nil {
		c.setDeps(s, deps)
	}
	if builder {
		c.builderBlock(x, s.Then)
	} else {
		c.block(x, s.Then)
	}
	c.pop()
	switch e := s.Else.(type) {
	case *syntax.IfStmt:
		c.ifStmt(x, e, builder)
	case *syntax.BlockStmt:
		if builder {
			c.builderBlock(x, e)
		} else {
			c.block(x, e)
		}
	}
}

func (c *checker) optionalBinding(x *ctx, b *syntax.OptionalBinding) *DepSet {
	var op operand
	if b.Value != nil {
		op = c.value(x, b.Value, nil)
	} else {
		// if let x: shorthand for if let x = x
		op = c.ident(x, b.Name, nil)
		c.record(x, b.Name, op)
	}
	t := op.t
	if !types.IsInvalid(t) {
		if el, ok := types.Unwrap(t); ok {
			t = el
		} else {
			at := syntax.Node(b.Name)
			if b.Value != nil {
				at = b.Value
			}
			c.errorNode(at, diag.OptionalMisuse, "'if let' needs an optional value, not '%s'", t).Hint = "use 'let' for a plain value, or a Bool condition"
		}
	}
	o := c.newObj(types.LocalObj, b.Name.Name, b.Name.Pos(), b, nil)
	o.Type = t
	if b.Value != nil {
		c.def(b.Name, o)
	} else {
		c.setDef(b.Name, o)
	}
	if x.track && op.deps != nil {
		c.localDeps[o] = op.deps
	}
	c.declareLocal(b.Name, o)
	return op.deps
}

func (c *checker) forStmt(x *ctx, s *syntax.ForStmt, builder bool) {
	op := c.value(x, s.Seq, nil)
	elem := types.Elem(op.t)
	if elem == nil {
		if !types.IsInvalid(op.t) {
			d := c.errorNode(s.Seq, diag.TypeMismatch, "cannot iterate over a value of type '%s'", op.t)
			switch op.t.(type) {
			case *types.Optional:
				d.Hint = "unwrap it first (?? [] or if let)"
			case *types.Dictionary:
				d.Hint = "iterate over .keys or .values"
			}
		}
		elem = types.InvalidType
	}
	if x.track && op.deps != nil {
		c.setDeps(s, op.deps)
	}
	c.push()
	o := c.newObj(types.LocalObj, s.Var.Name, s.Var.Pos(), s, nil)
	o.Type = elem
	c.def(s.Var, o)
	if root := rootIdent(s.Seq); root != nil {
		if src := c.info.UseOf(root); src != nil {
			if src.IsState() {
				c.loopSource[o] = src
			} else if ls := c.loopSource[src]; ls != nil {
				c.loopSource[o] = ls
			}
		}
	}
	if x.track && op.deps != nil {
		c.localDeps[o] = op.deps
		c.info.Locals[o] = op.deps
	}
	c.declareLocal(s.Var, o)
	if builder {
		c.builderBlock(x, s.Body)
	} else {
		inner := *x
		inner.loop = true
		c.block(&inner, s.Body)
	}
	c.pop()
}

// builderBlock checks view builder content: render bodies and the content
// closures of VStack, ForEach, Html elements ...
func (c *checker) builderBlock(x *ctx, b *syntax.BlockStmt) *DepSet {
	c.push()
	var deps *DepSet
	for _, s := range b.Stmts {
		switch s := s.(type) {
		case *syntax.ExprStmt:
			op := c.value(x, s.X, types.ViewType)
			if !types.IsInvalid(op.t) && op.t != types.ViewType {
				d := c.errorNode(s.X, diag.NotAView, "expression of type '%s' is not a view", op.t)
				if op.t == types.StringType {
					d.Hint = "wrap text in Text(...)"
				} else if op.t == types.VoidType {
					d.Hint = "render content cannot run actions; call it from an event handler (Button action, onTapGesture, on(...))"
				}
			}
			deps = c.union(deps, op.deps)
		case *syntax.DeclStmt:
			if s.Var {
				c.errorf(s.Keyword, diag.NotAView, "render content cannot declare variables; use 'let' (or an atom for state)")
			}
			c.declStmt(x, s)
		case *syntax.IfStmt:
			c.ifStmt(x, s, true)
		case *syntax.ForStmt:
			c.forStmt(x, s, true)
		case *syntax.AssignStmt:
			c.assignStmt(x, s)
		case *syntax.BadStmt:
		default:
			c.errorNode(s, diag.NotAView, "this statement is not allowed in view builder content").Hint = "builder content holds views, if, for and let"
		}
	}
	c.pop()
	return deps
}

// assignStmt checks x = v and x op= v.
func (c *checker) assignStmt(x *ctx, s *syntax.AssignStmt) {
	if id, ok := s.Lhs.(*syntax.Ident); ok && id.Name == "_" && s.Op == syntax.ASSIGN {
		// _ = f(): evaluate and discard
		c.value(x, s.Rhs, nil)
		return
	}
	var lhs operand
	if id, ok := s.Lhs.(*syntax.Ident); ok && id.Name == "self" && x.self != nil {
		lhs = c.base(x, id) // self = v: checkPlace says it is not supported
	} else {
		lhs = c.expr(x, s.Lhs, nil)
	}
	c.checkPlace(x, s.Lhs, s.OpPos, "assign to")
	if s.Op == syntax.ASSIGN {
		c.assign(x, s.Rhs, lhs.t, "assignment")
		return
	}
	if types.IsInvalid(lhs.t) {
		c.value(x, s.Rhs, nil)
		return
	}
	rhs := c.value(x, s.Rhs, lhs.t)
	op := map[syntax.Token]syntax.Token{
		syntax.ADD_ASSIGN: syntax.ADD, syntax.SUB_ASSIGN: syntax.SUB, syntax.MUL_ASSIGN: syntax.MUL,
		syntax.QUO_ASSIGN: syntax.QUO, syntax.REM_ASSIGN: syntax.REM,
	}[s.Op]
	if types.IsInvalid(rhs.t) {
		return
	}
	ok := false
	switch {
	case types.Identical(lhs.t, rhs.t) && types.IsNumeric(lhs.t):
		ok = op != syntax.REM || lhs.t == types.IntType
	case op == syntax.ADD && lhs.t == types.StringType && rhs.t == types.StringType:
		ok = true
	case op == syntax.ADD && types.Identical(lhs.t, rhs.t):
		_, ok = lhs.t.(*types.Array)
	}
	if !ok {
		d := c.errorf(s.OpPos, diag.BadOperands, "operator '%s' cannot be applied to '%s' and '%s'", opString(s.Op), lhs.t, rhs.t)
		if types.IsNumeric(lhs.t) && types.IsNumeric(rhs.t) {
			d.Hint = "convert explicitly: " + lhs.t.String() + "(...)"
		}
	}
}
