// Package lower turns a checked JXL program (the AST plus the checker's Info
// side table) into the target-neutral view IR.
//
// Lowering is one walk over the declarations. It never re-derives what the
// checker knows: constants (folded arithmetic and interpolations, resolved
// design tokens) come from Info.Types, names from Defs/Uses, calls from
// Calls (built-in view, modifier, user view, struct init, library member,
// func), members from Selections, and the transitive reads of funcs and
// computeds from Funcs/Computeds. The reactivity of each expression (Dyn) is
// the union of what its references read: atoms and computeds make it
// Reactive, props make it Props, calls add the called func's reads, render
// locals add what their value reads.
package lower

import (
	"fmt"
	"go/constant"
	"strings"

	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// Lower builds the IR of a checked program. The program must have no check
// errors; a construct lowering does not know is reported as E5001.
func Lower(fset *source.FileSet, info *check.Info) (prog *ir.Program, diags diag.List) {
	l := &lowerer{info: info, fset: fset, syms: map[*types.Object]any{}, varDyn: map[*ir.Var]ir.Dyn{}}
	prog = &ir.Program{Fset: fset}
	l.prog = prog
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(lowerError); ok {
				diags.Errorf(e.pos, diag.ErrTargetUnsupported, "%s", e.msg)
				prog = nil
				return
			}
			panic(r)
		}
	}()
	l.declare()
	l.bodies()
	return prog, l.diags
}

type lowerError struct {
	pos source.Pos
	msg string
}

func (l *lowerer) fail(pos source.Pos, format string, args ...any) {
	panic(lowerError{pos, fmt.Sprintf(format, args...)})
}

type lowerer struct {
	info   *check.Info
	fset   *source.FileSet
	prog   *ir.Program
	syms   map[*types.Object]any // object → *ir.View, *ir.Atom, *ir.Prop, *ir.Func, *ir.Var, *ir.Struct, *ir.Enum, *ir.EnumCase
	varDyn map[*ir.Var]ir.Dyn    // what a render local's value reads
	nextID int
	diags  diag.List
	view   *ir.View // the view being lowered
	self   *ir.Var  // the receiver of the method being lowered
}

// ---------------------------------------------------------------------------
// Declarations

func (l *lowerer) declare() {
	info := l.info
	for _, o := range info.Structs {
		s := &ir.Struct{P: o.Pos, Name: o.Name, Obj: o}
		if st, ok := o.Type.(*types.Struct); ok {
			s.Type = st
		}
		l.syms[o] = s
		l.prog.Structs = append(l.prog.Structs, s)
	}
	for _, o := range info.Enums {
		e := &ir.Enum{P: o.Pos, Name: o.Name, Obj: o}
		if et, ok := o.Type.(*types.Enum); ok {
			e.Type = et
			e.Raw = et.Raw
			for _, c := range et.Cases {
				ec := &ir.EnumCase{Name: c.Name, Enum: e}
				if d, ok := c.Decl.(*syntax.EnumCase); ok && d.Value != nil {
					if tv := info.TypeAndValueOf(d.Value); tv.Value != nil {
						ec.Raw = constValue(tv.Value)
					}
				}
				e.Cases = append(e.Cases, ec)
				l.syms[c] = ec
			}
		}
		l.syms[o] = e
		l.prog.Enums = append(l.prog.Enums, e)
	}
	for _, o := range info.Globals {
		switch o.Kind {
		case types.AtomObj, types.ComputedObj:
			a := &ir.Atom{P: o.Pos, Name: o.Name, Type: o.Type, Computed: o.Kind == types.ComputedObj, Obj: o}
			l.syms[o] = a
			l.prog.Atoms = append(l.prog.Atoms, a)
		case types.FuncObj:
			f := l.newFunc(o)
			l.prog.Funcs = append(l.prog.Funcs, f)
		}
	}
	for _, s := range l.prog.Structs {
		if s.Type == nil {
			continue
		}
		for _, m := range s.Type.Methods {
			f := l.newFunc(m)
			f.Struct = s
			s.Methods = append(s.Methods, f)
		}
	}
	for _, e := range l.prog.Enums {
		if e.Type == nil {
			continue
		}
		for _, m := range e.Type.Methods {
			f := l.newFunc(m)
			f.Enum = e
			e.Methods = append(e.Methods, f)
		}
	}
	for _, vi := range info.Views {
		v := &ir.View{P: vi.Obj.Pos, Name: vi.Obj.Name, Obj: vi.Obj}
		l.syms[vi.Obj] = v
		for _, p := range vi.Props {
			ip := &ir.Prop{P: p.Pos, Name: p.Name, Type: p.Type, Owner: v, Obj: p}
			l.syms[p] = ip
			v.Props = append(v.Props, ip)
		}
		// Atoms and computeds in declaration order.
		for _, m := range vi.Decl.Members {
			ad, ok := m.(*syntax.AtomDecl)
			if !ok {
				continue
			}
			o := info.DefOf(ad.Name)
			if o == nil {
				continue
			}
			a := &ir.Atom{P: o.Pos, Name: o.Name, Type: o.Type, Computed: ad.Computed, Owner: v, Obj: o}
			l.syms[o] = a
			v.Atoms = append(v.Atoms, a)
		}
		for _, fo := range vi.Funcs {
			f := l.newFunc(fo)
			f.View = v
			v.Funcs = append(v.Funcs, f)
		}
		if len(vi.WebOnly) > 0 {
			v.WebOnly = &ir.WebOnlyUse{P: vi.WebOnly[0].Pos, What: vi.WebOnly[0].Construct}
		}
		l.prog.Views = append(l.prog.Views, v)
	}
	if app := info.App; app != nil {
		l.prog.Name = app.Obj.Name
		l.prog.Title = app.Title
		if app.Root != nil {
			l.prog.Root, _ = l.syms[app.Root].(*ir.View)
		}
	}
}

func (l *lowerer) newFunc(o *types.Object) *ir.Func {
	f := &ir.Func{P: o.Pos, Name: o.Name, Obj: o, Mutating: o.Mutating}
	if ft, ok := o.Type.(*types.Func); ok {
		f.Result = ft.Result
		if types.IsBasic(f.Result, types.Void) {
			f.Result = nil
		}
	}
	l.syms[o] = f
	return f
}

func (l *lowerer) newVar(o *types.Object) *ir.Var {
	if o == nil {
		return nil
	}
	if v, ok := l.syms[o].(*ir.Var); ok {
		return v
	}
	l.nextID++
	v := &ir.Var{Name: o.Name, Type: o.Type, Mutable: o.Mutable, ID: l.nextID}
	l.syms[o] = v
	return v
}

// ---------------------------------------------------------------------------
// Bodies

func (l *lowerer) bodies() {
	info := l.info
	for _, s := range l.prog.Structs {
		if sd, ok := s.Obj.Decl.(*syntax.StructDecl); ok {
			for _, m := range sd.Members {
				if pd, ok := m.(*syntax.PropDecl); ok {
					f := &ir.StructField{Name: pd.Name.Name, Var: pd.Var}
					if o := info.DefOf(pd.Name); o != nil {
						f.Type = o.Type
					}
					if pd.Default != nil {
						f.Default = l.expr(pd.Default)
					}
					s.Fields = append(s.Fields, f)
				}
			}
		}
		for _, f := range s.Methods {
			l.funcBody(f)
		}
	}
	for _, e := range l.prog.Enums {
		for _, f := range e.Methods {
			l.funcBody(f)
		}
	}
	for _, a := range l.prog.Atoms {
		l.atomBody(a)
	}
	for _, f := range l.prog.Funcs {
		l.funcBody(f)
	}
	for _, v := range l.prog.Views {
		l.view = v
		vd := v.Obj.Decl.(*syntax.ViewDecl)
		for _, p := range v.Props {
			if pd, ok := p.Obj.Decl.(*syntax.PropDecl); ok && pd.Default != nil {
				p.Default = l.expr(pd.Default)
			}
		}
		for _, a := range v.Atoms {
			l.atomBody(a)
		}
		for _, f := range v.Funcs {
			l.funcBody(f)
		}
		for _, m := range vd.Members {
			switch m := m.(type) {
			case *syntax.LifecycleDecl:
				b := l.block(m.Body)
				if m.Unmount {
					v.OnUnmount = b
				} else {
					v.OnMount = b
				}
			case *syntax.RenderDecl:
				v.Body = l.render(m.Body.Stmts)
			}
		}
		l.view = nil
	}
	if app := info.App; app != nil {
		for _, r := range app.Routes {
			l.route(r)
		}
		for _, m := range app.Decl.Members {
			f, ok := m.(*syntax.AppField)
			if !ok || f.Name.Name != "root" || l.prog.Root == nil {
				continue
			}
			if call, ok := f.Value.(*syntax.CallExpr); ok {
				l.prog.RootArgs = l.propArgs(l.prog.Root, call)
			}
		}
	}
	if l.prog.Root == nil && len(l.prog.Routes) == 0 {
		switch {
		case len(l.prog.Views) == 1:
			l.prog.Root = l.prog.Views[0]
		case len(l.prog.Views) > 1:
			pos := l.prog.Views[0].P
			if info.App != nil {
				pos = info.App.Decl.Pos()
			}
			l.diags.Errorf(pos, diag.ErrNoRootView, "the app has no root view and no routes, so nothing would render").Hint =
				"declare one: app Name { root: " + l.prog.Views[len(l.prog.Views)-1].Name + " }"
		}
	}
}

func (l *lowerer) atomBody(a *ir.Atom) {
	ad, ok := a.Obj.Decl.(*syntax.AtomDecl)
	if !ok {
		return
	}
	if a.Computed {
		a.Body = l.block(ad.Body)
		a.Body = implicitReturn(a.Body)
		for _, o := range l.info.Computeds[a.Obj].State() {
			if d, ok := l.syms[o].(*ir.Atom); ok {
				a.Deps = append(a.Deps, d)
			}
		}
		return
	}
	if ad.Value != nil {
		a.Init = l.expr(ad.Value)
	}
}

// implicitReturn turns a single-expression body into a return.
func implicitReturn(b *ir.Block) *ir.Block {
	if b != nil && len(b.Stmts) == 1 {
		if es, ok := b.Stmts[0].(*ir.ExprStmt); ok {
			b.Stmts[0] = &ir.Return{P: es.P, Value: es.X}
		}
	}
	return b
}

func (l *lowerer) funcBody(f *ir.Func) {
	fd, ok := f.Obj.Decl.(*syntax.FuncDecl)
	if !ok {
		return
	}
	for _, p := range fd.Params {
		v := l.newVar(l.info.DefOf(p.Name))
		if v == nil {
			l.nextID++
			v = &ir.Var{Name: p.Name.Name, ID: l.nextID}
		}
		f.Params = append(f.Params, v)
		var def ir.Expr
		if p.Default != nil {
			def = l.expr(p.Default)
		}
		f.Defaults = append(f.Defaults, def)
	}
	if f.Struct != nil || f.Enum != nil {
		l.nextID++
		f.Self = &ir.Var{Name: "self", ID: l.nextID, Mutable: f.Mutating}
		if f.Struct != nil {
			f.Self.Type = f.Struct.Type
		} else {
			f.Self.Type = f.Enum.Type
		}
	}
	l.self = f.Self
	f.Body = l.block(fd.Body)
	l.self = nil
	if f.Result != nil {
		f.Body = implicitReturn(f.Body)
	}
}

func (l *lowerer) route(r *check.Route) {
	v, _ := l.syms[r.View].(*ir.View)
	if v == nil {
		return
	}
	ir_ := &ir.Route{P: r.Decl.Pos(), Path: r.Path, View: v}
	params := map[string]*ir.RouteParam{}
	for _, p := range r.Params {
		rp := &ir.RouteParam{Name: p.Name}
		if ip, ok := l.syms[p.Prop].(*ir.Prop); ok {
			rp.Prop = ip
			rp.Type = ip.Type
		}
		params[p.Name] = rp
		ir_.Params = append(ir_.Params, rp)
	}
	for _, seg := range strings.Split(r.Path, "/") {
		if seg == "" {
			continue
		}
		if strings.HasPrefix(seg, ":") {
			ir_.Segments = append(ir_.Segments, ir.Segment{Param: params[seg[1:]]})
		} else {
			ir_.Segments = append(ir_.Segments, ir.Segment{Literal: seg})
		}
	}
	if r.Call != nil {
		ir_.Args = l.propArgs(v, r.Call)
	}
	l.prog.Routes = append(l.prog.Routes, ir_)
}

// ---------------------------------------------------------------------------
// Statements

func (l *lowerer) block(b *syntax.BlockStmt) *ir.Block {
	if b == nil {
		return &ir.Block{}
	}
	out := &ir.Block{P: b.Lbrace}
	for _, s := range b.Stmts {
		if st := l.stmt(s); st != nil {
			out.Stmts = append(out.Stmts, st)
		}
	}
	return out
}

var assignOps = map[syntax.Token]string{
	syntax.ASSIGN: "=", syntax.ADD_ASSIGN: "+=", syntax.SUB_ASSIGN: "-=",
	syntax.MUL_ASSIGN: "*=", syntax.QUO_ASSIGN: "/=", syntax.REM_ASSIGN: "%=",
}

func (l *lowerer) stmt(s syntax.Stmt) ir.Stmt {
	switch s := s.(type) {
	case *syntax.BlockStmt:
		return l.block(s)
	case *syntax.DeclStmt:
		v := l.newVar(l.info.DefOf(s.Name))
		if v == nil {
			l.fail(s.Pos(), "unresolved local %s", s.Name.Name)
		}
		v.Mutable = s.Var
		loc := &ir.Local{P: s.Pos(), Var: v}
		if s.Value != nil {
			loc.Value = l.expr(s.Value)
		}
		return loc
	case *syntax.AssignStmt:
		return &ir.Assign{P: s.Pos(), Place: l.expr(s.Lhs), Op: assignOps[s.Op], Value: l.expr(s.Rhs)}
	case *syntax.ExprStmt:
		return &ir.ExprStmt{P: s.Pos(), X: l.expr(s.X)}
	case *syntax.IfStmt:
		out := &ir.IfStmt{P: s.Pos()}
		if ob, ok := s.Cond.(*syntax.OptionalBinding); ok {
			out.Bind = l.newVar(l.info.DefOf(ob.Name))
			if ob.Value != nil {
				out.Cond = l.expr(ob.Value)
			} else {
				out.Cond = l.identRef(ob.Name)
			}
		} else {
			out.Cond = l.expr(s.Cond.(syntax.Expr))
		}
		out.Then = l.block(s.Then)
		if s.Else != nil {
			out.Else = l.stmt(s.Else)
		}
		return out
	case *syntax.ForStmt:
		out := &ir.ForStmt{P: s.Pos(), Seq: l.expr(s.Seq), Body: nil}
		if s.Var != nil && s.Var.Name != "_" {
			out.Var = l.newVar(l.info.DefOf(s.Var))
		}
		out.Body = l.block(s.Body)
		return out
	case *syntax.WhileStmt:
		return &ir.While{P: s.Pos(), Cond: l.expr(s.Cond), Body: l.block(s.Body)}
	case *syntax.ReturnStmt:
		r := &ir.Return{P: s.Pos()}
		if s.Value != nil {
			r.Value = l.expr(s.Value)
		}
		return r
	case *syntax.BranchStmt:
		return &ir.Branch{P: s.Pos(), Continue: s.Tok == syntax.CONTINUE}
	}
	l.fail(s.Pos(), "statement %T cannot be compiled", s)
	return nil
}

// ---------------------------------------------------------------------------
// Reactivity

// depsOf converts a checker dependency set.
func (l *lowerer) depsOf(s *check.DepSet) ir.Dyn {
	var d ir.Dyn
	if s == nil {
		return d
	}
	for _, o := range s.Objs {
		switch x := l.syms[o].(type) {
		case *ir.Atom:
			d.Kind = ir.Reactive
			d.Atoms = append(d.Atoms, x)
		case *ir.Prop:
			if d.Kind < ir.Props {
				d.Kind = ir.Props
			}
			d.Props = append(d.Props, x)
		}
	}
	return d
}

// dynOf computes the reactivity of a lowered expression from its parts.
func (l *lowerer) dynOf(e ir.Expr) ir.Dyn {
	var d ir.Dyn
	ir.InspectExpr(e, func(x ir.Expr) bool {
		switch x := x.(type) {
		case *ir.Ref:
			switch s := x.Sym.(type) {
			case *ir.Atom:
				d = d.Join(ir.Dyn{Kind: ir.Reactive, Atoms: []*ir.Atom{s}})
			case *ir.Prop:
				d = d.Join(ir.Dyn{Kind: ir.Props, Props: []*ir.Prop{s}})
			case *ir.Var:
				d = d.Join(l.varDyn[s])
			}
		case *ir.Call:
			if f := l.info.Funcs[x.Func.Obj]; f != nil {
				d = d.Join(l.depsOf(f.Reads))
			}
		case *ir.Closure:
			if x.Action {
				return false // handlers run on events, not during render
			}
		}
		return true
	})
	return d
}

// ---------------------------------------------------------------------------
// Constants

// constValue converts a go/constant value.
func constValue(v constant.Value) any {
	switch v.Kind() {
	case constant.Bool:
		return constant.BoolVal(v)
	case constant.String:
		return constant.StringVal(v)
	case constant.Int:
		if i, ok := constant.Int64Val(v); ok {
			return i
		}
		f, _ := constant.Float64Val(v)
		return f
	case constant.Float:
		f, _ := constant.Float64Val(v)
		return f
	}
	return nil
}

// typedConst converts a checker constant to an IR constant of type t.
func (l *lowerer) typedConst(v constant.Value, t types.Type, pos source.Pos) (any, bool) {
	x := constValue(v)
	switch {
	case types.IsBasic(t, types.Double):
		switch n := x.(type) {
		case int64:
			return float64(n), true
		case float64:
			return n, true
		}
	case types.IsBasic(t, types.Int):
		switch n := x.(type) {
		case int64:
			return n, true
		case float64:
			return int64(n), true
		}
	case types.IsBasic(t, types.String), types.IsBasic(t, types.Bool):
		return x, true
	case t == types.ColorType:
		if s, ok := x.(string); ok {
			if rgba, _, ok := design.ParseColor(s); ok {
				return ir.Color{R: rgba[0], G: rgba[1], B: rgba[2], A: float64(rgba[3]) / 255}, true
			}
		}
	case t == types.EdgeSetType:
		if s, ok := x.(string); ok {
			return edgeSet(s), true
		}
	case t == types.AlignmentType:
		if s, ok := x.(string); ok {
			if a, ok := ir.AlignmentByName(s); ok {
				return a, true
			}
		}
	case t == types.AxisType:
		if s, ok := x.(string); ok {
			if s == "horizontal" {
				return ir.AxisHorizontal, true
			}
			return ir.AxisVertical, true
		}
	case t == types.FontWeightType:
		switch n := x.(type) {
		case int64:
			return n, true
		case string:
			return int64(design.FontWeights[n]), true
		}
	}
	if o, ok := t.(*types.Optional); ok {
		if x == nil {
			return nil, true
		}
		return l.typedConst(v, o.Elem, pos)
	}
	return nil, false
}

func edgeSet(name string) ir.EdgeSet {
	switch name {
	case "top":
		return ir.EdgeTop
	case "bottom":
		return ir.EdgeBottom
	case "leading":
		return ir.EdgeLeading
	case "trailing":
		return ir.EdgeTrailing
	case "horizontal":
		return ir.EdgeHorizontal
	case "vertical":
		return ir.EdgeVertical
	}
	return ir.EdgeAll
}

// propArgs lowers the props given in a call of a view outside render (the
// app's root and routes).
func (l *lowerer) propArgs(v *ir.View, call *syntax.CallExpr) []*ir.PropArg {
	var out []*ir.PropArg
	if c := l.info.CallOf(call); c != nil {
		for i, a := range c.Args {
			if a == nil || i >= len(v.Props) {
				continue
			}
			out = append(out, &ir.PropArg{Prop: v.Props[i], Value: l.expr(a.Value)})
		}
	}
	return out
}
