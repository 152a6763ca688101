package check

import (
	"go/constant"
	"go/token"
	"math"
	"strconv"
	"strings"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// operand is the result of checking an expression.
type operand struct {
	t       types.Type
	val     constant.Value
	deps    *DepSet
	obj     *types.Object // the object an identifier denotes (for calls and selectors)
	untyped bool          // an integer constant made of literals: may still become a Double
	chain   bool          // the result of an optional chain a?.b: later .c applies to the element
}

var viewMeta = &types.Meta{Of: types.ViewType}

func invalid() operand { return operand{t: types.InvalidType} }

func (c *checker) record(x *ctx, e syntax.Expr, op operand) {
	c.setType(e, TypeAndValue{Type: op.t, Value: op.val})
	if x.track && op.deps != nil {
		c.setDeps(e, op.deps)
	}
}

// wantsDouble reports whether an integer literal should become a Double
// where t is expected.
func wantsDouble(t types.Type) bool {
	if o, ok := t.(*types.Optional); ok {
		t = o.Elem
	}
	return t == types.DoubleType
}

// expr checks e with an optional expected type (a hint for literals,
// implicit members and closures; it is not enforced here).
func (c *checker) expr(x *ctx, e syntax.Expr, want types.Type) operand {
	op := c.expr0(x, e, want)
	if op.untyped && wantsDouble(want) {
		op = c.toDouble(op)
	}
	c.record(x, e, op)
	return op
}

func (c *checker) toDouble(op operand) operand {
	op.t, op.untyped = types.DoubleType, false
	if op.val != nil {
		op.val = c.double(op.val)
	}
	return op
}

// retypeDouble turns an untyped integer operand already recorded for e into
// a Double (2 * d).
func (c *checker) retypeDouble(x *ctx, e syntax.Expr, op operand) operand {
	op = c.toDouble(op)
	c.record(x, e, op)
	return op
}

// value checks an expression used as a value: type names and views must
// be called.
func (c *checker) value(x *ctx, e syntax.Expr, want types.Type) operand {
	op := c.expr(x, e, want)
	if m, ok := op.t.(*types.Meta); ok {
		switch {
		case op.obj != nil && op.obj.Kind == types.ViewObj:
			c.errorNode(e, diag.MethodValue, "view '%s' must be called: %s(...)", op.obj.Name, op.obj.Name)
		case op.obj != nil && op.obj.Builtin != nil && op.obj.Builtin.Kind == types.BuiltinView:
			c.errorNode(e, diag.MethodValue, "built-in view '%s' must be called: %s(...)", op.obj.Name, op.obj.Name)
		default:
			c.errorNode(e, diag.MethodValue, "'%s' is a type, not a value", m.Of)
		}
		op = invalid()
		c.record(x, e, op)
	}
	return op
}

// assign checks e where a value of type want is required.
func (c *checker) assign(x *ctx, e syntax.Expr, want types.Type, context string) operand {
	op := c.value(x, e, want)
	if types.IsInvalid(want) || types.IsInvalid(op.t) {
		return op
	}
	if !types.Assignable(op.t, want) {
		c.mismatch(e, op.t, want, context)
		op.t = types.InvalidType
	}
	return op
}

func (c *checker) mismatch(e syntax.Node, have, want types.Type, context string) {
	if el, ok := types.Unwrap(have); ok && types.Assignable(el, want) {
		d := c.errorNode(e, diag.OptionalMisuse, "value of optional type '%s' must be unwrapped to a value of type '%s'", have, want)
		d.Hint = "use ?? to give a default, 'if let' to unwrap, or ?. to chain"
		return
	}
	if have == types.VoidType {
		c.errorNode(e, diag.TypeMismatch, "expression returns nothing; cannot use it as '%s' in %s", want, context)
		return
	}
	d := c.errorNode(e, diag.TypeMismatch, "cannot use value of type '%s' as '%s' in %s", have, want, context)
	switch {
	case have == types.IntType && want == types.DoubleType:
		d.Hint = "convert with Double(...)"
	case have == types.DoubleType && want == types.IntType:
		d.Hint = "convert with Int(...)"
	case want == types.StringType && (types.IsNumeric(have) || have == types.BoolType):
		d.Hint = "convert with String(...) or interpolate: \"\\(...)\""
	case want == types.ViewType && have == types.StringType:
		d.Hint = "wrap text in Text(...)"
	}
	if _, ok := want.(*types.Binding); ok {
		d.Hint = "pass a binding to an atom: $name"
	}
}

func (c *checker) expr0(x *ctx, e syntax.Expr, want types.Type) operand {
	switch e := e.(type) {
	case *syntax.Ident:
		return c.ident(x, e, want)
	case *syntax.BasicLit:
		return c.basicLit(e, want)
	case *syntax.StringExpr:
		return c.stringExpr(x, e)
	case *syntax.ParenExpr:
		op := c.expr(x, e.X, want)
		op.obj = nil
		return op
	case *syntax.UnaryExpr:
		return c.unary(x, e, want)
	case *syntax.BinaryExpr:
		return c.binary(x, e, want)
	case *syntax.TernaryExpr:
		return c.ternary(x, e, want)
	case *syntax.SelectorExpr:
		return c.selector(x, e, want)
	case *syntax.ImplicitMemberExpr:
		return c.implicit(x, e, want)
	case *syntax.CallExpr:
		return c.call(x, e, want)
	case *syntax.SubscriptExpr:
		return c.subscript(x, e)
	case *syntax.ForceUnwrapExpr:
		op := c.value(x, e.X, types.NewOptionalOrNil(want))
		if types.IsInvalid(op.t) {
			return invalid()
		}
		el, ok := types.Unwrap(op.t)
		if !ok {
			c.errorf(e.Bang, diag.OptionalMisuse, "cannot force unwrap a value of non-optional type '%s'", op.t)
			return operand{t: op.t, deps: op.deps}
		}
		return operand{t: el, deps: op.deps}
	case *syntax.ArrayLit:
		return c.arrayLit(x, e, want)
	case *syntax.DictLit:
		return c.dictLit(x, e, want)
	case *syntax.ClosureExpr:
		f, _ := want.(*types.Func)
		if o, ok := want.(*types.Optional); ok {
			f, _ = o.Elem.(*types.Func)
		}
		return c.closure(x, e, f, nil)
	case *syntax.BindingExpr:
		return c.binding(x, e, want)
	case *syntax.KeyPathExpr:
		return c.keyPath(x, e, want)
	case *syntax.BadExpr:
		return invalid()
	}
	c.errorNode(e, diag.TypeMismatch, "unexpected expression")
	return invalid()
}

// ---------------------------------------------------------------------------
// Names.

func (c *checker) lookup(x *ctx, name string) *types.Object {
	if o := c.lookupLocal(name); o != nil {
		return o
	}
	if x.recv != nil {
		if o := c.members[x.recv][name]; o != nil {
			return o
		}
	}
	if x.view != nil {
		if o := x.view.members[name]; o != nil {
			return o
		}
	}
	if c.globals != nil {
		return c.globals[name]
	}
	if o := c.pkg[name]; o != nil {
		return o
	}
	return types.Universe[name]
}

func (c *checker) noteRead(x *ctx, o *types.Object) {
	if x.u != nil {
		if x.u.reads == nil {
			x.u.reads = c.objSlice(8)
		}
		x.u.reads = append(x.u.reads, o)
	}
}

func (c *checker) ident(x *ctx, id *syntax.Ident, want types.Type) operand {
	if id.Name == "_" {
		c.errorNode(id, diag.UndefinedName, "'_' can only be assigned to, not read")
		return invalid()
	}
	o := c.lookup(x, id.Name)
	if o == nil && id.Name == "self" && x.self != nil {
		o = x.self
	}
	if o == nil {
		c.undefined(x, id)
		return invalid()
	}
	c.setUse(id, o)
	switch o.Kind {
	case types.SelfObj:
		if o.Mutable {
			// The method changes self in place; a copy that escaped
			// would change with it.
			c.errorNode(id, diag.MutatingOnValue, "'self' can only name its fields and methods in a mutating method (self.x, self.f())").Hint = "copy the fields you need, or read self in a method that is not 'mutating'"
			return invalid()
		}
		return operand{t: o.Type, obj: o}
	case types.AtomObj, types.ComputedObj, types.PropObj:
		if o.Kind == types.ComputedObj && c.resolving(o) && o.Type == nil {
			return operand{t: types.InvalidType, deps: c.single(o), obj: o}
		}
		if (o.Kind == types.AtomObj || o.Kind == types.PropObj) && c.resolving(o) && o.Type == nil {
			c.errorNode(id, diag.CannotInfer, "'%s' refers to itself in its own initial value", o.Name)
			return invalid()
		}
		t := c.objType(o)
		c.noteRead(x, o)
		return operand{t: t, deps: c.single(o), obj: o}
	case types.LocalObj, types.ParamObj:
		op := operand{t: o.Type, obj: o, deps: c.localDeps[o]}
		if x.track && op.deps != nil {
			c.capture = append(c.capture, op.deps)
		}
		if tv, ok := c.localVal[o]; ok {
			op.val = tv.Value
		}
		return op
	case types.FieldObj:
		if c.instanceMemberInDefault(x, id, o) {
			return invalid()
		}
		return operand{t: c.objType(o), obj: o}
	case types.CaseObj:
		return operand{t: o.Type, obj: o, val: c.str(o.Name)}
	case types.FuncObj:
		return operand{t: o.Type, obj: o}
	case types.ViewObj, types.StructObj, types.EnumObj:
		return operand{t: c.metaOf(o), obj: o}
	case types.BuiltinObj:
		switch o.Builtin.Kind {
		case types.BuiltinType:
			return operand{t: o.Type, obj: o}
		case types.BuiltinView:
			return operand{t: viewMeta, obj: o}
		case types.BuiltinFunc:
			return operand{t: o.Type, obj: o}
		}
	}
	c.errorNode(id, diag.UndefinedName, "'%s' cannot be used here", id.Name)
	return invalid()
}

const defaultHint = "a field's default is computed before the value exists: use constants, atoms or top-level funcs"

// instanceMemberInDefault reports (and says why) a field or method of the
// type named in a field's default value, where there is no value yet.
func (c *checker) instanceMemberInDefault(x *ctx, id *syntax.Ident, o *types.Object) bool {
	if x.recv == nil || x.self != nil || o.Owner != x.recv || (o.Kind != types.FieldObj && !o.Method) {
		return false
	}
	what := "field"
	if o.Method {
		what = "method"
	}
	d := c.errorNode(id, diag.UndefinedName, "cannot use %s '%s' in a default value of '%s'", what, o.Name, x.recv.Name)
	d.Hint = defaultHint
	return true
}

// base checks the operand of a member selection, e.X in e.X.name: there
// self names the method's value itself, in a mutating method too.
func (c *checker) base(x *ctx, e syntax.Expr) operand {
	if id, ok := e.(*syntax.Ident); ok && id.Name == "self" && x.self != nil && c.lookupLocal("self") == nil {
		c.setUse(id, x.self)
		return operand{t: x.self.Type, obj: x.self}
	}
	return c.expr(x, e, nil)
}

func (c *checker) undefined(x *ctx, id *syntax.Ident) {
	name := id.Name
	var cands []string
	for _, e := range c.scope[c.scopeBase:] {
		if e.obj != nil {
			cands = append(cands, e.name)
		}
	}
	if x.view != nil {
		for n := range x.view.members {
			cands = append(cands, n)
		}
	}
	if x.recv != nil {
		for n := range c.members[x.recv] {
			cands = append(cands, n)
		}
	}
	for n := range c.pkg {
		cands = append(cands, n)
	}
	if name == "self" && x.recv != nil {
		d := c.errorNode(id, diag.UndefinedName, "'self' cannot be used in a default value of '%s'", x.recv.Name)
		d.Hint = defaultHint
		return
	}
	var d = c.errorNode(id, diag.UndefinedName, "undefined name '%s'", name)
	if strings.HasPrefix(name, "$") {
		d.Msg = "anonymous closure parameter '" + name + "' is used outside a closure that takes it"
		return
	}
	if s := closest(name, cands); s != "" {
		d.Hint = "did you mean '" + s + "'?"
	}
}

// ---------------------------------------------------------------------------
// Literals.

func (c *checker) basicLit(e *syntax.BasicLit, want types.Type) operand {
	switch e.Kind {
	case syntax.IntLit:
		v := c.litConst(syntax.IntLit, e.Raw, func(s string) constant.Value {
			return constant.MakeFromLiteral(strings.ToLower(s), token.INT, 0)
		})
		if v.Kind() == constant.Unknown {
			c.errorNode(e, diag.BadLiteral, "invalid integer literal %s", e.Raw)
			return invalid()
		}
		if _, ok := constant.Int64Val(v); !ok {
			c.errorNode(e, diag.BadLiteral, "integer literal %s overflows Int", e.Raw)
			return invalid()
		}
		return operand{t: types.IntType, val: v, untyped: true}
	case syntax.FloatLit:
		v := c.litConst(syntax.FloatLit, e.Raw, func(s string) constant.Value {
			return constant.ToFloat(constant.MakeFromLiteral(s, token.FLOAT, 0))
		})
		if v.Kind() == constant.Unknown {
			c.errorNode(e, diag.BadLiteral, "invalid floating-point literal %s", e.Raw)
			return invalid()
		}
		return operand{t: types.DoubleType, val: v}
	case syntax.StringLit:
		return operand{t: types.StringType, val: c.str(e.Value)}
	case syntax.BoolLit:
		return operand{t: types.BoolType, val: constant.MakeBool(e.Raw == "true")}
	case syntax.NilLit:
		if _, ok := want.(*types.Optional); ok {
			return operand{t: want}
		}
		return operand{t: types.NilType}
	}
	return invalid()
}

// formatConst renders a constant as string interpolation does: Int in
// decimal, Double in the shortest form that reads back (with ".0" for whole
// numbers below 1e16, as Swift prints them), Bool as true/false.
func formatConst(t types.Type, v constant.Value) (string, bool) {
	switch {
	case t == types.StringType:
		return constant.StringVal(v), true
	case t == types.IntType:
		return v.ExactString(), true
	case t == types.BoolType:
		return strconv.FormatBool(constant.BoolVal(v)), true
	case t == types.DoubleType:
		f, _ := constant.Float64Val(v)
		return FormatDouble(f), true
	}
	if _, ok := t.(*types.Enum); ok && v.Kind() == constant.String {
		return constant.StringVal(v), true
	}
	return "", false
}

// FormatDouble formats a Double the way JXL string interpolation does.
func FormatDouble(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f != f:
		return "nan"
	case f == math.Trunc(f) && math.Abs(f) < 1e16:
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func (c *checker) stringExpr(x *ctx, e *syntax.StringExpr) operand {
	var b strings.Builder
	isConst := true
	var deps *DepSet
	for _, p := range e.Parts {
		if lit, ok := p.(*syntax.BasicLit); ok && lit.Kind == syntax.StringLit {
			c.record(x, lit, operand{t: types.StringType, val: c.str(lit.Value)})
			b.WriteString(lit.Value)
			continue
		}
		op := c.value(x, p, nil)
		deps = c.union(deps, op.deps)
		if op.t == types.VoidType {
			c.errorNode(p, diag.TypeMismatch, "cannot interpolate an expression that returns nothing")
		}
		if _, ok := op.t.(*types.Optional); ok {
			c.errorNode(p, diag.OptionalMisuse, "string interpolation of an optional value of type '%s'", op.t).Hint = "unwrap it: \\(x ?? default)"
		}
		if isConst && op.val != nil {
			if s, ok := formatConst(op.t, op.val); ok {
				b.WriteString(s)
				continue
			}
		}
		isConst = false
	}
	op := operand{t: types.StringType, deps: deps}
	if isConst {
		op.val = constant.MakeString(b.String())
	}
	return op
}

// join returns the common type of two branches (ternary, array elements).
func join(a, b types.Type) (types.Type, bool) {
	switch {
	case types.IsInvalid(a):
		return b, true
	case types.IsInvalid(b):
		return a, true
	case types.Identical(a, b):
		return a, true
	case a == types.NilType:
		return types.NewOptional(b), b != types.NilType
	case b == types.NilType:
		return types.NewOptional(a), true
	case types.Assignable(a, b):
		return b, true
	case types.Assignable(b, a):
		return a, true
	}
	return nil, false
}

func (c *checker) arrayLit(x *ctx, e *syntax.ArrayLit, want types.Type) operand {
	var elemWant types.Type
	if w, ok := unwrapOpt(want).(*types.Array); ok {
		elemWant = w.Elem
	}
	var deps *DepSet
	if elemWant != nil {
		for _, el := range e.Elems {
			deps = c.union(deps, c.assign(x, el, elemWant, "array element").deps)
		}
		return operand{t: &types.Array{Elem: elemWant}, deps: deps}
	}
	if len(e.Elems) == 0 {
		if want == nil {
			c.errorNode(e, diag.CannotInfer, "empty array literal needs a type").Hint = "write the type: let items: [T] = []"
		} else if !types.IsInvalid(want) {
			c.mismatch(e, &types.Array{Elem: types.InvalidType}, want, "array literal")
		}
		return invalid()
	}
	ops := make([]operand, len(e.Elems))
	var elem types.Type
	for i, el := range e.Elems {
		ops[i] = c.value(x, el, nil)
		deps = c.union(deps, ops[i].deps)
	}
	elem = c.joinAll(x, e.Elems, ops, "array elements")
	return operand{t: &types.Array{Elem: elem}, deps: deps}
}

// joinAll finds the common type of checked expressions, turning untyped
// integer constants into Double when some element is a Double.
func (c *checker) joinAll(x *ctx, es []syntax.Expr, ops []operand, what string) types.Type {
	hasDouble := false
	for _, op := range ops {
		if op.t == types.DoubleType {
			hasDouble = true
		}
	}
	var t types.Type = types.InvalidType
	for i := range ops {
		if hasDouble && ops[i].untyped {
			ops[i] = c.retypeDouble(x, es[i], ops[i])
		}
		j, ok := join(t, ops[i].t)
		if !ok {
			c.errorNode(es[i], diag.TypeMismatch, "%s have different types: '%s' and '%s'", what, t, ops[i].t)
			return types.InvalidType
		}
		t = j
	}
	if t == types.NilType {
		c.errorNode(es[0], diag.CannotInfer, "cannot infer the type of %s from nil alone", what)
		return types.InvalidType
	}
	return t
}

func (c *checker) dictLit(x *ctx, e *syntax.DictLit, want types.Type) operand {
	var deps *DepSet
	if w, ok := unwrapOpt(want).(*types.Dictionary); ok {
		for i := range e.Keys {
			deps = c.union(deps, c.assign(x, e.Keys[i], w.Key, "dictionary key").deps)
			deps = c.union(deps, c.assign(x, e.Values[i], w.Value, "dictionary value").deps)
		}
		return operand{t: w, deps: deps}
	}
	if len(e.Keys) == 0 {
		if want == nil {
			c.errorNode(e, diag.CannotInfer, "empty dictionary literal needs a type").Hint = "write the type: let d: [K: V] = [:]"
		} else if !types.IsInvalid(want) {
			c.mismatch(e, &types.Dictionary{Key: types.InvalidType, Value: types.InvalidType}, want, "dictionary literal")
		}
		return invalid()
	}
	kops := make([]operand, len(e.Keys))
	vops := make([]operand, len(e.Values))
	for i := range e.Keys {
		kops[i] = c.value(x, e.Keys[i], nil)
		vops[i] = c.value(x, e.Values[i], nil)
		deps = c.union(c.union(deps, kops[i].deps), vops[i].deps)
	}
	k := c.joinAll(x, e.Keys, kops, "dictionary keys")
	v := c.joinAll(x, e.Values, vops, "dictionary values")
	if !types.IsInvalid(k) && !types.Hashable(k) {
		c.errorNode(e.Keys[0], diag.TypeMismatch, "dictionary keys must be String, Int, Double, Bool or an enum, not '%s'", k)
	}
	return operand{t: &types.Dictionary{Key: k, Value: v}, deps: deps}
}

func unwrapOpt(t types.Type) types.Type {
	if o, ok := t.(*types.Optional); ok {
		return o.Elem
	}
	return t
}

// ---------------------------------------------------------------------------
// Operators.

func opString(t syntax.Token) string {
	switch t {
	case syntax.ADD, syntax.ADD_ASSIGN:
		return "+"
	case syntax.SUB, syntax.SUB_ASSIGN:
		return "-"
	case syntax.MUL, syntax.MUL_ASSIGN:
		return "*"
	case syntax.QUO, syntax.QUO_ASSIGN:
		return "/"
	case syntax.REM, syntax.REM_ASSIGN:
		return "%"
	case syntax.LAND:
		return "&&"
	case syntax.LOR:
		return "||"
	case syntax.NOT:
		return "!"
	case syntax.EQL:
		return "=="
	case syntax.NEQ:
		return "!="
	case syntax.LSS:
		return "<"
	case syntax.GTR:
		return ">"
	case syntax.LEQ:
		return "<="
	case syntax.GEQ:
		return ">="
	case syntax.NIL_COALESCE:
		return "??"
	case syntax.HALF_OPEN:
		return "..<"
	case syntax.CLOSED_RANGE:
		return "..."
	}
	return "?"
}

var goOps = map[syntax.Token]token.Token{
	syntax.ADD: token.ADD, syntax.SUB: token.SUB, syntax.MUL: token.MUL, syntax.QUO: token.QUO,
	syntax.REM: token.REM, syntax.EQL: token.EQL, syntax.NEQ: token.NEQ, syntax.LSS: token.LSS,
	syntax.GTR: token.GTR, syntax.LEQ: token.LEQ, syntax.GEQ: token.GEQ,
	syntax.LAND: token.LAND, syntax.LOR: token.LOR,
}

func (c *checker) unary(x *ctx, e *syntax.UnaryExpr, want types.Type) operand {
	switch e.Op {
	case syntax.NOT:
		op := c.value(x, e.X, types.BoolType)
		if types.IsInvalid(op.t) {
			return invalid()
		}
		if op.t != types.BoolType {
			c.errorNode(e, diag.BadOperands, "operator '!' needs a Bool operand, not '%s'", op.t)
			return invalid()
		}
		r := operand{t: types.BoolType, deps: op.deps}
		if op.val != nil {
			r.val = constant.UnaryOp(token.NOT, op.val, 0)
		}
		return r
	case syntax.SUB:
		op := c.value(x, e.X, want)
		if types.IsInvalid(op.t) {
			return invalid()
		}
		if !types.IsNumeric(op.t) {
			c.errorNode(e, diag.BadOperands, "operator '-' needs an Int or Double operand, not '%s'", op.t)
			return invalid()
		}
		r := operand{t: op.t, deps: op.deps, untyped: op.untyped}
		if op.val != nil {
			r.val = constant.UnaryOp(token.SUB, op.val, 0)
		}
		return r
	}
	return invalid()
}

func numericWant(t types.Type) types.Type {
	t = unwrapOpt(t)
	if types.IsNumeric(t) || t == types.StringType {
		return t
	}
	return nil
}

func (c *checker) binary(x *ctx, e *syntax.BinaryExpr, want types.Type) operand {
	switch e.Op {
	case syntax.LAND, syntax.LOR:
		a := c.value(x, e.X, types.BoolType)
		b := c.value(x, e.Y, types.BoolType)
		deps := c.union(a.deps, b.deps)
		for _, p := range []struct {
			op operand
			e  syntax.Expr
		}{{a, e.X}, {b, e.Y}} {
			if !types.IsInvalid(p.op.t) && p.op.t != types.BoolType {
				c.errorNode(p.e, diag.BadOperands, "operator '%s' needs Bool operands, not '%s'", opString(e.Op), p.op.t)
				return operand{t: types.BoolType, deps: deps}
			}
		}
		r := operand{t: types.BoolType, deps: deps}
		if a.val != nil && b.val != nil {
			r.val = constant.BinaryOp(a.val, goOps[e.Op], b.val)
		}
		return r
	case syntax.NIL_COALESCE:
		a := c.value(x, e.X, types.NewOptionalOrNil(want))
		if types.IsInvalid(a.t) {
			c.value(x, e.Y, want)
			return invalid()
		}
		el, ok := types.Unwrap(a.t)
		if !ok {
			d := c.errorNode(e.X, diag.OptionalMisuse, "left side of '??' has non-optional type '%s'", a.t)
			d.Severity = diag.Warning
			d.Hint = "the default is never used; remove '?? ...'"
			el = a.t
		}
		b := c.value(x, e.Y, el)
		deps := c.union(a.deps, b.deps)
		if types.IsInvalid(b.t) {
			return operand{t: el, deps: deps}
		}
		if types.Assignable(b.t, el) {
			return operand{t: el, deps: deps}
		}
		if types.Assignable(b.t, a.t) {
			return operand{t: a.t, deps: deps}
		}
		c.errorNode(e.Y, diag.TypeMismatch, "default value of type '%s' does not match '%s' in '??'", b.t, el)
		return operand{t: el, deps: deps}
	case syntax.HALF_OPEN, syntax.CLOSED_RANGE:
		a := c.value(x, e.X, nil)
		b := c.value(x, e.Y, a.t)
		a, b = c.balance(x, e, a, b)
		deps := c.union(a.deps, b.deps)
		if types.IsInvalid(a.t) || types.IsInvalid(b.t) {
			return invalid()
		}
		if !types.IsNumeric(a.t) || !types.Identical(a.t, b.t) {
			c.errorf(e.OpPos, diag.BadOperands, "range operator '%s' needs two Int or two Double bounds, not '%s' and '%s'", opString(e.Op), a.t, b.t)
			return invalid()
		}
		return operand{t: &types.Range{Elem: a.t}, deps: deps}
	case syntax.EQL, syntax.NEQ, syntax.LSS, syntax.GTR, syntax.LEQ, syntax.GEQ:
		a := c.value(x, e.X, nil)
		bw := a.t
		if a.t == types.NilType || types.IsInvalid(a.t) {
			bw = nil
		}
		if _, ok := e.Y.(*syntax.ImplicitMemberExpr); ok && types.IsInvalid(a.t) {
			bw = types.InvalidType // the left side was reported: .case cannot be inferred, silently
		}
		if a.untyped {
			bw = nil
		}
		b := c.value(x, e.Y, bw)
		if a.t == types.NilType && !types.IsInvalid(b.t) {
			// nil == x: retype nil
			a.t = b.t
		}
		a, b = c.balance(x, e, a, b)
		deps := c.union(a.deps, b.deps)
		r := operand{t: types.BoolType, deps: deps}
		if types.IsInvalid(a.t) || types.IsInvalid(b.t) {
			return r
		}
		ok := false
		if e.Op == syntax.EQL || e.Op == syntax.NEQ {
			switch {
			case b.t == types.NilType:
				_, ok = a.t.(*types.Optional)
				if !ok {
					c.errorNode(e, diag.OptionalMisuse, "'%s' is not optional; comparing it with nil is always %v", a.t, e.Op == syntax.NEQ)
					return r
				}
			case types.Identical(a.t, b.t):
				ok = types.Comparable(a.t)
			case types.Assignable(b.t, a.t) || types.Assignable(a.t, b.t):
				// T? == T
				ok = types.Comparable(unwrapOpt(a.t)) && types.Comparable(unwrapOpt(b.t))
			}
		} else {
			ok = types.Identical(a.t, b.t) && types.Ordered(a.t)
		}
		if !ok {
			d := c.errorf(e.OpPos, diag.BadOperands, "operator '%s' cannot compare '%s' and '%s'", opString(e.Op), a.t, b.t)
			if types.IsNumeric(a.t) && types.IsNumeric(b.t) {
				d.Hint = "convert one side: Double(...) or Int(...)"
			} else if _, opt := a.t.(*types.Optional); opt && e.Op != syntax.EQL && e.Op != syntax.NEQ {
				d.Hint = "unwrap the optional first (?? or if let)"
			}
			return r
		}
		if a.val != nil && b.val != nil && (types.IsBasic(a.t, types.Int) || types.IsBasic(a.t, types.Double) || types.IsBasic(a.t, types.String) || types.IsBasic(a.t, types.Bool) || isEnum(a.t)) {
			r.val = constant.MakeBool(constant.Compare(a.val, goOps[e.Op], b.val))
		}
		return r
	}
	// arithmetic
	nw := numericWant(want)
	a := c.value(x, e.X, nw)
	bw := nw
	if !a.untyped && (types.IsNumeric(a.t) || a.t == types.StringType) {
		bw = a.t
	} else if _, ok := a.t.(*types.Array); ok {
		bw = a.t
	}
	b := c.value(x, e.Y, bw)
	a, b = c.balance(x, e, a, b)
	deps := c.union(a.deps, b.deps)
	if types.IsInvalid(a.t) || types.IsInvalid(b.t) {
		return invalid()
	}
	t := a.t
	ok := types.Identical(a.t, b.t)
	switch {
	case !ok:
	case types.IsNumeric(t):
		ok = e.Op != syntax.REM || t == types.IntType
	case t == types.StringType:
		ok = e.Op == syntax.ADD
	default:
		_, isArr := t.(*types.Array)
		ok = isArr && e.Op == syntax.ADD
	}
	if !ok {
		d := c.errorf(e.OpPos, diag.BadOperands, "operator '%s' cannot be applied to '%s' and '%s'", opString(e.Op), a.t, b.t)
		switch {
		case types.IsNumeric(a.t) && types.IsNumeric(b.t) && !types.Identical(a.t, b.t):
			d.Hint = "Int and Double do not mix; convert one side with Double(...) or Int(...)"
		case e.Op == syntax.REM && t == types.DoubleType:
			d.Hint = "% works on Int values"
		case (a.t == types.StringType) != (b.t == types.StringType) && e.Op == syntax.ADD:
			d.Hint = "interpolate instead: \"\\(x)\""
		}
		return operand{t: types.InvalidType, deps: deps}
	}
	r := operand{t: t, deps: deps, untyped: a.untyped && b.untyped}
	if a.val != nil && b.val != nil {
		gop := goOps[e.Op]
		if (e.Op == syntax.QUO || e.Op == syntax.REM) && constant.Sign(b.val) == 0 && t == types.IntType {
			c.errorNode(e.Y, diag.BadOperands, "division by zero")
			return operand{t: t, deps: deps}
		}
		if e.Op == syntax.QUO && t == types.IntType {
			gop = token.QUO_ASSIGN // integer division
		}
		if t == types.DoubleType && e.Op == syntax.REM {
			return r
		}
		r.val = constant.BinaryOp(a.val, gop, b.val)
		if t == types.DoubleType {
			r.val = c.double(r.val)
		}
		if t == types.IntType {
			if _, ok := constant.Int64Val(r.val); !ok {
				c.errorNode(e, diag.BadOperands, "constant arithmetic overflows Int")
				r.val = nil
			}
		}
	}
	return r
}

func isEnum(t types.Type) bool { _, ok := t.(*types.Enum); return ok }

// balance converts an untyped integer operand to Double when the other
// operand is a Double.
func (c *checker) balance(x *ctx, e *syntax.BinaryExpr, a, b operand) (operand, operand) {
	if a.untyped && unwrapOpt(b.t) == types.DoubleType {
		a = c.retypeDouble(x, e.X, a)
	}
	if b.untyped && unwrapOpt(a.t) == types.DoubleType {
		b = c.retypeDouble(x, e.Y, b)
	}
	return a, b
}

func (c *checker) ternary(x *ctx, e *syntax.TernaryExpr, want types.Type) operand {
	cond := c.cond(x, e.Cond, "ternary")
	a := c.value(x, e.Then, want)
	bw := want
	if bw == nil && !types.IsInvalid(a.t) && a.t != types.NilType && !a.untyped {
		bw = a.t
	}
	b := c.value(x, e.Else, bw)
	deps := c.union(cond.deps, c.union(a.deps, b.deps))
	ops := []operand{a, b}
	t := c.joinAll(x, []syntax.Expr{e.Then, e.Else}, ops, "ternary branches")
	r := operand{t: t, deps: deps, untyped: ops[0].untyped && ops[1].untyped}
	if cond.val != nil {
		if constant.BoolVal(cond.val) {
			r.val = ops[0].val
		} else {
			r.val = ops[1].val
		}
	}
	return r
}

func (c *checker) subscript(x *ctx, e *syntax.SubscriptExpr) operand {
	op := c.value(x, e.X, nil)
	if types.IsInvalid(op.t) {
		c.value(x, e.Index, nil)
		return invalid()
	}
	switch t := op.t.(type) {
	case *types.Array:
		i := c.assign(x, e.Index, types.IntType, "array index")
		return operand{t: t.Elem, deps: c.union(op.deps, i.deps)}
	case *types.Dictionary:
		k := c.assign(x, e.Index, t.Key, "dictionary key")
		return operand{t: types.NewOptional(t.Value), deps: c.union(op.deps, k.deps)}
	case *types.Optional:
		c.value(x, e.Index, nil)
		c.errorNode(e.X, diag.OptionalMisuse, "value of optional type '%s' must be unwrapped before subscripting", op.t).Hint = "use ?? [] or if let"
		return invalid()
	}
	c.value(x, e.Index, nil)
	c.errorNode(e, diag.TypeMismatch, "cannot subscript a value of type '%s'", op.t)
	return invalid()
}
