package ir

import "github.com/jepsh/jepsh/internal/source"

// Node is one piece of render content.
type Node interface {
	Pos() source.Pos
	node()
}

// Element is a built-in view (VStack, Text, Button...) or, for the web
// escape hatch, an Html element (Kind == HtmlElement, Tag set).
//
// Arguments are normalized by lowering: names are the parameter names of
// the built-in's signature in package types ("spacing", "alignment",
// "text", "action", "placeholder", "src", "alt", "to", "isOn", "axis",
// "minLength"); defaults are not filled in (absent means the target's
// default). Html attributes keep their labels ("class", "type", "for").
// Title strings become a Text child: Button("OK") { } is
// Element{Button, action: {...}, Children: [Text("OK")]}; builder content
// becomes Children.
type Element struct {
	P        source.Pos
	Kind     ViewKind
	Tag      string // HtmlElement only: lower-case tag name
	Args     []*Arg
	Mods     []*Modifier // in source order (order matters: padding then background ≠ background then padding)
	Children []Node

	// Static is set by opt.MarkStatic: the element, its arguments, its
	// modifiers and all its children are Static, so a target may build it
	// once (a template, a constant composable) and never update it.
	Static bool

	// InlinedFrom is the view whose body the element was copied from by
	// opt.Inline (nil: it is written in the view that renders it). Reports
	// name the view the source position is in with DeclaredIn.
	InlinedFrom *View

	// Wraps is set on the ZStack opt.SplitBoxes puts around an element
	// whose modifiers do not fit one box (see WrapAt): its only child is
	// that element, and it carries the modifiers from the split on.
	Wraps bool
}

// Describe names the element for reports: its kind, or for a wrapper made
// by opt.SplitBoxes the kind of what it wraps, "Button (outer box)".
func (e *Element) Describe() string {
	if e.Wraps && len(e.Children) == 1 {
		if in, ok := e.Children[0].(*Element); ok {
			return in.Describe() + " (outer box)"
		}
	}
	return e.Kind.String()
}

// DeclaredIn returns the view whose source declares e: the view it was
// inlined from, or in (the view whose body holds it).
func (e *Element) DeclaredIn(in *View) *View {
	if e.InlinedFrom != nil {
		return e.InlinedFrom
	}
	return in
}

// Arg is a named argument of a built-in view or modifier.
type Arg struct {
	Name  string
	Value Expr
}

// Modifier is one resolved modifier call: .padding(.horizontal, 8).
// Args are named by the modifier signature's parameter names ("edges",
// "length", "width", "height", "minWidth", "maxWidth", "minHeight",
// "maxHeight", "font", "color", "radius", "value", "disabled", "perform",
// "id", "name", "event", "handler", "property", "hidden").
type Modifier struct {
	P    source.Pos
	Kind ModKind
	Args []*Arg
}

// Instance is a use of a user view with its props. Props holds one entry per
// prop given at the call site (absent props take their default).
type Instance struct {
	P     source.Pos
	View  *View
	Props []*PropArg
	Mods  []*Modifier // modifiers applied to the instance's root content
}

// If is conditional content: if Cond { Then } else { Else }. For `if let
// x = v`, Bind is x, Cond is v (an optional) and Then sees x unwrapped.
// An else-if chain is an If in Else.
type If struct {
	P    source.Pos
	Cond Expr
	Bind *Var
	Then []Node
	Else []Node
}

// For is a keyed list: for Var in Seq { Body }, from `for` in render,
// ForEach(items, id: \.id) and List(items, id: \.id). Key is the path of
// the identity field on the element ("id"), empty when items are keyed by
// index; Range is set when Seq is an integer range (keyed by value).
type For struct {
	P     source.Pos
	Var   *Var
	Seq   Expr
	Key   []string
	Body  []Node
	Range bool
}

// Let is a render-local constant: let x = value; it is visible in the
// following siblings and their subtrees.
type Let struct {
	P     source.Pos
	Var   *Var
	Value Expr
}

func (n *Element) Pos() source.Pos  { return n.P }
func (n *Instance) Pos() source.Pos { return n.P }
func (n *If) Pos() source.Pos       { return n.P }
func (n *For) Pos() source.Pos      { return n.P }
func (n *Let) Pos() source.Pos      { return n.P }

func (*Element) node()  {}
func (*Instance) node() {}
func (*If) node()       {}
func (*For) node()      {}
func (*Let) node()      {}

// Arg returns the value of the named argument, or nil.
func (n *Element) Arg(name string) Expr { return argOf(n.Args, name) }

// Arg returns the value of the named argument, or nil.
func (m *Modifier) Arg(name string) Expr { return argOf(m.Args, name) }

func argOf(args []*Arg, name string) Expr {
	for _, a := range args {
		if a.Name == name {
			return a.Value
		}
	}
	return nil
}

// Prop returns the value given for p, or nil.
func (n *Instance) Prop(p *Prop) Expr {
	for _, a := range n.Props {
		if a.Prop == p {
			return a.Value
		}
	}
	return nil
}

// Box is what a modifier does to the box an element is drawn in.
type Box uint8

const (
	// BoxNeutral modifiers leave the box alone (fonts, colors of text,
	// opacity, handlers, test ids, web attributes).
	BoxNeutral Box = iota
	// BoxSize modifiers set the box's size (frame).
	BoxSize
	// BoxPad modifiers grow it around the content (padding).
	BoxPad
	// BoxPaint modifiers draw the box as it is (background, border,
	// corner radius).
	BoxPaint
)

// BoxOf classifies a modifier.
func BoxOf(k ModKind) Box {
	switch k {
	case Frame:
		return BoxSize
	case Padding:
		return BoxPad
	case BackgroundColor, Border, CornerRadius:
		return BoxPaint
	}
	return BoxNeutral
}

// WrapAt returns the index of the first modifier of e that applies to a box
// around e's own, or 0 when one box takes them all. Every SwiftUI modifier
// wraps the view; one box (a CSS box, a composable's modifier chain) holds
// a frame, then padding inside it, then paint. So a padding after a frame
// (padding outside the frame), and a frame or padding after a background,
// border or corner radius (paint that hugs the smaller box) start a new box.
// Html elements keep CSS's single box, except for the frame and padding.
func WrapAt(e *Element) int {
	framed, painted := false, false
	for i, m := range e.Mods {
		switch BoxOf(m.Kind) {
		case BoxSize:
			if painted && e.Kind != HtmlElement {
				return i
			}
			framed = true
		case BoxPad:
			if framed || painted && e.Kind != HtmlElement {
				return i
			}
		case BoxPaint:
			painted = true
		}
	}
	return 0
}
