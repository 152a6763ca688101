package lower

import (
	"strconv"

	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// expr lowers an expression and computes its reactivity: what its
// references read (atoms, props, render locals, the transitive reads of
// called funcs), joined with the checker's dependency set for the node
// (Info.DepsOf, recorded for render content).
func (l *lowerer) expr(e syntax.Expr) ir.Expr {
	x := l.expr0(e)
	if setter, ok := x.(interface{ SetDyn(ir.Dyn) }); ok {
		d := l.dynOf(x)
		if _, isClosure := x.(*ir.Closure); !isClosure {
			d = d.Join(l.depsOf(l.info.DepsOf(e)))
		}
		setter.SetDyn(d)
	}
	return x
}

func (l *lowerer) typeOf(e syntax.Expr) types.Type {
	if t := l.info.TypeOf(e); t != nil {
		return t
	}
	return types.InvalidType
}

func mk(e syntax.Expr, t types.Type) ir.X { return ir.X{P: e.Pos(), T: t} }

func (l *lowerer) expr0(e syntax.Expr) ir.Expr {
	tv := l.info.TypeAndValueOf(e)
	t := l.typeOf(e)
	if tv.Value != nil {
		if v, ok := l.typedConst(tv.Value, t, e.Pos()); ok {
			return &ir.Const{X: mk(e, t), Value: v}
		}
	}
	switch e := e.(type) {
	case *syntax.ParenExpr:
		return l.expr(e.X)
	case *syntax.BasicLit:
		return l.basicLit(e, t)
	case *syntax.Ident:
		return l.identRef(e)
	case *syntax.StringExpr:
		out := &ir.Interp{X: mk(e, types.StringType)}
		for _, p := range e.Parts {
			px := l.expr(p)
			// Fold adjacent constant strings.
			if k, ok := px.(*ir.Const); ok {
				if s, ok := k.Value.(string); ok && len(out.Parts) > 0 {
					if prev, ok := out.Parts[len(out.Parts)-1].(*ir.Const); ok {
						if ps, ok := prev.Value.(string); ok {
							prev.Value = ps + s
							continue
						}
					}
				}
			}
			out.Parts = append(out.Parts, px)
		}
		return out
	case *syntax.ArrayLit:
		out := &ir.ArrayLit{X: mk(e, t)}
		for _, x := range e.Elems {
			out.Elems = append(out.Elems, l.expr(x))
		}
		return out
	case *syntax.DictLit:
		out := &ir.DictLit{X: mk(e, t)}
		for i := range e.Keys {
			out.Keys = append(out.Keys, l.expr(e.Keys[i]))
			out.Values = append(out.Values, l.expr(e.Values[i]))
		}
		return out
	case *syntax.UnaryExpr:
		return &ir.Unary{X: mk(e, t), Op: e.Op.String(), Y: l.expr(e.X)}
	case *syntax.BinaryExpr:
		switch e.Op {
		case syntax.HALF_OPEN, syntax.CLOSED_RANGE:
			return &ir.Range{X: mk(e, t), Lo: l.expr(e.X), Hi: l.expr(e.Y), Closed: e.Op == syntax.CLOSED_RANGE}
		}
		return &ir.Binary{X: mk(e, t), Op: e.Op.String(), L: l.expr(e.X), R: l.expr(e.Y)}
	case *syntax.TernaryExpr:
		return &ir.Cond{X: mk(e, t), Cond: l.expr(e.Cond), Then: l.expr(e.Then), Else: l.expr(e.Else)}
	case *syntax.SelectorExpr:
		return l.selector(e, t)
	case *syntax.ImplicitMemberExpr:
		return l.implicit(e, t)
	case *syntax.CallExpr:
		return l.call(e, t)
	case *syntax.SubscriptExpr:
		return &ir.Index{X: mk(e, t), Y: l.expr(e.X), Index: l.expr(e.Index)}
	case *syntax.ForceUnwrapExpr:
		return &ir.Unwrap{X: mk(e, t), Y: l.expr(e.X)}
	case *syntax.ClosureExpr:
		return l.closure(e, t, false)
	case *syntax.BindingExpr:
		return &ir.Bind{X: mk(e, t), Place: l.expr(e.X)}
	case *syntax.KeyPathExpr:
		k := &ir.KeyPath{X: mk(e, t)}
		for _, p := range e.Path {
			k.Path = append(k.Path, p.Name)
		}
		return k
	}
	l.fail(e.Pos(), "expression %T cannot be compiled", e)
	return nil
}

func (l *lowerer) basicLit(e *syntax.BasicLit, t types.Type) ir.Expr {
	var v any
	switch e.Kind {
	case syntax.IntLit:
		n, err := strconv.ParseInt(stripUnderscore(e.Raw), 0, 64)
		if err != nil {
			l.fail(e.Pos(), "invalid integer %s", e.Raw)
		}
		if types.IsBasic(t, types.Double) {
			v = float64(n)
		} else {
			v = n
		}
	case syntax.FloatLit:
		f, _ := strconv.ParseFloat(stripUnderscore(e.Raw), 64)
		v = f
	case syntax.StringLit:
		v = e.Value
	case syntax.BoolLit:
		v = e.Raw == "true"
	case syntax.NilLit:
		v = nil
	}
	return &ir.Const{X: mk(e, t), Value: v}
}

func stripUnderscore(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '_' {
			out = append(out, s[i])
		}
	}
	return string(out)
}

// identRef lowers a name.
func (l *lowerer) identRef(id *syntax.Ident) ir.Expr {
	o := l.info.ObjectOf(id)
	t := l.typeOf(id)
	if o == nil {
		l.fail(id.Pos(), "unresolved name %s", id.Name)
	}
	x := ir.X{P: id.Pos(), T: t}
	switch o.Kind {
	case types.LocalObj, types.ParamObj:
		return &ir.Ref{X: x, Sym: l.newVar(o)}
	case types.CaseObj:
		return &ir.Const{X: x, Value: l.syms[o]}
	case types.SelfObj:
		if l.self != nil {
			return &ir.Ref{X: x, Sym: l.self}
		}
	case types.FieldObj:
		// A field named inside a method: self.field.
		if l.self != nil {
			return &ir.Field{X: x, Y: &ir.Ref{X: ir.X{P: id.Pos(), T: l.self.Type}, Sym: l.self}, Name: o.Name}
		}
	}
	sym := l.syms[o]
	if sym == nil {
		l.fail(id.Pos(), "%s %s cannot be used here", o.Kind, id.Name)
	}
	return &ir.Ref{X: x, Sym: sym}
}

func (l *lowerer) selector(e *syntax.SelectorExpr, t types.Type) ir.Expr {
	sel := l.info.SelectionOf(e)
	if sel == nil && e.Sel.Name == "self" {
		// T.self: a type used as a value (JSON.decode([Todo].self, from:)).
		return &ir.Const{X: mk(e, t), Value: nil}
	}
	if sel == nil {
		// A plain use (a field resolved through Uses).
		if o := l.info.UseOf(e.Sel); o != nil && o.Kind == types.FieldObj {
			return &ir.Field{X: mk(e, t), Y: l.expr(e.X), Name: e.Sel.Name, Optional: e.Optional}
		}
		l.fail(e.Pos(), "unresolved member %s", e.Sel.Name)
	}
	switch sel.Kind {
	case check.SelField:
		return &ir.Field{X: mk(e, t), Y: l.expr(e.X), Name: e.Sel.Name, Optional: e.Optional}
	case check.SelCase:
		return &ir.Const{X: mk(e, t), Value: l.syms[sel.Obj]}
	case check.SelRawValue:
		y := l.expr(e.X)
		return &ir.Lib{X: mk(e, t), Name: "rawValue", Recv: y, Property: true, Optional: e.Optional}
	case check.SelLibrary:
		m := sel.Member
		if v, ok := l.libValue(m, t); ok {
			return &ir.Const{X: mk(e, t), Value: v}
		}
		lib := &ir.Lib{X: mk(e, t), ID: m.ID, Name: memberName(m), Property: true, Optional: e.Optional}
		if !m.Static {
			lib.Recv = l.expr(e.X)
		}
		return lib
	}
	l.fail(e.Pos(), "member %s cannot be compiled", e.Sel.Name)
	return nil
}

func memberName(m *types.Member) string {
	if m.Recv == "" {
		return m.Name
	}
	return m.Recv + "." + m.Name
}

// libValue returns the constant value of a static library value (Color.red,
// .headline, .bold, .top ...).
func (l *lowerer) libValue(m *types.Member, t types.Type) (any, bool) {
	switch m.ID {
	case types.FontStyle:
		if f, ok := l.info.Tokens.TextStyle(m.Name); ok {
			return ir.Font{Size: f.Size, LineHeight: f.LineHeight, Weight: f.Weight, Family: f.Family, Style: m.Name}, true
		}
		return ir.Font{Style: m.Name}, true
	case types.EdgeSetValue:
		return edgeSet(m.Name), true
	case types.AlignmentValue:
		a, ok := ir.AlignmentByName(m.Name)
		return a, ok
	case types.AxisValue:
		if m.Name == "horizontal" {
			return ir.AxisHorizontal, true
		}
		return ir.AxisVertical, true
	case types.FontWeightValue:
		n, err := strconv.Atoi(m.Value)
		return int64(n), err == nil
	case types.DoublePi:
		return 3.141592653589793, true
	}
	return nil, false
}

func (l *lowerer) implicit(e *syntax.ImplicitMemberExpr, t types.Type) ir.Expr {
	sel := l.info.SelectionOf(e)
	if sel != nil {
		switch sel.Kind {
		case check.SelCase:
			return &ir.Const{X: mk(e, t), Value: l.syms[sel.Obj]}
		case check.SelLibrary:
			if v, ok := l.libValue(sel.Member, t); ok {
				return &ir.Const{X: mk(e, t), Value: v}
			}
		}
	}
	if o := l.info.UseOf(e.Name); o != nil && o.Kind == types.CaseObj {
		return &ir.Const{X: mk(e, t), Value: l.syms[o]}
	}
	l.fail(e.Pos(), "member .%s cannot be compiled", e.Name.Name)
	return nil
}

// closure lowers a closure; action marks event handlers.
func (l *lowerer) closure(e *syntax.ClosureExpr, t types.Type, action bool) *ir.Closure {
	c := &ir.Closure{X: mk(e, t), Action: action}
	if ft, ok := t.(*types.Func); ok && ft.Kind == types.ActionFunc {
		c.Action = true
	}
	if len(e.Params) > 0 {
		for _, p := range e.Params {
			if p.Name.Name == "_" {
				c.Params = append(c.Params, nil)
				continue
			}
			c.Params = append(c.Params, l.newVar(l.info.DefOf(p.Name)))
		}
	} else {
		// Implicit $0, $1: find their objects among the body's uses.
		n := 0
		if ft, ok := t.(*types.Func); ok {
			n = len(ft.Params)
		}
		c.Params = make([]*ir.Var, n)
		syntax.Inspect(e.Body, func(nd syntax.Node) bool {
			if id, ok := nd.(*syntax.Ident); ok && len(id.Name) > 1 && id.Name[0] == '$' {
				if o := l.info.UseOf(id); o != nil && o.Kind == types.ParamObj {
					if i, err := strconv.Atoi(id.Name[1:]); err == nil && i < n && c.Params[i] == nil {
						c.Params[i] = l.newVar(o)
					}
				}
			}
			return true
		})
	}
	c.Body = l.block(e.Body)
	if ft, ok := t.(*types.Func); ok && ft.Result != nil && !types.IsBasic(ft.Result, types.Void) {
		c.Body = implicitReturn(c.Body)
	}
	return c
}

// argsOf returns the lowered arguments of a call bound per parameter (nil
// for defaulted parameters), with the parameters' names and labels.
func (l *lowerer) args(c *check.Call) (vals []ir.Expr, names, labels []string) {
	for i, a := range c.Args {
		name, label := "", ""
		if c.Sig != nil && i < len(c.Sig.Params) {
			name, label = c.Sig.Params[i].Name, c.Sig.Params[i].Label
		}
		var v ir.Expr
		builder := false
		if c.Sig != nil && i < len(c.Sig.Params) {
			if ft, ok := c.Sig.Params[i].Type.(*types.Func); ok && ft.Kind == types.BuilderFunc {
				builder = true // content: lowered as render nodes by the caller
			}
		}
		if a != nil && !builder {
			v = l.argExpr(a.Value, c.Sig, i)
		}
		vals = append(vals, v)
		names = append(names, name)
		labels = append(labels, label)
	}
	return
}

// argExpr lowers an argument; closures passed to action parameters are handlers.
func (l *lowerer) argExpr(e syntax.Expr, sig *types.Func, i int) ir.Expr {
	if cl, ok := e.(*syntax.ClosureExpr); ok {
		action := false
		if sig != nil && i < len(sig.Params) {
			if ft, ok := sig.Params[i].Type.(*types.Func); ok && ft.Kind == types.ActionFunc {
				action = true
			}
		}
		x := l.closure(cl, l.typeOf(cl), action)
		x.SetDyn(l.dynOf(x))
		return x
	}
	return l.expr(e)
}

func (l *lowerer) call(e *syntax.CallExpr, t types.Type) ir.Expr {
	c := l.info.CallOf(e)
	if c == nil {
		l.fail(e.Pos(), "unresolved call")
	}
	switch c.Kind {
	case check.CallLibrary:
		return l.libCall(e, c, t)
	case check.CallFunc:
		f, _ := l.syms[c.Obj].(*ir.Func)
		if f == nil {
			l.fail(e.Pos(), "unresolved func %s", c.Obj.Name)
		}
		out := &ir.Call{X: mk(e, t), Func: f}
		if c.Recv != nil {
			out.Recv = l.expr(c.Recv)
			if s, ok := e.Fun.(*syntax.SelectorExpr); ok {
				out.Optional = s.Optional
			}
		} else if (f.Struct != nil || f.Enum != nil) && l.self != nil {
			// A method called by its bare name inside another method.
			out.Recv = &ir.Ref{X: ir.X{P: e.Pos(), T: l.self.Type}, Sym: l.self}
		}
		vals, _, _ := l.args(c)
		for i, v := range vals {
			if v == nil && i < len(f.Defaults) {
				v = f.Defaults[i]
			}
			if v == nil {
				if fd, ok := f.Obj.Decl.(*syntax.FuncDecl); ok && i < len(fd.Params) && fd.Params[i].Default != nil {
					v = l.expr(fd.Params[i].Default)
				}
			}
			out.Args = append(out.Args, v)
		}
		return out
	case check.CallStructInit:
		s, _ := l.syms[c.Obj].(*ir.Struct)
		if s == nil {
			l.fail(e.Pos(), "unresolved struct %s", c.Obj.Name)
		}
		out := &ir.StructLit{X: mk(e, t), Struct: s}
		vals, _, _ := l.args(c)
		sd, _ := s.Obj.Decl.(*syntax.StructDecl)
		fi := 0
		for _, m := range sd.Members {
			pd, ok := m.(*syntax.PropDecl)
			if !ok {
				continue
			}
			var v ir.Expr
			if fi < len(vals) {
				v = vals[fi]
			}
			if v == nil && pd.Default != nil {
				v = l.expr(pd.Default)
			}
			if v == nil {
				v = &ir.Const{X: ir.X{P: e.Pos(), T: types.NilType}}
			}
			out.Fields = append(out.Fields, v)
			fi++
		}
		return out
	case check.CallEnumInit:
		vals, _, _ := l.args(c)
		return &ir.Lib{X: mk(e, t), Name: c.Obj.Name + ".init(rawValue:)", Args: vals}
	case check.CallValue:
		out := &ir.CallValue{X: mk(e, t), Fn: l.expr(e.Fun)}
		for _, a := range e.Args {
			out.Args = append(out.Args, l.expr(a.Value))
		}
		for _, a := range e.Trailing {
			out.Args = append(out.Args, l.expr(a.Value))
		}
		return out
	}
	l.fail(e.Pos(), "a view is not a value here")
	return nil
}

func (l *lowerer) libCall(e *syntax.CallExpr, c *check.Call, t types.Type) ir.Expr {
	m := c.Member
	vals, names, labels := l.args(c)
	// Fonts are constants when their arguments are.
	switch m.ID {
	case types.FontToken:
		if c.Token != nil {
			f := c.Token.Font
			return &ir.Const{X: mk(e, t), Value: ir.Font{Size: f.Size, LineHeight: f.LineHeight, Weight: f.Weight, Family: f.Family}}
		}
	case types.FontSystem:
		f := ir.Font{}
		ok := true
		for i, v := range vals {
			k, isConst := v.(*ir.Const)
			if v == nil {
				continue
			}
			if !isConst {
				ok = false
				break
			}
			switch names[i] {
			case "size":
				switch n := k.Value.(type) {
				case float64:
					f.Size = n
				case int64:
					f.Size = float64(n)
				}
			case "weight":
				if n, isInt := k.Value.(int64); isInt {
					f.Weight = int(n)
				}
			}
		}
		if ok {
			return &ir.Const{X: mk(e, t), Value: f}
		}
	}
	out := &ir.Lib{X: mk(e, t), ID: m.ID, Name: memberName(m), Mutating: m.Mutating}
	if c.Recv != nil && !m.Static {
		out.Recv = l.expr(c.Recv)
		if s, ok := e.Fun.(*syntax.SelectorExpr); ok {
			out.Optional = s.Optional
		}
	}
	for i, v := range vals {
		if v == nil {
			continue
		}
		out.Args = append(out.Args, v)
		out.Labels = append(out.Labels, labels[i])
	}
	if m.Name == "decode" && m.Recv == "JSON" {
		out.Name = "JSON.decode"
	}
	return out
}
