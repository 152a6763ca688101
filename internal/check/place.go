package check

import (
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// checkPlace checks that e (already type-checked) is a mutable place:
// the target of an assignment, the receiver of a mutating method or the
// operand of $. It reports let/prop/computed targets and records atom
// writes, enforcing the region's rules. verb is "assign to" or "mutate".
// It returns the root object (nil if e is not a place).
func (c *checker) checkPlace(x *ctx, e syntax.Expr, at source.Pos, verb string) *types.Object {
	cur := e
	for {
		switch n := cur.(type) {
		case *syntax.ParenExpr:
			cur = n.X
			continue
		case *syntax.ForceUnwrapExpr:
			cur = n.X
			continue
		case *syntax.SubscriptExpr:
			cur = n.X
			continue
		case *syntax.SelectorExpr:
			sel := c.info.SelectionOf(n)
			if sel == nil {
				return nil // an error was reported
			}
			if sel.Kind != SelField {
				c.errorNode(n.Sel, diag.NotAssignable, "cannot %s '%s': it is a read-only property", verb, n.Sel.Name)
				return nil
			}
			if !sel.Obj.Mutable {
				d := c.errorNode(n.Sel, diag.AssignToLet, "cannot %s field '%s': it is a 'let' constant", verb, n.Sel.Name)
				d.Hint = "declare it with 'var' in struct '" + sel.Obj.Owner.Name + "'"
				return nil
			}
			cur = n.X
			continue
		case *syntax.Ident:
			o := c.info.UseOf(n)
			if o == nil {
				return nil
			}
			return c.checkRoot(x, o, n, e, verb)
		default:
			c.errorNode(e, diag.NotAssignable, "cannot %s this expression: it is not a variable", verb)
			return nil
		}
	}
}

func (c *checker) checkRoot(x *ctx, o *types.Object, id *syntax.Ident, whole syntax.Expr, verb string) *types.Object {
	switch o.Kind {
	case types.AtomObj:
		c.noteWrite(x, o, whole)
		return o
	case types.ComputedObj:
		c.errorNode(id, diag.NotAssignable, "cannot %s computed '%s': computeds are derived and read-only", verb, o.Name).Hint = "write the atoms it is computed from instead"
	case types.PropObj:
		c.errorNode(id, diag.AssignToProp, "cannot %s prop '%s'; props are read-only", verb, o.Name).Hint = "keep changing values in an atom of the view"
	case types.LocalObj:
		if !o.Mutable {
			c.errorNode(id, diag.AssignToLet, "cannot %s '%s': it is a 'let' constant", verb, o.Name).Hint = "declare it with 'var'"
			return nil
		}
		if x.region == regionRender {
			c.errorNode(whole, diag.WriteInRender, "cannot %s '%s' in render", verb, o.Name)
		}
		return o
	case types.ParamObj:
		c.errorNode(id, diag.AssignToLet, "cannot %s parameter '%s': parameters are constants", verb, o.Name).Hint = "copy it into a local: var " + o.Name + " = " + o.Name
	case types.SelfObj:
		if whole == syntax.Expr(id) && verb != "mutate" {
			// self.f() may call a mutating method; self = v and $self are
			// not supported.
			c.errorNode(id, diag.NotAssignable, "cannot %s 'self' as a whole", verb).Hint = "assign its fields one by one"
			return nil
		}
		if !o.Mutable {
			c.errorNode(id, diag.MutatingOnValue, "cannot %s a field of 'self' in a non-mutating method", verb).Hint = "mark the method 'mutating'"
			return nil
		}
		return o
	case types.FieldObj:
		if !o.Mutable {
			c.errorNode(id, diag.AssignToLet, "cannot %s field '%s': it is a 'let' constant", verb, o.Name).Hint = "declare it with 'var' in struct '" + o.Owner.Name + "'"
			return nil
		}
		if !x.mutating {
			c.errorNode(id, diag.MutatingOnValue, "cannot %s field '%s' in a non-mutating method", verb, o.Name).Hint = "mark the method 'mutating'"
			return nil
		}
		return o
	default:
		c.errorNode(id, diag.NotAssignable, "cannot %s %s '%s'", verb, o.Kind, o.Name)
	}
	return nil
}

// noteWrite records a write of atom o, or reports it when the region
// forbids writes.
func (c *checker) noteWrite(x *ctx, o *types.Object, at syntax.Node) {
	switch x.region {
	case regionComputed:
		d := c.errorNode(at, diag.WriteInComputed, "cannot write atom '%s' in %s", o.Name, x.u.what())
		d.Hint = "computeds only derive values; write atoms in a func or an event handler"
	case regionInit:
		c.errorNode(at, diag.WriteInComputed, "cannot write atom '%s' in the %s", o.Name, x.u.what())
	case regionRender:
		d := c.errorNode(at, diag.WriteInRender, "cannot write atom '%s' in render", o.Name)
		d.Hint = "move the write into an event handler: Button(...) { ... }, .onTapGesture { ... } or .on(...) { ... }"
	default:
		if x.u.writes == nil {
			x.u.writes = c.objSlice(4)
		}
		x.u.writes = append(x.u.writes, o)
	}
}
