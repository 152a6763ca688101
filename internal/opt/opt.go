// Package opt holds the whole-program passes over the view IR, one file
// each. Run applies them in order:
//
//  1. facts (facts.go): one walk over every body records which atoms are
//     read and written; atoms never written are constants.
//  2. constants (constants.go): reads of a never-written atom whose initial
//     value is a constant become that constant, and conditions that became
//     constant are folded; conditional content whose condition is constant
//     false is dropped, so views only it renders become unreachable
//     (conditional inclusion).
//  3. inlining (inline.go): instances of small stateless views become a
//     copy of the view's body with the values passed for its props, folded
//     like the code around them.
//  4. reachability (reach.go): views, funcs, structs' methods and app-wide
//     atoms not reachable from the app's root and routes are removed (tree
//     shaking).
//  5. dead stores (deadstore.go): atoms never read are removed with their
//     writes.
//  6. props (props.go): a prop is Dynamic when some instance passes a value
//     that can change.
//  7. tracked (tracked.go): atoms that something reactive reads (render,
//     computeds, funcs they call); the others need no change propagation.
//  8. boxes (boxes.go): an element whose modifiers do not fit one box
//     (padding outside a frame, a frame or padding outside paint) gets a
//     ZStack around it that takes the outer modifiers.
//  9. static (static.go): elements whose whole subtree is static are marked
//     so targets build them once.
//
// Passes 1, 4 and 5 share the reference walk in refs.go. The whole program
// is walked five times (facts, constants, reachability, dead stores, tracked);
// props, boxes and static walk render trees only. See docs/architecture.md.
package opt

import "github.com/jepsh/jepsh/internal/ir"

// Run applies every pass to p in place.
func Run(p *ir.Program) {
	Facts(p)
	Constants(p)
	Inline(p)
	Reachability(p)
	DeadStores(p)
	Props(p)
	Tracked(p)
	SplitBoxes(p)
	MarkStatic(p)
	p.Analyzed = true
}
