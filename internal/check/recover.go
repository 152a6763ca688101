package check

import (
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// typeUnreached gives the invalid type to the expressions the check did not
// reach because an enclosing construct was rejected (the arguments of a
// call of an unknown view, the value of an unknown app field, ...), so that
// every expression has a type even in a program with errors. It runs only
// when there are errors: in a clean program the check reaches everything.
func (c *checker) typeUnreached(files []*syntax.File) {
	labels := map[*syntax.Ident]bool{}
	for _, f := range files {
		syntax.Inspect(f, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.Arg:
				if n.Label != nil {
					labels[n.Label] = true
				}
			case *syntax.Param:
				if n.Label != nil {
					labels[n.Label] = true
				}
			case *syntax.AppField:
				labels[n.Name] = true
			case *syntax.NamedType:
				labels[n.Name] = true
			case *syntax.SelectorExpr:
				labels[n.Sel] = true
			case *syntax.ImplicitMemberExpr:
				labels[n.Name] = true
			case *syntax.KeyPathExpr:
				for _, id := range n.Path {
					labels[id] = true
				}
			}
			e, ok := n.(syntax.Expr)
			if !ok || c.info.HasType(e) {
				return true
			}
			if id, ok := e.(*syntax.Ident); ok && (labels[id] || c.info.DefOf(id) != nil) {
				return true
			}
			c.setType(e, TypeAndValue{Type: types.InvalidType})
			return true
		})
	}
}
