package syntax_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// TestWalkOrder walks the parse goldens' inputs: nodes come in source
// order (pre-order positions never decrease), every Inspect call on a node
// is matched by a call with nil, and every node type is visited somewhere.
func TestWalkOrder(t *testing.T) {
	archives, _ := filepath.Glob("testdata/parse/*.txtar")
	seen := map[string]bool{}
	for _, path := range archives {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if filepath.Ext(f.Name) != ".jxl" {
				continue
			}
			file, errs := syntax.ParseFile(source.NewFileSet(), f.Name, f.Data)
			if len(errs) > 0 {
				t.Fatalf("%s: %v", f.Name, errs.Err())
			}
			last := source.NoPos
			depth := 0
			// A closure's body block starts at the closure's '{', before the
			// parameters; its statements still come in order.
			closureBodies := map[*syntax.BlockStmt]bool{}
			syntax.Inspect(file, func(n syntax.Node) bool {
				if n == nil {
					depth--
					return false
				}
				depth++
				seen[fmt.Sprintf("%T", n)] = true
				if c, ok := n.(*syntax.ClosureExpr); ok {
					closureBodies[c.Body] = true
				}
				if b, ok := n.(*syntax.BlockStmt); ok && closureBodies[b] {
					return true
				}
				if _, isFile := n.(*syntax.File); !isFile {
					if n.Pos() < last {
						t.Errorf("%s: %T at %d visited after position %d", f.Name, n, n.Pos(), last)
					}
					last = n.Pos()
				}
				return true
			})
			if depth != 0 {
				t.Errorf("%s: %d unmatched Visit(nil) calls", f.Name, depth)
			}
		}
	}
	for _, typ := range []string{
		"*syntax.File", "*syntax.ViewDecl", "*syntax.StructDecl", "*syntax.EnumDecl", "*syntax.EnumCase",
		"*syntax.FuncDecl", "*syntax.Param", "*syntax.AtomDecl", "*syntax.PropDecl", "*syntax.RenderDecl",
		"*syntax.LifecycleDecl", "*syntax.AppDecl", "*syntax.AppField", "*syntax.RouteDecl",
		"*syntax.NamedType", "*syntax.ArrayType", "*syntax.DictType", "*syntax.OptionalType", "*syntax.FuncType",
		"*syntax.BlockStmt", "*syntax.DeclStmt", "*syntax.AssignStmt", "*syntax.ExprStmt", "*syntax.IfStmt",
		"*syntax.OptionalBinding", "*syntax.ForStmt", "*syntax.WhileStmt", "*syntax.ReturnStmt", "*syntax.BranchStmt",
		"*syntax.Ident", "*syntax.BasicLit", "*syntax.StringExpr", "*syntax.ArrayLit", "*syntax.DictLit",
		"*syntax.ParenExpr", "*syntax.UnaryExpr", "*syntax.BinaryExpr", "*syntax.TernaryExpr", "*syntax.SelectorExpr",
		"*syntax.ImplicitMemberExpr", "*syntax.CallExpr", "*syntax.Arg", "*syntax.SubscriptExpr",
		"*syntax.ForceUnwrapExpr", "*syntax.ClosureExpr", "*syntax.BindingExpr", "*syntax.KeyPathExpr",
	} {
		if !seen[typ] {
			t.Errorf("Walk never visited a %s", typ)
		}
	}
}

// TestWalkBadNodes walks trees with Bad nodes of every kind.
func TestWalkBadNodes(t *testing.T) {
	src := "1\nview A { 2\n render { f(,) } }\nfunc g(a: ) {}\napp X { 3 }\n"
	file, errs := syntax.ParseFile(source.NewFileSet(), "bad.jxl", []byte(src))
	if len(errs) == 0 {
		t.Fatal("want errors")
	}
	seen := map[string]bool{}
	syntax.Inspect(file, func(n syntax.Node) bool {
		if n != nil {
			seen[fmt.Sprintf("%T", n)] = true
		}
		return true
	})
	for _, typ := range []string{"*syntax.BadDecl", "*syntax.BadMember", "*syntax.BadExpr", "*syntax.BadType"} {
		if !seen[typ] {
			t.Errorf("no %s in the tree", typ)
		}
	}
}
