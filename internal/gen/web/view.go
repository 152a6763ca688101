package web

import (
	"fmt"
	"hash/fnv"
	"html"
	"strconv"
	"strings"

	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/layout"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/staticlayout"
	"github.com/jepsh/jepsh/internal/types"
)

// A block is one piece of render content compiled to a template clone plus
// bindings: a view body, a branch of a conditional, a list row. Static DOM
// goes into the template's HTML; every dynamic part becomes a hole: a node
// of the clone (reached by firstChild/nextSibling paths computed once)
// bound by a runtime helper.
type block struct {
	c     *fnCtx
	m     *module
	html  strings.Builder
	top   *tnode // virtual parent of the top-level nodes
	binds []func(w *writer)
	holes []*tnode
	nTop  int
	// quiet counts the bindings that change nothing on screen when they
	// run (event handlers, render lets, lists that start empty): a block
	// whose bindings are all quiet looks, before they run, as it will after.
	quiet int
}

// tnode is a node of the template: where a hole's DOM node is found.
type tnode struct {
	parent *tnode
	prev   *tnode
	kids   []*tnode
	name   string // JS variable once resolved
	isRoot bool
	text   bool // a text node
}

func (t *tnode) add() *tnode {
	k := &tnode{parent: t}
	if n := len(t.kids); n > 0 {
		k.prev = t.kids[n-1]
	}
	t.kids = append(t.kids, k)
	return k
}

// renderFn compiles nodes into JS statements that build them and return the
// resulting node; the statements are written to w.
func (c *fnCtx) renderBlock(w *writer, nodes []ir.Node, wrap bool) {
	// A single user view instance is returned as is.
	if len(nodes) == 1 {
		if in, ok := nodes[0].(*ir.Instance); ok && len(in.Mods) == 0 {
			w.mark(in.P)
			w.ln("return ", c.instance(in), ";")
			return
		}
	}
	// Render locals (let) before the content are plain statements.
	for len(nodes) > 0 {
		l, ok := nodes[0].(*ir.Let)
		if !ok {
			break
		}
		c.renderLet(w, l)
		nodes = nodes[1:]
	}
	b := &block{c: c, m: c.m, top: &tnode{isRoot: true}}
	if wrap && needsWrap(nodes) {
		b.html.WriteString(`<div class="j-c">`)
		el := b.top.add()
		b.children(el, nodes)
		b.html.WriteString(`</div>`)
		b.nTop = 1
	} else {
		b.children(b.top, nodes)
		b.nTop = len(b.top.kids)
	}
	if b.nTop == 0 {
		w.ln("return document.createTextNode(\"\");")
		return
	}
	tname := b.m.template(b.html.String())
	root := c.temp("r")
	if c.shell && b.nTop == 1 && b.settled() {
		// The root view's first render is all in its template: index.html
		// carries it, and the first render adopts those nodes.
		c.shell = false
		c.m.g.out.Shell = b.html.String()
		c.m.g.out.ShellID = shellID(c.m.g.out.Shell)
		w.ln("const ", root, " = ", b.m.rtName("adopt"), "(", tname, ");")
	} else {
		w.ln("const ", root, " = ", tname, "();")
	}
	if b.nTop == 1 {
		b.top.kids[0].name = root
	} else {
		b.top.name = root
	}
	// Resolve every hole's node before any binding changes the DOM.
	var resolve func(t *tnode) string
	resolve = func(t *tnode) string {
		if t.name != "" {
			return t.name
		}
		var expr string
		if t.prev == nil {
			expr = resolve(t.parent) + ".firstChild"
		} else {
			expr = resolve(t.prev) + ".nextSibling"
		}
		t.name = c.temp("e")
		w.ln("const ", t.name, " = ", expr, ";")
		return t.name
	}
	for _, h := range b.holes {
		resolve(h)
	}
	for _, bind := range b.binds {
		c.m.indentHint = w.indent
		bind(w)
	}
	w.ln("return ", root, ";")
}

// settled reports whether the block's bindings are all quiet.
func (b *block) settled() bool {
	n := 0
	for _, f := range b.binds {
		if f != nil {
			n++
		}
	}
	return n == b.quiet
}

// shellID names a shell's markup: index.html and the code that adopts it
// must come from the same build.
func shellID(html string) string {
	h := fnv.New64a()
	h.Write([]byte(html))
	return strconv.FormatUint(h.Sum64(), 36)
}

// holes lists the template nodes referenced by bindings, in document order.
func (b *block) need(t *tnode) *tnode {
	b.holes = append(b.holes, t)
	return t
}

func needsWrap(nodes []ir.Node) bool {
	for _, n := range nodes {
		switch n.(type) {
		case *ir.If, *ir.For:
			return true
		}
	}
	return false
}

func (c *fnCtx) renderLet(w *writer, l *ir.Let) {
	w.mark(l.P)
	name := c.varName(l.Var)
	if c.row != nil {
		c.row.locals[l.Var] = true
	}
	if c.changes(l.Value) {
		w.ln("const ", name, " = ", c.m.rtName("computed"), "(() => ", stripParens(c.expr(l.Value)), ");")
		c.reads[l.Var] = name + ".get()"
		return
	}
	w.ln("const ", name, " = ", stripParens(c.expr(l.Value)), ";")
}

// textish reports whether a node renders as a bare text node.
func textish(n ir.Node, parentKind ir.ViewKind) bool {
	e, ok := n.(*ir.Element)
	return ok && e.Kind == ir.Text && len(e.Mods) == 0 && bareTextParent(parentKind)
}

func bareTextParent(k ir.ViewKind) bool {
	return k == ir.HtmlElement || k == ir.Button || k == ir.Link
}

// children emits nodes as children of parent.
func (b *block) children(parent *tnode, nodes []ir.Node) {
	b.childrenOf(parent, nodes, ir.BadView)
}

func (b *block) childrenOf(parent *tnode, nodes []ir.Node, parentKind ir.ViewKind) {
	lastText := false
	for i, n := range nodes {
		switch n := n.(type) {
		case *ir.Element:
			if textish(n, parentKind) {
				nextText := i+1 < len(nodes) && textish(nodes[i+1], parentKind)
				b.bareText(parent, n, lastText || nextText)
				lastText = true
				continue
			}
			b.element(parent, n)
		case *ir.Instance:
			b.instanceHole(parent, n)
		case *ir.If:
			b.ifHole(parent, n)
		case *ir.For:
			b.forHole(parent, n, len(nodes) == 1 && parent != b.top)
		case *ir.Let:
			// A let between siblings: evaluated where the bindings run.
			l := n
			b.binds = append(b.binds, func(w *writer) { b.c.renderLet(w, l) })
			b.quiet++
		}
		lastText = false
	}
}

// bareText emits Text(s) as a text node. With text neighbours, a dynamic
// text needs a <!> marker (adjacent text would merge when parsed).
func (b *block) bareText(parent *tnode, e *ir.Element, crowded bool) {
	val := e.Arg("text")
	if k, ok := val.(*ir.Const); ok {
		s, _ := k.Value.(string)
		if s == "" && !crowded {
			return
		}
		b.html.WriteString(html.EscapeString(s))
		t := parent.add()
		t.text = true
		return
	}
	b.dynText(parent, val, crowded, e.P)
}

func (b *block) dynText(parent *tnode, val ir.Expr, crowded bool, pos source.Pos) {
	c := b.c
	if crowded {
		b.html.WriteString("<!>")
		t := b.need(parent.add())
		b.binds = append(b.binds, func(w *writer) {
			w.mark(pos)
			if c.changes(val) {
				w.ln(b.m.rtName("insertText"), "(", t.name, ", () => ", stripParens(c.describe(val)), ");")
			} else {
				w.ln(t.name, ".replaceWith(", stripParens(c.describe(val)), ");")
			}
		})
		return
	}
	b.html.WriteString(" ")
	t := b.need(parent.add())
	t.text = true
	b.binds = append(b.binds, func(w *writer) {
		w.mark(pos)
		if rp := c.row.patching(); rp != nil && mentionsItem(val, c.row.v, c.row.key) {
			// A patched row: written once here, rewritten by the list's
			// patch function when the item's value changes.
			v := stripParens(c.describe(val))
			w.ln(t.name, ".data = ", v, ";")
			rp.line(c, b.path(t, rp.node)+".data", val)
		} else if c.changes(val) && c.row != nil {
			// In a list row (the hot path) the effect writes the text
			// directly: one closure per row instead of two.
			w.ln(b.m.rtName("effect"), "(() => { ", t.name, ".data = ", stripParens(c.describe(val)), "; });")
		} else if c.changes(val) {
			w.ln(b.m.rtName("text"), "(", t.name, ", () => ", stripParens(c.describe(val)), ");")
		} else {
			w.ln(t.name, ".data = ", stripParens(c.describe(val)), ";")
		}
	})
}

// elemState accumulates one element's static markup and its bindings.
type elemState struct {
	tag     string
	attrs   []string // ` name="value"` pieces, in order
	classes []string // static class names
	decls   []string // static CSS declarations
	binds   []func(w *writer, el string)
	after   []func(w *writer, el string) // bindings that must run after the children's

	// box is the element's style in the layout engine's terms, for the
	// layout views (stacks, spacers, scroll views, buttons): its CSS comes
	// from layout.Style.AppendCSS over the base rule, so the browser lays
	// them out as the build-time engine does (docs/layout.md).
	box *layout.Style
}

func (s *elemState) attr(name, value string) {
	s.attrs = append(s.attrs, " "+name+`="`+html.EscapeString(value)+`"`)
}

func (s *elemState) boolAttr(name string) { s.attrs = append(s.attrs, " "+name) }

func (b *block) element(parent *tnode, e *ir.Element) {
	c := b.c
	st := &elemState{}
	node := parent.add()
	var children []ir.Node = e.Children
	kids := func() {} // emits the children markup

	switch e.Kind {
	case ir.VStack, ir.HStack:
		st.tag = "div"
		spacing := float32(layout.DefaultSpacing)
		sp := e.Arg("spacing")
		if v, ok := numOf(sp); ok {
			spacing = float32(v)
		}
		al := ir.AlignCenter
		if a, ok := constOf(e.Arg("alignment")).(ir.Alignment); ok {
			al = a
		}
		var box layout.Style
		if e.Kind == ir.VStack {
			box = layout.VStack(spacing, staticlayout.HAlign(al))
		} else {
			box = layout.HStack(spacing, staticlayout.VAlign(al))
		}
		st.box = &box
		if sp != nil {
			if _, ok := numOf(sp); !ok {
				if k, ok := sp.(*ir.Const); !ok || k.Value != nil {
					b.length(st, sp, "gap")
				}
			}
		}
	case ir.ZStack:
		st.tag = "div"
		st.classes = append(st.classes, "j-z")
		al := ir.AlignCenter
		if a, ok := constOf(e.Arg("alignment")).(ir.Alignment); ok {
			al = a
		}
		h, v := zAlign(al)
		box := layout.ZStack(h, v)
		st.box = &box
	case ir.Spacer:
		st.tag = "div"
		box := layout.Spacer()
		st.box = &box
		if ml := e.Arg("minLength"); ml != nil {
			b.length(st, ml, "min-width")
			b.length(st, ml, "min-height")
		}
	case ir.ScrollView, ir.List:
		st.tag = "div"
		box := layout.VStack(0, layout.HCenter)
		box.AlignItems = layout.AlignStretch
		if e.Kind == ir.ScrollView {
			if ax, ok := constOf(e.Arg("axis")).(ir.Axis); ok && ax == ir.AxisHorizontal {
				box = layout.HStack(0, layout.VCenter)
			}
		}
		st.box = &box
		st.decls = append(st.decls, "overflow:auto")
	case ir.Divider:
		st.tag = "hr"
		st.decls = append(st.decls, "align-self:stretch", "margin:0", "border:0", "border-top:1px solid #d1d5db")
	case ir.Text:
		st.tag = "span"
		if h := headingTag(e); h != "" {
			// Title styles are headings (their UA margin is reset).
			st.tag = h
			st.decls = append(st.decls, "margin:0")
		}
		val := e.Arg("text")
		if k, ok := val.(*ir.Const); ok {
			s, _ := k.Value.(string)
			kids = func() { b.html.WriteString(html.EscapeString(s)) }
		} else {
			kids = func() { b.dynText(node, val, false, e.P) }
		}
		children = nil
	case ir.Button:
		st.tag = "button"
		st.attr("type", "button")
		// A row with padding 8px 16px around its label (docs/layout.md).
		box := layout.HStack(0, layout.VCenter).WithPadding(8, 16, 8, 16)
		st.box = &box
		if !hasMod(e, ir.FontMod) {
			st.decls = append(st.decls, fontDecls(ir.Font{Style: "body"})...)
		}
		if a := e.Arg("action"); a != nil {
			b.handler(st, "click", a, e.P)
		}
	case ir.TextField:
		st.tag = "input"
		st.attr("type", "text")
		b.attrValue(st, "placeholder", e.Arg("placeholder"))
		if bind, ok := e.Arg("text").(*ir.Bind); ok {
			b.twoWay(st, bind, "value", "input", e.P)
		}
	case ir.Toggle:
		st.tag = "label"
		var input *tnode
		kids = func() {
			b.html.WriteString(`<input type="checkbox">`)
			input = b.need(node.add())
			if lbl := e.Arg("label"); lbl != nil {
				if k, ok := lbl.(*ir.Const); ok && k.Value == nil {
					return
				}
				b.html.WriteString("<span>")
				b.dynOrStaticText(node.add(), lbl, e.P)
				b.html.WriteString("</span>")
			}
		}
		if bind, ok := e.Arg("isOn").(*ir.Bind); ok {
			b.binds = append(b.binds, nil) // placeholder keeps order stable
			b.binds = b.binds[:len(b.binds)-1]
			st.after = append(st.after, func(w *writer, _ string) {
				b.twoWayOn(w, input.name, bind, "checked", "change", e.P)
			})
		}
	case ir.Image:
		st.tag = "img"
		b.attrValue(st, "src", e.Arg("src"))
		b.attrValue(st, "alt", e.Arg("alt"))
		if e.Arg("alt") == nil {
			st.attr("alt", "")
		}
	case ir.Link:
		st.tag = "a"
		b.attrValue(st, "href", e.Arg("to"))
		st.binds = append(st.binds, func(w *writer, el string) {
			w.ln(b.m.rtName("link"), "(", el, ");")
		})
	case ir.HtmlElement:
		st.tag = e.Tag
		for _, a := range e.Args {
			if a.Name == "content" {
				continue
			}
			if a.Name == "class" {
				if s, ok := constOf(a.Value).(string); ok {
					st.classes = append(st.classes, strings.Fields(s)...)
					continue
				}
				val := a.Value
				st.binds = append(st.binds, func(w *writer, el string) {
					w.ln(b.m.rtName("classTokens"), "(", el, ", () => ", stripParens(c.expr(val)), ");")
				})
				continue
			}
			b.attrValue(st, a.Name, a.Value)
		}
	default:
		panic(fmt.Sprintf("web: view kind %s is not supported", e.Kind))
	}

	for _, m := range e.Mods {
		b.modifier(st, e, m)
	}
	st.decls = append(st.decls, b.m.g.layoutCSS(e)...)

	// Markup.
	decls := st.decls
	if st.box != nil {
		decls = append(layoutDecls(st.box), decls...)
	}
	if cls := b.m.g.css.class(decls); cls != "" {
		st.classes = append([]string{cls}, st.classes...)
	}
	if st.box != nil {
		st.classes = append([]string{"j-b"}, st.classes...)
	}
	b.html.WriteString("<" + st.tag)
	if len(st.classes) > 0 {
		b.html.WriteString(` class="` + html.EscapeString(strings.Join(st.classes, " ")) + `"`)
	}
	for _, a := range st.attrs {
		b.html.WriteString(a)
	}
	b.html.WriteString(">")
	if voidElements[st.tag] {
		if len(children) > 0 {
			panic(fmt.Sprintf("web: <%s> cannot have children", st.tag))
		}
	} else {
		nb := len(b.binds)
		kids()
		b.childrenOf(node, children, e.Kind)
		b.html.WriteString("</" + st.tag + ">")
		// The element's own bindings come before its children's.
		if len(st.binds) > 0 || len(st.after) > 0 {
			b.need(node)
		}
		own := make([]func(w *writer), 0, len(st.binds))
		for _, f := range st.binds {
			f := f
			own = append(own, func(w *writer) { f(w, node.name) })
		}
		rest := append([]func(w *writer){}, b.binds[nb:]...)
		b.binds = append(append(b.binds[:nb], own...), rest...)
		for _, f := range st.after {
			f := f
			b.binds = append(b.binds, func(w *writer) { f(w, node.name) })
		}
		return
	}
	if len(st.binds) > 0 || len(st.after) > 0 {
		b.need(node)
		for _, f := range append(st.binds, st.after...) {
			f := f
			b.binds = append(b.binds, func(w *writer) { f(w, node.name) })
		}
	}
}

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

func (b *block) dynOrStaticText(t *tnode, val ir.Expr, pos source.Pos) {
	if s, ok := constOf(val).(string); ok {
		b.html.WriteString(html.EscapeString(s))
		return
	}
	b.dynText(t, val, false, pos)
}

// constOf returns the value of a constant expression, or nil.
func constOf(e ir.Expr) any {
	if k, ok := e.(*ir.Const); ok {
		return k.Value
	}
	return nil
}

func numOf(e ir.Expr) (float64, bool) {
	switch v := constOf(e).(type) {
	case float64:
		return v, true
	case int64:
		return float64(v), true
	}
	return 0, false
}

// length sets a CSS length property: static → class, dynamic → CSSOM.
func (b *block) length(st *elemState, e ir.Expr, props ...string) {
	if v, ok := numOf(e); ok {
		for _, p := range props {
			st.decls = append(st.decls, p+":"+px(v))
		}
		return
	}
	if k, ok := e.(*ir.Const); ok && k.Value == nil {
		return
	}
	for _, p := range props {
		b.dynStyle(st, p, e, func(js string) string { return "`${" + js + "}px`" })
	}
}

func (b *block) dynStyle(st *elemState, prop string, e ir.Expr, format func(string) string) {
	c := b.c
	st.binds = append(st.binds, func(w *writer, el string) {
		v := format(stripParens(c.expr(e)))
		if c.changes(e) {
			w.ln(b.m.rtName("style"), "(", el, ", ", jsString(prop), ", () => ", v, ");")
		} else {
			w.ln(b.m.rtName("setStyle"), "(", el, ", ", jsString(prop), ", ", v, ");")
		}
	})
}

// attrValue sets an attribute: static → markup, dynamic → binding.
func (b *block) attrValue(st *elemState, name string, e ir.Expr) {
	if e == nil {
		return
	}
	if k, ok := e.(*ir.Const); ok {
		switch v := k.Value.(type) {
		case bool:
			if v {
				st.boolAttr(name)
			}
			if v && name == "autofocus" {
				st.binds = append(st.binds, func(w *writer, el string) {
					w.ln(b.m.rtName("onMount"), "(() => ", el, ".focus());")
				})
			}
			return
		case nil:
			return
		case string:
			st.attr(name, v)
			return
		case int64, float64:
			st.attr(name, b.c.constant(v, nil))
			return
		}
	}
	c := b.c
	prop := domProps[name]
	st.binds = append(st.binds, func(w *writer, el string) {
		v := stripParens(c.expr(e))
		switch {
		case prop && c.changes(e):
			w.ln(b.m.rtName("prop"), "(", el, ", ", jsString(name), ", () => ", v, ");")
		case prop:
			w.ln(el, ".", name, " = ", v, ";")
		case c.changes(e):
			w.ln(b.m.rtName("attr"), "(", el, ", ", jsString(name), ", () => ", v, ");")
		default:
			w.ln(b.m.rtName("setAttr"), "(", el, ", ", jsString(name), ", ", v, ");")
		}
	})
}

// domProps are attributes bound as DOM properties (their live state).
var domProps = map[string]bool{"checked": true, "value": true, "selected": true, "disabled": true, "indeterminate": true}

// bubbling reports whether an event bubbles (and can be delegated).
func bubbling(ev string) bool {
	switch ev {
	case "blur", "focus", "mouseenter", "mouseleave", "pointerenter", "pointerleave", "load", "error",
		"scroll", "toggle", "resize", "abort", "play", "pause", "ended", "loadstart", "progress":
		return false
	}
	return true
}

// handler binds an event handler closure. Bubbling events are delegated
// (el.$$type = h; the runtime calls h(event, element, rowItemAtom)); a
// handler inside a list row that reads nothing of the row but its item is
// hoisted before the list and created once per list.
func (b *block) handler(st *elemState, ev string, fn ir.Expr, pos source.Pos) {
	c := b.c
	b.quiet++
	st.binds = append(st.binds, func(w *writer, el string) {
		w.mark(pos)
		if !bubbling(ev) {
			w.ln(b.m.rtName("listen"), "(", el, ", ", jsString(ev), ", ", stripParens(c.handlerExpr(fn)), ");")
			return
		}
		b.m.delegate(ev)
		if h, ok := c.hoistHandler(fn); ok {
			w.ln(el, ".$$", ev, " = ", h, ";")
			return
		}
		w.ln(el, ".$$", ev, " = ", stripParens(c.handlerExpr(fn)), ";")
	})
}

// hoistHandler prints a row handler once before its list when it reads no
// row-local name other than the row's item, returning its name.
func (c *fnCtx) hoistHandler(fn ir.Expr) (string, bool) {
	r := c.row
	cl, ok := fn.(*ir.Closure)
	if r == nil || !ok {
		return "", false
	}
	if !c.hoistable(cl) {
		return "", false
	}
	sub := c.sub()
	sub.row = nil
	delete(sub.konst, r.v)
	return c.printHoisted(cl, sub)
}

// hoistable reports whether a row handler reads no row-local name other
// than the row's item (locals declared inside the row would not be in scope
// before the list).
func (c *fnCtx) hoistable(cl *ir.Closure) bool {
	r := c.row
	ok := true
	ir.InspectExpr(cl, func(x ir.Expr) bool {
		if ref, isRef := x.(*ir.Ref); isRef {
			if v, isVar := ref.Sym.(*ir.Var); isVar && v != r.v {
				if _, local := c.reads[v]; local || r.locals[v] {
					ok = false
				}
			}
		}
		return ok
	})
	return ok
}

func (c *fnCtx) printHoisted(cl *ir.Closure, sub *fnCtx) (string, bool) {
	r := c.row
	item := c.temp("it")
	sub.reads[r.v] = item + ".get()"
	name := c.temp("h")
	ev := c.temp("ev")
	if len(cl.Params) > 0 && cl.Params[0] != nil {
		ev = sub.varName(cl.Params[0])
	}
	hint := c.m.indentHint
	c.m.indentHint = r.out.indent
	body := sub.closureBody(cl)
	c.m.indentHint = hint
	r.out.ln("const ", name, " = (", ev, ", el$, ", item, ") => ", body, ";")
	return name, true
}

// handlerExpr prints a handler: a closure, or a function value wrapped so
// it is called without the DOM event.
func (c *fnCtx) handlerExpr(fn ir.Expr) string {
	if cl, ok := fn.(*ir.Closure); ok {
		return c.closure(cl)
	}
	f := c.expr(fn)
	if ft, ok := fn.Type().(*types.Func); ok && len(ft.Params) == 0 {
		return "() => " + f + "()"
	}
	return f
}

// twoWay binds an input property to a binding in both directions.
func (b *block) twoWay(st *elemState, bind *ir.Bind, prop, ev string, pos source.Pos) {
	st.binds = append(st.binds, func(w *writer, el string) { b.twoWayOn(w, el, bind, prop, ev, pos) })
}

func (b *block) twoWayOn(w *writer, el string, bind *ir.Bind, prop, ev string, pos source.Pos) {
	c := b.c
	w.mark(pos)
	w.ln(b.m.rtName("prop"), "(", el, ", ", jsString(prop), ", () => ", stripParens(c.expr(bind.Place)), ");")
	b.m.delegate(ev)
	w.ln(el, ".$$", ev, " = (e$) => { ", c.writeInline(bind.Place, "e$.target."+prop), " };")
}

// modifier applies one modifier to an element.
func (b *block) modifier(st *elemState, e *ir.Element, m *ir.Modifier) {
	c := b.c
	switch m.Kind {
	case ir.Padding:
		edges := ir.EdgeAll
		if es, ok := constOf(m.Arg("edges")).(ir.EdgeSet); ok {
			edges = es
		}
		l := m.Arg("length")
		if l == nil {
			if st.box != nil {
				staticlayout.PadBox(st.box, edges, 16)
				return
			}
			st.decls = append(st.decls, paddingDecls(edges, "16px")...)
			return
		}
		if v, ok := numOf(l); ok {
			if st.box != nil {
				staticlayout.PadBox(st.box, edges, float32(v))
				return
			}
			st.decls = append(st.decls, paddingDecls(edges, px(v))...)
			return
		}
		for _, d := range paddingDecls(edges, "") {
			b.length(st, l, strings.TrimSuffix(d, ":"))
		}
	case ir.Frame:
		for _, p := range [][2]string{{"width", "width"}, {"height", "height"}, {"minWidth", "min-width"},
			{"maxWidth", "max-width"}, {"minHeight", "min-height"}, {"maxHeight", "max-height"}} {
			if a := m.Arg(p[0]); a != nil {
				if v, ok := numOf(a); ok && v > 1e300 {
					// maxWidth: .infinity fills the container's cross axis.
					if p[0] == "maxWidth" || p[0] == "width" {
						st.decls = append(st.decls, "align-self:stretch", "width:100%")
					} else {
						st.decls = append(st.decls, "align-self:stretch", "height:100%")
					}
					continue
				}
				if v, ok := numOf(a); ok && st.box != nil {
					f := layout.NoFrame
					l := layout.P(float32(v))
					switch p[0] {
					case "width":
						f.Width = l
					case "height":
						f.Height = l
					case "minWidth":
						f.MinWidth = l
					case "maxWidth":
						f.MaxWidth = l
					case "minHeight":
						f.MinHeight = l
					case "maxHeight":
						f.MaxHeight = l
					}
					*st.box = st.box.WithFrame(f)
					continue
				}
				b.length(st, a, p[1])
			}
		}
		if st.box == nil {
			st.decls = append(st.decls, "box-sizing:border-box")
		}
	case ir.FontMod:
		f := m.Arg("font")
		if fv, ok := constOf(f).(ir.Font); ok {
			st.decls = append(st.decls, fontDecls(fv)...)
			return
		}
		b.dynStyle(st, "font", f, func(js string) string { return js })
	case ir.ForegroundColor, ir.BackgroundColor:
		prop := "color"
		if m.Kind == ir.BackgroundColor {
			prop = "background-color"
		}
		col := m.Arg("color")
		if cv, ok := constOf(col).(ir.Color); ok {
			st.decls = append(st.decls, prop+":"+cssColor(cv))
			return
		}
		b.dynStyle(st, prop, col, func(js string) string { return js })
	case ir.CornerRadius:
		b.length(st, m.Arg("radius"), "border-radius")
	case ir.Border:
		col := m.Arg("color")
		width := m.Arg("width")
		wv := 1.0
		if width != nil {
			if v, ok := numOf(width); ok {
				wv = v
			} else {
				b.length(st, width, "border-width")
			}
		}
		if cv, ok := constOf(col).(ir.Color); ok {
			st.decls = append(st.decls, "border:"+px(wv)+" solid "+cssColor(cv))
		} else {
			st.decls = append(st.decls, "border:"+px(wv)+" solid")
			b.dynStyle(st, "border-color", col, func(js string) string { return js })
		}
	case ir.Opacity:
		o := m.Arg("value")
		if v, ok := numOf(o); ok {
			st.decls = append(st.decls, "opacity:"+strconv.FormatFloat(v, 'f', -1, 64))
			return
		}
		b.dynStyle(st, "opacity", o, func(js string) string { return js })
	case ir.Disabled:
		d := m.Arg("disabled")
		if formControl(e) {
			b.attrValue(st, "disabled", d)
		} else {
			b.attrValue(st, "aria-disabled", d)
		}
	case ir.Hidden:
		h := m.Arg("hidden")
		if h == nil {
			st.decls = append(st.decls, "visibility:hidden")
			return
		}
		if v, ok := constOf(h).(bool); ok {
			if v {
				st.decls = append(st.decls, "visibility:hidden")
			}
			return
		}
		b.dynStyle(st, "visibility", h, func(js string) string { return "(" + js + ") ? \"hidden\" : null" })
	case ir.OnTapGesture:
		b.handler(st, "click", m.Arg("perform"), m.P)
	case ir.TestID:
		b.attrValue(st, "data-testid", m.Arg("id"))
	case ir.ClassName:
		n := m.Arg("name")
		if s, ok := constOf(n).(string); ok {
			st.classes = append(st.classes, strings.Fields(s)...)
			return
		}
		// cond ? "a" : "" → one class toggled by the condition.
		if cd, ok := n.(*ir.Cond); ok {
			if a, ok := constOf(cd.Then).(string); ok && isSingleClass(a) && constOf(cd.Else) == "" {
				st.binds = append(st.binds, func(w *writer, el string) {
					if bin, ok := cd.Cond.(*ir.Binary); ok && c.selDirect[bin] {
						kc := c.konst[keyVar(bin, c)]
						w.ln(c.selected[bin], ".add(", kc.name, ".", strings.Join(kc.key, "."), ", ", el, ");")
						return
					}
					if c.changes(cd.Cond) {
						w.ln(b.m.rtName("classToggle"), "(", el, ", ", jsString(a), ", () => ", stripParens(c.expr(cd.Cond)), ");")
					} else {
						w.ln("if (", stripParens(c.expr(cd.Cond)), ") ", el, ".classList.add(", jsString(a), ");")
					}
				})
				return
			}
		}
		st.binds = append(st.binds, func(w *writer, el string) {
			w.ln(b.m.rtName("classTokens"), "(", el, ", () => ", stripParens(c.expr(n)), ");")
		})
	case ir.IDMod:
		b.attrValue(st, "id", m.Arg("id"))
	case ir.Attr:
		name, _ := constOf(m.Arg("name")).(string)
		b.attrValue(st, name, m.Arg("value"))
	case ir.On:
		ev, _ := constOf(m.Arg("event")).(string)
		b.handler(st, ev, m.Arg("handler"), m.P)
	case ir.Style:
		name, _ := constOf(m.Arg("property")).(string)
		v := m.Arg("value")
		if s, ok := constOf(v).(string); ok {
			st.decls = append(st.decls, name+":"+s)
			return
		}
		b.dynStyle(st, name, v, func(js string) string { return js })
	}
}

func isSingleClass(s string) bool { return s != "" && !strings.ContainsAny(s, " \t\n") }

func formControl(e *ir.Element) bool {
	switch e.Kind {
	case ir.Button, ir.TextField:
		return true
	case ir.HtmlElement:
		switch e.Tag {
		case "button", "input", "select", "textarea", "fieldset", "option", "optgroup":
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Holes for instances, conditionals and lists

// startsEmpty reports whether a list's items are an empty array until the
// app writes them: an atom whose initial value is [].
func startsEmpty(seq ir.Expr) bool {
	r, ok := seq.(*ir.Ref)
	if !ok {
		return false
	}
	a, ok := r.Sym.(*ir.Atom)
	if !ok || a.Computed {
		return false
	}
	l, ok := a.Init.(*ir.ArrayLit)
	return ok && len(l.Elems) == 0
}

func (b *block) marker(parent *tnode) *tnode {
	b.html.WriteString("<!>")
	return b.need(parent.add())
}

func (b *block) instanceHole(parent *tnode, in *ir.Instance) {
	t := b.marker(parent)
	c := b.c
	b.binds = append(b.binds, func(w *writer) {
		w.mark(in.P)
		if len(in.Mods) == 0 {
			w.ln(b.m.rtName("replace"), "(", t.name, ", ", c.instance(in), ");")
			return
		}
		// Modifiers on a view instance apply to the element it renders.
		el := c.temp("v")
		w.ln("const ", el, " = ", c.instance(in), ";")
		b.applyMods(w, el, in.Mods)
		w.ln(b.m.rtName("replace"), "(", t.name, ", ", el, ");")
	})
}

// applyMods applies modifiers at run time to an element built elsewhere
// (a child view's root): static styles still go through a class.
func (b *block) applyMods(w *writer, el string, mods []*ir.Modifier) {
	st := &elemState{}
	for _, m := range mods {
		b.modifier(st, &ir.Element{Kind: ir.BadView}, m)
	}
	if cls := b.m.g.css.class(st.decls); cls != "" {
		st.classes = append([]string{cls}, st.classes...)
	}
	for _, cl := range st.classes {
		w.ln(el, ".classList.add(", jsString(cl), ");")
	}
	for _, a := range st.attrs {
		name, val, _ := strings.Cut(strings.TrimSpace(a), "=")
		if val == "" {
			w.ln(el, ".setAttribute(", jsString(name), ", \"\");")
			continue
		}
		w.ln(el, ".setAttribute(", jsString(name), ", ", jsString(html.UnescapeString(strings.Trim(val, `"`))), ");")
	}
	for _, f := range st.binds {
		f(w, el)
	}
	for _, f := range st.after {
		f(w, el)
	}
}

// instance prints a call of a user view with its props object. Props whose
// value can change are getters, so the child's bindings track them.
func (c *fnCtx) instance(in *ir.Instance) string {
	var ps []string
	for _, p := range in.View.Props {
		v := in.Prop(p)
		if v == nil {
			v = p.Default
		}
		if v == nil {
			continue
		}
		name := jsField(p.Name)
		if c.changes(v) {
			ps = append(ps, "get "+name+"() { return "+stripParens(c.expr(v))+"; }")
		} else {
			ps = append(ps, name+": "+stripParens(c.expr(v)))
		}
	}
	return c.m.viewName(in.View) + "({" + strings.Join(ps, ", ") + "})"
}

// branchFn compiles conditional content into an arrow function.
func (c *fnCtx) branchFn(nodes []ir.Node, indent int) string {
	if len(nodes) == 0 {
		return "null"
	}
	var w writer
	w.fset = c.m.w.fset
	w.indent = indent + 1
	sub := c.sub()
	sub.renderBlock(&w, nodes, true)
	return "() => {\n" + string(w.buf) + strings.Repeat("\t", indent) + "}"
}

func (b *block) ifHole(parent *tnode, n *ir.If) {
	t := b.marker(parent)
	c := b.c
	b.binds = append(b.binds, func(w *writer) {
		w.mark(n.P)
		cond := stripParens(c.expr(n.Cond))
		sub := c.sub()
		if n.Bind != nil {
			cond = "(" + cond + ") != null"
			sub.reads[n.Bind] = "(" + stripParens(c.expr(n.Cond)) + ")"
		}
		yes := sub.branchFn(n.Then, w.indent)
		no := c.branchFn(n.Else, w.indent)
		if c.changes(n.Cond) {
			w.ln(b.m.rtName("show"), "(", t.name, ", () => ", cond, ", ", yes, ", ", no, ");")
			return
		}
		if no == "null" {
			w.open("if (", cond, ") {")
			w.ln(b.m.rtName("replace"), "(", t.name, ", (", yes, ")());")
			w.close("}")
			return
		}
		w.ln(b.m.rtName("replace"), "(", t.name, ", (", cond, " ? ", yes, " : ", no, ")());")
	})
}

// forHole emits a keyed list. When the list is its parent's only content
// the parent element hosts it (enabling the runtime's clear-all fast path).
func (b *block) forHole(parent *tnode, n *ir.For, only bool) {
	// for x in xs { if c(x) { … } }: the rows are the items that pass the
	// condition, so the row needs no wrapper element around a conditional
	// (a <div> in a <tbody> or <ul> is not valid markup), and a hidden
	// item costs no row at all.
	var keep ir.Expr
	if len(n.Body) == 1 {
		if f, ok := n.Body[0].(*ir.If); ok && f.Bind == nil && len(f.Else) == 0 && len(f.Then) > 0 {
			cp := *n
			cp.Body = f.Then
			n, keep = &cp, f.Cond
		}
	}
	var host *tnode
	if only {
		host = b.need(parent)
	} else {
		host = b.marker(parent)
	}
	c := b.c
	if startsEmpty(n.Seq) {
		b.quiet++
	}
	b.binds = append(b.binds, func(w *writer) {
		w.mark(n.P)
		items := stripParens(c.expr(n.Seq))
		key := "null"
		switch {
		case n.Range:
			r := n.Seq.(*ir.Range)
			hi := stripParens(c.expr(r.Hi))
			if r.Closed {
				hi += " + 1"
			}
			lo := stripParens(c.expr(r.Lo))
			items = "Array.from({length: Math.max(0, " + hi + " - " + lo + ")}, (_, i$) => " + lo + " + i$)"
			key = "(x$) => x$"
		case len(n.Key) > 0:
			key = "(x$) => x$." + strings.Join(n.Key, ".")
		}
		if keep != nil {
			f := c.sub()
			f.reads[n.Var] = "v$"
			items = "(" + items + ").filter((v$) => " + stripParens(f.expr(keep)) + ")"
		}
		sub := c.sub()
		a := c.temp("a")
		sub.reads[n.Var] = a + ".get()"
		sub.row = &rowInfo{v: n.Var, atom: a, out: w, locals: map[*ir.Var]bool{}, key: n.Key}
		if isPlace(n.Seq) {
			sub.rowSrc = map[*ir.Var]ir.Expr{n.Var: n.Seq}
			for k, v := range c.rowSrc {
				sub.rowSrc[k] = v
			}
		}
		var rw, pre writer
		rw.fset = w.fset
		rw.indent = w.indent + 1
		pre.fset = w.fset
		pre.indent = rw.indent
		var sels []string
		var rp *rowPatch
		if len(n.Key) > 0 || n.Range {
			// The key of a row never changes: read it once.
			k := c.temp("k")
			sub.konst[n.Var] = keyConst{name: k, key: n.Key}
			sels = b.selectors(w, &pre, sub, n)
			if len(n.Key) > 0 && len(pre.buf) == 0 && patchable(sub, n) {
				// render and patch take the item's value: a is the item.
				rp = &rowPatch{node: c.temp("n"), prev: c.temp("p")}
				sub.row.patch = rp
				sub.reads[n.Var] = a
				sub.konst[n.Var] = keyConst{name: a, key: n.Key}
			} else {
				rw.ln("const ", k, " = ", a, ".peek();")
				rw.buf = append(rw.buf, pre.buf...)
			}
		}
		sub.renderBlock(&rw, n.Body, true)
		extra := ""
		if len(sels) > 0 {
			extra = ", [" + strings.Join(sels, ", ") + "]"
		} else if rp != nil {
			extra = ", undefined"
		}
		w.ln(b.m.rtName("list"), "(", host.name, ", () => ", items, ", ", key, ", (", a, ") => {")
		w.buf = append(w.buf, rw.buf...)
		if rp == nil {
			w.ln("}", extra, ");")
			return
		}
		// Every hole of the row depends on the item alone: rows have no
		// root, atom or effect; the list writes the changed fields.
		w.ln("}", extra, ", (", rp.node, ", ", a, ", ", rp.prev, ") => {")
		w.indent++
		for _, l := range rp.lines {
			w.ln(l)
		}
		w.indent--
		w.ln("});")
	})
}

// rowInfo describes the list row being printed: its variable, the name of
// its item atom, and the writer before the list (where handlers that only
// read the row's item are hoisted, created once per list).
type rowInfo struct {
	v      *ir.Var
	atom   string
	out    *writer
	locals map[*ir.Var]bool // render lets declared inside the row
	key    []string         // the list's key path (constant per row)
	patch  *rowPatch        // set when the row is compiled in patch mode
}

// rowPatch collects the statements of a patched row's patch function
// (node, item, prev): one per hole that reads the item.
type rowPatch struct {
	node, prev string // parameter names; the item keeps the row's name
	lines      []string
}

func (r *rowInfo) patching() *rowPatch {
	if r == nil {
		return nil
	}
	return r.patch
}

// line records "if (f(item) !== f(prev)) target = f(item);" for a hole
// showing val.
func (p *rowPatch) line(c *fnCtx, target string, val ir.Expr) {
	r := c.row
	pc := c.sub()
	delete(pc.konst, r.v)
	next := stripParens(pc.describe(val))
	pc.reads[r.v] = p.prev
	prev := stripParens(pc.describe(val))
	p.lines = append(p.lines, "if ("+next+" !== "+prev+") "+target+" = "+next+";")
}

// path is the expression reaching t from the row's top node, named root.
func (b *block) path(t *tnode, root string) string {
	switch {
	case t.parent == b.top && t.prev == nil:
		return root
	case t.prev == nil:
		return b.path(t.parent, root) + ".firstChild"
	}
	return b.path(t.prev, root) + ".nextSibling"
}

// mentionsItem reports whether e reads the row variable v other than
// through its key path.
func mentionsItem(e ir.Expr, v *ir.Var, key []string) bool {
	found := false
	ir.InspectExpr(e, func(x ir.Expr) bool {
		if found {
			return false
		}
		if len(key) > 0 && isKeyPath(x, v, key) {
			return false
		}
		if r, ok := x.(*ir.Ref); ok && r.Sym == v {
			found = true
		}
		return !found
	})
	return found
}

// patchable reports whether a keyed list's row can be compiled in patch
// mode (docs/runtime-dom.md): one element, made of HTML elements, stacks
// and texts, whose holes depend on the row's item alone, the item read only
// by bare texts (patched in place) and hoisted handlers, the selection only
// through direct class selectors, and nothing that needs an owner.
func patchable(c *fnCtx, n *ir.For) bool {
	if len(n.Body) != 1 {
		return false
	}
	if _, ok := n.Body[0].(*ir.Element); !ok {
		return false
	}
	pc := c.sub()
	pc.reads[n.Var] = "x$"
	exprOK := func(e ir.Expr, item bool) bool {
		good := true
		ir.InspectExpr(e, func(x ir.Expr) bool {
			if !good {
				return false
			}
			switch y := x.(type) {
			case *ir.Closure:
				if !y.Action || !c.hoistable(y) {
					good = false
				}
				return false // a hoisted handler reads the row's current item
			case *ir.Binary:
				if c.selDirect[y] {
					return false
				}
			case *ir.Field:
				if isKeyPath(y, n.Var, n.Key) {
					return false
				}
			case *ir.Ref:
				if y.Sym == n.Var {
					good = item
					return false
				}
				good = !pc.changes(y)
			case *ir.Call:
				good = !pc.changes(y)
			}
			return good
		})
		return good
	}
	var walk func(ns []ir.Node, parent ir.ViewKind) bool
	walk = func(ns []ir.Node, parent ir.ViewKind) bool {
		for i, nd := range ns {
			e, ok := nd.(*ir.Element)
			if !ok {
				return false
			}
			switch e.Kind {
			case ir.HtmlElement, ir.Text, ir.VStack, ir.HStack, ir.ZStack, ir.Spacer:
			default:
				return false
			}
			// A bare text without text neighbours is a " " node the patch
			// function rewrites; any other use of the item is not patched.
			hole := parent == ir.HtmlElement && textish(e, parent) &&
				(i == 0 || !textish(ns[i-1], parent)) && (i+1 == len(ns) || !textish(ns[i+1], parent))
			for _, a := range e.Args {
				if !exprOK(a.Value, hole && a.Name == "text") {
					return false
				}
			}
			for _, m := range e.Mods {
				switch m.Kind {
				case ir.On:
					if ev, _ := constOf(m.Arg("event")).(string); !bubbling(ev) {
						return false
					}
				case ir.OnTapGesture, ir.ClassName, ir.Attr, ir.IDMod, ir.TestID:
				default:
					for _, a := range m.Args {
						if _, ok := a.Value.(*ir.Closure); ok {
							return false
						}
					}
				}
				for _, a := range m.Args {
					if !exprOK(a.Value, false) {
						return false
					}
				}
			}
			if !walk(e.Children, e.Kind) {
				return false
			}
		}
		return true
	}
	return walk(n.Body, ir.BadView)
}

// selectors finds comparisons X == row.key in a list body, where X does not
// depend on the row, and builds one runtime selector per X (and use) before
// the list: changing X then touches two rows instead of re-running a binding
// in every row. A className(X == row.key ? "a" : "") toggles the class from
// the selector directly; other uses read a per-row boolean atom the
// selector sets. Rows register with sel.add(key, x); the list removes them.
func (b *block) selectors(w, rw *writer, sub *fnCtx, n *ir.For) []string {
	direct := map[*ir.Binary]string{}
	ir.WalkNodes(n.Body, func(nd ir.Node) {
		if e, ok := nd.(*ir.Element); ok {
			for _, m := range e.Mods {
				if m.Kind != ir.ClassName {
					continue
				}
				if cd, ok := m.Arg("name").(*ir.Cond); ok {
					if bin, ok := cd.Cond.(*ir.Binary); ok {
						if a, ok := constOf(cd.Then).(string); ok && isSingleClass(a) && constOf(cd.Else) == "" {
							direct[bin] = a
						}
					}
				}
			}
		}
	})
	found := map[string]string{}
	var sels []string
	var visitExpr func(e ir.Expr)
	visitExpr = func(e ir.Expr) {
		bin, ok := e.(*ir.Binary)
		if ok && bin.Op == "==" {
			var other ir.Expr
			if isKeyPath(bin.R, n.Var, n.Key) && !mentions(bin.L, n.Var) {
				other = bin.L
			} else if isKeyPath(bin.L, n.Var, n.Key) && !mentions(bin.R, n.Var) {
				other = bin.R
			}
			if other != nil && b.c.changes(other) {
				src := stripParens(b.c.expr(other))
				cls, isDirect := direct[bin]
				id := src + "\x00atom"
				if isDirect {
					id = src + "\x00class " + cls
				}
				sel, ok := found[id]
				if !ok {
					sel = b.c.temp("sel")
					found[id] = sel
					sels = append(sels, sel)
					apply := "(a$, v$) => a$.set(v$)"
					if isDirect {
						apply = "(el$, v$) => v$ ? el$.classList.add(" + jsString(cls) + ") : el$.classList.remove(" + jsString(cls) + ")"
					} else {
						sv := b.c.temp("s")
						rw.ln("const ", sv, " = ", b.m.rtName("atom"), "(false);")
						rw.ln(sel, ".add(", sub.konst[n.Var].name, ".", strings.Join(n.Key, "."), ", ", sv, ");")
						sub.selRead[sel] = sv + ".get()"
					}
					w.ln("const ", sel, " = ", b.m.rtName("selector"), "(() => ", src, ", ", apply, ");")
				}
				sub.selected[bin] = sel
				if isDirect {
					sub.selDirect[bin] = true
				}
				return
			}
		}
		ir.InspectExpr(e, func(x ir.Expr) bool {
			if cl, ok := x.(*ir.Closure); ok && cl.Action {
				return false // handlers read the selection when they run
			}
			if x == e {
				return true
			}
			visitExpr(x)
			return false
		})
	}
	ir.InspectNodes(n.Body, visitExpr)
	return sels
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func isKeyPath(e ir.Expr, v *ir.Var, key []string) bool {
	for i := len(key) - 1; i >= 0; i-- {
		f, ok := e.(*ir.Field)
		if !ok || f.Name != key[i] || f.Optional {
			return false
		}
		e = f.Y
	}
	r, ok := e.(*ir.Ref)
	return ok && r.Sym == v
}

func mentions(e ir.Expr, v *ir.Var) bool {
	found := false
	ir.InspectExpr(e, func(x ir.Expr) bool {
		if r, ok := x.(*ir.Ref); ok && r.Sym == v {
			found = true
		}
		return !found
	})
	return found
}

// keyVar returns the row variable whose key path one side of bin reads.
func keyVar(bin *ir.Binary, c *fnCtx) *ir.Var {
	for v, kc := range c.konst {
		if isKeyPath(bin.L, v, kc.key) || isKeyPath(bin.R, v, kc.key) {
			return v
		}
	}
	return nil
}

// layoutDecls returns the declarations of a layout style.
func layoutDecls(s *layout.Style) []string {
	var out []string
	for _, d := range strings.Split(string(s.AppendCSS(nil)), ";") {
		if d != "" {
			out = append(out, d)
		}
	}
	return out
}

func zAlign(a ir.Alignment) (layout.HAlignment, layout.VAlignment) {
	return staticlayout.HAlign(a), staticlayout.VAlign(a)
}

func hasMod(e *ir.Element, k ir.ModKind) bool {
	for _, m := range e.Mods {
		if m.Kind == k {
			return true
		}
	}
	return false
}

// isPlace reports whether e is an atom or a field path of one (a list's
// sequence that row bindings can write back to).
func isPlace(e ir.Expr) bool {
	for {
		switch x := e.(type) {
		case *ir.Ref:
			_, ok := x.Sym.(*ir.Atom)
			return ok
		case *ir.Field:
			e = x.Y
		default:
			return false
		}
	}
}

// headingTag maps a Text in a title font (.largeTitle, .title, .title2,
// .title3) to h1..h4, for the document outline and assistive technology.
func headingTag(e *ir.Element) string {
	for _, m := range e.Mods {
		if m.Kind != ir.FontMod {
			continue
		}
		if f, ok := constOf(m.Arg("font")).(ir.Font); ok {
			switch f.Style {
			case "largeTitle":
				return "h1"
			case "title":
				return "h2"
			case "title2":
				return "h3"
			case "title3":
				return "h4"
			}
		}
	}
	return ""
}
