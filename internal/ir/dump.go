package ir

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jepsh/jepsh/internal/source"
)

// Dump prints the program in a stable, readable form for golden tests and
// debugging. Expressions show their reactivity when it is not Static:
// `count@reactive[count]`, `title@props[title]`.
func Dump(p *Program) string {
	d := &dumper{fset: p.Fset}
	d.program(p)
	return d.b.String()
}

type dumper struct {
	b     strings.Builder
	fset  *source.FileSet
	depth int
}

func (d *dumper) line(format string, args ...any) {
	for range d.depth {
		d.b.WriteString("  ")
	}
	fmt.Fprintf(&d.b, format, args...)
	d.b.WriteByte('\n')
}

func (d *dumper) pos(p source.Pos) string {
	if d.fset == nil || !p.IsValid() {
		return ""
	}
	pp := d.fset.Position(p)
	return fmt.Sprintf(" @%d:%d", pp.Line, pp.Column)
}

func (d *dumper) program(p *Program) {
	if p.Name != "" {
		d.line("app %s title=%q", p.Name, p.Title)
	}
	if p.Root != nil {
		d.line("root %s", p.Root.Name)
	}
	for _, r := range p.Routes {
		s := fmt.Sprintf("route %q => %s", r.Path, r.View.Name)
		for _, pa := range r.Params {
			s += fmt.Sprintf(" :%s %s", pa.Name, pa.Type)
		}
		for _, a := range r.Args {
			s += fmt.Sprintf(" %s=%s", a.Prop.Name, d.expr(a.Value))
		}
		d.line("%s", s)
	}
	for _, a := range p.Atoms {
		d.atom(a)
	}
	for _, s := range p.Structs {
		d.line("struct %s", s.Name)
		d.depth++
		for _, f := range s.Fields {
			kw := "let"
			if f.Var {
				kw = "var"
			}
			if f.Default != nil {
				d.line("%s %s: %s = %s", kw, f.Name, f.Type, d.expr(f.Default))
			} else {
				d.line("%s %s: %s", kw, f.Name, f.Type)
			}
		}
		for _, m := range s.Methods {
			d.fn(m)
		}
		d.depth--
	}
	for _, e := range p.Enums {
		var cs []string
		for _, c := range e.Cases {
			cs = append(cs, c.Name+"="+FormatValue(c.CaseValue()))
		}
		d.line("enum %s {%s}", e.Name, strings.Join(cs, ", "))
		d.depth++
		for _, m := range e.Methods {
			d.fn(m)
		}
		d.depth--
	}
	for _, f := range p.Funcs {
		d.fn(f)
	}
	for _, v := range p.Views {
		d.view(v)
	}
}

func (d *dumper) view(v *View) {
	d.line("view %s%s", v.Name, d.pos(v.P))
	d.depth++
	if v.WebOnly != nil {
		d.line("web-only: %s", v.WebOnly.What)
	}
	for _, p := range v.Props {
		s := fmt.Sprintf("prop %s: %s", p.Name, p.Type)
		if p.Default != nil {
			s += " = " + d.expr(p.Default)
		}
		if p.Dynamic {
			s += " (dynamic)"
		}
		d.line("%s", s)
	}
	for _, a := range v.Atoms {
		d.atom(a)
	}
	for _, f := range v.Funcs {
		d.fn(f)
	}
	if v.OnMount != nil {
		d.line("onMount")
		d.block(v.OnMount)
	}
	if v.OnUnmount != nil {
		d.line("onUnmount")
		d.block(v.OnUnmount)
	}
	d.line("render")
	d.depth++
	d.nodes(v.Body)
	d.depth--
	d.depth--
}

func (d *dumper) atom(a *Atom) {
	flags := ""
	if a.Written {
		flags += " written"
	}
	if a.Read {
		flags += " read"
	}
	if a.Tracked {
		flags += " tracked"
	}
	if a.Computed {
		var deps []string
		for _, x := range a.Deps {
			deps = append(deps, x.Name)
		}
		d.line("computed %s: %s deps[%s]%s", a.Name, a.Type, strings.Join(deps, " "), flags)
		d.block(a.Body)
		return
	}
	d.line("atom %s: %s = %s%s", a.Name, a.Type, d.expr(a.Init), flags)
}

func (d *dumper) fn(f *Func) {
	var ps []string
	for i, p := range f.Params {
		s := p.Name + ": " + p.Type.String()
		if i < len(f.Defaults) && f.Defaults[i] != nil {
			s += " = " + d.expr(f.Defaults[i])
		}
		ps = append(ps, s)
	}
	res := ""
	if f.Result != nil {
		res = " -> " + f.Result.String()
	}
	kw := "func"
	if f.Mutating {
		kw = "mutating func"
	}
	d.line("%s %s(%s)%s", kw, f.Name, strings.Join(ps, ", "), res)
	d.block(f.Body)
}

func (d *dumper) nodes(ns []Node) {
	for _, n := range ns {
		d.node(n)
	}
}

func (d *dumper) node(n Node) {
	switch n := n.(type) {
	case *Element:
		name := n.Kind.String()
		if n.Kind == HtmlElement {
			name = "Html." + n.Tag
		}
		s := name + d.args(n.Args)
		if n.Static {
			s += " static"
		}
		d.line("%s%s", s, d.pos(n.P))
		d.depth++
		d.mods(n.Mods)
		d.nodes(n.Children)
		d.depth--
	case *Instance:
		var ps []string
		for _, a := range n.Props {
			ps = append(ps, a.Prop.Name+": "+d.expr(a.Value))
		}
		d.line("%s(%s)%s", n.View.Name, strings.Join(ps, ", "), d.pos(n.P))
		d.depth++
		d.mods(n.Mods)
		d.depth--
	case *If:
		if n.Bind != nil {
			d.line("if let %s = %s", d.v(n.Bind), d.expr(n.Cond))
		} else {
			d.line("if %s", d.expr(n.Cond))
		}
		d.depth++
		d.nodes(n.Then)
		d.depth--
		if n.Else != nil {
			d.line("else")
			d.depth++
			d.nodes(n.Else)
			d.depth--
		}
	case *For:
		key := "index"
		if n.Range {
			key = "value"
		} else if len(n.Key) > 0 {
			key = "\\." + strings.Join(n.Key, ".")
		}
		d.line("for %s in %s key=%s", d.v(n.Var), d.expr(n.Seq), key)
		d.depth++
		d.nodes(n.Body)
		d.depth--
	case *Let:
		d.line("let %s = %s", d.v(n.Var), d.expr(n.Value))
	default:
		d.line("?node %T", n)
	}
}

func (d *dumper) mods(ms []*Modifier) {
	for _, m := range ms {
		d.line(".%s%s", m.Kind, d.args(m.Args))
	}
}

func (d *dumper) args(as []*Arg) string {
	if len(as) == 0 {
		return ""
	}
	var ss []string
	for _, a := range as {
		ss = append(ss, a.Name+": "+d.expr(a.Value))
	}
	return "(" + strings.Join(ss, ", ") + ")"
}

func (d *dumper) v(v *Var) string {
	if v == nil {
		return "_"
	}
	return v.Name
}

func (d *dumper) block(b *Block) {
	if b == nil {
		return
	}
	d.depth++
	for _, s := range b.Stmts {
		d.stmt(s)
	}
	d.depth--
}

func (d *dumper) stmt(s Stmt) {
	switch s := s.(type) {
	case *Block:
		d.line("do")
		d.block(s)
	case *Local:
		kw := "let"
		if s.Var.Mutable {
			kw = "var"
		}
		if s.Value == nil {
			d.line("%s %s: %s", kw, s.Var.Name, s.Var.Type)
		} else {
			d.line("%s %s = %s", kw, s.Var.Name, d.expr(s.Value))
		}
	case *Assign:
		d.line("%s %s %s", d.expr(s.Place), s.Op, d.expr(s.Value))
	case *ExprStmt:
		d.line("%s", d.expr(s.X))
	case *IfStmt:
		if s.Bind != nil {
			d.line("if let %s = %s", s.Bind.Name, d.expr(s.Cond))
		} else {
			d.line("if %s", d.expr(s.Cond))
		}
		d.block(s.Then)
		switch e := s.Else.(type) {
		case *Block:
			d.line("else")
			d.block(e)
		case *IfStmt:
			d.line("else")
			d.depth++
			d.stmt(e)
			d.depth--
		}
	case *ForStmt:
		d.line("for %s in %s", d.v(s.Var), d.expr(s.Seq))
		d.block(s.Body)
	case *While:
		d.line("while %s", d.expr(s.Cond))
		d.block(s.Body)
	case *Return:
		if s.Value == nil {
			d.line("return")
		} else {
			d.line("return %s", d.expr(s.Value))
		}
	case *Branch:
		if s.Continue {
			d.line("continue")
		} else {
			d.line("break")
		}
	default:
		d.line("?stmt %T", s)
	}
}

// expr prints an expression on one line; the outermost expression shows its
// reactivity.
func (d *dumper) expr(e Expr) string {
	if e == nil {
		return "<nil>"
	}
	s := d.e(e)
	dy := e.Dyn()
	if dy.Kind != Static {
		var deps []string
		for _, a := range dy.Atoms {
			deps = append(deps, a.Name)
		}
		for _, p := range dy.Props {
			deps = append(deps, "prop "+p.Name)
		}
		sort.Strings(deps)
		s += "@" + dy.Kind.String() + "[" + strings.Join(deps, " ") + "]"
	}
	return s
}

func (d *dumper) list(es []Expr) string {
	var ss []string
	for _, e := range es {
		ss = append(ss, d.e(e))
	}
	return strings.Join(ss, ", ")
}

func (d *dumper) e(e Expr) string {
	switch e := e.(type) {
	case *Const:
		return FormatValue(e.Value)
	case *Ref:
		switch s := e.Sym.(type) {
		case *Atom:
			if s.Owner == nil {
				return "$" + s.Name
			}
			return s.Name
		case *Prop:
			return "props." + s.Name
		case *Var:
			return s.Name
		case *Func:
			return "func " + s.Name
		}
		return fmt.Sprintf("?ref %T", e.Sym)
	case *Unary:
		return e.Op + d.e(e.Y)
	case *Binary:
		return "(" + d.e(e.L) + " " + e.Op + " " + d.e(e.R) + ")"
	case *Range:
		op := "..<"
		if e.Closed {
			op = "..."
		}
		return "(" + d.e(e.Lo) + op + d.e(e.Hi) + ")"
	case *Cond:
		return "(" + d.e(e.Cond) + " ? " + d.e(e.Then) + " : " + d.e(e.Else) + ")"
	case *Interp:
		var b strings.Builder
		b.WriteString("`")
		for _, p := range e.Parts {
			if c, ok := p.(*Const); ok {
				if s, ok := c.Value.(string); ok {
					q := strconv.Quote(s)
					b.WriteString(q[1 : len(q)-1])
					continue
				}
			}
			b.WriteString("\\(" + d.e(p) + ")")
		}
		b.WriteString("`")
		return b.String()
	case *Field:
		op := "."
		if e.Optional {
			op = "?."
		}
		return d.e(e.Y) + op + e.Name
	case *Index:
		return d.e(e.Y) + "[" + d.e(e.Index) + "]"
	case *Unwrap:
		return d.e(e.Y) + "!"
	case *Call:
		s := e.Func.Name + "(" + d.list(e.Args) + ")"
		if e.Recv != nil {
			op := "."
			if e.Optional {
				op = "?."
			}
			s = d.e(e.Recv) + op + s
		}
		return s
	case *CallValue:
		return d.e(e.Fn) + "(" + d.list(e.Args) + ")"
	case *Lib:
		s := "lib:" + e.Name
		if !e.Property {
			var as []string
			for i, a := range e.Args {
				l := ""
				if i < len(e.Labels) && e.Labels[i] != "" {
					l = e.Labels[i] + ": "
				}
				as = append(as, l+d.e(a))
			}
			s += "(" + strings.Join(as, ", ") + ")"
		}
		if e.Recv != nil {
			op := "."
			if e.Optional {
				op = "?."
			}
			s = d.e(e.Recv) + op + s
		}
		if e.Mutating {
			s += "!mut"
		}
		return s
	case *ArrayLit:
		return "[" + d.list(e.Elems) + "]"
	case *DictLit:
		if len(e.Keys) == 0 {
			return "[:]"
		}
		var ss []string
		for i := range e.Keys {
			ss = append(ss, d.e(e.Keys[i])+": "+d.e(e.Values[i]))
		}
		return "[" + strings.Join(ss, ", ") + "]"
	case *StructLit:
		var ss []string
		for i, f := range e.Fields {
			ss = append(ss, e.Struct.Fields[i].Name+": "+d.e(f))
		}
		return e.Struct.Name + "(" + strings.Join(ss, ", ") + ")"
	case *Closure:
		var ps []string
		for _, p := range e.Params {
			ps = append(ps, p.Name)
		}
		kw := "closure"
		if e.Action {
			kw = "action"
		}
		var body []string
		for _, s := range e.Body.Stmts {
			sub := &dumper{fset: nil}
			sub.stmt(s)
			body = append(body, strings.TrimSpace(strings.ReplaceAll(sub.b.String(), "\n", "; ")))
		}
		return kw + "{" + strings.Join(ps, ", ") + " in " + strings.Join(body, "; ") + "}"
	case *Bind:
		return "$" + d.e(e.Place)
	case *KeyPath:
		return "\\." + strings.Join(e.Path, ".")
	}
	return fmt.Sprintf("?expr %T", e)
}
