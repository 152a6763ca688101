package lower

import (
	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

var viewKinds = map[types.ViewID]ir.ViewKind{
	types.ViewVStack: ir.VStack, types.ViewHStack: ir.HStack, types.ViewZStack: ir.ZStack,
	types.ViewSpacer: ir.Spacer, types.ViewText: ir.Text, types.ViewButton: ir.Button,
	types.ViewTextField: ir.TextField, types.ViewToggle: ir.Toggle, types.ViewImage: ir.Image,
	types.ViewScrollView: ir.ScrollView, types.ViewList: ir.List, types.ViewDivider: ir.Divider,
	types.ViewLink: ir.Link,
}

var modKinds = map[types.ModifierID]ir.ModKind{
	types.ModPadding: ir.Padding, types.ModFrame: ir.Frame, types.ModFont: ir.FontMod,
	types.ModForegroundColor: ir.ForegroundColor, types.ModBackgroundColor: ir.BackgroundColor,
	types.ModCornerRadius: ir.CornerRadius, types.ModBorder: ir.Border, types.ModOpacity: ir.Opacity,
	types.ModDisabled: ir.Disabled, types.ModOnTapGesture: ir.OnTapGesture, types.ModTestID: ir.TestID,
	types.ModHidden: ir.Hidden, types.ModClassName: ir.ClassName, types.ModID: ir.IDMod,
	types.ModAttr: ir.Attr, types.ModOn: ir.On, types.ModStyle: ir.Style,
}

// render lowers builder content.
func (l *lowerer) render(stmts []syntax.Stmt) []ir.Node {
	var out []ir.Node
	for _, s := range stmts {
		out = append(out, l.renderStmt(s)...)
	}
	return out
}

func (l *lowerer) renderStmt(s syntax.Stmt) []ir.Node {
	switch s := s.(type) {
	case *syntax.ExprStmt:
		call, ok := s.X.(*syntax.CallExpr)
		if !ok {
			l.fail(s.Pos(), "only views can appear in render content")
		}
		return l.viewCall(call)
	case *syntax.IfStmt:
		n := &ir.If{P: s.Pos()}
		if ob, ok := s.Cond.(*syntax.OptionalBinding); ok {
			n.Bind = l.newVar(l.info.DefOf(ob.Name))
			if ob.Value != nil {
				n.Cond = l.expr(ob.Value)
			} else {
				n.Cond = l.expr(ob.Name)
			}
			l.varDyn[n.Bind] = n.Cond.Dyn()
		} else {
			n.Cond = l.expr(s.Cond.(syntax.Expr))
		}
		n.Then = l.render(s.Then.Stmts)
		switch e := s.Else.(type) {
		case *syntax.BlockStmt:
			n.Else = l.render(e.Stmts)
		case *syntax.IfStmt:
			n.Else = l.renderStmt(e)
		}
		return []ir.Node{n}
	case *syntax.ForStmt:
		v := l.newVar(l.info.DefOf(s.Var))
		seq := l.expr(s.Seq)
		return []ir.Node{l.forNode(s.Pos(), v, seq, nil, s.Body.Stmts)}
	case *syntax.DeclStmt:
		v := l.newVar(l.info.DefOf(s.Name))
		val := l.expr(s.Value)
		l.varDyn[v] = val.Dyn()
		return []ir.Node{&ir.Let{P: s.Pos(), Var: v, Value: val}}
	case *syntax.BlockStmt:
		return l.render(s.Stmts)
	}
	l.fail(s.Pos(), "statement %T is not allowed in render content", s)
	return nil
}

// forNode builds a keyed list. The key is the key path given (id: \.id),
// else the element's `id` field when it has one, else the index; an
// integer range is keyed by value.
func (l *lowerer) forNode(pos source.Pos, v *ir.Var, seq ir.Expr, key []string, body []syntax.Stmt) *ir.For {
	n := &ir.For{P: pos, Var: v, Seq: seq, Key: key}
	if _, ok := seq.(*ir.Range); ok {
		n.Range = true
	} else if key == nil {
		if at, ok := seq.Type().(*types.Array); ok {
			if st, ok := at.Elem.(*types.Struct); ok {
				for _, f := range st.Fields {
					if f.Name == "id" && types.Hashable(f.Type) {
						n.Key = []string{"id"}
					}
				}
			} else if types.Hashable(at.Elem) {
				// Arrays of plain values are keyed by index (values may repeat).
			}
		}
	}
	if v != nil {
		d := seq.Dyn()
		l.varDyn[v] = d
	}
	n.Body = l.render(body)
	return n
}

// viewCall lowers a view expression: a built-in view, an Html element or a
// user view, with its modifier chain.
func (l *lowerer) viewCall(e *syntax.CallExpr) []ir.Node {
	c := l.info.CallOf(e)
	if c == nil {
		l.fail(e.Pos(), "unresolved view")
	}
	switch c.Kind {
	case check.CallModifier:
		inner, ok := c.Recv.(*syntax.CallExpr)
		if !ok {
			l.fail(e.Pos(), "a modifier must follow a view")
		}
		nodes := l.viewCall(inner)
		mod := l.modifier(e, c)
		for _, n := range nodes {
			switch n := n.(type) {
			case *ir.Element:
				n.Mods = append(n.Mods, mod)
			case *ir.Instance:
				n.Mods = append(n.Mods, mod)
			case *ir.For:
				// A modifier on ForEach applies to each row's root.
				for _, b := range n.Body {
					if el, ok := b.(*ir.Element); ok {
						el.Mods = append(el.Mods, mod)
					}
				}
			}
		}
		return nodes
	case check.CallBuiltinView:
		return l.builtinView(e, c)
	case check.CallHtml:
		el := &ir.Element{P: e.Pos(), Kind: ir.HtmlElement, Tag: c.Tag}
		for _, a := range c.Attrs {
			el.Args = append(el.Args, &ir.Arg{Name: a.Label.Name, Value: l.expr(a.Value)})
		}
		if cl := contentClosure(e, c); cl != nil {
			el.Children = l.render(cl.Body.Stmts)
		}
		if l.view != nil && l.view.WebOnly == nil {
			l.view.WebOnly = &ir.WebOnlyUse{P: e.Pos(), What: "Html." + c.Tag}
		}
		return []ir.Node{el}
	case check.CallUserView:
		v, _ := l.syms[c.Obj].(*ir.View)
		if v == nil {
			l.fail(e.Pos(), "unresolved view %s", c.Obj.Name)
		}
		in := &ir.Instance{P: e.Pos(), View: v}
		for i, a := range c.Args {
			if a == nil || i >= len(v.Props) {
				continue
			}
			in.Props = append(in.Props, &ir.PropArg{Prop: v.Props[i], Value: l.argExpr(a.Value, c.Sig, i)})
		}
		return []ir.Node{in}
	}
	l.fail(e.Pos(), "not a view")
	return nil
}

// contentClosure finds the builder closure of a call: the "content" or
// "label" argument, or the trailing closure.
func contentClosure(e *syntax.CallExpr, c *check.Call) *syntax.ClosureExpr {
	if c.Sig != nil {
		for i, p := range c.Sig.Params {
			if (p.Name == "content" || p.Name == "label") && i < len(c.Args) && c.Args[i] != nil {
				if ft, ok := p.Type.(*types.Func); ok && ft.Kind == types.BuilderFunc {
					if cl, ok := c.Args[i].Value.(*syntax.ClosureExpr); ok {
						return cl
					}
				}
			}
		}
	}
	if c.Kind == check.CallHtml && len(e.Trailing) > 0 {
		if cl, ok := e.Trailing[0].Value.(*syntax.ClosureExpr); ok {
			return cl
		}
	}
	return nil
}

func (l *lowerer) builtinView(e *syntax.CallExpr, c *check.Call) []ir.Node {
	id := c.View.ID
	vals, names, _ := l.args(c)
	arg := func(name string) ir.Expr {
		for i, n := range names {
			if n == name {
				return vals[i]
			}
		}
		return nil
	}
	if id == types.ViewForEach || id == types.ViewList {
		cl := contentClosure(e, c)
		var v *ir.Var
		var body []syntax.Stmt
		if cl != nil {
			if len(cl.Params) > 0 && cl.Params[0].Name.Name != "_" {
				v = l.newVar(l.info.DefOf(cl.Params[0].Name))
			}
			body = cl.Body.Stmts
		}
		var key []string
		if kp, ok := arg("id").(*ir.KeyPath); ok {
			key = kp.Path
		}
		f := l.forNode(e.Pos(), v, arg("data"), key, body)
		if id == types.ViewForEach {
			return []ir.Node{f}
		}
		return []ir.Node{&ir.Element{P: e.Pos(), Kind: ir.List, Children: []ir.Node{f}}}
	}
	kind, ok := viewKinds[id]
	if !ok {
		l.fail(e.Pos(), "view %s is not supported", c.View.Name)
	}
	el := &ir.Element{P: e.Pos(), Kind: kind}
	for i, v := range vals {
		if v == nil {
			continue
		}
		switch names[i] {
		case "content", "label":
			if _, isClosure := v.(*ir.Closure); isClosure {
				continue
			}
		case "title":
			// Button("OK"), Link("Home", to:): the title is a Text child.
			el.Children = append(el.Children, &ir.Element{P: v.Pos(), Kind: ir.Text, Args: []*ir.Arg{{Name: "text", Value: v}}})
			continue
		}
		el.Args = append(el.Args, &ir.Arg{Name: names[i], Value: v})
	}
	if cl := contentClosure(e, c); cl != nil {
		el.Children = append(el.Children, l.render(cl.Body.Stmts)...)
	}
	return []ir.Node{el}
}

func (l *lowerer) modifier(e *syntax.CallExpr, c *check.Call) *ir.Modifier {
	kind, ok := modKinds[c.Modifier.ID]
	if !ok {
		l.fail(e.Pos(), "modifier %s is not supported", c.Modifier.Name)
	}
	pos := e.Pos()
	if s, ok := e.Fun.(*syntax.SelectorExpr); ok {
		pos = s.Sel.Pos()
	}
	m := &ir.Modifier{P: pos, Kind: kind}
	vals, names, _ := l.args(c)
	for i, v := range vals {
		if v != nil {
			m.Args = append(m.Args, &ir.Arg{Name: names[i], Value: v})
		}
	}
	if kind.WebOnly() && l.view != nil && l.view.WebOnly == nil {
		l.view.WebOnly = &ir.WebOnlyUse{P: pos, What: "." + c.Modifier.Name}
	}
	return m
}
