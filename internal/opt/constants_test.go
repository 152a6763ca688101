package opt

import (
	"math"
	"testing"

	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/types"
)

func k(v any) *ir.Const {
	var t types.Type
	switch v.(type) {
	case int64:
		t = types.IntType
	case float64:
		t = types.DoubleType
	case string:
		t = types.StringType
	case bool:
		t = types.BoolType
	}
	return &ir.Const{X: ir.X{T: t}, Value: v}
}

func TestFold(t *testing.T) {
	dyn := &ir.Ref{X: ir.X{T: types.BoolType, D: ir.Dyn{Kind: ir.Reactive}}, Sym: &ir.Atom{Name: "x"}}
	tests := []struct {
		name string
		in   ir.Expr
		want any // nil: not folded
	}{
		{"int add", &ir.Binary{Op: "+", L: k(int64(2)), R: k(int64(3))}, int64(5)},
		{"int mul", &ir.Binary{Op: "*", L: k(int64(6)), R: k(int64(7))}, int64(42)},
		{"int overflow stays", &ir.Binary{Op: "+", L: k(int64(math.MaxInt64)), R: k(int64(1))}, nil},
		{"mul overflow stays", &ir.Binary{Op: "*", L: k(int64(math.MaxInt64)), R: k(int64(2))}, nil},
		{"double", &ir.Binary{Op: "-", L: k(2.5), R: k(0.5)}, 2.0},
		{"concat", &ir.Binary{Op: "+", L: k("a"), R: k("b")}, "ab"},
		{"and false", &ir.Binary{Op: "&&", L: dyn, R: k(false)}, false},
		{"or true", &ir.Binary{Op: "||", L: k(true), R: dyn}, true},
		{"not", &ir.Unary{Op: "!", Y: k(true)}, false},
		{"eq", &ir.Binary{Op: "==", L: k("a"), R: k("a")}, true},
		{"ne", &ir.Binary{Op: "!=", L: k(int64(1)), R: k(int64(1))}, false},
		{"dynamic", &ir.Binary{Op: "+", L: dyn, R: k(int64(1))}, nil},
		{"int lt", &ir.Binary{Op: "<", L: k(int64(0)), R: k(int64(3))}, true},
		{"int ge", &ir.Binary{Op: ">=", L: k(int64(2)), R: k(int64(3))}, false},
		{"double le", &ir.Binary{Op: "<=", L: k(1.5), R: k(1.5)}, true},
		{"nan stays", &ir.Binary{Op: "<", L: k(math.NaN()), R: k(1.0)}, nil},
		{"string gt", &ir.Binary{Op: ">", L: k("b"), R: k("a")}, true},
		{"mixed stays", &ir.Binary{Op: "<", L: k(int64(1)), R: k(2.0)}, nil},
		{"dynamic lt", &ir.Binary{Op: "<", L: dyn, R: k(int64(1))}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fold(tt.in)
			c, ok := got.(*ir.Const)
			if tt.want == nil {
				if ok {
					t.Errorf("folded to %v, want no folding", c.Value)
				}
				return
			}
			if !ok || c.Value != tt.want {
				t.Errorf("fold = %#v, want %v", got, tt.want)
			}
		})
	}
}

// A conditional with a constant condition is replaced by the branch taken.
func TestPruneNodes(t *testing.T) {
	a := &ir.Element{Kind: ir.Text}
	b := &ir.Element{Kind: ir.Divider}
	nodes := []ir.Node{&ir.If{Cond: k(false), Then: []ir.Node{a}, Else: []ir.Node{b}}, &ir.If{Cond: k(true), Then: []ir.Node{a}}}
	got := pruneNodes(nodes)
	if len(got) != 2 || got[0] != b || got[1] != a {
		t.Errorf("pruneNodes = %v", got)
	}
}
