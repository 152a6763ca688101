package check

import (
	"go/constant"
	"strings"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

type sourcePos = source.Pos

func isUpper(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func (c *checker) noteCall(x *ctx, fn *types.Object, n syntax.Node) {
	if x.u != nil {
		x.u.calls = append(x.u.calls, callSite{fn: fn, pos: n.Pos(), end: n.End(), region: x.region})
	}
}

func (c *checker) call(x *ctx, e *syntax.CallExpr, want types.Type) operand {
	op := c.call0(x, e, want)
	switch e.Fun.(type) {
	case *syntax.SelectorExpr, *syntax.ImplicitMemberExpr:
		// The callee of a method, modifier or static call has the chosen
		// signature as its type (views and Html elements: View).
		var t types.Type = types.InvalidType
		if call := c.info.CallOf(e); call != nil && call.Sig != nil {
			t = call.Sig
		}
		c.setType(e.Fun, TypeAndValue{Type: t})
	}
	return op
}

func (c *checker) call0(x *ctx, e *syntax.CallExpr, want types.Type) operand {
	switch fun := e.Fun.(type) {
	case *syntax.Ident:
		o := c.lookup(x, fun.Name)
		if o == nil {
			if isUpper(fun.Name) {
				c.unknownView(x, fun)
			} else {
				c.undefined(x, fun)
			}
			return invalid()
		}
		c.setUse(fun, o)
		switch o.Kind {
		case types.BuiltinObj:
			c.setType(fun, TypeAndValue{Type: o.Type})
			switch o.Builtin.Kind {
			case types.BuiltinView:
				return c.builtinView(x, e, o.Builtin.View)
			case types.BuiltinType:
				return c.typeInit(x, e, fun, o.Builtin.Type)
			case types.BuiltinFunc:
				return c.libraryCall(x, e, o.Builtin.Func, nil, nil, operand{})
			}
		case types.ViewObj:
			c.setType(fun, TypeAndValue{Type: c.metaOf(o)})
			return c.userView(x, e, o)
		case types.StructObj:
			c.setType(fun, TypeAndValue{Type: c.metaOf(o)})
			return c.structInit(x, e, o)
		case types.EnumObj:
			c.setType(fun, TypeAndValue{Type: c.metaOf(o)})
			return c.enumInit(x, e, o)
		case types.FuncObj:
			c.setType(fun, TypeAndValue{Type: o.Type})
			if c.instanceMemberInDefault(x, fun, o) {
				return invalid()
			}
			if o.Method && o.Mutating && !x.mutating {
				c.errorNode(fun, diag.MutatingOnValue, "cannot call mutating method '%s' from a non-mutating method", o.Name).Hint = "mark this method 'mutating'"
			}
			return c.funcCall(x, e, o, nil, operand{})
		}
		fop := c.ident(x, fun, nil)
		c.record(x, fun, fop)
		return c.valueCall(x, e, fop)
	case *syntax.SelectorExpr:
		return c.selectorCall(x, e, fun, want)
	case *syntax.ImplicitMemberExpr:
		base := unwrapOpt(want)
		if base == nil {
			c.errorNode(fun, diag.CannotInfer, "cannot infer the type of '.%s(...)' here", fun.Name.Name)
			return invalid()
		}
		if m := types.LookupMethod(types.RecvKey(base), fun.Name.Name, true); m != nil && m.Kind == types.Method {
			c.setSel(fun, c.sel(SelMethod, nil, m))
			return c.libraryCall(x, e, m, nil, nil, operand{})
		}
		d := c.errorNode(fun.Name, diag.UnknownMember, "type '%s' has no static method '%s'", base, fun.Name.Name)
		if s := closest(fun.Name.Name, staticNames(base)); s != "" {
			d.Hint = "did you mean '." + s + "'?"
		}
		return invalid()
	}
	fop := c.value(x, e.Fun, nil)
	return c.valueCall(x, e, fop)
}

func (c *checker) unknownView(x *ctx, id *syntax.Ident) {
	var names []string
	for _, v := range types.Views {
		names = append(names, v.Name)
	}
	for n, o := range c.pkg {
		if o.Kind == types.ViewObj || o.Kind == types.StructObj {
			names = append(names, n)
		}
	}
	d := c.errorNode(id, diag.UnknownView, "unknown view '%s'", id.Name)
	if s := closest(id.Name, names); s != "" {
		d.Hint = "did you mean '" + s + "'?"
	} else {
		d.Hint = "declare it: view " + id.Name + " { render { ... } }"
	}
}

// ---------------------------------------------------------------------------
// Argument matching.

func labelOK(p *types.Param, a *syntax.Arg) bool {
	if p.Label == "" {
		return a.Label == nil
	}
	return a.Label != nil && a.Label.Name == p.Label
}

func isFuncParam(p *types.Param) bool {
	switch t := unwrapOpt(p.Type).(type) {
	case *types.Func:
		return true
	case *types.TypeParam:
		_ = t
		return true
	}
	return false
}

// match binds the arguments and trailing closures of a call to params
// (Swift's rules: labels in order, parameters with defaults may be skipped,
// the unlabeled trailing closure fills the next function parameter). With
// report set it reports the first problem; noun is "argument" or "prop".
func (c *checker) match(e *syntax.CallExpr, params []*types.Param, callee calleeName, noun string, report bool) (bound, extra []*syntax.Arg, ok bool) {
	bound = c.argSlice(len(params))
	pi := 0
	missing := func(k int, _ syntax.Node) {
		if report {
			p := params[k]
			at := calleeNode(e)
			if p.Label != "" {
				for _, a := range append(append([]*syntax.Arg(nil), e.Args...), e.Trailing...) {
					if a.Label != nil && a.Label.Name == p.Label {
						c.errorNode(a.Label, diag.UnknownLabel, "%s '%s' is out of order in call to %s", noun, p.Label, callee).Hint = "pass arguments in the order of the declaration"
						return
					}
				}
			}
			name := p.Label
			if name == "" {
				name = p.Name
				d := c.errorNode(at, diag.MissingArgument, "missing %s for parameter '%s' (of type '%s') in call to %s", noun, name, p.Type, callee)
				d.Hint = "pass it first, without a label"
				return
			}
			c.errorNode(at, diag.MissingArgument, "missing %s '%s' (of type '%s') in call to %s", requiredNoun(noun), name, p.Type, callee)
		}
	}
	for _, a := range e.Args {
		if pi > 0 && params[pi-1].Variadic && a.Label == nil {
			extra = append(extra, a)
			continue
		}
		j := pi
		for j < len(params) && !labelOK(params[j], a) {
			j++
		}
		if j == len(params) {
			if report {
				c.badArg(a, params, pi, callee, noun)
			}
			return nil, nil, false
		}
		for k := pi; k < j; k++ {
			if !params[k].Optional {
				missing(k, argAt(a))
				return nil, nil, false
			}
		}
		bound[j] = a
		pi = j + 1
	}
	for _, a := range e.Trailing {
		j := pi
		if a.Label == nil {
			for j < len(params) && !isFuncParam(params[j]) {
				j++
			}
		} else {
			for j < len(params) && params[j].Label != a.Label.Name {
				j++
			}
		}
		if j == len(params) {
			if report {
				c.errorNode(argAt(a), diag.ExtraArgument, "extra trailing closure in call to %s", callee)
			}
			return nil, nil, false
		}
		for k := pi; k < j; k++ {
			if !params[k].Optional {
				missing(k, argAt(a))
				return nil, nil, false
			}
		}
		bound[j] = a
		pi = j + 1
	}
	for k := pi; k < len(params); k++ {
		if !params[k].Optional {
			missing(k, e.Fun)
			return nil, nil, false
		}
	}
	return bound, extra, true
}

// calleeName describes a callee in messages; it is formatted only when a
// message is reported.
// calleeName names a callee in messages: pre + recv + "." + name + post
// (recv and the dot when recv is set). The parts are joined only when a
// message is printed.
type calleeName struct{ pre, name, post, recv string }

func (n calleeName) String() string {
	if n.recv != "" {
		return n.pre + n.recv + "." + n.name + n.post
	}
	return n.pre + n.name + n.post
}

func argContext(p *types.Param, callee calleeName) string {
	if p.Label != "" {
		return "argument '" + p.Label + "' of " + callee.String()
	}
	return "argument of " + callee.String()
}

// assignArg is assign for a call argument; the message context is built
// only when there is an error.
func (c *checker) assignArg(x *ctx, e syntax.Expr, want types.Type, p *types.Param, callee calleeName) operand {
	op := c.value(x, e, want)
	if types.IsInvalid(want) || types.IsInvalid(op.t) {
		return op
	}
	if !types.Assignable(op.t, want) {
		c.mismatch(e, op.t, want, argContext(p, callee))
		op.t = types.InvalidType
	}
	return op
}

// calleeNode is the node naming the callee, where call-level errors go.
func calleeNode(e *syntax.CallExpr) syntax.Node {
	switch f := e.Fun.(type) {
	case *syntax.SelectorExpr:
		return f.Sel
	case *syntax.ImplicitMemberExpr:
		return f
	}
	return e.Fun
}

func requiredNoun(noun string) string {
	if noun == "prop" {
		return "required prop"
	}
	return "argument"
}

func argAt(a *syntax.Arg) syntax.Node {
	if a.Label != nil {
		return a.Label
	}
	return a.Value
}

func (c *checker) badArg(a *syntax.Arg, params []*types.Param, pi int, callee calleeName, noun string) {
	if a.Label == nil {
		c.errorNode(a.Value, diag.ExtraArgument, "extra %s in call to %s", noun, callee)
		return
	}
	name := a.Label.Name
	for k := 0; k < pi && k < len(params); k++ {
		if params[k].Label == name {
			c.errorNode(a.Label, diag.UnknownLabel, "%s '%s' is out of order in call to %s", noun, name, callee).Hint = "pass arguments in the order of the declaration"
			return
		}
	}
	var labels []string
	for _, p := range params {
		if p.Label != "" {
			labels = append(labels, p.Label)
		}
	}
	d := c.errorNode(a.Label, diag.UnknownLabel, "unknown %s label '%s' in call to %s", noun, name, callee)
	if s := closest(name, labels); s != "" {
		d.Hint = "did you mean '" + s + "'?"
	} else if len(labels) > 0 {
		d.Hint = "labels: " + strings.Join(labels, ", ")
	} else {
		d.Hint = "this call takes no labeled arguments"
	}
}

// plausible is a cheap syntactic filter for overloads whose labels fit.
func plausible(bound []*syntax.Arg, params []*types.Param) bool {
	for i, a := range bound {
		if a == nil {
			continue
		}
		pt := unwrapOpt(params[i].Type)
		if _, ok := pt.(*types.TypeParam); ok || pt == types.AnyType || pt == types.AttrValueType {
			continue
		}
		switch v := a.Value.(type) {
		case *syntax.BasicLit:
			switch v.Kind {
			case syntax.IntLit, syntax.FloatLit:
				if !types.IsNumeric(pt) {
					return false
				}
			case syntax.StringLit:
				if pt != types.StringType {
					return false
				}
			case syntax.BoolLit:
				if pt != types.BoolType {
					return false
				}
			}
		case *syntax.StringExpr:
			if pt != types.StringType {
				return false
			}
		case *syntax.ImplicitMemberExpr:
			switch pt.(type) {
			case *types.Enum, *types.Named, *types.TokenRef:
			default:
				if pt != types.DoubleType {
					return false
				}
			}
		case *syntax.ClosureExpr:
			if _, ok := pt.(*types.Func); !ok {
				return false
			}
		}
	}
	return true
}

// pick chooses the overload of sigs for call e and returns its index and
// binding, or -1 after reporting why none fits.
func (c *checker) pick(x *ctx, e *syntax.CallExpr, sigs []*types.Func, recv map[*types.TypeParam]types.Type, callee calleeName) (int, []*syntax.Arg, []*syntax.Arg) {
	if len(sigs) == 1 {
		b, ex, ok := c.match(e, sigs[0].Params, callee, "argument", true)
		if !ok {
			return -1, nil, nil
		}
		return 0, b, ex
	}
	type cand struct {
		i         int
		bound, ex []*syntax.Arg
	}
	var buf [4]cand
	cands := buf[:0]
	for i, s := range sigs {
		if b, ex, ok := c.match(e, s.Params, callee, "argument", false); ok && plausible(b, s.Params) {
			cands = append(cands, cand{i, b, ex})
		}
	}
	switch len(cands) {
	case 0:
		// Report against the overload with the most matching arity.
		best := 0
		n := len(e.Args) + len(e.Trailing)
		for i, s := range sigs {
			if abs(len(s.Params)-n) < abs(len(sigs[best].Params)-n) {
				best = i
			}
		}
		if _, _, ok := c.match(e, sigs[best].Params, callee, "argument", true); ok {
			// labels fit but the argument kinds do not: let the full check report types
			b, ex, _ := c.match(e, sigs[best].Params, callee, "argument", false)
			return best, b, ex
		}
		return -1, nil, nil
	case 1:
		return cands[0].i, cands[0].bound, cands[0].ex
	}
	// Several fit: decide by the types of the non-closure arguments.
	peek := map[syntax.Expr]operand{}
	for _, cd := range cands {
		fits := true
		for k, a := range cd.bound {
			if a == nil {
				continue
			}
			if _, isClosure := a.Value.(*syntax.ClosureExpr); isClosure {
				continue
			}
			pt := types.Subst(sigs[cd.i].Params[k].Type, recv)
			if types.HasTypeParams(pt) {
				continue
			}
			op, ok := peek[a.Value]
			if !ok {
				op = c.value(x, a.Value, nil)
				peek[a.Value] = op
			}
			if !(op.untyped && wantsDouble(pt)) && !types.Assignable(op.t, pt) {
				fits = false
				break
			}
		}
		if fits {
			return cd.i, cd.bound, cd.ex
		}
	}
	return cands[0].i, cands[0].bound, cands[0].ex
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// argResult is what checkArgs learned.
type argResult struct {
	sig      *types.Func // with type variables substituted
	result   types.Type
	deps     *DepSet // all arguments
	attrDeps *DepSet // non-closure arguments
	bad      bool    // an argument had an error
	arg0     operand // the operand of the first and second parameters (zero when absent)
	arg1     operand
}

func (r *argResult) setArg(i int, op operand) {
	switch i {
	case 0:
		r.arg0 = op
	case 1:
		r.arg1 = op
	}
}

// checkArgs checks bound arguments against sig. rows: the first argument
// is a sequence whose elements the content closure receives (List, ForEach).
func (c *checker) checkArgs(x *ctx, e *syntax.CallExpr, sig *types.Func, bound, extra []*syntax.Arg, recv map[*types.TypeParam]types.Type, callee calleeName, rows bool) argResult {
	var m map[*types.TypeParam]types.Type
	if len(recv) > 0 || types.HasTypeParams(sig) {
		m = make(map[*types.TypeParam]types.Type, len(recv)+2)
		for k, v := range recv {
			m[k] = v
		}
	}
	var r argResult
	for i, p := range sig.Params {
		a := bound[i]
		if a == nil {
			continue
		}
		if _, ok := a.Value.(*syntax.ClosureExpr); ok && isFuncParam(p) {
			continue
		}
		pt := types.Subst(p.Type, m)
		var op operand
		if _, isMeta := pt.(*types.Meta); isMeta {
			// T.self
			op = c.expr(x, a.Value, nil)
			if !types.IsInvalid(op.t) && !types.Unify(pt, op.t, m) {
				c.errorNode(a.Value, diag.TypeMismatch, "expected a type (T.self) in %s", argContext(p, callee)).Hint = "write the type followed by .self, e.g. [Todo].self"
			}
		} else if types.HasTypeParams(pt) {
			var hint types.Type
			if _, ok := unwrapOpt(pt).(*types.KeyPath); ok {
				hint = pt
			}
			op = c.value(x, a.Value, hint)
			if !types.IsInvalid(op.t) && !types.Unify(pt, op.t, m) {
				c.mismatch(a.Value, op.t, types.Subst(pt, m), argContext(p, callee))
			}
		} else {
			op = c.assignArg(x, a.Value, pt, p, callee)
		}
		r.setArg(i, op)
		r.attrDeps = c.union(r.attrDeps, op.deps)
	}
	if len(extra) > 0 {
		p := sig.Params[len(sig.Params)-1]
		for _, a := range extra {
			op := c.assignArg(x, a.Value, types.Subst(p.Type, m), p, callee)
			r.attrDeps = c.union(r.attrDeps, op.deps)
		}
	}
	r.deps = r.attrDeps
	for i, p := range sig.Params {
		a := bound[i]
		if a == nil {
			continue
		}
		cl, ok := a.Value.(*syntax.ClosureExpr)
		if !ok || !isFuncParam(p) {
			continue
		}
		pt := types.Subst(p.Type, m)
		ft, _ := unwrapOpt(pt).(*types.Func)
		if ft == nil {
			c.assign(x, a.Value, pt, argContext(p, callee))
			continue
		}
		var pdeps *DepSet
		if rows && ft.Kind == types.BuilderFunc && len(bound) > 0 && bound[0] != nil {
			pdeps = r.arg0.deps
			if root := rootIdent(bound[0].Value); root != nil {
				if o := c.info.UseOf(root); o != nil {
					if o.IsState() {
						c.rowSource = o
					} else {
						c.rowSource = c.loopSource[o]
					}
				}
			}
		}
		op := c.closure(x, cl, ft, pdeps)
		c.rowSource = nil
		c.record(x, cl, op)
		r.setArg(i, op)
		if types.HasTypeParams(ft) {
			if !types.Unify(ft, op.t, m) {
				c.mismatch(cl, op.t, types.Subst(ft, m), argContext(p, callee))
			}
		}
		if ft.Kind != types.BuilderFunc && ft.Kind != types.ActionFunc {
			r.deps = c.union(r.deps, op.deps)
		}
	}
	for _, a := range bound {
		if a != nil && types.IsInvalid(c.info.TypeAndValueOf(a.Value).Type) {
			r.bad = true
		}
	}
	r.sig = sig
	if m != nil {
		r.sig = types.Subst(sig, m).(*types.Func)
	}
	r.result = types.Subst(sig.Result, m)
	if types.HasTypeParams(r.result) {
		if !r.bad {
			c.errorNode(e, diag.CannotInfer, "cannot infer the result type of %s", callee)
		}
		r.result = types.InvalidType
	}
	return r
}

// ---------------------------------------------------------------------------
// Views.

func (c *checker) builtinView(x *ctx, e *syntax.CallExpr, spec *types.ViewSpec) operand {
	callee := calleeName{pre: "'", name: spec.Name, post: "'"}
	i, bound, extra := c.pick(x, e, spec.Sigs, nil, callee)
	if i < 0 {
		return operand{t: types.ViewType}
	}
	rows := spec.ID == types.ViewList || spec.ID == types.ViewForEach
	r := c.checkArgs(x, e, spec.Sigs[i], bound, extra, nil, callee, rows)
	if rows && len(r.sig.Params) > 1 {
		// id: key path values must be hashable
		if a := bound[1]; a != nil {
			if kp, ok := r.arg1.t.(*types.KeyPath); ok && !types.IsInvalid(kp.Value) && !types.Hashable(kp.Value) {
				c.errorNode(a.Value, diag.BadKeyPath, "list ids must be Int, String or an enum, not '%s'", kp.Value)
			}
		}
	}
	c.setCall(e, c.newCall(Call{Kind: CallBuiltinView, View: spec, Overload: i, Sig: r.sig, Args: bound}))
	return operand{t: types.ViewType, deps: r.attrDeps}
}

func (c *checker) viewParams(o *types.Object) []*types.Param {
	if ps, ok := c.vparams[o]; ok {
		return ps
	}
	vi := c.views[o].vi
	ps := make([]*types.Param, len(vi.Props))
	for i, p := range vi.Props {
		d := p.Decl.(*syntax.PropDecl)
		t := c.objType(p)
		prm := &types.Param{Label: p.Name, Name: p.Name, Type: t, Optional: d.Default != nil}
		if prm.Optional {
			prm.Default = "default"
		}
		ps[i] = prm
	}
	c.vparams[o] = ps
	return ps
}

func (c *checker) userView(x *ctx, e *syntax.CallExpr, o *types.Object) operand {
	callee := calleeName{pre: "view '", name: o.Name, post: "'"}
	params := c.viewParams(o)
	bound, extra, ok := c.match(e, params, callee, "prop", true)
	if x.view != nil && !x.view.renders[o] {
		x.view.renders[o] = true
		x.view.vi.Renders = append(x.view.vi.Renders, o)
	}
	if !ok {
		return operand{t: types.ViewType}
	}
	r := c.checkArgs(x, e, &types.Func{Params: params, Result: types.ViewType}, bound, extra, nil, callee, false)
	c.setCall(e, c.newCall(Call{Kind: CallUserView, Obj: o, Sig: r.sig, Args: bound}))
	return operand{t: types.ViewType, deps: r.attrDeps}
}

func (c *checker) html(x *ctx, e *syntax.CallExpr, fun *syntax.SelectorExpr) operand {
	tag := fun.Sel.Name
	if !types.IsHtmlTag(tag) {
		c.errorNode(fun.Sel, diag.UnknownMember, "'%s' is not an HTML element name", tag).Hint = "Html elements are lower-case tag names: Html.div, Html.span, Html.input ..."
		return operand{t: types.ViewType}
	}
	c.webOnly(x, fun.Pos(), "Html."+tag)
	c.setSel(fun, c.sel(SelHtmlTag, nil, nil))
	var deps *DepSet
	seen := map[string]bool{}
	for _, a := range e.Args {
		if a.Label == nil {
			c.errorNode(a.Value, diag.UnknownLabel, "Html element arguments are attributes and need a label").Hint = "write Html." + tag + "(class: \"...\"); children go in the trailing closure"
			c.value(x, a.Value, nil)
			continue
		}
		if seen[a.Label.Name] {
			c.errorNode(a.Label, diag.DuplicateDecl, "attribute '%s' is given twice", a.Label.Name)
		}
		seen[a.Label.Name] = true
		op := c.assign(x, a.Value, types.AttrValueType, "attribute '"+a.Label.Name+"'")
		deps = c.union(deps, op.deps)
	}
	builder := &types.Func{Result: types.ViewType, Kind: types.BuilderFunc}
	for i, a := range e.Trailing {
		cl, ok := a.Value.(*syntax.ClosureExpr)
		if i > 0 || a.Label != nil || !ok {
			c.errorNode(argAt(a), diag.ExtraArgument, "an Html element takes one trailing closure with its children")
			continue
		}
		op := c.closure(x, cl, builder, nil)
		c.record(x, cl, op)
	}
	c.setCall(e, c.newCall(Call{Kind: CallHtml, Tag: tag, Attrs: e.Args, Sig: types.HtmlSig}))
	return operand{t: types.ViewType, deps: deps}
}

func (c *checker) webOnly(x *ctx, pos source.Pos, construct string) {
	if x.view != nil {
		x.view.vi.WebOnly = append(x.view.vi.WebOnly, WebOnlyUse{Pos: pos, Construct: construct})
	}
}

func (c *checker) modifier(x *ctx, e *syntax.CallExpr, fun *syntax.SelectorExpr, recv operand) operand {
	spec := types.LookupModifier(fun.Sel.Name)
	if spec == nil {
		c.unknownModifier(fun.Sel)
		return operand{t: types.ViewType}
	}
	c.setSel(fun, c.sel(SelModifier, nil, nil))
	if spec.WebOnly {
		c.webOnly(x, fun.Sel.Pos(), "."+spec.Name)
	}
	callee := calleeName{pre: "modifier '.", name: spec.Name, post: "'"}
	i, bound, extra := c.pick(x, e, spec.Sigs, nil, callee)
	if i < 0 {
		return operand{t: types.ViewType}
	}
	r := c.checkArgs(x, e, spec.Sigs[i], bound, extra, nil, callee, false)
	c.setCall(e, c.newCall(Call{Kind: CallModifier, Modifier: spec, Overload: i, Sig: r.sig, Args: bound, Recv: fun.X}))
	return operand{t: types.ViewType, deps: r.attrDeps}
}

// ---------------------------------------------------------------------------
// Values.

func (c *checker) structInit(x *ctx, e *syntax.CallExpr, o *types.Object) operand {
	st := o.Type.(*types.Struct)
	params := make([]*types.Param, len(st.Fields))
	for i, f := range st.Fields {
		d := f.Decl.(*syntax.PropDecl)
		t := c.objType(f)
		_, opt := t.(*types.Optional)
		params[i] = &types.Param{Label: f.Name, Name: f.Name, Type: t, Optional: d.Default != nil || (d.Var && opt)}
	}
	callee := calleeName{pre: "'", name: o.Name, post: "' (memberwise initializer)"}
	bound, extra, ok := c.match(e, params, callee, "argument", true)
	if !ok {
		return operand{t: st}
	}
	r := c.checkArgs(x, e, &types.Func{Params: params, Result: st}, bound, extra, nil, callee, false)
	c.setCall(e, c.newCall(Call{Kind: CallStructInit, Obj: o, Sig: r.sig, Args: bound}))
	return operand{t: st, deps: r.deps}
}

func (c *checker) enumInit(x *ctx, e *syntax.CallExpr, o *types.Object) operand {
	et := o.Type.(*types.Enum)
	if et.Raw == nil {
		c.errorNode(e.Fun, diag.NotCallable, "enum '%s' has no raw values and cannot be constructed", o.Name).Hint = "use a case: ." + firstCase(et)
		return invalid()
	}
	sig := &types.Func{Params: []*types.Param{{Label: "rawValue", Name: "rawValue", Type: et.Raw}}, Result: types.NewOptional(et)}
	callee := calleeName{pre: "'", name: o.Name, post: "(rawValue:)'"}
	bound, extra, ok := c.match(e, sig.Params, callee, "argument", true)
	if !ok {
		return operand{t: sig.Result}
	}
	r := c.checkArgs(x, e, sig, bound, extra, nil, callee, false)
	c.setCall(e, c.newCall(Call{Kind: CallEnumInit, Obj: o, Sig: r.sig, Args: bound}))
	return operand{t: sig.Result, deps: r.deps}
}

func firstCase(et *types.Enum) string {
	if len(et.Cases) > 0 {
		return et.Cases[0].Name
	}
	return "case"
}

func (c *checker) typeInit(x *ctx, e *syntax.CallExpr, fun *syntax.Ident, t types.Type) operand {
	m := types.LookupMethod(types.RecvKey(t), "init", true)
	if m == nil {
		d := c.errorNode(fun, diag.NotCallable, "'%s' cannot be constructed", t)
		switch t {
		case types.TimerType:
			d.Hint = "use Timer.scheduledTimer(withTimeInterval:repeats:) { ... } or Timer.after(seconds) { ... }"
		case types.FontType:
			d.Hint = "use a text style (.headline), .system(size:weight:) or Font.token(.name)"
		}
		return invalid()
	}
	return c.libraryCall(x, e, m, nil, nil, operand{})
}

// libraryCall checks a call of a library function, method or initializer.
// recv is the receiver expression of a method (nil for statics).
func (c *checker) libraryCall(x *ctx, e *syntax.CallExpr, m *types.Member, recvT types.Type, recvE syntax.Expr, recv operand) operand {
	callee := calleeName{pre: "'", name: m.Name, post: "'"}
	if m.Recv != "" {
		callee = calleeName{pre: "'", recv: m.Recv, name: m.Name, post: "'"}
		if m.Kind == types.Init {
			callee = calleeName{pre: "'", name: m.Recv, post: "(...)'"}
		}
	}
	var rb map[*types.TypeParam]types.Type
	if recvT != nil {
		rb = types.RecvBindings(recvT)
	}
	i, bound, extra := c.pick(x, e, m.Sigs, rb, callee)
	if i < 0 {
		return invalid()
	}
	r := c.checkArgs(x, e, m.Sigs[i], bound, extra, rb, callee, false)
	call := c.newCall(Call{Kind: CallLibrary, Member: m, Overload: i, Sig: r.sig, Args: bound, Recv: recvE})
	c.setCall(e, call)
	op := operand{t: r.result, deps: c.union(recv.deps, r.deps)}
	switch m.ID {
	case types.ColorToken, types.FontToken, types.SpacingToken, types.RadiusToken:
		if len(bound) > 0 && bound[0] != nil {
			if sel := c.info.SelectionOf(bound[0].Value); sel != nil && sel.Token != nil {
				call.Token = sel.Token
				op.val = c.tokenConst(sel.Token)
			}
		}
	case types.ColorHex:
		if i == 0 && bound[0] != nil {
			if v := r.arg0.val; v != nil && v.Kind() == constant.String {
				if _, norm, ok := design.ParseColor(constant.StringVal(v)); ok {
					op.val = constant.MakeString(norm)
				} else {
					c.errorNode(bound[0].Value, diag.BadLiteral, "invalid hex color %s", v.ExactString()).Hint = "use \"#RGB\", \"#RRGGBB\" or \"#RRGGBBAA\""
				}
			}
		}
	case types.ArrayJoined:
		if a, ok := recvT.(*types.Array); ok && a.Elem != types.StringType && !types.IsInvalid(a.Elem) {
			c.errorNode(e.Fun, diag.TypeMismatch, "joined(separator:) needs an array of String, not '%s'", recvT).Hint = "map the elements to String first: .map { String($0) }"
		}
	case types.ArrayContains:
		if i == 0 {
			if a, ok := recvT.(*types.Array); ok && !types.Comparable(a.Elem) {
				c.errorNode(e.Fun, diag.TypeMismatch, "contains(_:) needs comparable elements; use contains(where:)")
			}
		}
	case types.ArraySortedBy:
		if a, ok := recvT.(*types.Array); ok && i == 1 && !types.Ordered(a.Elem) && !types.IsInvalid(a.Elem) {
			c.errorNode(e.Fun, diag.TypeMismatch, "sorted() needs Int, Double or String elements, not '%s'", a.Elem).Hint = "use sorted(by: { $0.x < $1.x })"
		}
	case types.ArraySorted:
		if a, ok := recvT.(*types.Array); ok && !types.Ordered(a.Elem) && !types.IsInvalid(a.Elem) {
			c.errorNode(e.Fun, diag.TypeMismatch, "sorted() needs Int, Double or String elements, not '%s'", a.Elem).Hint = "use sorted(by: { $0.x < $1.x })"
		}
	case types.FnPrint, types.JSONEncode, types.StringInit:
		for _, a := range append(append([]*syntax.Arg(nil), bound...), extra...) {
			if a != nil && c.info.TypeAndValueOf(a.Value).Type == types.VoidType {
				c.errorNode(a.Value, diag.TypeMismatch, "expression returns nothing")
			}
		}
	}
	// Fold conversions and math of constants.
	if op.val == nil && len(bound) == 1 && bound[0] != nil {
		if v := r.arg0.val; v != nil {
			op.val = foldLibrary(m.ID, r.arg0.t, v)
		}
	}
	return op
}

// foldLibrary folds a few pure library functions of one constant argument.
func foldLibrary(id types.MemberID, t types.Type, v constant.Value) constant.Value {
	switch id {
	case types.DoubleInit:
		if types.IsNumeric(t) {
			return constant.ToFloat(v)
		}
	case types.StringInit:
		if s, ok := formatConst(t, v); ok {
			return constant.MakeString(s)
		}
	case types.IntInit:
		if t == types.IntType {
			return v
		}
		if t == types.DoubleType {
			f, _ := constant.Float64Val(v)
			if f >= -9.2e18 && f <= 9.2e18 {
				return constant.MakeInt64(int64(f))
			}
		}
	}
	return nil
}

func (c *checker) funcCall(x *ctx, e *syntax.CallExpr, o *types.Object, recvE syntax.Expr, recv operand) operand {
	sig, _ := o.Type.(*types.Func)
	if sig == nil {
		return invalid()
	}
	callee := calleeName{pre: "'", name: o.Name, post: "'"}
	bound, extra, ok := c.match(e, sig.Params, callee, "argument", true)
	c.noteCall(x, o, e)
	if !ok {
		return operand{t: sig.Result}
	}
	r := c.checkArgs(x, e, sig, bound, extra, nil, callee, false)
	c.setCall(e, c.newCall(Call{Kind: CallFunc, Obj: o, Sig: r.sig, Args: bound, Recv: recvE}))
	deps := c.union(recv.deps, r.deps)
	deps = c.union(deps, c.single(o))
	return operand{t: r.result, deps: deps}
}

func (c *checker) valueCall(x *ctx, e *syntax.CallExpr, fop operand) operand {
	if types.IsInvalid(fop.t) {
		return invalid()
	}
	sig, ok := fop.t.(*types.Func)
	if !ok {
		if _, opt := fop.t.(*types.Optional); opt {
			c.errorNode(e.Fun, diag.OptionalMisuse, "cannot call a value of optional type '%s'", fop.t).Hint = "unwrap it first with 'if let'"
			return invalid()
		}
		c.errorNode(e.Fun, diag.NotCallable, "cannot call a value of type '%s'", fop.t)
		return invalid()
	}
	params := make([]*types.Param, len(sig.Params))
	for i, p := range sig.Params {
		cp := *p
		cp.Label = ""
		params[i] = &cp
	}
	callee := calleeName{pre: "'", name: exprName(e.Fun), post: "'"}
	bound, extra, ok := c.match(e, params, callee, "argument", true)
	if !ok {
		return operand{t: sig.Result}
	}
	r := c.checkArgs(x, e, &types.Func{Params: params, Result: sig.Result}, bound, extra, nil, callee, false)
	c.setCall(e, c.newCall(Call{Kind: CallValue, Sig: r.sig, Args: bound}))
	return operand{t: r.result, deps: c.union(fop.deps, r.deps)}
}

func (c *checker) selectorCall(x *ctx, e *syntax.CallExpr, fun *syntax.SelectorExpr, want types.Type) operand {
	xop := c.base(x, fun.X)
	if types.IsInvalid(xop.t) {
		return invalid()
	}
	name := fun.Sel.Name
	if m, ok := xop.t.(*types.Meta); ok {
		t := m.Of
		if t == types.HtmlType {
			return c.html(x, e, fun)
		}
		if sm := types.LookupMethod(types.RecvKey(t), name, true); sm != nil && sm.Kind == types.Method {
			c.setSel(fun, c.sel(SelMethod, nil, sm))
			return c.libraryCall(x, e, sm, nil, nil, operand{})
		}
		if xop.obj != nil && xop.obj.Kind == types.ViewObj || t == types.ViewType {
			c.errorNode(fun.Sel, diag.UnknownModifier, "modifiers apply to a view value: call the view first, e.g. %s().%s(...)", exprName(fun.X), name)
			return invalid()
		}
		d := c.errorNode(fun.Sel, diag.UnknownMember, "type '%s' has no static method '%s'", t, name)
		if s := closest(name, staticNames(t)); s != "" {
			d.Hint = "did you mean '" + s + "'?"
		}
		return invalid()
	}
	if xop.t == types.ViewType {
		return c.modifier(x, e, fun, xop)
	}
	base := xop.t
	opt := false
	if o, ok := base.(*types.Optional); ok {
		if fun.Optional || xop.chain {
			base, opt = o.Elem, true
		} else {
			d := c.errorNode(fun.X, diag.OptionalMisuse, "value of optional type '%s' must be unwrapped to call '%s'", xop.t, name)
			d.Hint = "use ?. to call it only when there is a value, or 'if let' to unwrap"
			return invalid()
		}
	}
	op := c.methodCall(x, e, fun, base, xop)
	if opt && !types.IsInvalid(op.t) {
		if op.t != types.VoidType {
			op.t = types.NewOptional(op.t)
		}
		op.chain = true
		op.val = nil
	}
	return op
}

func (c *checker) methodCall(x *ctx, e *syntax.CallExpr, fun *syntax.SelectorExpr, base types.Type, recv operand) operand {
	name := fun.Sel.Name
	var owner *types.Object
	switch t := base.(type) {
	case *types.Struct:
		owner = t.Obj
	case *types.Enum:
		owner = t.Obj
	}
	if owner != nil {
		if mo := c.members[owner][name]; mo != nil && mo.Kind == types.FuncObj {
			c.setUse(fun.Sel, mo)
			c.setSel(fun, c.sel(SelMethod, mo, nil))
			if mo.Mutating {
				c.checkPlace(x, fun.X, fun.Sel.Pos(), "mutate")
			}
			return c.funcCall(x, e, mo, fun.X, recv)
		}
		if f := c.members[owner][name]; f != nil && f.Kind == types.FieldObj {
			if _, isFunc := c.objType(f).(*types.Func); isFunc {
				c.setUse(fun.Sel, f)
				c.setSel(fun, c.sel(SelField, f, nil))
				fop := operand{t: f.Type, deps: recv.deps}
				c.record(x, fun, fop)
				return c.valueCall(x, e, fop)
			}
		}
	}
	if m := types.LookupMethod(types.RecvKey(base), name, false); m != nil && m.Kind == types.Method {
		c.setSel(fun, c.sel(SelMethod, nil, m))
		if m.Mutating {
			c.checkPlace(x, fun.X, fun.Sel.Pos(), "mutate")
		}
		return c.libraryCall(x, e, m, base, fun.X, recv)
	}
	d := c.errorNode(fun.Sel, diag.UnknownMember, "value of type '%s' has no method '%s'", base, name)
	var names []string
	if owner != nil {
		for n, o := range c.members[owner] {
			if o.Kind == types.FuncObj {
				names = append(names, n)
			}
		}
	} else {
		names = instanceNames(base)
	}
	if s := closest(name, names); s != "" {
		d.Hint = "did you mean '" + s + "'?"
	}
	return invalid()
}
