// Package staticlayout is the compiler pass that computes the layout of
// static subtrees at build time (design guide §2.2).
//
// It finds the subtrees of the view IR whose layout cannot change at run
// time (no layout-relevant value depends on atoms or props, single-line
// text in a served font with an explicit line height, stacks with explicit
// spacing, in a parent that sizes them by their content), converts each to
// a layout.Node tree with the same styles the web target emits, and lays it
// out with internal/layout and internal/text. The result is a box per IR
// element (relative to its subtree root), readable by every target, the
// CSS the web target adds to pin the boxes, and for every subtree that was
// not pre-computed the reason.
package staticlayout

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/layout"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/text"
)

// Mode selects what the web target emits for a pre-computed subtree.
type Mode uint8

const (
	// Reserve gives every pre-computed element its computed width and
	// height, and the subtree root size and layout containment: the boxes
	// cannot move while fonts load.
	Reserve Mode = iota
	// Absolute is Reserve plus absolute positions (left, top) for every
	// element below the root.
	Absolute
	// TextOnly emits only the measured text style (font, size, explicit
	// line height, no ligatures) of pre-computed text: the browser lays the
	// subtrees out itself, in the same fonts. It is the baseline of the
	// measurements and of the agreement test (docs/layout.md).
	TextOnly
	// Off computes the layout (for the report and the other targets) but
	// emits nothing.
	Off
)

// DefaultMode is the mode builds use unless told otherwise: absolute
// positions won the 1,000-card measurement (docs/layout.md).
const DefaultMode = Absolute

func (m Mode) String() string {
	switch m {
	case Reserve:
		return "reserve"
	case Absolute:
		return "absolute"
	case TextOnly:
		return "text"
	case Off:
		return "off"
	}
	return "Mode(" + strconv.Itoa(int(m)) + ")"
}

// DefaultFamily is the CSS family name of the default font (Go Regular,
// Medium and Bold), which the web target serves when pre-computed text
// uses it.
const DefaultFamily = "Go"

// Options configure Compute.
type Options struct {
	// Tokens are the design tokens (text styles, font files); nil means
	// design.Default().
	Tokens *design.Tokens
	// FontData returns the contents of a font file that tokens.yml names
	// (a path relative to the app directory), or nil.
	FontData func(path string) []byte
	// Mode is what the web target emits.
	Mode Mode
}

// Box is the computed box of one IR element of a pre-computed subtree.
type Box struct {
	Node   *ir.Element
	View   *ir.View
	Root   *ir.Element // the subtree root
	TestID string      // the constant .testID, if any
	// X, Y, W, H: the border box relative to the subtree root's, in CSS
	// px (multiples of 1/64: Chromium's layout unit), unsnapped.
	X, Y, W, H float32
	// Local is the box relative to the parent's border box.
	Local layout.Box
	// Bare: the element is a Text emitted as a bare text node (a Button's
	// label), which has no element of its own on the web.
	Bare bool
}

// Subtree is one pre-computed subtree.
type Subtree struct {
	View  *ir.View
	Root  *ir.Element
	Boxes []*Box // pre-order, the root first
}

// Skip is an element that could have been a subtree root but was not
// pre-computed, and why.
type Skip struct {
	View   *ir.View
	Node   *ir.Element
	Reason string
}

// Face is a font face that pre-computed text uses.
type Face struct {
	Family string // CSS family
	Weight int
	Data   []byte // TrueType data: the measured font, subset to the pre-computed strings
}

// Result is the outcome of the pass.
type Result struct {
	Mode     Mode
	Subtrees []*Subtree
	Skipped  []*Skip
	// Faces are the default-font faces the pre-computed text uses (the
	// design system's fonts are served by the build anyway).
	Faces []Face

	byNode map[*ir.Element]*Box
	css    map[*ir.Element][]string
}

// Box returns the computed box of an element, if it is part of a
// pre-computed subtree. This is the per-node result the other targets read
// (fixed sizes for Compose and SwiftUI).
func (r *Result) Box(e *ir.Element) (*Box, bool) {
	if r == nil {
		return nil, false
	}
	b, ok := r.byNode[e]
	return b, ok
}

// View returns the pre-computed subtrees of view v, in source order.
func (r *Result) View(v *ir.View) []*Subtree {
	if r == nil {
		return nil
	}
	var out []*Subtree
	for _, s := range r.Subtrees {
		if s.View == v {
			out = append(out, s)
		}
	}
	return out
}

// ElementCSS returns the declarations the web target appends to element
// e's static style ("prop:value" strings): nil for elements outside
// pre-computed subtrees and in mode Off.
func (r *Result) ElementCSS(e *ir.Element) []string {
	if r == nil {
		return nil
	}
	return r.css[e]
}

// face is a registered font face.
type face struct {
	id     string // registry id
	family string // CSS family
	weight int
	data   []byte
}

type pass struct {
	opts    Options
	tokens  *design.Tokens
	reg     *text.Registry
	faces   map[string][]*face // CSS family → faces by weight
	used    map[*face][]string // faces used → the strings set in them
	viewCtx map[*ir.View]string
	// viewFont is the font every use of a view lets its content inherit
	// (from .font modifiers of enclosing elements, across views).
	viewFont map[*ir.View]inherit
	// inhWhy is set while building a subtree whose inherited font is not
	// known: text that would use it cannot be pre-computed.
	inhWhy string
	res    *Result
	diags  diag.List
}

// node is the pass's view of a layout node.
type node struct {
	ln    *layout.Node
	e     *ir.Element
	bare  bool
	font  *face
	fsize float64
	lh    float64
	kids  []*node
	label *node // a Button's bare-text label
}

// Compute runs the pass over an optimised program (opt.Run).
func Compute(prog *ir.Program, opts Options) (*Result, diag.List) {
	p := &pass{opts: opts, tokens: opts.Tokens, reg: text.NewRegistry(), faces: map[string][]*face{},
		used: map[*face][]string{}, res: &Result{Mode: opts.Mode, byNode: map[*ir.Element]*Box{}, css: map[*ir.Element][]string{}}}
	if p.tokens == nil {
		p.tokens = design.Default()
	}
	p.registerFonts()
	p.contexts(prog)
	for _, v := range prog.Views {
		p.walk(v, v.Body, p.viewCtx[v], p.viewFont[v], math.Inf(1))
	}
	for f, strs := range p.used {
		if f.family != DefaultFamily {
			continue
		}
		// Only pre-computed text is set in the default family, and all of
		// it is known now: serve the glyphs it uses (advances, cmap and
		// kerning stay whole, so widths do not change).
		data := f.data
		if fnt, err := p.reg.Font(f.id); err == nil {
			if sub, err := fnt.Subset(strs...); err == nil {
				data = sub
			}
		}
		p.res.Faces = append(p.res.Faces, Face{Family: f.family, Weight: f.weight, Data: data})
	}
	sort.Slice(p.res.Faces, func(i, j int) bool { return p.res.Faces[i].Weight < p.res.Faces[j].Weight })
	return p.res, p.diags
}

func (p *pass) registerFonts() {
	for _, d := range []struct {
		w    int
		data []byte
	}{{400, goregular.TTF}, {500, gomedium.TTF}, {700, gobold.TTF}} {
		p.addFace(DefaultFamily, d.w, d.data, source.NoPos)
	}
	for _, ff := range p.tokens.Fonts {
		var data []byte
		if p.opts.FontData != nil {
			data = p.opts.FontData(ff.Path)
		}
		if data == nil {
			continue // the build reports the missing file
		}
		w := ff.Weight
		if w == 0 {
			w = 400
		}
		p.addFace(ff.Family, w, data, ff.Pos)
	}
}

func (p *pass) addFace(family string, weight int, data []byte, pos source.Pos) {
	id := family + "@" + strconv.Itoa(weight)
	if _, err := p.reg.Add(id, data); err != nil {
		code := diag.BadFontData
		var te *text.Error
		if errors.As(err, &te) {
			code = te.Code
		}
		p.diags.Errorf(pos, code, "font %s (weight %d): %v", family, weight, err)
		return
	}
	p.faces[family] = append(p.faces[family], &face{id: id, family: family, weight: weight, data: data})
}

// match picks the face of family for weight w as CSS font matching does
// (CSS Fonts 4 §5.2): for 400–500 first w..500 ascending, then lighter
// descending, then heavier ascending; below 400 lighter first; above 500
// heavier first.
func (p *pass) match(family string, w int) *face {
	if family == "" {
		family = DefaultFamily
	}
	fs := p.faces[family]
	if len(fs) == 0 {
		return nil
	}
	var best *face
	score := func(f *face) int { // lower is better
		d := f.weight - w
		switch {
		case w >= 400 && w <= 500:
			switch {
			case d >= 0 && f.weight <= 500:
				return d
			case d < 0:
				return 1000 - d
			default:
				return 2000 + d
			}
		case w < 400:
			if d <= 0 {
				return -d
			}
			return 1000 + d
		default:
			if d >= 0 {
				return d
			}
			return 1000 - d
		}
	}
	for _, f := range fs {
		if best == nil || score(f) < score(best) {
			best = f
		}
	}
	return best
}

// contexts finds, for every view, whether the parents its instances are
// placed in size its root content by its content, or why not.
func (p *pass) contexts(prog *ir.Program) {
	p.viewCtx = map[*ir.View]string{}
	if prog.Root != nil {
		p.viewCtx[prog.Root] = "the app's root view: its size comes from the page"
	}
	for _, r := range prog.Routes {
		p.viewCtx[r.View] = "a route's view: its size comes from the page"
	}
	p.viewFont = map[*ir.View]inherit{}
	var next map[*ir.View]inherit
	changed := true
	var visit func(v *ir.View, ns []ir.Node, parent *ir.Element, in inherit)
	visit = func(v *ir.View, ns []ir.Node, parent *ir.Element, in inherit) {
		for _, n := range ns {
			switch n := n.(type) {
			case *ir.Element:
				visit(v, n.Children, n, p.childFont(n, in))
			case *ir.If:
				visit(v, n.Then, parent, in)
				visit(v, n.Else, parent, in)
			case *ir.For:
				visit(v, n.Body, parent, in)
			case *ir.Instance:
				if old, seen := next[n.View]; !seen {
					next[n.View] = in
				} else if old != in {
					next[n.View] = inherit{why: "its view is used under different fonts"}
				}
				if p.viewCtx[n.View] != "" {
					continue
				}
				why := p.viewCtx[v] // at the top of v: v's own context
				if parent != nil {
					why = childContext(parent)
				}
				if why == "" && len(n.Mods) > 0 {
					why = "an instance has modifiers (" + n.Mods[0].Kind.String() + ")"
				}
				if why != "" {
					p.viewCtx[n.View] = fmt.Sprintf("%s (instance in %s at %s)", why, v.Name, pos(prog.Fset, n.P))
					changed = true
				}
			}
		}
	}
	// Views are visited until nothing changes: a view used at the top of
	// another view takes that view's context and font.
	for i := 0; changed && i <= len(prog.Views)+1; i++ {
		changed = false
		next = map[*ir.View]inherit{}
		for _, v := range prog.Views {
			visit(v, v.Body, nil, p.viewFont[v])
		}
		if !maps.Equal(next, p.viewFont) {
			changed = true
		}
		p.viewFont = next
	}
}

// inherit is the font content inherits from enclosing elements: none (the
// page's, pre-computed text then uses .body), a constant font, or unknown.
type inherit struct {
	f   font
	why string // not "": the inherited font is not known at build time
}

// childFont is the font e's children inherit.
func (p *pass) childFont(e *ir.Element, in inherit) inherit {
	for _, m := range e.Mods {
		if m.Kind == ir.FontMod {
			if fv, ok := constOf(m.Arg("font")).(ir.Font); ok {
				return inherit{f: p.fontOf(fv)}
			}
			return inherit{why: "an enclosing font changes at run time"}
		}
	}
	if e.Kind == ir.Button {
		return inherit{f: p.bodyFont()}
	}
	return in
}

func pos(fset *source.FileSet, p source.Pos) string {
	if fset == nil {
		return "?"
	}
	return fset.Position(p).String()
}

// childContext returns why children of parent are not sized by their
// content, or "".
func childContext(parent *ir.Element) string {
	switch parent.Kind {
	case ir.VStack, ir.ZStack:
		return ""
	case ir.HStack:
		if a, ok := constOf(parent.Arg("alignment")).(ir.Alignment); ok && a == ir.AlignFirstTextBaseline {
			return "its HStack aligns by baseline (layout containment would remove the baseline)"
		}
		if _, ok := parent.Arg("alignment").(*ir.Const); !ok && parent.Arg("alignment") != nil {
			return "its HStack's alignment changes at run time"
		}
		return ""
	case ir.ScrollView, ir.List:
		return "its " + parent.Kind.String() + " stretches it"
	case ir.Button:
		return "the label of a Button"
	}
	return "inside " + parent.Kind.String() + ", which the browser lays out"
}

// walk visits content in view v; ctx is why an element here cannot be a
// subtree root ("" if it can).
func (p *pass) walk(v *ir.View, ns []ir.Node, ctx string, in inherit, avail float64) {
	for _, n := range ns {
		switch n := n.(type) {
		case *ir.Element:
			p.element(v, n, ctx, in, avail)
		case *ir.If:
			p.walk(v, n.Then, ctx, in, avail)
			p.walk(v, n.Else, ctx, in, avail)
		case *ir.For:
			p.walk(v, n.Body, ctx, in, avail)
		}
	}
}

func (p *pass) element(v *ir.View, e *ir.Element, ctx string, in inherit, avail float64) {
	if e.Kind == ir.Spacer {
		return // sized by its stack, never a root
	}
	var inh *font
	if in.f.set {
		inh = &in.f
	}
	p.inhWhy = in.why
	n, why := p.build(e, inh, false)
	p.inhWhy = ""
	switch {
	case why == "" && ctx == "":
		if p.layout(v, n, avail) {
			return
		}
	case why == "":
		p.skip(v, e, ctx)
	case ctx == "":
		p.skip(v, e, why)
	}
	p.walk(v, e.Children, childContext(e), p.childFont(e, in), innerWidth(e, avail))
}

// innerWidth is the most width e's children can get when e's constant
// frame (width or maxWidth) limits it, less its horizontal padding and
// border; +Inf when nothing is known to limit it. Only frames inside the
// view are seen.
func innerWidth(e *ir.Element, avail float64) float64 {
	pad := 0.0
	for _, m := range e.Mods {
		switch m.Kind {
		case ir.Frame:
			for _, name := range []string{"width", "maxWidth"} {
				if v, ok := numOf(m.Arg(name)); ok && v < 1e300 {
					avail = min(avail, v) // the border box: padding lies inside
				}
			}
		case ir.Padding:
			edges := ir.EdgeAll
			if es, ok := constOf(m.Arg("edges")).(ir.EdgeSet); ok {
				edges = es
			}
			l := 16.0
			if a := m.Arg("length"); a != nil {
				l, _ = numOf(a)
			}
			if edges&ir.EdgeLeading != 0 {
				pad += l
			}
			if edges&ir.EdgeTrailing != 0 {
				pad += l
			}
		case ir.Border:
			w := 1.0
			if a := m.Arg("width"); a != nil {
				w, _ = numOf(a)
			}
			pad += 2 * w
		}
	}
	if e.Kind == ir.Button {
		pad += 32
	}
	return avail - pad
}

func (p *pass) skip(v *ir.View, e *ir.Element, why string) {
	p.res.Skipped = append(p.res.Skipped, &Skip{View: v, Node: e, Reason: why})
}

// font is a resolved constant font.
type font struct {
	size, lh float64
	weight   int
	family   string
	set      bool
}

// fontOf resolves a constant ir.Font with the design tokens.
func (p *pass) fontOf(f ir.Font) font {
	if f.Size == 0 && f.Style != "" {
		if t, ok := p.tokens.TextStyle(f.Style); ok {
			if f.LineHeight == 0 {
				f.LineHeight = t.LineHeight
			}
			if f.Weight == 0 {
				f.Weight = t.Weight
			}
			if f.Family == "" {
				f.Family = t.Family
			}
			f.Size = t.Size
		}
	}
	w := f.Weight
	if w == 0 {
		w = 400
	}
	return font{size: f.Size, lh: f.LineHeight, weight: w, family: f.Family, set: true}
}

func (p *pass) bodyFont() font {
	return p.fontOf(ir.Font{Style: "body"})
}

// build converts e (with the font its text inherits) into a layout node,
// or says why it cannot be pre-computed. inButton: e is a Button's child.
func (p *pass) build(e *ir.Element, inherited *font, inButton bool) (*node, string) {
	n := &node{e: e, ln: &layout.Node{Ref: e}}
	f := inherited
	var style layout.Style
	switch e.Kind {
	case ir.VStack, ir.HStack:
		sp := e.Arg("spacing")
		if sp == nil {
			return nil, e.Kind.String() + " without explicit spacing (the platforms' defaults differ)"
		}
		s, ok := numOf(sp)
		if !ok {
			return nil, e.Kind.String() + " spacing is not constant"
		}
		al := ir.AlignCenter
		if a := e.Arg("alignment"); a != nil {
			c, ok := constOf(a).(ir.Alignment)
			if !ok {
				return nil, e.Kind.String() + " alignment is not constant"
			}
			al = c
		}
		if e.Kind == ir.VStack {
			style = layout.VStack(float32(s), HAlign(al))
		} else {
			style = layout.HStack(float32(s), VAlign(al))
		}
	case ir.ZStack:
		al := ir.AlignCenter
		if a := e.Arg("alignment"); a != nil {
			c, ok := constOf(a).(ir.Alignment)
			if !ok {
				return nil, "ZStack alignment is not constant"
			}
			al = c
		}
		style = layout.ZStack(HAlign(al), VAlign(al))
	case ir.Spacer:
		style = layout.Spacer()
		if ml := e.Arg("minLength"); ml != nil {
			v, ok := numOf(ml)
			if !ok {
				if k, isK := ml.(*ir.Const); !isK || k.Value != nil {
					return nil, "Spacer minLength is not constant"
				}
			} else {
				style.MinWidth, style.MinHeight = layout.P(float32(v)), layout.P(float32(v))
			}
		}
	case ir.Button:
		style = layout.HStack(0, layout.VCenter).WithPadding(8, 16, 8, 16)
		if f == nil || !hasMod(e, ir.FontMod) {
			bf := p.bodyFont()
			f = &bf
		}
	case ir.Text:
		style = layout.Leaf()
	default:
		return nil, e.Kind.String() + " is laid out by the browser"
	}
	paddings := 0
	for _, m := range e.Mods {
		switch m.Kind {
		case ir.Padding:
			paddings++
			edges := ir.EdgeAll
			if es := m.Arg("edges"); es != nil {
				c, ok := constOf(es).(ir.EdgeSet)
				if !ok {
					return nil, "padding edges are not constant"
				}
				edges = c
			}
			l := 16.0
			if a := m.Arg("length"); a != nil {
				v, ok := numOf(a)
				if !ok {
					return nil, "padding is not constant"
				}
				l = v
			}
			PadBox(&style, edges, float32(l))
		case ir.Frame:
			fr := layout.NoFrame
			for _, a := range m.Args {
				v, ok := numOf(a.Value)
				if !ok {
					if k, isK := a.Value.(*ir.Const); isK && k.Value == nil {
						continue
					}
					if _, isAlign := constOf(a.Value).(ir.Alignment); isAlign {
						continue
					}
					return nil, "frame " + a.Name + " is not constant"
				}
				if v > 1e300 {
					return nil, "frame " + a.Name + ": .infinity fills the container"
				}
				l := layout.P(float32(v))
				switch a.Name {
				case "width":
					fr.Width = l
				case "height":
					fr.Height = l
				case "minWidth":
					fr.MinWidth = l
				case "maxWidth":
					fr.MaxWidth = l
				case "minHeight":
					fr.MinHeight = l
				case "maxHeight":
					fr.MaxHeight = l
				}
			}
			style = style.WithFrame(fr)
		case ir.FontMod:
			fv, ok := constOf(m.Arg("font")).(ir.Font)
			if !ok {
				return nil, "the font is not constant"
			}
			r := p.fontOf(fv)
			f = &r
		case ir.Border:
			w := 1.0
			if a := m.Arg("width"); a != nil {
				v, ok := numOf(a)
				if !ok {
					return nil, "border width is not constant"
				}
				w = v
			}
			for i := range style.Border {
				style.Border[i] = layout.P(float32(w))
			}
		case ir.ForegroundColor, ir.BackgroundColor, ir.CornerRadius, ir.Opacity, ir.Hidden,
			ir.Disabled, ir.OnTapGesture, ir.TestID:
			// No effect on layout.
		default:
			return nil, "modifier " + m.Kind.String() + " may change the layout"
		}
	}
	if e.Kind == ir.Text && paddings > 1 {
		return nil, "a Text with several paddings (CSS replaces, the stacks add)"
	}
	n.ln.Style = style
	if e.Kind == ir.Text {
		s, ok := constOf(e.Arg("text")).(string)
		if !ok {
			return nil, "the text is not constant"
		}
		if strings.IndexFunc(s, unicode.IsControl) >= 0 {
			return nil, "multi-line text (a newline or other control character)"
		}
		if f == nil {
			if p.inhWhy != "" {
				return nil, "the text inherits a font not known at build time: " + p.inhWhy
			}
			bf := p.bodyFont()
			f = &bf
		}
		if f.lh == 0 {
			return nil, "the text's font has no explicit line height"
		}
		fc := p.match(f.family, f.weight)
		if fc == nil {
			return nil, fmt.Sprintf("font family %q has no font file in tokens.yml", f.family)
		}
		n.font, n.fsize, n.lh = fc, f.size, f.lh
		n.bare = inButton && len(e.Mods) == 0
		n.ln.Text = &layout.TextRun{Font: fc.id, Size: f.size, LineHeight: f.lh, Text: s}
		return n, ""
	}
	if e.Kind == ir.Button && f != nil {
		// The button's own font is the one its bare label uses.
		fc := p.match(f.family, f.weight)
		if fc == nil {
			return nil, fmt.Sprintf("font family %q has no font file in tokens.yml", f.family)
		}
		if f.lh == 0 {
			return nil, "the Button's font has no explicit line height"
		}
		n.font, n.fsize, n.lh = fc, f.size, f.lh
	}
	for _, c := range e.Children {
		ce, ok := c.(*ir.Element)
		if !ok {
			switch c := c.(type) {
			case *ir.Instance:
				return nil, "contains the view " + c.View.Name + " (laid out on its own)"
			case *ir.If:
				return nil, "contains conditional content"
			case *ir.For:
				return nil, "contains a list"
			case *ir.Let:
				continue
			}
			return nil, "contains content the browser lays out"
		}
		cn, why := p.build(ce, f, e.Kind == ir.Button)
		if why != "" {
			return nil, why + " (" + ce.Kind.String() + " inside)"
		}
		n.kids = append(n.kids, cn)
		n.ln.Children = append(n.ln.Children, cn.ln)
	}
	return n, ""
}

// layout lays out a buildable subtree and records it; false means it does
// not fit the width avail and was not recorded.
func (p *pass) layout(v *ir.View, root *node, avail float64) bool {
	sl, err := layout.LayoutStatic(root.ln, p.reg, false)
	if err != nil {
		p.textErrors(err)
		return true
	}
	if w := float64(sl.Boxes[0].W); w > avail+1.0/128 {
		// The browser would shrink the root below its max-content width.
		p.skip(v, root.e, fmt.Sprintf("its max-content width %s exceeds the %s an enclosing frame leaves", num(float32(w)), num(float32(avail))))
		return false
	}
	st := &Subtree{View: v, Root: root.e}
	nodes := map[*layout.Node]*node{}
	var index func(n *node)
	index = func(n *node) {
		nodes[n.ln] = n
		for _, c := range n.kids {
			index(c)
		}
	}
	index(root)
	for _, pl := range sl.Boxes {
		n := nodes[pl.Node]
		b := &Box{Node: n.e, View: v, Root: root.e, X: pl.X, Y: pl.Y, W: pl.W, H: pl.H, Local: pl.Local, Bare: n.bare,
			TestID: testID(n.e)}
		st.Boxes = append(st.Boxes, b)
		p.res.byNode[n.e] = b
		if n.font != nil {
			p.used[n.font] = append(p.used[n.font], "")
			if n.ln.Text != nil {
				p.used[n.font] = append(p.used[n.font], n.ln.Text.Text)
			}
		}
	}
	p.res.Subtrees = append(p.res.Subtrees, st)
	if p.opts.Mode != Off {
		p.emit(root, nil, true)
	}
	return true
}

func (p *pass) textErrors(err error) {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	for _, e := range errs {
		var te *layout.TextError
		var txe *text.Error
		ps := source.NoPos
		if errors.As(e, &te) {
			if el, ok := te.Node.Ref.(*ir.Element); ok {
				ps = el.P
			}
		}
		code := diag.MissingGlyph
		msg := e.Error()
		if errors.As(e, &txe) {
			code = txe.Code
			msg = txe.Msg
		}
		p.diags.Errorf(ps, code, "pre-computed text: %s", msg)
	}
}

func testID(e *ir.Element) string {
	for _, m := range e.Mods {
		if m.Kind == ir.TestID {
			if s, ok := constOf(m.Arg("id")).(string); ok {
				return s
			}
		}
	}
	return ""
}

// emit records the web CSS of a laid-out node: its size (and, in Absolute
// mode, its position), its text style, and on the root containment.
func (p *pass) emit(n *node, parent *node, root bool) {
	if n.bare {
		return
	}
	b := p.res.byNode[n.e]
	var d []string
	if n.font != nil {
		d = append(d, textDecls(n)...)
	}
	if n.e.Kind == ir.Text {
		d = append(d, "box-sizing:border-box")
	}
	if p.opts.Mode == TextOnly {
		p.res.css[n.e] = d
		for _, c := range n.kids {
			p.emit(c, n, false)
		}
		return
	}
	d = append(d, "width:"+pxf(b.W), "height:"+pxf(b.H))
	if root {
		d = append(d, "contain:size layout")
	} else if p.opts.Mode == Absolute {
		ps := parent.ln.Style
		x := b.Local.X - ps.Border[layout.Left].Value
		y := b.Local.Y - ps.Border[layout.Top].Value
		d = append(d, "position:absolute", "left:"+pxf(x), "top:"+pxf(y))
	}
	p.res.css[n.e] = d
	for _, c := range n.kids {
		p.emit(c, n, false)
	}
}

// textDecls is the text style of a Text (display:block) or of a Button
// whose label is a bare text node (the button stays a flex row).
func textDecls(n *node) []string {
	b := layout.TextCSS(nil, n.font.family, n.fsize, n.lh)
	var out []string
	for _, d := range strings.Split(string(b), ";") {
		if d == "" || (n.e.Kind != ir.Text && strings.HasPrefix(d, "display:")) {
			continue
		}
		out = append(out, d)
	}
	return append(out, "font-weight:"+strconv.Itoa(n.font.weight), "font-synthesis:none")
}

func pxf(v float32) string {
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(float64(v), 'f', -1, 64) + "px"
}
