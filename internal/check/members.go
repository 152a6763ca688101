package check

import (
	"go/constant"
	"sort"
	"strconv"
	"strings"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

type selKey struct {
	kind   SelectionKind
	obj    *types.Object
	member *types.Member
}

// sel returns the shared Selection of a kind, object and member.
func (c *checker) sel(kind SelectionKind, obj *types.Object, m *types.Member) *Selection {
	k := selKey{kind, obj, m}
	if s := c.sels[k]; s != nil {
		return s
	}
	s := &Selection{Kind: kind, Obj: obj, Member: m}
	c.sels[k] = s
	return s
}

// memberConst is the constant value of a static library property.
func memberConst(m *types.Member) constant.Value {
	switch m.ID {
	case types.ColorNamed:
		return constant.MakeString(m.Value)
	case types.DoublePi:
		f, _ := strconv.ParseFloat(m.Value, 64)
		return constant.MakeFloat64(f)
	case types.FontStyle, types.FontWeightValue, types.EdgeSetValue, types.AlignmentValue, types.AxisValue:
		return constant.MakeString(m.Name)
	}
	return nil
}

func (c *checker) selector(x *ctx, e *syntax.SelectorExpr, want types.Type) operand {
	if tr, ok := unwrapOpt(want).(*types.TokenRef); ok {
		if path, root, ok := tokenPath(e); ok {
			return c.tokenRef(x, e, root, path, tr)
		}
	}
	if e.Sel.Name == "self" {
		if t := c.typeOfExpr(e.X); t != nil {
			return operand{t: &types.Meta{Of: t}}
		}
	}
	xop := c.base(x, e.X)
	if types.IsInvalid(xop.t) {
		return invalid()
	}
	if m, ok := xop.t.(*types.Meta); ok {
		return c.staticMember(x, e, m.Of, xop.obj)
	}
	base := xop.t
	opt := false
	if o, ok := base.(*types.Optional); ok {
		switch {
		case e.Optional || xop.chain:
			base, opt = o.Elem, true
		default:
			d := c.errorNode(e.X, diag.OptionalMisuse, "value of optional type '%s' must be unwrapped to refer to member '%s'", xop.t, e.Sel.Name)
			d.Hint = "use ?. to chain, ?? to give a default, or 'if let' to unwrap"
			return invalid()
		}
	} else if e.Optional {
		c.errorNode(e.X, diag.OptionalMisuse, "cannot use '?.' on a value of non-optional type '%s'", xop.t).Hint = "use '.'"
	}
	op := c.instanceMember(x, e, base)
	op.deps = c.union(xop.deps, op.deps)
	if opt && !types.IsInvalid(op.t) {
		op.t = types.NewOptional(op.t)
		op.chain = true
		op.val = nil
		if s := c.info.SelectionOf(e); s != nil {
			cp := *s
			cp.Optional = true
			c.setSel(e, &cp)
		}
	}
	return op
}

// typeOfExpr interprets an expression as a type (for T.self): a type name,
// [T] or [K: V].
func (c *checker) typeOfExpr(e syntax.Expr) types.Type {
	t := c.typeOfExpr0(e)
	if t != nil {
		c.setType(e, TypeAndValue{Type: &types.Meta{Of: t}})
	}
	return t
}

func (c *checker) typeOfExpr0(e syntax.Expr) types.Type {
	switch e := e.(type) {
	case *syntax.Ident:
		if t := types.LookupType(e.Name); t != nil && !types.IsNamespace(t) {
			return t
		}
		if o := c.pkg[e.Name]; o != nil && (o.Kind == types.StructObj || o.Kind == types.EnumObj) {
			c.setUse(e, o)
			return o.Type
		}
	case *syntax.ArrayLit:
		if len(e.Elems) == 1 {
			if t := c.typeOfExpr(e.Elems[0]); t != nil {
				return &types.Array{Elem: t}
			}
		}
	case *syntax.DictLit:
		if len(e.Keys) == 1 {
			k, v := c.typeOfExpr(e.Keys[0]), c.typeOfExpr(e.Values[0])
			if k != nil && v != nil {
				return &types.Dictionary{Key: k, Value: v}
			}
		}
	}
	return nil
}

func (c *checker) staticMember(x *ctx, e *syntax.SelectorExpr, t types.Type, obj *types.Object) operand {
	name := e.Sel.Name
	switch t := t.(type) {
	case *types.Enum:
		if cs := c.members[t.Obj][name]; cs != nil && cs.Kind == types.CaseObj {
			c.setUse(e.Sel, cs)
			c.setSel(e, c.sel(SelCase, cs, nil))
			return operand{t: t, val: c.str(cs.Name)}
		}
		c.unknownCase(e.Sel, name, t)
		return invalid()
	case *types.Struct, *types.ViewDecl:
		c.errorNode(e.Sel, diag.UnknownMember, "type '%s' has no member '%s'", t, name)
		return invalid()
	}
	if m := types.LookupMember(types.RecvKey(t), name, true); m != nil {
		if m.Kind != types.Property {
			c.errorNode(e.Sel, diag.MethodValue, "'%s.%s' must be called", t, name)
			return invalid()
		}
		c.setSel(e, c.sel(SelLibrary, nil, m))
		return operand{t: m.Type, val: c.memberConst(m)}
	}
	d := c.errorNode(e.Sel, diag.UnknownMember, "type '%s' has no member '%s'", t, name)
	if s := closest(name, staticNames(t)); s != "" {
		d.Hint = "did you mean '" + s + "'?"
	}
	return invalid()
}

func staticNames(t types.Type) []string {
	key := types.RecvKey(t)
	var out []string
	for _, m := range types.Members {
		if m.Recv == key && m.Static && m.Kind != types.Init {
			out = append(out, m.Name)
		}
	}
	return out
}

func instanceNames(t types.Type) []string {
	key := types.RecvKey(t)
	var out []string
	for _, m := range types.Members {
		if m.Recv == key && !m.Static {
			out = append(out, m.Name)
		}
	}
	return out
}

func (c *checker) unknownCase(at syntax.Node, name string, t *types.Enum) {
	var names []string
	for _, cs := range t.Cases {
		names = append(names, cs.Name)
	}
	d := c.errorNode(at, diag.UnknownCase, "enum '%s' has no case '%s'", t.Obj.Name, name)
	if s := closest(name, names); s != "" {
		d.Hint = "did you mean '." + s + "'?"
	} else if len(names) > 0 {
		d.Hint = "cases: ." + strings.Join(names, ", .")
	}
}

// instanceMember resolves base.sel for a value of type base (not a call).
func (c *checker) instanceMember(x *ctx, e *syntax.SelectorExpr, base types.Type) operand {
	name := e.Sel.Name
	switch t := base.(type) {
	case *types.Struct:
		if f := c.members[t.Obj][name]; f != nil {
			c.setUse(e.Sel, f)
			if f.Kind == types.FieldObj {
				c.setSel(e, c.sel(SelField, f, nil))
				return operand{t: c.objType(f)}
			}
			c.errorNode(e.Sel, diag.MethodValue, "method '%s' must be called: %s(...)", name, name)
			return invalid()
		}
	case *types.Enum:
		if name == "rawValue" && t.Raw != nil {
			c.setSel(e, c.sel(SelRawValue, nil, nil))
			return operand{t: t.Raw}
		}
		if f := c.members[t.Obj][name]; f != nil && f.Kind == types.FuncObj {
			c.errorNode(e.Sel, diag.MethodValue, "method '%s' must be called: %s(...)", name, name)
			return invalid()
		}
	case *types.Named:
		if t == types.ViewType {
			if types.LookupModifier(name) != nil {
				c.errorNode(e.Sel, diag.MethodValue, "modifier '%s' must be called: .%s(...)", name, name)
			} else {
				c.unknownModifier(e.Sel)
			}
			return invalid()
		}
	}
	if m := types.LookupMember(types.RecvKey(base), name, false); m != nil {
		if m.Kind != types.Property {
			c.errorNode(e.Sel, diag.MethodValue, "method '%s' must be called: %s(...)", name, name)
			return invalid()
		}
		if m.ID == types.ArrayJoined {
			return invalid()
		}
		c.setSel(e, c.sel(SelLibrary, nil, m))
		return operand{t: types.Subst(m.Type, types.RecvBindings(base))}
	}
	d := c.errorNode(e.Sel, diag.UnknownMember, "value of type '%s' has no member '%s'", base, name)
	var names []string
	switch t := base.(type) {
	case *types.Struct, *types.Enum:
		var owner *types.Object
		if s, ok := t.(*types.Struct); ok {
			owner = s.Obj
		} else {
			owner = t.(*types.Enum).Obj
		}
		for n := range c.members[owner] {
			names = append(names, n)
		}
	default:
		names = instanceNames(base)
	}
	if s := closest(name, names); s != "" {
		d.Hint = "did you mean '" + s + "'?"
	}
	return invalid()
}

func (c *checker) unknownModifier(id *syntax.Ident) {
	d := c.errorNode(id, diag.UnknownModifier, "unknown modifier '%s'", id.Name)
	var names []string
	for _, m := range types.Modifiers {
		names = append(names, m.Name)
	}
	if s := closest(id.Name, names); s != "" {
		d.Hint = "did you mean '." + s + "'?"
	}
}

// implicit resolves .name against the expected type.
func (c *checker) implicit(x *ctx, e *syntax.ImplicitMemberExpr, want types.Type) operand {
	base := unwrapOpt(want)
	name := e.Name.Name
	switch t := base.(type) {
	case nil:
		c.errorNode(e, diag.CannotInfer, "cannot infer the type of '.%s' here", name).Hint = "write the type in full, e.g. Color." + name
		return invalid()
	case *types.Enum:
		if cs := c.members[t.Obj][name]; cs != nil && cs.Kind == types.CaseObj {
			c.setUse(e.Name, cs)
			c.setSel(e, c.sel(SelCase, cs, nil))
			return operand{t: t, val: c.str(cs.Name)}
		}
		c.unknownCase(e, e.Name.Name, t)
		return invalid()
	case *types.TokenRef:
		return c.tokenRef(x, e, e, []*syntax.Ident{e.Name}, t)
	case *types.Basic:
		if types.IsInvalid(t) {
			return invalid()
		}
	}
	if m := types.LookupMember(types.RecvKey(base), name, true); m != nil && m.Kind == types.Property {
		c.setSel(e, c.sel(SelLibrary, nil, m))
		return operand{t: m.Type, val: c.memberConst(m)}
	}
	d := c.errorNode(e, diag.UnknownCase, "type '%s' has no member '%s'", base, name)
	if s := closest(name, staticNames(base)); s != "" {
		d.Hint = "did you mean '." + s + "'?"
	}
	return invalid()
}

// tokenPath reports whether e is .a.b.c (an implicit member followed by
// member accesses) and returns its names.
func tokenPath(e syntax.Expr) ([]*syntax.Ident, *syntax.ImplicitMemberExpr, bool) {
	var rev []*syntax.Ident
	for {
		switch n := e.(type) {
		case *syntax.SelectorExpr:
			if n.Optional {
				return nil, nil, false
			}
			rev = append(rev, n.Sel)
			e = n.X
			continue
		case *syntax.ImplicitMemberExpr:
			rev = append(rev, n.Name)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			return rev, n, true
		}
		return nil, nil, false
	}
}

// tokenRef resolves a design token name (.primary, .brand.primary).
func (c *checker) tokenRef(x *ctx, e syntax.Expr, root *syntax.ImplicitMemberExpr, path []*syntax.Ident, t *types.TokenRef) operand {
	names := make([]string, len(path))
	for i, id := range path {
		names[i] = id.Name
	}
	name := strings.Join(names, ".")
	tok := c.tokens.Lookup(t.Section, name)
	if tok == nil {
		last := path[len(path)-1]
		at := &span{root.Pos(), last.End()}
		if c.tokens.HasGroup(t.Section, name) {
			c.errorNode(at, diag.UnknownToken, "'%s' is a group of %s tokens, not a token", name, t.Section).Hint = "name a token in it: ." + name + ".<name>"
			return invalid()
		}
		d := c.errorNode(at, diag.UnknownToken, "unknown %s token '%s'", t.Section, name)
		all := c.tokens.Names(t.Section)
		if s := closest(name, all); s != "" {
			d.Hint = "did you mean '." + s + "'?"
		} else {
			where := "tokens.yml"
			if c.tokens.File != nil {
				where = c.tokens.File.Name
			}
			if len(all) > 8 {
				all = append(all[:8:8], "...")
			}
			d.Hint = "define it in " + where + " under " + t.Section + ":"
			if len(all) > 0 {
				d.Hint += " (defined: " + strings.Join(all, ", ") + ")"
			}
		}
		return invalid()
	}
	sel := &Selection{Kind: SelToken, Token: tok}
	c.setSel(e, sel)
	if e != syntax.Expr(root) {
		c.setSel(root, sel)
	}
	return operand{t: t, val: c.tokenConst(tok)}
}

// span is a synthetic node for diagnostics covering a range.
type span struct{ from, to sourcePos }

func (s *span) Pos() sourcePos { return s.from }
func (s *span) End() sourcePos { return s.to }

// tokenConst is the constant a token inlines to: a color's hex string, a
// length or opacity as Double; fonts are not constants (see Call.Token).
func tokenConst(t *design.Token) constant.Value {
	switch t.Section {
	case "color":
		return constant.MakeString(t.Color)
	case "font":
		return nil
	}
	return constant.MakeFloat64(t.Number)
}

// ---------------------------------------------------------------------------
// Key paths and bindings.

func (c *checker) keyPath(x *ctx, e *syntax.KeyPathExpr, want types.Type) operand {
	var root types.Type
	if e.Root != nil {
		root = c.typeOfExpr(e.Root)
		if root == nil {
			c.errorNode(e.Root, diag.UnknownType, "unknown type '%s' in key path", e.Root.Name)
			return invalid()
		}
	} else if kp, ok := unwrapOpt(want).(*types.KeyPath); ok && !types.HasTypeParams(kp.Root) {
		root = kp.Root
	}
	if root == nil {
		c.errorNode(e, diag.CannotInfer, "cannot infer the root type of this key path").Hint = "write it: \\Type.field"
		return invalid()
	}
	t := root
	for _, id := range e.Path {
		if id.Name == "self" {
			continue
		}
		switch s := t.(type) {
		case *types.Struct:
			if f := c.members[s.Obj][id.Name]; f != nil && f.Kind == types.FieldObj {
				c.setUse(id, f)
				t = c.objType(f)
				continue
			}
		case *types.Enum:
			if id.Name == "rawValue" && s.Raw != nil {
				t = s.Raw
				continue
			}
		}
		if m := types.LookupMember(types.RecvKey(t), id.Name, false); m != nil && m.Kind == types.Property {
			t = types.Subst(m.Type, types.RecvBindings(t))
			continue
		}
		c.errorNode(id, diag.BadKeyPath, "key path: type '%s' has no field '%s'", t, id.Name)
		return invalid()
	}
	return operand{t: &types.KeyPath{Root: root, Value: t}}
}

func (c *checker) binding(x *ctx, e *syntax.BindingExpr, want types.Type) operand {
	w, ok := unwrapOpt(want).(*types.Binding)
	op := c.value(x, e.X, nil)
	if types.IsInvalid(op.t) {
		return invalid()
	}
	if !ok {
		if want != types.InvalidType {
			c.errorNode(e, diag.BadBinding, "a binding ($%s) can only be passed to a Binding parameter", exprName(e.X)).Hint = "TextField(text: $x) and Toggle(isOn: $x) take bindings; use the value without $ here"
		}
		return invalid()
	}
	_ = w
	root := rootIdent(e.X)
	var o *types.Object
	if root != nil {
		o = c.info.UseOf(root)
	}
	src := o
	if o != nil && (o.Kind == types.LocalObj || o.Kind == types.ParamObj) {
		src = c.loopSource[o]
	}
	if src != nil && src.Kind == types.ComputedObj && o != src {
		c.errorNode(e, diag.BadBinding, "cannot bind to '%s': it iterates over computed '%s', which is read-only", o.Name, src.Name).Hint = "iterate over the atom itself to bind its elements' fields"
		return invalid()
	}
	if src == nil || src.Kind != types.AtomObj {
		what := "this expression"
		if o != nil {
			what = o.Kind.String() + " '" + o.Name + "'"
		}
		c.errorNode(e, diag.BadBinding, "cannot bind to %s: $ needs an atom or a field of one", what).Hint = "declare the state with 'atom'"
		return invalid()
	}
	// Fields along the path must be var; subscripts select an element.
	for cur := e.X; ; {
		if s, ok := cur.(*syntax.SubscriptExpr); ok {
			cur = s.X
			continue
		}
		s, ok := cur.(*syntax.SelectorExpr)
		if !ok {
			break
		}
		if sel := c.info.SelectionOf(s); sel != nil && sel.Kind == SelField && !sel.Obj.Mutable {
			c.errorNode(s.Sel, diag.AssignToLet, "cannot bind to field '%s': it is a 'let' constant", s.Sel.Name).Hint = "declare it with 'var' in struct '" + sel.Obj.Owner.Name + "'"
			return invalid()
		}
		cur = s.X
	}
	c.info.Bindings[e] = src
	switch x.region {
	case regionRender:
		// a binding in render content writes on input events: not a render-time write
	default:
		c.noteWrite(x, src, e)
	}
	return operand{t: &types.Binding{Elem: op.t}, deps: op.deps}
}

func rootIdent(e syntax.Expr) *syntax.Ident {
	for {
		switch n := e.(type) {
		case *syntax.Ident:
			return n
		case *syntax.SelectorExpr:
			e = n.X
		case *syntax.SubscriptExpr:
			e = n.X
		case *syntax.ParenExpr:
			e = n.X
		case *syntax.ForceUnwrapExpr:
			e = n.X
		default:
			return nil
		}
	}
}

func exprName(e syntax.Expr) string {
	switch n := e.(type) {
	case *syntax.Ident:
		return n.Name
	case *syntax.SelectorExpr:
		return exprName(n.X) + "." + n.Sel.Name
	case *syntax.SubscriptExpr:
		return exprName(n.X) + "[...]"
	}
	return "..."
}

// ---------------------------------------------------------------------------
// Closures.

// closure checks a closure against an expected function type (nil: the
// closure must declare its parameter types). pdeps are the dependencies of
// the values its parameters receive (ForEach and List rows). It returns the
// closure's actual function type, with the result inferred when the
// expected result is a type variable.
func (c *checker) closure(x *ctx, e *syntax.ClosureExpr, want *types.Func, pdeps *DepSet) operand {
	f := c.newFunc()
	f.Result = types.VoidType
	// A closure without annotations checked against a concrete function
	// type has exactly that type: reuse it instead of building a copy.
	reuse := want != nil && e.Result == nil && !types.HasTypeParams(want)
	for _, p := range e.Params {
		if p.Type != nil {
			reuse = false
		}
	}
	if want != nil {
		f.Kind = want.Kind
	}
	inner := *x
	inner.loop = false
	inner.infer = nil
	rowSrc := c.rowSource
	c.rowSource = nil
	startReads, startCap := 0, len(c.capture)
	if x.u != nil {
		startReads = len(x.u.reads)
	}
	switch f.Kind {
	case types.ActionFunc:
		if x.region == regionRender {
			inner.region = regionHandler
			inner.track = false
		}
	case types.BuilderFunc:
	}
	c.push()
	nwant := 0
	if want != nil {
		nwant = len(want.Params)
	}
	arityBad := false
	if e.Params != nil {
		if want != nil && len(e.Params) != nwant {
			c.errorNode(e, diag.TypeMismatch, "closure takes %d parameter(s) but %d are expected here", len(e.Params), nwant)
			arityBad = true
		}
		for i, p := range e.Params {
			o := c.newObj(types.ParamObj, p.Name.Name, p.Name.Pos(), p, nil)
			switch {
			case p.Type != nil:
				o.Type = c.typeExpr(p.Type)
				if want != nil && i < nwant && !types.HasTypeParams(want.Params[i].Type) && !types.IsInvalid(o.Type) && !types.Identical(o.Type, want.Params[i].Type) {
					c.errorNode(p.Type, diag.TypeMismatch, "closure parameter '%s' has type '%s' but '%s' is expected", p.Name.Name, o.Type, want.Params[i].Type)
				}
			case want != nil && i < nwant && !types.HasTypeParams(want.Params[i].Type):
				o.Type = want.Params[i].Type
			case arityBad || want != nil && i < nwant:
				o.Type = types.InvalidType
			default:
				c.errorNode(p.Name, diag.CannotInfer, "cannot infer the type of closure parameter '%s'", p.Name.Name).Hint = "write it: { (" + p.Name.Name + ": T) in ... }"
				o.Type = types.InvalidType
			}
			c.def(p.Name, o)
			if pdeps != nil {
				c.localDeps[o] = pdeps
				c.info.Locals[o] = pdeps
			}
			if i == 0 && rowSrc != nil {
				c.loopSource[o] = rowSrc
			}
			c.declareLocal(p.Name, o)
			if !reuse {
				f.Params = append(f.Params, &types.Param{Name: p.Name.Name, Type: o.Type})
			}
		}
	} else {
		for i := 0; i < nwant; i++ {
			pt := want.Params[i].Type
			if types.HasTypeParams(pt) {
				pt = types.InvalidType
			}
			name := dollarName(i)
			o := c.newObj(types.ParamObj, name, e.Lbrace, nil, nil)
			o.Type = pt
			if pdeps != nil {
				c.localDeps[o] = pdeps
				c.info.Locals[o] = pdeps
			}
			if i == 0 && rowSrc != nil {
				c.loopSource[o] = rowSrc
			}
			c.scope = append(c.scope, scopeEntry{name, o})
			if !reuse {
				f.Params = append(f.Params, &types.Param{Name: name, Type: pt})
			}
		}
	}
	var deps *DepSet
	var declared types.Type
	if e.Result != nil {
		declared = c.typeExpr(e.Result)
	}
	switch {
	case f.Kind == types.BuilderFunc:
		deps = c.builderBlock(&inner, e.Body)
		f.Result = types.ViewType
	case declared != nil:
		inner.result = declared
		c.funcBody(&inner, e.Body, "closure")
		f.Result = declared
	case want != nil && !types.HasTypeParams(want.Result):
		inner.result = want.Result
		c.funcBody(&inner, e.Body, "closure")
		f.Result = want.Result
	default:
		inner.result = nil
		inner.infer = &inferred{}
		c.funcBody(&inner, e.Body, "closure")
		f.Result = inner.infer.t
		if f.Result == nil {
			f.Result = types.VoidType
		}
	}
	c.pop()
	op := operand{t: f}
	if reuse && !arityBad {
		op.t = want
	}
	if arityBad {
		op.t = types.InvalidType
	}
	if x.track && inner.track {
		// What the closure reads: state and props read in its body, and
		// the dependencies of outer locals it uses.
		deps = nil
		if x.u != nil {
			for _, o := range x.u.reads[startReads:] {
				deps = c.union(deps, c.single(o))
			}
		}
		for _, d := range c.capture[startCap:] {
			deps = c.union(deps, d)
		}
		op.deps = deps
	}
	c.capture = c.capture[:startCap]
	if op.deps != nil {
		c.capture = append(c.capture, op.deps)
	}
	return op
}

// sortObjs sorts objects by ID.
func sortObjs(s []*types.Object) {
	sort.Slice(s, func(i, j int) bool { return s[i].ID < s[j].ID })
}
