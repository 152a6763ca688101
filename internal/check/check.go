// Package check is the semantic half of the JXL front end: name resolution
// across the files of an app, type checking and inference, and the
// reactivity rules (what computeds and render content read, where atoms may
// be written, computed cycles). It never modifies the AST; everything it
// learns is recorded in an Info (see info.go for the reading guide).
//
// The checker makes three passes over the declarations:
//
//  1. collect: declare every top-level name and every member (one namespace
//     per app folder; duplicates are reported);
//  2. resolve: compute the declared types of struct fields, enum cases,
//     func signatures, props, atoms and computeds (inferred types are
//     resolved lazily, on first use, with a guard against self-reference);
//  3. bodies: check every func, computed, atom initializer, lifecycle block
//     and render body once, recording types, uses, calls, per-node
//     dependencies and each unit's direct reads, writes and calls;
//
// and then one pass over the (small) unit graph: transitive reads and writes
// of funcs (a fixpoint), the computed dependency graph with its cycles, the
// deferred "calls a func that writes" errors, and the expansion of the
// recorded dependency sets through called funcs.
package check

import (
	"go/constant"
	"sort"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// Config configures a check. The zero value is ready to use.
type Config struct {
	// MaxErrors stops reporting after this many errors (0: no limit).
	MaxErrors int

	// Maps records the node facts (types, definitions and uses, calls,
	// selections, dependencies) in the exported Info maps (Types, Defs,
	// Uses, Calls, Selections, Deps), for code that indexes them directly.
	// By default the facts live in position-indexed tables and the maps are
	// nil: read them with the accessor methods (TypeAndValueOf, TypeOf,
	// ObjectOf, DefOf, UseOf, CallOf, SelectionOf, DepsOf, Reactive,
	// EachCall, EachDeps), which work either way. The maps make a large
	// app's check about 1.6 times slower.
	Maps bool

	// Dense was the switch to the position-indexed tables, which are now
	// the default; it has no effect (see Maps).
	Dense bool
}

// Check type-checks the files of one app against the design tokens (nil
// means design.Default()). It returns the facts it learned and the sorted
// diagnostics; the Info is complete even when there are errors (erroneous
// expressions have the invalid type).
func Check(fset *source.FileSet, files []*syntax.File, tokens *design.Tokens, conf *Config) (*Info, diag.List) {
	if tokens == nil {
		tokens = design.Default()
	}
	if conf == nil {
		conf = &Config{}
	}
	nodes := 0
	for _, f := range files {
		nodes += int(f.End()-f.Pos()) / 12
	}
	c := &checker{
		fset:   fset,
		conf:   conf,
		tokens: tokens,
		info: &Info{
			Bindings:  make(map[*syntax.BindingExpr]*types.Object),
			Computeds: make(map[*types.Object]*DepSet),
			Funcs:     make(map[*types.Object]*FuncFacts),
			Locals:    make(map[*types.Object]*DepSet),
			Tokens:    tokens,
		},
		pkg:          make(map[string]*types.Object),
		views:        make(map[*types.Object]*viewScope),
		members:      make(map[*types.Object]map[string]*types.Object),
		localDeps:    make(map[*types.Object]*DepSet),
		localVal:     make(map[*types.Object]TypeAndValue),
		vparams:      make(map[*types.Object][]*types.Param),
		loopSource:   make(map[*types.Object]*types.Object),
		sels:         make(map[selKey]*Selection),
		consts:       make(map[constKey]constant.Value),
		doubles:      make(map[int64]constant.Value),
		memberConsts: make(map[*types.Member]constant.Value),
		tokenConsts:  make(map[*design.Token]constant.Value),
	}
	if !conf.Maps {
		c.info.dense = newNodeTable(files)
	} else {
		c.info.Types = make(map[syntax.Expr]TypeAndValue, nodes)
		c.info.Defs = make(map[*syntax.Ident]*types.Object, nodes/8)
		c.info.Uses = make(map[*syntax.Ident]*types.Object, nodes/3)
		c.info.Calls = make(map[*syntax.CallExpr]*Call, nodes/8)
		c.info.Selections = make(map[syntax.Expr]*Selection)
		c.info.Deps = make(map[syntax.Node]*DepSet, nodes/8)
	}
	// About one interned set per 70 bytes of source; the table stays at
	// most half full.
	size := 1024
	for size < nodes*12/36 {
		size <<= 1
	}
	c.intern.slots = make([]uint64, size)
	c.collect(files)
	c.resolveDecls()
	c.checkBodies()
	c.reactivity()
	if c.diags.HasErrors() {
		c.typeUnreached(files)
	}
	c.diags.Sort(fset)
	return c.info, c.diags
}

type checker struct {
	fset   *source.FileSet
	conf   *Config
	tokens *design.Tokens
	info   *Info
	diags  diag.List
	errs   int

	files   []*syntax.File
	pkg     map[string]*types.Object // app-wide names
	globals map[string]*types.Object // pkg over the universe, from checkBodies on
	app     *types.Object

	views   map[*types.Object]*viewScope
	members map[*types.Object]map[string]*types.Object // struct/enum → fields, cases, methods

	unitOf     []*unit       // object ID → its unit (funcs, computeds, initializers)
	resolv     []bool        // object ID → lazy type inference in progress
	meta       []*types.Meta // object ID → the Meta type of a view, struct or enum name
	unitList   []*unit       // every unit in creation order
	nextID     int
	intern     setTable  // interned sets by hash of their IDs
	single1    []*DepSet // singleton sets by object ID
	mergeBuf   []*types.Object
	setBuf     []*types.Object                // scratch of setOf
	localDeps  map[*types.Object]*DepSet      // render locals → deps of their value
	localVal   map[*types.Object]TypeAndValue // let locals bound to constants
	scope      []scopeEntry                   // local scopes (innermost last)
	vparams    map[*types.Object][]*types.Param
	loopSource map[*types.Object]*types.Object // for-in variables and row params → the atom they iterate
	rowSource  *types.Object                   // atom of the rows passed to the next content closure
	capture    []*DepSet                       // dependencies of locals read inside closures (render)
	sels       map[selKey]*Selection           // shared selections
	unionCache [4096]unionEntry                // recent unions (see union)
	nsets      uint32                          // sets interned so far
	scopeBase  int                             // lookups see c.scope[scopeBase:]

	argSlab      []*syntax.Arg // see alloc.go
	callSlab     []Call
	setSlab      []DepSet
	unitSlab     []unit
	objSlab      []types.Object
	funcSlab     []types.Func
	objsSlab     []*types.Object
	consts       map[constKey]constant.Value
	doubles      map[int64]constant.Value
	memberConsts map[*types.Member]constant.Value
	tokenConsts  map[*design.Token]constant.Value
}

type scopeEntry struct {
	name string
	obj  *types.Object // nil marks a scope boundary
}

// viewScope is a view's member namespace.
type viewScope struct {
	obj     *types.Object
	decl    *syntax.ViewDecl
	members map[string]*types.Object
	vi      *ViewInfo
	renders map[*types.Object]bool
}

// region says which reactivity rules apply to code.
type region uint8

const (
	regionHandler  region = iota // func, lifecycle, action closure: writes allowed
	regionRender                 // render content (and non-action closures in it): no writes
	regionComputed               // computed body (and every closure in it): no writes
	regionInit                   // atom initial values, prop and field defaults: no writes
)

// unit is a body whose reads, writes and calls are collected: a func, a
// computed, a render body, a lifecycle block or an initializer.
type unit struct {
	obj  *types.Object // the func or computed, or the atom/prop for initializers, nil for render/lifecycle
	view *viewScope
	kind region
	// for messages: "computed 'x'", "render of view 'V'" ... (see what)
	whatPre, whatName, whatPost string
	reads                       []*types.Object
	writes                      []*types.Object
	calls                       []callSite
}

func (u *unit) what() string { return u.whatPre + u.whatName + u.whatPost }

type callSite struct {
	fn     *types.Object
	pos    source.Pos
	end    source.Pos
	region region // region at the call (an action closure inside render is a handler)
}

// ctx is the context of the code being checked.
type ctx struct {
	u        *unit
	view     *viewScope
	recv     *types.Object // struct or enum of a method
	self     *types.Object // self in a method's body (nil elsewhere)
	mutating bool          // inside a mutating method
	region   region
	track    bool       // record per-node dependencies (render content)
	result   types.Type // result type expected by return (nil: Void)
	infer    *inferred  // closure whose result type is being inferred
	loop     bool
}

type inferred struct {
	t   types.Type
	pos source.Pos
}

func (c *checker) errorf(pos source.Pos, code diag.Code, format string, args ...any) *diag.Diagnostic {
	c.errs++
	if c.conf.MaxErrors > 0 && c.errs > c.conf.MaxErrors {
		return &diag.Diagnostic{} // dropped
	}
	return c.diags.Errorf(pos, code, format, args...)
}

func (c *checker) errorNode(n syntax.Node, code diag.Code, format string, args ...any) *diag.Diagnostic {
	d := c.errorf(n.Pos(), code, format, args...)
	d.End = n.End()
	return d
}

func (c *checker) newObj(kind types.ObjKind, name string, pos source.Pos, decl syntax.Node, owner *types.Object) *types.Object {
	if len(c.objSlab) == cap(c.objSlab) {
		c.objSlab = make([]types.Object, 0, slabSize/8)
	}
	c.objSlab = append(c.objSlab, types.Object{Kind: kind, Name: name, Pos: pos, Decl: decl, Owner: owner, ID: c.nextID})
	o := &c.objSlab[len(c.objSlab)-1]
	c.nextID++
	if kind != types.LocalObj && kind != types.ParamObj {
		c.info.Objects = append(c.info.Objects, o)
	}
	return o
}

func (c *checker) unit(o *types.Object) *unit {
	if o.ID < len(c.unitOf) {
		return c.unitOf[o.ID]
	}
	return nil
}

func (c *checker) resolving(o *types.Object) bool {
	return o.ID < len(c.resolv) && c.resolv[o.ID]
}

func (c *checker) setResolving(o *types.Object, on bool) {
	for len(c.resolv) <= o.ID {
		c.resolv = append(c.resolv, false)
	}
	c.resolv[o.ID] = on
}

// metaOf returns the type of a view, struct or enum name used as an expression.
func (c *checker) metaOf(o *types.Object) *types.Meta {
	for len(c.meta) <= o.ID {
		c.meta = append(c.meta, nil)
	}
	if m := c.meta[o.ID]; m != nil {
		return m
	}
	m := &types.Meta{Of: o.Type}
	c.meta[o.ID] = m
	return m
}

func (c *checker) def(id *syntax.Ident, o *types.Object) {
	if id != nil {
		c.setDef(id, o)
	}
}

// ---------------------------------------------------------------------------
// Pass 1: collect declarations.

func (c *checker) declarePkg(id *syntax.Ident, o *types.Object) {
	c.def(id, o)
	if id == nil || id.Name == "_" {
		return
	}
	if u := types.Universe[id.Name]; u != nil {
		c.errorNode(id, diag.DuplicateDecl, "'%s' is a built-in name and cannot be redeclared", id.Name)
		return
	}
	if old := c.pkg[id.Name]; old != nil {
		d := c.errorNode(id, diag.DuplicateDecl, "'%s' is already declared as a %s", id.Name, old.Kind)
		d.Hint = "previous declaration at " + c.fset.Position(old.Pos).String()
		return
	}
	c.pkg[id.Name] = o
}

func (c *checker) declareMember(m map[string]*types.Object, id *syntax.Ident, o *types.Object, in string) {
	c.def(id, o)
	if id == nil {
		return
	}
	if old := m[id.Name]; old != nil {
		d := c.errorNode(id, diag.DuplicateDecl, "'%s' is already declared in %s", id.Name, in)
		d.Hint = "previous declaration at " + c.fset.Position(old.Pos).String()
		return
	}
	m[id.Name] = o
}

func (c *checker) collect(files []*syntax.File) {
	c.files = files
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *syntax.ViewDecl:
				o := c.newObj(types.ViewObj, d.Name.Name, d.Name.Pos(), d, nil)
				vt := &types.ViewDecl{Obj: o}
				o.Type = vt
				c.declarePkg(d.Name, o)
				vs := &viewScope{obj: o, decl: d, members: make(map[string]*types.Object, len(d.Members)), renders: map[*types.Object]bool{}}
				vs.vi = &ViewInfo{Obj: o, Decl: d}
				c.views[o] = vs
				c.info.Views = append(c.info.Views, vs.vi)
				c.collectView(vs)
			case *syntax.StructDecl:
				o := c.newObj(types.StructObj, d.Name.Name, d.Name.Pos(), d, nil)
				o.Type = &types.Struct{Obj: o}
				c.declarePkg(d.Name, o)
				c.info.Structs = append(c.info.Structs, o)
			case *syntax.EnumDecl:
				o := c.newObj(types.EnumObj, d.Name.Name, d.Name.Pos(), d, nil)
				o.Type = &types.Enum{Obj: o}
				c.declarePkg(d.Name, o)
				c.info.Enums = append(c.info.Enums, o)
			case *syntax.FuncDecl:
				o := c.newObj(types.FuncObj, d.Name.Name, d.Name.Pos(), d, nil)
				c.declarePkg(d.Name, o)
				c.info.Globals = append(c.info.Globals, o)
				if d.Mutating.IsValid() {
					c.errorf(d.Mutating, diag.InvalidDeclaration, "only struct and enum methods can be 'mutating'")
				}
			case *syntax.AtomDecl:
				kind := types.AtomObj
				if d.Computed {
					kind = types.ComputedObj
				}
				o := c.newObj(kind, d.Name.Name, d.Name.Pos(), d, nil)
				o.Mutable = !d.Computed
				c.declarePkg(d.Name, o)
				c.info.Globals = append(c.info.Globals, o)
			case *syntax.AppDecl:
				o := c.newObj(types.AppObj, d.Name.Name, d.Name.Pos(), d, nil)
				c.def(d.Name, o)
				if c.app != nil {
					c.errorNode(d.Name, diag.DuplicateDecl, "an app has one app declaration; '%s' is already declared", c.app.Name)
					continue
				}
				c.app = o
			}
		}
	}
	// Struct and enum members need the package scope complete only for
	// types; declare them now.
	for _, s := range c.info.Structs {
		c.collectStruct(s)
	}
	for _, e := range c.info.Enums {
		c.collectEnum(e)
	}
}

func (c *checker) collectView(vs *viewScope) {
	in := "view '" + vs.obj.Name + "'"
	vi := vs.vi
	var nprops, natoms, ncomps, nfuncs int
	for _, m := range vs.decl.Members {
		switch m := m.(type) {
		case *syntax.PropDecl:
			nprops++
		case *syntax.AtomDecl:
			if m.Computed {
				ncomps++
			} else {
				natoms++
			}
		case *syntax.FuncDecl:
			nfuncs++
		}
	}
	vi.Props = c.objSlice(nprops)
	vi.Atoms = c.objSlice(natoms)
	vi.Computeds = c.objSlice(ncomps)
	vi.Funcs = c.objSlice(nfuncs)
	var render, mount, unmount bool
	for _, m := range vs.decl.Members {
		switch m := m.(type) {
		case *syntax.PropDecl:
			o := c.newObj(types.PropObj, m.Name.Name, m.Name.Pos(), m, vs.obj)
			if m.Var {
				c.errorf(m.Keyword, diag.InvalidDeclaration, "view props are declared with 'let'; use 'atom' for view state")
			}
			c.declareMember(vs.members, m.Name, o, in)
			vi.Props = append(vi.Props, o)
		case *syntax.AtomDecl:
			kind := types.AtomObj
			if m.Computed {
				kind = types.ComputedObj
			}
			o := c.newObj(kind, m.Name.Name, m.Name.Pos(), m, vs.obj)
			o.Mutable = !m.Computed
			c.declareMember(vs.members, m.Name, o, in)
			if m.Computed {
				vi.Computeds = append(vi.Computeds, o)
			} else {
				vi.Atoms = append(vi.Atoms, o)
			}
		case *syntax.FuncDecl:
			o := c.newObj(types.FuncObj, m.Name.Name, m.Name.Pos(), m, vs.obj)
			c.declareMember(vs.members, m.Name, o, in)
			vi.Funcs = append(vi.Funcs, o)
			if m.Mutating.IsValid() {
				c.errorf(m.Mutating, diag.InvalidDeclaration, "view handlers are not 'mutating'; they may write the view's atoms directly")
			}
		case *syntax.RenderDecl:
			if render {
				c.errorf(m.Render, diag.DuplicateDecl, "view '%s' has more than one render block", vs.obj.Name)
			}
			render = true
		case *syntax.LifecycleDecl:
			seen := &mount
			name := "onMount"
			if m.Unmount {
				seen, name = &unmount, "onUnmount"
			}
			if *seen {
				c.errorf(m.KeywordPos, diag.DuplicateDecl, "view '%s' has more than one %s block", vs.obj.Name, name)
			}
			*seen = true
		}
	}
	vs.obj.Type.(*types.ViewDecl).Props = vi.Props
}

func (c *checker) collectStruct(s *types.Object) {
	d := s.Decl.(*syntax.StructDecl)
	st := s.Type.(*types.Struct)
	m := map[string]*types.Object{}
	c.members[s] = m
	in := "struct '" + s.Name + "'"
	for _, mem := range d.Members {
		switch mem := mem.(type) {
		case *syntax.PropDecl:
			o := c.newObj(types.FieldObj, mem.Name.Name, mem.Name.Pos(), mem, s)
			o.Mutable = mem.Var
			c.declareMember(m, mem.Name, o, in)
			st.Fields = append(st.Fields, o)
		case *syntax.FuncDecl:
			o := c.newObj(types.FuncObj, mem.Name.Name, mem.Name.Pos(), mem, s)
			o.Method, o.Mutating = true, mem.Mutating.IsValid()
			c.declareMember(m, mem.Name, o, in)
			st.Methods = append(st.Methods, o)
		case *syntax.AtomDecl:
			c.errorf(mem.Atom, diag.InvalidDeclaration, "a struct cannot declare atoms; declare '%s' in a view or at top level", mem.Name.Name)
		case *syntax.RenderDecl:
			c.errorf(mem.Render, diag.InvalidDeclaration, "a struct has no render block; declare a view instead")
		case *syntax.LifecycleDecl:
			c.errorf(mem.KeywordPos, diag.InvalidDeclaration, "a struct has no lifecycle blocks")
		}
	}
}

func (c *checker) collectEnum(e *types.Object) {
	d := e.Decl.(*syntax.EnumDecl)
	et := e.Type.(*types.Enum)
	m := map[string]*types.Object{}
	c.members[e] = m
	in := "enum '" + e.Name + "'"
	for _, cs := range d.Cases {
		o := c.newObj(types.CaseObj, cs.Name.Name, cs.Name.Pos(), cs, e)
		o.Type = et
		c.declareMember(m, cs.Name, o, in)
		et.Cases = append(et.Cases, o)
	}
	for _, f := range d.Methods {
		o := c.newObj(types.FuncObj, f.Name.Name, f.Name.Pos(), f, e)
		o.Method, o.Mutating = true, f.Mutating.IsValid()
		c.declareMember(m, f.Name, o, in)
		et.Methods = append(et.Methods, o)
	}
}

// ---------------------------------------------------------------------------
// Pass 2: declared types.

func (c *checker) resolveDecls() {
	for _, s := range c.info.Structs {
		for _, f := range s.Type.(*types.Struct).Fields {
			d := f.Decl.(*syntax.PropDecl)
			if d.Type != nil {
				f.Type = c.typeExpr(d.Type)
			}
		}
		for _, m := range s.Type.(*types.Struct).Methods {
			m.Type = c.funcSig(m.Decl.(*syntax.FuncDecl))
		}
	}
	for _, e := range c.info.Enums {
		d := e.Decl.(*syntax.EnumDecl)
		et := e.Type.(*types.Enum)
		if d.RawType != nil {
			et.Raw = c.typeExpr(d.RawType)
			if !types.IsInvalid(et.Raw) && et.Raw != types.StringType && et.Raw != types.IntType {
				c.errorNode(d.RawType, diag.TypeMismatch, "enum raw values must be String or Int, not '%s'", et.Raw)
				et.Raw = nil
			}
		}
		if et.Raw != nil {
			// rawValue is readable as a bare name in the enum's methods.
			rv := c.newObj(types.FieldObj, "rawValue", source.NoPos, nil, e)
			rv.Type = et.Raw
			if _, dup := c.members[e]["rawValue"]; !dup {
				c.members[e]["rawValue"] = rv
			}
		}
		for _, m := range et.Methods {
			m.Type = c.funcSig(m.Decl.(*syntax.FuncDecl))
		}
	}
	for _, g := range c.info.Globals {
		switch d := g.Decl.(type) {
		case *syntax.FuncDecl:
			g.Type = c.funcSig(d)
		case *syntax.AtomDecl:
			if d.Type != nil {
				g.Type = c.typeExpr(d.Type)
			}
		}
	}
	for _, vi := range c.info.Views {
		for _, p := range vi.Props {
			if d := p.Decl.(*syntax.PropDecl); d.Type != nil {
				p.Type = c.typeExpr(d.Type)
			}
		}
		for _, a := range append(append([]*types.Object(nil), vi.Atoms...), vi.Computeds...) {
			if d := a.Decl.(*syntax.AtomDecl); d.Type != nil {
				a.Type = c.typeExpr(d.Type)
			}
		}
		for _, f := range vi.Funcs {
			f.Type = c.funcSig(f.Decl.(*syntax.FuncDecl))
		}
	}
}

func (c *checker) funcSig(d *syntax.FuncDecl) *types.Func {
	f := &types.Func{Result: types.VoidType}
	for _, p := range d.Params {
		prm := &types.Param{Name: p.Name.Name, Label: p.Name.Name}
		if p.Label != nil {
			prm.Label = p.Label.Name
			if prm.Label == "_" {
				prm.Label = ""
			}
		}
		if p.Type != nil {
			prm.Type = c.typeExpr(p.Type)
		} else {
			c.errorNode(p.Name, diag.CannotInfer, "parameter '%s' needs a type", p.Name.Name)
			prm.Type = types.InvalidType
		}
		if p.Default != nil {
			prm.Optional = true
			prm.Default = "default"
		}
		f.Params = append(f.Params, prm)
	}
	if d.Result != nil {
		f.Result = c.typeExpr(d.Result)
	}
	return f
}

// typeExpr resolves a type written in source.
func (c *checker) typeExpr(t syntax.TypeExpr) types.Type {
	switch t := t.(type) {
	case *syntax.NamedType:
		name := t.Name.Name
		switch name {
		case "Array":
			if len(t.Args) == 1 {
				return &types.Array{Elem: c.typeExpr(t.Args[0])}
			}
		case "Dictionary":
			if len(t.Args) == 2 {
				return &types.Dictionary{Key: c.typeExpr(t.Args[0]), Value: c.typeExpr(t.Args[1])}
			}
		case "Optional":
			if len(t.Args) == 1 {
				return types.NewOptional(c.typeExpr(t.Args[0]))
			}
		case "Binding":
			if len(t.Args) == 1 {
				return &types.Binding{Elem: c.typeExpr(t.Args[0])}
			}
		default:
			if len(t.Args) == 0 {
				if bt := types.LookupType(name); bt != nil && !types.IsNamespace(bt) {
					return bt
				}
				if o := c.pkg[name]; o != nil {
					switch o.Kind {
					case types.StructObj, types.EnumObj:
						c.setUse(t.Name, o)
						return o.Type
					case types.ViewObj:
						c.setUse(t.Name, o)
						c.errorNode(t, diag.UnknownType, "'%s' is a view, not a type; use View for any view", name)
						return types.InvalidType
					}
				}
				d := c.errorNode(t, diag.UnknownType, "unknown type '%s'", name)
				if s := c.suggestType(name); s != "" {
					d.Hint = "did you mean '" + s + "'?"
				}
				return types.InvalidType
			}
		}
		c.errorNode(t, diag.UnknownType, "wrong number of type arguments for '%s'", name)
		return types.InvalidType
	case *syntax.ArrayType:
		return &types.Array{Elem: c.typeExpr(t.Elem)}
	case *syntax.DictType:
		k := c.typeExpr(t.Key)
		if !types.IsInvalid(k) && !types.Hashable(k) {
			c.errorNode(t.Key, diag.TypeMismatch, "dictionary keys must be String, Int, Double, Bool or an enum, not '%s'", k)
		}
		return &types.Dictionary{Key: k, Value: c.typeExpr(t.Value)}
	case *syntax.OptionalType:
		return types.NewOptional(c.typeExpr(t.Elem))
	case *syntax.FuncType:
		f := &types.Func{}
		for _, p := range t.Params {
			f.Params = append(f.Params, &types.Param{Type: c.typeExpr(p)})
		}
		f.Result = c.typeExpr(t.Result)
		if f.Result == types.VoidType {
			// A callback that returns nothing is an event handler: a
			// closure passed for it may write atoms (onClose: { open = false }).
			f.Kind = types.ActionFunc
		}
		return f
	}
	return types.InvalidType
}

func (c *checker) suggestType(name string) string {
	var cands []string
	for _, n := range []string{"Bool", "Int", "Double", "String", "Void", "View", "Color", "Font", "Timer", "Event", "HttpRequest", "HttpResponse", "EdgeSet", "Alignment"} {
		cands = append(cands, n)
	}
	for n, o := range c.pkg {
		if o.Kind == types.StructObj || o.Kind == types.EnumObj {
			cands = append(cands, n)
		}
	}
	return closest(name, cands)
}

// closest returns the candidate nearest to name by edit distance (at most a
// third of the name's length, minimum 1), or "".
func closest(name string, cands []string) string {
	sort.Strings(cands)
	best, bestD := "", len(name)/3+1
	if bestD > 3 {
		bestD = 3
	}
	for _, c := range cands {
		if c == name {
			continue
		}
		if d := editDistance(name, c); d <= bestD && (best == "" || d < editDistance(name, best)) {
			best = c
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] || a[i-1]^0x20 == b[j-1] && a[i-1]|0x20 >= 'a' && a[i-1]|0x20 <= 'z' {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
