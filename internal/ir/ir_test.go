package ir

import (
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/types"
)

func c(v any, t types.Type) *Const { return &Const{X: X{T: t}, Value: v} }

func TestDump(t *testing.T) {
	count := &Atom{Name: "count", Type: types.IntType, Init: c(int64(0), types.IntType)}
	v := &View{Name: "Counter", Atoms: []*Atom{count}}
	count.Owner = v
	read := &Ref{X: X{T: types.IntType, D: Dyn{Kind: Reactive, Atoms: []*Atom{count}}}, Sym: count}
	text := &Element{Kind: Text, Args: []*Arg{{Name: "text", Value: &Interp{X: X{T: types.StringType, D: read.D}, Parts: []Expr{read, c(" clicks", types.StringType)}}}}}
	text.Mods = []*Modifier{{Kind: Padding, Args: []*Arg{{Name: "edges", Value: c(EdgeHorizontal, types.EdgeSetType)}, {Name: "length", Value: c(8.0, types.DoubleType)}}}}
	v.Body = []Node{&Element{Kind: VStack, Children: []Node{text}}}
	got := Dump(&Program{Name: "App", Title: "T", Root: v, Views: []*View{v}})
	want := `app App title="T"
root Counter
view Counter
  atom count: Int = 0
  render
    VStack
      Text(text: ` + "`\\(count) clicks`" + `@reactive[count])
        .padding(edges: .horizontal, length: 8.0)
`
	if got != want {
		t.Errorf("Dump:\n%s\nwant:\n%s", got, want)
	}
}

func TestRewriteAndInspect(t *testing.T) {
	x := &Var{Name: "x", Type: types.IntType}
	e := &Binary{X: X{T: types.IntType}, Op: "+", L: &Ref{X: X{T: types.IntType}, Sym: x}, R: c(int64(1), types.IntType)}
	n := 0
	InspectExpr(e, func(Expr) bool { n++; return true })
	if n != 3 {
		t.Errorf("InspectExpr visited %d expressions, want 3", n)
	}
	out := RewriteExpr(e, func(e Expr) Expr {
		if r, ok := e.(*Ref); ok && r.Sym == x {
			return c(int64(41), types.IntType)
		}
		return e
	})
	b := out.(*Binary)
	if k, ok := b.L.(*Const); !ok || k.Value != int64(41) {
		t.Errorf("RewriteExpr left %T", b.L)
	}
}

func TestKinds(t *testing.T) {
	for _, name := range []string{"VStack", "Text", "Link"} {
		if k := ViewKindByName(name); k.String() != name {
			t.Errorf("ViewKindByName(%s) = %v", name, k)
		}
	}
	if !ModKindByName("className").WebOnly() || ModKindByName("padding").WebOnly() {
		t.Errorf("web-only modifiers are misclassified")
	}
	if !HtmlElement.WebOnly() || VStack.WebOnly() {
		t.Errorf("web-only views are misclassified")
	}
	if s := (Color{R: 0x3B, G: 0x82, B: 0xF6, A: 1}).Hex(); s != "#3B82F6" {
		t.Errorf("Hex = %s", s)
	}
	if s := FormatValue(2.0); s != "2.0" {
		t.Errorf("FormatValue(2.0) = %s", s)
	}
	if !strings.Contains((EdgeTop | EdgeBottom).String(), "vertical") {
		t.Errorf("EdgeSet string: %s", (EdgeTop | EdgeBottom).String())
	}
}
