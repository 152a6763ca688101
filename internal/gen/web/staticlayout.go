package web

import "github.com/jepsh/jepsh/internal/ir"

// StaticLayout is the build-time layout of static subtrees
// (internal/staticlayout): for an element of a pre-computed subtree, the
// declarations that pin its computed box (size, text style, containment on
// the subtree root), appended after the element's own static style.
type StaticLayout interface {
	ElementCSS(e *ir.Element) []string
}

// layoutCSS returns the pre-computed layout's declarations for e.
func (g *gen) layoutCSS(e *ir.Element) []string {
	if g.opts.Layout == nil {
		return nil
	}
	return g.opts.Layout.ElementCSS(e)
}
