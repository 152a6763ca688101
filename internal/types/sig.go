package types

import (
	"fmt"
	"strings"
)

// Signatures of the universe are written in a Swift-like notation and
// parsed once at init:
//
//	(_ text: String, alt: String = "", action: @action () -> Void) -> View
//
// A parameter is "label name: Type", "label: Type" (name = label) or
// "_ name: Type" (unlabeled). "= text" marks an optional parameter with its
// default value as source text; "..." after the type makes it variadic.
// @action and @builder mark closure parameters (see FuncKind). Type names
// are the basic and library types plus the type variables T, U, K, V.

// ParseSig parses a signature; it panics on malformed input (the tables are
// part of the program and tested).
func ParseSig(s string) *Func {
	p := &sigParser{src: s}
	f := p.sig()
	p.skip()
	if p.pos != len(p.src) {
		p.fail("trailing text")
	}
	return f
}

// ParseType parses a type in the signature notation.
func ParseType(s string) Type {
	p := &sigParser{src: s}
	t := p.typ()
	p.skip()
	if p.pos != len(p.src) {
		p.fail("trailing text")
	}
	return t
}

type sigParser struct {
	src string
	pos int
}

func (p *sigParser) fail(msg string) {
	panic(fmt.Sprintf("types: bad signature %q at %d: %s", p.src, p.pos, msg))
}

func (p *sigParser) skip() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
}

func (p *sigParser) peek(s string) bool {
	p.skip()
	return strings.HasPrefix(p.src[p.pos:], s)
}

func (p *sigParser) accept(s string) bool {
	if p.peek(s) {
		p.pos += len(s)
		return true
	}
	return false
}

func (p *sigParser) expect(s string) {
	if !p.accept(s) {
		p.fail("expected " + s)
	}
}

func (p *sigParser) ident() string {
	p.skip()
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			p.pos++
			continue
		}
		break
	}
	if start == p.pos {
		p.fail("expected a name")
	}
	return p.src[start:p.pos]
}

func (p *sigParser) sig() *Func {
	f := &Func{}
	p.expect("(")
	for !p.accept(")") {
		if len(f.Params) > 0 {
			p.expect(",")
		}
		f.Params = append(f.Params, p.param())
	}
	f.Result = VoidType
	if p.accept("->") {
		f.Result = p.typ()
	}
	return f
}

func (p *sigParser) param() *Param {
	prm := &Param{}
	label := p.ident()
	name := label
	if !p.peek(":") {
		name = p.ident()
	}
	p.expect(":")
	if label == "_" {
		label = ""
	}
	prm.Label, prm.Name = label, name
	kind := PlainFunc
	if p.accept("@action") {
		kind = ActionFunc
	} else if p.accept("@builder") {
		kind = BuilderFunc
	}
	prm.Type = p.typ()
	if kind != PlainFunc {
		f, ok := prm.Type.(*Func)
		if !ok {
			p.fail("@action/@builder on a non-function type")
		}
		f.Kind = kind
	}
	if p.accept("...") {
		prm.Variadic = true
		prm.Optional = true
	}
	if p.accept("=") {
		p.skip()
		start := p.pos
		depth := 0
		for p.pos < len(p.src) {
			c := p.src[p.pos]
			if c == '"' {
				p.pos++
				for p.pos < len(p.src) && p.src[p.pos] != '"' {
					p.pos++
				}
			} else if c == '(' || c == '[' {
				depth++
			} else if c == ')' || c == ']' {
				if depth == 0 {
					break
				}
				depth--
			} else if c == ',' && depth == 0 {
				break
			}
			p.pos++
		}
		prm.Default = strings.TrimSpace(p.src[start:p.pos])
		prm.Optional = true
	}
	return prm
}

func (p *sigParser) typ() Type {
	var t Type
	switch {
	case p.peek("("):
		// function type: (A, B) -> R
		p.expect("(")
		f := &Func{}
		for !p.accept(")") {
			if len(f.Params) > 0 {
				p.expect(",")
			}
			f.Params = append(f.Params, &Param{Type: p.typ()})
		}
		p.expect("->")
		f.Result = p.typ()
		t = f
	case p.accept("["):
		k := p.typ()
		if p.accept(":") {
			v := p.typ()
			t = &Dictionary{Key: k, Value: v}
		} else {
			t = &Array{Elem: k}
		}
		p.expect("]")
	default:
		name := p.ident()
		var args []Type
		if p.accept("<") {
			for {
				args = append(args, p.typ())
				if !p.accept(",") {
					break
				}
			}
			p.expect(">")
		}
		t = p.named(name, args)
	}
	for p.pos < len(p.src) && p.src[p.pos] == '?' {
		p.pos++
		t = &Optional{Elem: t}
	}
	return t
}

func (p *sigParser) named(name string, args []Type) Type {
	n := func(want int) {
		if len(args) != want {
			p.fail(fmt.Sprintf("%s takes %d type arguments", name, want))
		}
	}
	switch name {
	case "Binding":
		n(1)
		return &Binding{Elem: args[0]}
	case "KeyPath":
		n(2)
		return &KeyPath{Root: args[0], Value: args[1]}
	case "Range":
		n(1)
		return &Range{Elem: args[0]}
	case "Meta":
		n(1)
		return &Meta{Of: args[0]}
	case "T", "U", "K", "V":
		n(0)
		return typeParams[name]
	case "ColorToken":
		return &TokenRef{Section: "color"}
	case "FontToken":
		return &TokenRef{Section: "font"}
	case "SpacingToken":
		return &TokenRef{Section: "spacing"}
	case "RadiusToken":
		return &TokenRef{Section: "radius"}
	}
	n(0)
	if t, ok := typeNames[name]; ok {
		return t
	}
	p.fail("unknown type " + name)
	return nil
}

// The type variables of library signatures.
var typeParams = map[string]*TypeParam{
	"T": {Name: "T"}, "U": {Name: "U"}, "K": {Name: "K"}, "V": {Name: "V"},
}

// TypeVar returns the type variable of the given name (T, U, K or V).
func TypeVar(name string) *TypeParam { return typeParams[name] }

// Subst replaces type variables in t by their bindings in m; unbound
// variables are kept.
func Subst(t Type, m map[*TypeParam]Type) Type {
	if len(m) == 0 || t == nil {
		return t
	}
	switch x := t.(type) {
	case *TypeParam:
		if b, ok := m[x]; ok && b != nil {
			return b
		}
		return x
	case *Array:
		e := Subst(x.Elem, m)
		if e == x.Elem {
			return x
		}
		return &Array{Elem: e}
	case *Dictionary:
		k, v := Subst(x.Key, m), Subst(x.Value, m)
		if k == x.Key && v == x.Value {
			return x
		}
		return &Dictionary{Key: k, Value: v}
	case *Optional:
		e := Subst(x.Elem, m)
		if e == x.Elem {
			return x
		}
		return &Optional{Elem: e}
	case *Range:
		e := Subst(x.Elem, m)
		if e == x.Elem {
			return x
		}
		return &Range{Elem: e}
	case *Binding:
		e := Subst(x.Elem, m)
		if e == x.Elem {
			return x
		}
		return &Binding{Elem: e}
	case *KeyPath:
		return &KeyPath{Root: Subst(x.Root, m), Value: Subst(x.Value, m)}
	case *Meta:
		return &Meta{Of: Subst(x.Of, m)}
	case *Func:
		if !HasTypeParams(x) {
			return x
		}
		f := &Func{Kind: x.Kind, Result: Subst(x.Result, m)}
		f.Params = make([]*Param, len(x.Params))
		for i, prm := range x.Params {
			pt := Subst(prm.Type, m)
			if pt == prm.Type {
				f.Params[i] = prm
				continue
			}
			c := *prm
			c.Type = pt
			f.Params[i] = &c
		}
		return f
	}
	return t
}

// HasTypeParams reports whether t mentions a type variable.
func HasTypeParams(t Type) bool {
	switch x := t.(type) {
	case *TypeParam:
		return true
	case *Array:
		return HasTypeParams(x.Elem)
	case *Dictionary:
		return HasTypeParams(x.Key) || HasTypeParams(x.Value)
	case *Optional:
		return HasTypeParams(x.Elem)
	case *Range:
		return HasTypeParams(x.Elem)
	case *Binding:
		return HasTypeParams(x.Elem)
	case *KeyPath:
		return HasTypeParams(x.Root) || HasTypeParams(x.Value)
	case *Meta:
		return HasTypeParams(x.Of)
	case *Func:
		for _, p := range x.Params {
			if HasTypeParams(p.Type) {
				return true
			}
		}
		return HasTypeParams(x.Result)
	}
	return false
}

// Unify binds type variables of pattern p so that it matches t, recording
// bindings in m. It reports whether the match succeeded; a variable that is
// already bound must match identically. Optional patterns accept a
// non-optional t (the value is wrapped).
func Unify(p, t Type, m map[*TypeParam]Type) bool {
	if IsInvalid(t) {
		return true
	}
	switch x := p.(type) {
	case *TypeParam:
		if b, ok := m[x]; ok && b != nil {
			return Identical(b, t) || Assignable(t, b)
		}
		if t == NilType {
			return false
		}
		m[x] = t
		return true
	case *Array:
		y, ok := t.(*Array)
		return ok && Unify(x.Elem, y.Elem, m)
	case *Dictionary:
		y, ok := t.(*Dictionary)
		return ok && Unify(x.Key, y.Key, m) && Unify(x.Value, y.Value, m)
	case *Optional:
		if y, ok := t.(*Optional); ok {
			return Unify(x.Elem, y.Elem, m)
		}
		if t == NilType {
			return true
		}
		return Unify(x.Elem, t, m)
	case *Range:
		y, ok := t.(*Range)
		return ok && Unify(x.Elem, y.Elem, m)
	case *Binding:
		y, ok := t.(*Binding)
		return ok && Unify(x.Elem, y.Elem, m)
	case *KeyPath:
		y, ok := t.(*KeyPath)
		return ok && Unify(x.Root, y.Root, m) && Unify(x.Value, y.Value, m)
	case *Meta:
		y, ok := t.(*Meta)
		return ok && Unify(x.Of, y.Of, m)
	case *Func:
		y, ok := t.(*Func)
		if !ok || len(x.Params) != len(y.Params) {
			return false
		}
		for i := range x.Params {
			if !Unify(x.Params[i].Type, y.Params[i].Type, m) {
				return false
			}
		}
		return Unify(result(x), result(y), m)
	}
	return Assignable(t, p)
}
