package check

import (
	"go/constant"
	"strings"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// checkApp checks the app declaration: root, title, notFound and routes.
func (c *checker) checkApp(o *types.Object) {
	d := o.Decl.(*syntax.AppDecl)
	ai := &AppInfo{Obj: o, Decl: d}
	c.info.App = ai
	u := c.newUnit(nil, nil, regionInit, "app '", o.Name, "'")
	x := &ctx{u: u, region: regionInit}
	seenField := map[string]bool{}
	seenPath := map[string]*syntax.RouteDecl{}
	for _, m := range d.Members {
		switch m := m.(type) {
		case *syntax.AppField:
			name := m.Name.Name
			if seenField[name] {
				c.errorNode(m.Name, diag.BadApp, "app field '%s' is given twice", name)
			}
			seenField[name] = true
			switch name {
			case "root", "notFound":
				v, _ := c.routeTarget(x, m.Value, nil)
				if name == "root" {
					ai.Root = v
				} else {
					ai.NotFound = v
				}
			case "title":
				op := c.assign(x, m.Value, types.StringType, "app title")
				if op.val != nil {
					ai.Title = constantString(op.val)
				} else if !types.IsInvalid(op.t) {
					c.errorNode(m.Value, diag.BadApp, "app title must be a constant string")
				}
			default:
				c.errorNode(m.Name, diag.BadApp, "unknown app field '%s'", name).Hint = "app fields are root, title and notFound; routes are written route \"/path\" => View"
			}
		case *syntax.RouteDecl:
			r := &Route{Decl: m}
			path := ""
			if m.Path != nil && m.Path.Kind == syntax.StringLit {
				path = m.Path.Value
				c.setType(m.Path, TypeAndValue{Type: types.StringType})
			}
			r.Path = path
			if !strings.HasPrefix(path, "/") {
				c.errorNode(m.Path, diag.BadApp, "route path %q must start with /", path)
			}
			if prev := seenPath[path]; prev != nil {
				c.errorNode(m.Path, diag.BadApp, "route %q is declared twice", path)
			}
			seenPath[path] = m
			var params []string
			for _, seg := range strings.Split(path, "/") {
				if strings.HasPrefix(seg, ":") {
					name := seg[1:]
					if name == "" || !isIdent(name) {
						c.errorNode(m.Path, diag.BadApp, "route parameter %q is not a name", seg)
						continue
					}
					params = append(params, name)
				}
			}
			v, call := c.routeTarget(x, m.Target, params)
			r.View, r.Call = v, call
			if v != nil {
				vs := c.views[v]
				for _, pn := range params {
					p := vs.members[pn]
					if p == nil || p.Kind != types.PropObj {
						c.errorNode(m.Path, diag.BadApp, "route parameter ':%s' names no prop of view '%s'", pn, v.Name).Hint = "declare it in the view: let " + pn + ": String"
						continue
					}
					if !routeParamType(c.objType(p)) {
						c.errorNode(m.Path, diag.BadApp, "route parameter ':%s' cannot be converted to prop type '%s'", pn, p.Type).Hint = "route parameters fill Int, Double, String, Bool or String-backed enum props"
						continue
					}
					r.Params = append(r.Params, RouteParam{Name: pn, Prop: p})
				}
			}
			ai.Routes = append(ai.Routes, r)
		}
	}
	if ai.Root == nil && len(ai.Routes) == 0 {
		c.errorNode(d.Name, diag.BadApp, "app '%s' has no root view and no routes", o.Name).Hint = "add root: SomeView"
	}
}

func constantString(v constant.Value) string {
	if v.Kind() == constant.String {
		return constant.StringVal(v)
	}
	return v.ExactString()
}

func routeParamType(t types.Type) bool {
	switch t := t.(type) {
	case *types.Basic:
		return t.Kind == types.Int || t.Kind == types.Double || t.Kind == types.String || t.Kind == types.Bool
	case *types.Enum:
		return t.Raw == types.StringType
	}
	return types.IsInvalid(t)
}

func isIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch == '_' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || i > 0 && ch >= '0' && ch <= '9') {
			return false
		}
	}
	return s != ""
}

// routeTarget checks a root/notFound/route target: a view name or a call of
// a view. Props named in params are supplied by the route.
func (c *checker) routeTarget(x *ctx, e syntax.Expr, params []string) (*types.Object, *syntax.CallExpr) {
	var id *syntax.Ident
	var call *syntax.CallExpr
	switch t := e.(type) {
	case *syntax.Ident:
		id = t
	case *syntax.CallExpr:
		call = t
		id, _ = t.Fun.(*syntax.Ident)
	}
	if id == nil {
		c.errorNode(e, diag.BadApp, "expected a view name or a view call here")
		return nil, nil
	}
	o := c.pkg[id.Name]
	if o == nil || o.Kind != types.ViewObj {
		if o == nil {
			c.unknownView(x, id)
		} else {
			c.errorNode(id, diag.BadApp, "'%s' is a %s, not a view", id.Name, o.Kind)
		}
		return nil, nil
	}
	c.setUse(id, o)
	c.setType(id, TypeAndValue{Type: c.metaOf(o)})
	supplied := map[string]bool{}
	for _, p := range params {
		supplied[p] = true
	}
	all := c.viewParams(o)
	var ps []*types.Param
	for _, p := range all {
		if supplied[p.Name] {
			cp := *p
			cp.Optional = true
			p = &cp
		}
		ps = append(ps, p)
	}
	callee := calleeName{pre: "view '", name: o.Name, post: "'"}
	if call == nil {
		for _, p := range ps {
			if !p.Optional {
				c.errorNode(id, diag.MissingArgument, "missing required prop '%s' (of type '%s') of view '%s'", p.Name, p.Type, o.Name).Hint = "call the view with it: " + o.Name + "(" + p.Name + ": ...)"
				break
			}
		}
		return o, nil
	}
	bound, extra, ok := c.match(call, ps, callee, "prop", true)
	if !ok {
		return o, call
	}
	r := c.checkArgs(x, call, &types.Func{Params: all, Result: types.ViewType}, bound, extra, nil, callee, false)
	c.setCall(call, c.newCall(Call{Kind: CallUserView, Obj: o, Sig: r.sig, Args: bound}))
	c.setType(call, TypeAndValue{Type: types.ViewType})
	return o, call
}
