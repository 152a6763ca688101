package opt

import "github.com/jepsh/jepsh/internal/ir"

// SplitBoxes puts a one-child ZStack around each element whose modifiers do
// not fit one box (ir.WrapAt: a padding after a frame, a frame or padding
// after paint) and moves the modifiers from the split on to it, repeating
// until each box takes its modifiers in order. Every target then sees the
// boxes SwiftUI's modifier order asks for as plain elements: the web emits
// the ZStack as a one-cell grid that centres its child, like SwiftUI's
// frame, and the static layout pass lays it out like any ZStack.
func SplitBoxes(p *ir.Program) {
	for _, v := range p.Views {
		v.Body = splitNodes(v.Body)
	}
}

func splitNodes(ns []ir.Node) []ir.Node {
	for i, n := range ns {
		switch n := n.(type) {
		case *ir.Element:
			n.Children = splitNodes(n.Children)
			ns[i] = split(n)
		case *ir.If:
			n.Then = splitNodes(n.Then)
			n.Else = splitNodes(n.Else)
		case *ir.For:
			n.Body = splitNodes(n.Body)
		}
	}
	return ns
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
