package ir

import (
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/types"
)

// A copy shares nothing that a pass may change with the original, renames
// the variables declared inside it and keeps references to those outside.
func TestCloner(t *testing.T) {
	outer := &Var{Name: "outer"}
	item := &Var{Name: "item"}
	param := &Var{Name: "e"}
	atom := &Atom{Name: "items"}
	ref := func(v *Var) *Ref { return &Ref{X: X{T: types.IntType}, Sym: v} }
	text := &Element{Kind: Text, Args: []*Arg{{Name: "text", Value: &Field{Y: ref(item), Name: "name"}}}}
	handler := &Closure{Params: []*Var{param}, Action: true, Body: &Block{Stmts: []Stmt{
		&ExprStmt{X: &CallValue{Fn: ref(outer), Args: []Expr{ref(param)}}},
	}}}
	orig := []Node{&For{
		Var:  item,
		Seq:  &Ref{X: X{D: Dyn{Kind: Reactive, Atoms: []*Atom{atom}}}, Sym: atom},
		Key:  []string{"id"},
		Body: []Node{&Element{Kind: Button, Args: []*Arg{{Name: "action", Value: handler}}, Children: []Node{text}}},
	}}
	before := Dump(&Program{Views: []*View{{Name: "V", Body: orig}}})

	renamed := map[string]bool{}
	c := &Cloner{NewVar: func(v *Var) *Var {
		renamed[v.Name] = true
		return &Var{Name: v.Name + "2", Type: v.Type}
	}}
	cp := c.Nodes(orig)
	after := Dump(&Program{Views: []*View{{Name: "V", Body: cp}}})
	if !renamed["item"] || !renamed["e"] || renamed["outer"] {
		t.Errorf("renamed %v, want item and e only", renamed)
	}
	for _, want := range []string{"for item2 in", "item2.name", "outer(e2)"} {
		if !strings.Contains(after, want) {
			t.Errorf("copy lacks %q:\n%s", want, after)
		}
	}

	// Change the copy everywhere a pass could.
	f := cp[0].(*For)
	f.Key[0] = "changed"
	f.Seq.(*Ref).D.Atoms[0] = &Atom{Name: "other"}
	b := f.Body[0].(*Element)
	b.Static = true
	b.Args[0].Value.(*Closure).Body.Stmts[0] = &Return{}
	b.Children[0].(*Element).Args[0].Value = &Const{Value: "x"}
	if got := Dump(&Program{Views: []*View{{Name: "V", Body: orig}}}); got != before {
		t.Errorf("changing the copy changed the original:\n%s\nwant:\n%s", got, before)
	}
	if orig[0].(*For).Key[0] != "id" || orig[0].(*For).Seq.(*Ref).D.Atoms[0] != atom {
		t.Error("the copy shares the key path or the dependencies with the original")
	}
}
