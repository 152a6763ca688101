package opt

import "github.com/jepsh/jepsh/internal/ir"

// SplitBoxes puts a one-child ZStack around each element (and instance of
// a view that renders one element) whose modifiers do not fit one box (ir.WrapAt: a padding after a frame, a frame or padding
// after paint) and moves the modifiers from the split on to it, repeating
// until each box takes its modifiers in order. Every target then sees the
// boxes SwiftUI's modifier order asks for as plain elements: the web emits
// the ZStack as a one-cell grid that centres its child, like SwiftUI's
// frame, and the static layout pass lays it out like any ZStack.
func SplitBoxes(p *ir.Program) {
	// Elements first, in every view, so that an instance's view has its
	// final root when the instance's modifiers are placed.
	for _, v := range p.Views {
		v.Body = splitNodes(v.Body, false)
	}
	for _, v := range p.Views {
		v.Body = splitNodes(v.Body, true)
	}
}

// splitNodes splits the elements of ns, or with instances set the
// instances.
func splitNodes(ns []ir.Node, instances bool) []ir.Node {
	for i, n := range ns {
		switch n := n.(type) {
		case *ir.Element:
			n.Children = splitNodes(n.Children, instances)
			if !instances {
				ns[i] = split(n)
			}
		case *ir.If:
			n.Then = splitNodes(n.Then, instances)
			n.Else = splitNodes(n.Else, instances)
		case *ir.For:
			n.Body = splitNodes(n.Body, instances)
		case *ir.Instance:
			if instances {
				ns[i] = splitInstance(n)
			}
		}
	}
	return ns
}

// splitInstance does for modifiers on an instance of a view (one that was
// not inlined) what split does for an element's: they apply after those of
// the element the view renders, and from the first that does not fit that
// element's box on they go on a ZStack around the instance.
func splitInstance(in *ir.Instance) ir.Node {
	if len(in.Mods) == 0 || len(in.View.Body) != 1 {
		return in
	}
	root, ok := in.View.Body[0].(*ir.Element)
	if !ok {
		return in
	}
	own := len(root.Mods)
	all := &ir.Element{Kind: root.Kind, Mods: append(root.Mods[:own:own], in.Mods...)}
	k := ir.WrapAt(all)
	if k == 0 {
		return in
	}
	k -= own // k > own: the root's own modifiers were split already
	outer := &ir.Element{P: in.P, Kind: ir.ZStack, Mods: in.Mods[k:], Children: []ir.Node{in}, Wraps: true}
	in.Mods = in.Mods[:k:k]
	return split(outer)
}

func split(e *ir.Element) *ir.Element {
	k := ir.WrapAt(e)
	if k == 0 {
		return e
	}
	outer := &ir.Element{P: e.P, Kind: ir.ZStack, Mods: e.Mods[k:], Children: []ir.Node{e}, InlinedFrom: e.InlinedFrom, Wraps: true}
	e.Mods = e.Mods[:k:k]
	return split(outer)
}
