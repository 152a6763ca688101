package opt

import "github.com/jepsh/jepsh/internal/ir"

// Props marks a prop Dynamic when some instance passes a value that can
// change after the instance is created: one that reads an atom, or a prop
// of the enclosing view that is itself Dynamic (so the fact flows down the
// view tree; iterated to a fixed point). Reads of other props are constant
// per instance and targets read them once.
func Props(p *ir.Program) {
	for _, v := range p.Views {
		for _, pr := range v.Props {
			pr.Dynamic = false
		}
	}
	for changed := true; changed; {
		changed = false
		for _, v := range p.Views {
			ir.WalkNodes(v.Body, func(n ir.Node) {
				in, ok := n.(*ir.Instance)
				if !ok {
					return
				}
				for _, a := range in.Props {
					if !a.Prop.Dynamic && a.Value.Dyn().Changes() {
						a.Prop.Dynamic = true
						changed = true
					}
				}
			})
		}
	}
}
