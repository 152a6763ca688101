package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/types"
)

// Options configure Generate.
type Options struct {
	// Dir is the directory (relative to the app) of the generated modules;
	// "_jepsh" when empty (the build's loader skips directories starting
	// with "_", so generated files are never mistaken for sources).
	Dir string
	// Runtime is the import specifier of the runtime ("jepsh/runtime").
	Runtime string
	// SourceMaps adds an inline source map to every module.
	SourceMaps bool
	// Mount is the id of the element the app renders into ("app").
	Mount string
	// Layout pins the boxes of pre-computed static subtrees (nil: none).
	Layout StaticLayout
}

// Output is the generated app: virtual files for the bundler.
type Output struct {
	Entry  string            // path of the entry module in Files
	Files  map[string][]byte // path (relative to the app dir) → contents
	Styles []string          // CSS files in Files for index.html to link
	Title  string
	// Shell is the markup of the root view's first render when the build
	// knows all of it: a template whose bindings change nothing on screen
	// (event handlers, lists that start empty). index.html carries it in
	// the mount element, marked with ShellID, so the page paints before any
	// script runs, and the root view adopts those nodes instead of building
	// them. Empty when the app has routes or the root shows state.
	Shell, ShellID string
}

type gen struct {
	prog         *ir.Program
	opts         Options
	css          *styleSheet
	out          *Output
	appModule    string
	valuesModule string
	viewRefs     map[*ir.Atom]bool // app-wide atoms view modules refer to
}

// Generate prints prog as ES modules and one stylesheet. It returns an error
// (never a panic) when the program uses something the web target does not
// support; the checker rejects such programs first, so this is an internal
// error.
func Generate(prog *ir.Program, opts Options) (out *Output, err error) {
	if !prog.Analyzed {
		return nil, fmt.Errorf("web: the program has not been through opt.Run")
	}
	if opts.Dir == "" {
		opts.Dir = "_jepsh"
	}
	if opts.Runtime == "" {
		opts.Runtime = "jepsh/runtime"
	}
	if opts.Mount == "" {
		opts.Mount = "app"
	}
	g := &gen{prog: prog, opts: opts, css: newStyleSheet(),
		out:          &Output{Files: map[string][]byte{}, Title: prog.Title},
		appModule:    opts.Dir + "/app.js",
		valuesModule: opts.Dir + "/values.js",
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%v", r)
		}
	}()
	g.viewRefs = viewRefs(prog)
	for _, v := range prog.Views {
		g.view(v)
	}
	g.app()
	g.routes()
	g.entry()
	g.out.Files[g.valuesModule] = []byte(valuesJS)
	cssPath := opts.Dir + "/app.css"
	g.out.Files[cssPath] = g.css.css()
	g.out.Styles = []string{cssPath}
	return g.out, nil
}

// constAtom reports whether an atom is never written, so it is printed as a
// plain constant instead of a reactive cell.
func (g *gen) constAtom(a *ir.Atom) bool {
	return g.prog.Analyzed && !a.Written && !a.Computed
}

// plainAtom reports whether an atom can be a plain variable: it is written
// but nothing reactive reads it (opt.Tracked), and all its uses are in the
// module that declares it (a view's own atom, or an app-wide atom only the
// app module's funcs use).
func (g *gen) plainAtom(a *ir.Atom) bool {
	return g.prog.Analyzed && !a.Computed && a.Written && !a.Tracked && (a.Owner != nil || !g.viewRefs[a])
}

// viewRefs finds the app-wide atoms that view code refers to.
func viewRefs(p *ir.Program) map[*ir.Atom]bool {
	out := map[*ir.Atom]bool{}
	see := func(e ir.Expr) {
		ir.InspectExpr(e, func(x ir.Expr) bool {
			if r, ok := x.(*ir.Ref); ok {
				if a, ok := r.Sym.(*ir.Atom); ok && a.Owner == nil {
					out[a] = true
				}
			}
			return true
		})
	}
	block := func(b *ir.Block) { ir.InspectStmts(b, func(x ir.Expr) bool { see(x); return false }) }
	for _, v := range p.Views {
		ir.InspectNodes(v.Body, see)
		for _, a := range v.Atoms {
			see(a.Init)
			block(a.Body)
		}
		for _, f := range v.Funcs {
			block(f.Body)
		}
		block(v.OnMount)
		block(v.OnUnmount)
		for _, pr := range v.Props {
			see(pr.Default)
		}
	}
	for _, r := range p.Routes {
		for _, a := range r.Args {
			see(a.Value)
		}
	}
	return out
}

func (g *gen) viewPath(v *ir.View) string { return g.opts.Dir + "/views/" + v.Name + ".js" }

// template registers a template in the module and returns its name.
func (m *module) template(html string) string {
	for i, p := range m.prelude {
		if strings.HasSuffix(p, "("+jsString(html)+");") {
			return "t$" + strconv.Itoa(i)
		}
	}
	name := "t$" + strconv.Itoa(len(m.prelude))
	m.prelude = append(m.prelude, "const "+name+" = /* @__PURE__ */ "+m.rtName("template")+"("+jsString(html)+");")
	return name
}

// view prints one view module.
func (g *gen) view(v *ir.View) {
	m := g.newModule(g.viewPath(v))
	c := m.newCtx()
	w := &m.w
	w.mark(v.P)
	w.open("export function ", jsIdent(v.Name), "(props) {")
	m.indentHint = 1
	for _, a := range v.Atoms {
		w.mark(a.P)
		if a.Computed {
			w.ln("const ", jsIdent(a.Name), " = ", m.rtName("computed"), "(", c.computedFn(a.Body), ");")
		} else if g.constAtom(a) {
			w.ln("const ", jsIdent(a.Name), " = ", stripParens(c.expr(a.Init)), ";")
		} else if g.plainAtom(a) {
			w.ln("let ", jsIdent(a.Name), " = ", stripParens(c.expr(a.Init)), ";")
		} else {
			w.ln("const ", jsIdent(a.Name), " = ", m.rtName("atom"), "(", stripParens(c.expr(a.Init)), ");")
		}
	}
	for _, f := range v.Funcs {
		c.funcDecl(w, f, jsIdent(f.Name), false)
	}
	if v.OnMount != nil {
		w.open(m.rtName("onMount"), "(() => {")
		c.sub().block(w, v.OnMount)
		w.close("});")
	}
	if v.OnUnmount != nil {
		w.open(m.rtName("onUnmount"), "(() => {")
		c.sub().block(w, v.OnUnmount)
		w.close("});")
	}
	c.shell = v == g.prog.Root && len(g.prog.Routes) == 0
	c.renderBlock(w, v.Body, true)
	w.close("}")
	g.out.Files[m.path] = m.finish(w.buf)
}

// computedFn prints a computed's body as an arrow function.
func (c *fnCtx) computedFn(b *ir.Block) string {
	if len(b.Stmts) == 1 {
		if r, ok := b.Stmts[0].(*ir.Return); ok && r.Value != nil {
			return "() => " + stripParens(c.expr(r.Value))
		}
	}
	hint := c.m.indentHint
	var w writer
	c.sub().block(&w, b)
	c.m.indentHint = hint
	return "() => {\n" + indentText(strings.TrimRight(string(w.buf), "\n"), hint+1) + "\n" + strings.Repeat("\t", hint) + "}"
}

// funcDecl prints a func declaration.
func (c *fnCtx) funcDecl(w *writer, f *ir.Func, name string, export bool) {
	sub := c.sub()
	var ps []string
	if f.Self != nil {
		ps = append(ps, sub.varName(f.Self))
		if f.Mutating {
			sub.owned[f.Self] = true
			sub.copySelf = handedOn(f.Body, f.Self)
		}
	}
	for _, p := range f.Params {
		ps = append(ps, sub.varName(p))
	}
	markOwned(sub, f.Body)
	kw := "function "
	if export {
		kw = "export function "
	}
	w.mark(f.P)
	w.open(kw, name, "(", strings.Join(ps, ", "), ") {")
	sub.ownedAtoms = map[*ir.Atom]string{}
	for _, a := range ownableAtoms(f.Body) {
		if c.m.g.plainAtom(a) {
			continue
		}
		n := sub.temp(jsIdent(a.Name))
		sub.ownedAtoms[a] = n
		w.ln("let ", n, " = null;")
	}
	sub.block(w, f.Body)
	w.close("}")
}

// ownableAtoms returns the atoms a function body writes through a path or
// a mutating call (rows[i].label = x, rows.append(r)) when nothing between
// the start of the body and the top-level statement holding the last such
// write calls code or reads a computed. Such a function copies the atom's
// array or struct once, at its first write, and mutates that copy in place:
// nothing can observe the intermediate states, since no other code runs in
// between and effects run after the handler. (toggleAll's loop followed by
// save() qualifies; a call between two writes does not.)
func ownableAtoms(b *ir.Block) []*ir.Atom {
	unclean := func(s ir.Stmt) bool {
		bad := false
		ir.InspectStmt(s, func(x ir.Expr) bool {
			switch x := x.(type) {
			case *ir.Call, *ir.CallValue:
				bad = true
			case *ir.Ref:
				if a, ok := x.Sym.(*ir.Atom); ok && a.Computed {
					bad = true
				}
			}
			return !bad
		})
		return bad
	}
	var order []*ir.Atom
	last := map[*ir.Atom]int{}
	add := func(place ir.Expr, path bool, i int) {
		for {
			switch x := place.(type) {
			case *ir.Field:
				place, path = x.Y, true
				continue
			case *ir.Index:
				place, path = x.Y, true
				continue
			case *ir.Ref:
				if a, ok := x.Sym.(*ir.Atom); ok && path {
					if _, seen := last[a]; !seen {
						order = append(order, a)
					}
					last[a] = i
				}
			}
			return
		}
	}
	var walk func(s ir.Stmt, i int)
	walk = func(s ir.Stmt, i int) {
		switch s := s.(type) {
		case *ir.Block:
			for _, x := range s.Stmts {
				walk(x, i)
			}
		case *ir.Assign:
			add(s.Place, false, i)
		case *ir.ExprStmt:
			if l, ok := s.X.(*ir.Lib); ok && l.Mutating {
				add(l.Recv, true, i)
			}
		case *ir.IfStmt:
			walk(s.Then, i)
			if s.Else != nil {
				walk(s.Else, i)
			}
		case *ir.ForStmt:
			walk(s.Body, i)
		case *ir.While:
			walk(s.Body, i)
		}
	}
	for i, s := range b.Stmts {
		walk(s, i)
	}
	firstUnclean := len(b.Stmts)
	for i, s := range b.Stmts {
		if unclean(s) {
			firstUnclean = i
			break
		}
	}
	var out []*ir.Atom
	for _, a := range order {
		if last[a] < firstUnclean {
			out = append(out, a)
		}
	}
	return out
}

// markOwned finds mutable locals initialized with a fresh literal that
// never escape except by `return x`: they can be mutated in place.
func markOwned(c *fnCtx, b *ir.Block) {
	if b == nil {
		return
	}
	cands := map[*ir.Var]bool{}
	var decls func(b *ir.Block)
	decls = func(b *ir.Block) {
		for _, s := range b.Stmts {
			switch s := s.(type) {
			case *ir.Local:
				if s.Var.Mutable {
					switch s.Value.(type) {
					case *ir.ArrayLit, *ir.DictLit, *ir.StructLit:
						cands[s.Var] = true
					}
				}
			case *ir.Block:
				decls(s)
			case *ir.IfStmt:
				decls(s.Then)
			case *ir.ForStmt:
				decls(s.Body)
			case *ir.While:
				decls(s.Body)
			}
		}
	}
	decls(b)
	if len(cands) == 0 {
		return
	}
	// Allowed uses: as the root of a place (assign, mutating call), in
	// element reads (x[i], x.f, x.count...), and `return x`. Anything else
	// (passing x, storing x, capturing x) makes it shared.
	bareReads(b, func(r *ir.Ref) {
		if v, ok := r.Sym.(*ir.Var); ok {
			delete(cands, v)
		}
	})
	for v := range cands {
		c.owned[v] = true
	}
}

// eachStmtExpr calls f for each expression of b's statements (not those
// inside closures): place is set for the target of an assignment, ret for
// a returned value.
func eachStmtExpr(b *ir.Block, f func(e ir.Expr, place, ret bool)) {
	var stmt func(s ir.Stmt)
	stmt = func(s ir.Stmt) {
		switch s := s.(type) {
		case *ir.Block:
			if s != nil {
				for _, x := range s.Stmts {
					stmt(x)
				}
			}
		case *ir.Local:
			f(s.Value, false, false)
		case *ir.Assign:
			f(s.Place, true, false)
			f(s.Value, false, false)
		case *ir.ExprStmt:
			f(s.X, false, false)
		case *ir.IfStmt:
			f(s.Cond, false, false)
			stmt(s.Then)
			if s.Else != nil {
				stmt(s.Else)
			}
		case *ir.ForStmt:
			f(s.Seq, false, false)
			stmt(s.Body)
		case *ir.While:
			f(s.Cond, false, false)
			stmt(s.Body)
		case *ir.Return:
			f(s.Value, false, true)
		}
	}
	stmt(b)
}

// handedOn returns the reads of v in b that pass its value on, rather than
// reading a part of it (v.f, v[i], v.count), writing through it (the root
// of an assignment or of a mutating call) or returning it: the receiver of
// a non-mutating method, an argument, a value stored or captured.
func handedOn(b *ir.Block, v *ir.Var) map[*ir.Ref]bool {
	out := map[*ir.Ref]bool{}
	bareReads(b, func(r *ir.Ref) {
		if r.Sym == v {
			out[r] = true
		}
	})
	return out
}

// bareReads calls f for each read of a variable in b that hands its value
// on: not a part of it (x.f, x[i], x.count), not the root of an assignment
// or of a mutating call, not `return x`; reads inside closures all count.
func bareReads(b *ir.Block, f func(r *ir.Ref)) {
	var expr func(e ir.Expr, bare bool)
	expr = func(e ir.Expr, bare bool) {
		switch e := e.(type) {
		case nil:
		case *ir.Ref:
			if _, ok := e.Sym.(*ir.Var); ok && !bare {
				f(e)
			}
		case *ir.Field:
			expr(e.Y, true)
		case *ir.Index:
			expr(e.Y, true)
			expr(e.Index, false)
		case *ir.Lib:
			expr(e.Recv, e.Property || e.Mutating)
			for _, a := range e.Args {
				expr(a, false)
			}
		case *ir.Call:
			expr(e.Recv, e.Func != nil && e.Func.Mutating)
			for _, a := range e.Args {
				expr(a, false)
			}
		case *ir.Closure:
			ir.InspectStmts(e.Body, func(x ir.Expr) bool {
				if r, ok := x.(*ir.Ref); ok {
					if _, ok := r.Sym.(*ir.Var); ok {
						f(r)
					}
				}
				return true
			})
		default:
			ir.InspectExpr(e, func(x ir.Expr) bool {
				if x == e {
					return true
				}
				expr(x, false)
				return false
			})
		}
	}
	eachStmtExpr(b, func(e ir.Expr, place, ret bool) {
		if r, ok := e.(*ir.Ref); ok && ret {
			if _, ok := r.Sym.(*ir.Var); ok {
				return // return x hands x to the caller, which owns it then
			}
		}
		expr(e, place)
	})
}

// app prints the app module: app-wide atoms and computeds, top-level funcs,
// struct and enum methods.
func (g *gen) app() {
	m := g.newModule(g.appModule)
	c := m.newCtx()
	w := &m.w
	for _, s := range g.prog.Structs {
		for _, f := range s.Methods {
			c.funcDecl(w, f, s.Name+"$"+f.Name, true)
		}
	}
	for _, e := range g.prog.Enums {
		for _, f := range e.Methods {
			c.funcDecl(w, f, e.Name+"$"+f.Name, true)
		}
	}
	for _, f := range g.prog.Funcs {
		c.funcDecl(w, f, jsIdent(f.Name), true)
	}
	for _, a := range g.prog.Atoms {
		w.mark(a.P)
		if a.Computed {
			w.ln("export const ", jsIdent(a.Name), " = ", m.rtName("computed"), "(", c.computedFn(a.Body), ");")
		} else if g.constAtom(a) {
			w.ln("export const ", jsIdent(a.Name), " = ", stripParens(c.expr(a.Init)), ";")
		} else if g.plainAtom(a) {
			// Nothing reactive reads it: a plain variable of this module.
			w.ln("let ", jsIdent(a.Name), " = ", stripParens(c.expr(a.Init)), ";")
		} else {
			w.ln("export const ", jsIdent(a.Name), " = ", m.rtName("atom"), "(", stripParens(c.expr(a.Init)), ");")
		}
	}
	g.out.Files[m.path] = m.finish(w.buf)
}

func (g *gen) routePath(i int) string { return g.opts.Dir + "/routes/r" + strconv.Itoa(i) + ".js" }

// routes prints one module per route whose view is not the root: its
// default export renders the view with the route's constant props and typed
// path params. A route to the root view, which the entry imports eagerly,
// needs no module (see entry).
func (g *gen) routes() {
	for i, r := range g.prog.Routes {
		if r.View == g.prog.Root {
			continue
		}
		m := g.newModule(g.routePath(i))
		w := &m.w
		w.mark(r.P)
		w.ln("export default (params) => ", m.viewName(r.View), "({", strings.Join(routeProps(m, r), ", "), "});")
		g.out.Files[m.path] = m.finish(w.buf)
	}
}

// routeProps returns the prop entries of a route's view: the route's
// constant props, its path params, then the defaults.
func routeProps(m *module, r *ir.Route) []string {
	c := m.newCtx()
	var ps []string
	given := map[*ir.Prop]bool{}
	for _, a := range r.Args {
		given[a.Prop] = true
		ps = append(ps, jsField(a.Prop.Name)+": "+stripParens(c.expr(a.Value)))
	}
	for _, p := range r.Params {
		given[p.Prop] = true
		ps = append(ps, jsField(p.Prop.Name)+": params."+jsField(p.Name))
	}
	for _, p := range r.View.Props {
		if !given[p] && p.Default != nil {
			ps = append(ps, jsField(p.Name)+": "+stripParens(c.expr(p.Default)))
		}
	}
	return ps
}

// defaultProps returns the prop entries of the root view: the props given
// in `root: View(args)`, then the defaults.
func defaultProps(m *module, v *ir.View) []string {
	var ps []string
	given := map[*ir.Prop]bool{}
	for _, a := range m.g.prog.RootArgs {
		given[a.Prop] = true
		ps = append(ps, jsField(a.Prop.Name)+": "+stripParens(m.newCtx().expr(a.Value)))
	}
	for _, p := range v.Props {
		if p.Default != nil && !given[p] {
			ps = append(ps, jsField(p.Name)+": "+stripParens(m.newCtx().expr(p.Default)))
		}
	}
	return ps
}

// paramType is the runtime router's name for a route parameter's type.
func paramType(t types.Type) string {
	switch {
	case types.IsBasic(t, types.Int):
		return `"int"`
	case types.IsBasic(t, types.Double):
		return `"double"`
	case types.IsBasic(t, types.Bool):
		return `"bool"`
	}
	if e, ok := t.(*types.Enum); ok {
		var vs []string
		for _, c := range e.Cases {
			vs = append(vs, jsString(c.Name))
		}
		return "[" + strings.Join(vs, ", ") + "]"
	}
	return `"string"`
}

// entry prints the entry module: mount the root view, or start the router
// over lazily imported route chunks (the root view is the fallback).
func (g *gen) entry() {
	path := g.opts.Dir + "/main.js"
	m := g.newModule(path)
	w := &m.w
	g.out.Entry = path
	w.ln("const host$ = document.getElementById(", jsString(g.opts.Mount), ") || document.body;")
	if len(g.prog.Routes) == 0 {
		if g.prog.Root != nil {
			w.mark(g.prog.Root.P)
			if g.out.Shell != "" {
				w.ln(m.rtName("claimShell"), "(host$, ", jsString(g.out.ShellID), ");")
			}
			w.ln(m.rtName("mount"), "(", m.viewName(g.prog.Root), ", {", strings.Join(defaultProps(m, g.prog.Root), ", "), "}, host$);")
		}
		g.out.Files[path] = m.finish(w.buf)
		return
	}
	w.open("const routes$ = [")
	for i, r := range g.prog.Routes {
		var params []string
		for _, p := range r.Params {
			params = append(params, jsField(p.Name)+": "+paramType(p.Type))
		}
		extra := ""
		if len(params) > 0 {
			extra = ", params: {" + strings.Join(params, ", ") + "}"
		}
		w.mark(r.P)
		if r.View == g.prog.Root {
			// The root view is in the entry chunk already: a chunk of its
			// own would only cost a request before the route renders.
			w.ln("{path: ", jsString(r.Path), extra, ", load: () => Promise.resolve({default: (params) => ", m.viewName(r.View), "({", strings.Join(routeProps(m, r), ", "), "})})},")
			continue
		}
		w.ln("{path: ", jsString(r.Path), extra, ", load: () => import(", jsString(relImport(path, g.routePath(i))), ")},")
	}
	w.close("];")
	fallback := "null"
	if g.prog.Root != nil {
		// The root view renders when no route matches. It is the app's
		// shell, imported eagerly: routes to it then only add their props,
		// and the runtime and the root share the entry chunk.
		fallback = "{load: () => Promise.resolve({default: () => " + m.viewName(g.prog.Root) + "({" + strings.Join(defaultProps(m, g.prog.Root), ", ") + "})})}"
	}
	w.ln("const outlet$ = document.createComment(\"\");")
	w.ln("host$.appendChild(outlet$);")
	w.ln(m.rtName("root"), "(() => ", m.rtName("router"), "(outlet$, routes$, ", fallback, "));")
	g.out.Files[path] = m.finish(w.buf)
}

// valuesJS implements JXL value semantics the runtime does not provide.
const valuesJS = `// Generated by jepsh: value semantics of JXL structs, arrays and dictionaries.
// Values are never mutated once shared: a write copies the containers on its
// path, so identity comparison is a valid change test.

// copy returns a shallow copy of an array, dictionary (Map) or struct.
export function copy(v) {
	if (Array.isArray(v)) return v.slice();
	if (v instanceof Map) return new Map(v);
	return { ...v };
}

// append is a.append(x) on a copy.
export function append(a, x) {
	const c = a.slice();
	c.push(x);
	return c;
}

// mapDelete is d.removeValue(forKey:) on a copy.
export function mapDelete(d, k) {
	const c = new Map(d);
	c.delete(k);
	return c;
}

// describe is String(describing:) for collections, structs and optionals,
// as Swift prints them: [1, 2], ["a": 1], (x: 1, y: 2), nil.
export function describe(v) {
	return show(v, false);
}

function show(v, nested) {
	if (v == null) return "nil";
	if (typeof v === "string") return nested ? JSON.stringify(v) : v;
	if (typeof v === "number") return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(v);
	if (Array.isArray(v)) return "[" + v.map((x) => show(x, true)).join(", ") + "]";
	if (v instanceof Map) {
		if (v.size === 0) return "[:]";
		return "[" + [...v].map(([k, x]) => show(k, true) + ": " + show(x, true)).join(", ") + "]";
	}
	if (typeof v === "object") return "(" + Object.keys(v).map((k) => k + ": " + show(v[k], true)).join(", ") + ")";
	return String(v);
}

// eq is == for structs, arrays, dictionaries and optionals of them.
export function eq(a, b) {
	if (a === b) return true;
	if (a == null || b == null) return a == b;
	if (typeof a !== "object" || typeof b !== "object") return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!eq(a[i], b[i])) return false;
		return true;
	}
	if (a instanceof Map) {
		if (!(b instanceof Map) || a.size !== b.size) return false;
		for (const [k, v] of a) if (!b.has(k) || !eq(v, b.get(k))) return false;
		return true;
	}
	const ka = Object.keys(a);
	if (ka.length !== Object.keys(b).length) return false;
	for (const k of ka) if (!eq(a[k], b[k])) return false;
	return true;
}
`
