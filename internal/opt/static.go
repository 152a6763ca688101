package opt

import "github.com/jepsh/jepsh/internal/ir"

// MarkStatic sets Element.Static on elements whose arguments, modifiers and
// children are all constant, with no handlers or bindings: targets build
// such subtrees once (the web target puts them in a template and never
// touches them again; design guide §3.4 "static nodes are never diffed").
func MarkStatic(p *ir.Program) {
	for _, v := range p.Views {
		markNodes(v.Body)
	}
}

func markNodes(ns []ir.Node) bool {
	all := true
	for _, n := range ns {
		switch n := n.(type) {
		case *ir.Element:
			n.Static = markNodes(n.Children) && staticArgs(n.Args)
			for _, m := range n.Mods {
				if !staticArgs(m.Args) {
					n.Static = false
				}
			}
			if !n.Static {
				all = false
			}
		case *ir.If:
			markNodes(n.Then)
			markNodes(n.Else)
			all = false
		case *ir.For:
			markNodes(n.Body)
			all = false
		default:
			all = false
		}
	}
	return all
}

func staticArgs(as []*ir.Arg) bool {
	for _, a := range as {
		if _, ok := a.Value.(*ir.Const); !ok {
			return false
		}
	}
	return true
}
