package syntax_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// parseWithin parses src and fails if it takes longer than limit.
func parseWithin(t *testing.T, name string, src []byte, limit time.Duration) (*syntax.File, diag.List) {
	t.Helper()
	start := time.Now()
	f, errs := syntax.ParseFile(source.NewFileSet(), name, src)
	if d := time.Since(start); d > limit {
		t.Errorf("%s: parsing took %v, want < %v", name, d, limit)
	}
	if f == nil {
		t.Fatalf("%s: nil file", name)
	}
	// Every node must have a valid span. (Pos and End of a left-deep
	// expression walk its spine, so checking every node of a huge input
	// would be quadratic.)
	if len(src) > 1<<16 {
		return f, errs
	}
	syntax.Inspect(f, func(n syntax.Node) bool {
		if n != nil && n.End() < n.Pos() {
			t.Errorf("%s: %T has End %d < Pos %d", name, n, n.End(), n.Pos())
		}
		return true
	})
	return f, errs
}

func hasCode(errs diag.List, code diag.Code) bool {
	for _, e := range errs {
		if e.Code == code {
			return true
		}
	}
	return false
}

func TestInvalidUTF8(t *testing.T) {
	tests := []struct {
		name string
		src  string
		code diag.Code
	}{
		{"ident", "view A\xff {}\n", diag.ErrInvalidUTF8},
		{"string", "func f() { let s = \"a\xc3\" }\n", ""},
		{"comment", "// \xfe\xfe\nview A {}\n", ""},
		{"lone", "\x80", diag.ErrInvalidUTF8},
		{"nul", "view A { render { Text(\"a\")\x00 } }\n", diag.ErrInvalidChar},
		{"nul in string", "func f() { let s = \"a\x00b\" }\n", ""},
		{"control", "view\x01 A {}\n", diag.ErrInvalidChar},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := parseWithin(t, tt.name, []byte(tt.src), 10*time.Second)
			if tt.code == "" {
				if len(errs) != 0 {
					t.Errorf("unexpected errors: %v", errs.Err())
				}
			} else if !hasCode(errs, tt.code) {
				t.Errorf("want %s, got %v", tt.code, errs.Err())
			}
		})
	}
}

func TestLongLine(t *testing.T) {
	const size = 1 << 20
	tests := []struct {
		name   string
		src    []byte
		errors bool
	}{
		{"expression", []byte("func f() { let x = 1" + strings.Repeat(" + 1", size/4) + " }\n"), false},
		{"string", []byte("func f() { let x = \"" + strings.Repeat("a", size) + "\" }\n"), false},
		{"unterminated string", []byte("func f() { let x = \"" + strings.Repeat("a", size)), true},
		{"garbage", bytes.Repeat([]byte("@"), size), true},
		{"unbalanced", bytes.Repeat([]byte(")"), size), true},
		{"comment", []byte("//" + strings.Repeat("x", size) + "\nview A {}\n"), false},
		{"block comment", []byte("/*" + strings.Repeat("/*", size/2)), true},
		{"invalid utf8", bytes.Repeat([]byte{0xff}, size), true},
		{"calls", []byte("func f() { x" + strings.Repeat(".b(c)", size/5) + " }"), false},
		{"many statements", []byte("func f() { " + strings.Repeat("a;", size/2) + " }"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := parseWithin(t, tt.name, tt.src, 60*time.Second)
			if (len(errs) > 0) != tt.errors {
				t.Errorf("errors = %v, want errors: %v", errs.Err(), tt.errors)
			}
			if len(errs) > 1 {
				t.Errorf("a single line got %d errors, want at most 1", len(errs))
			}
		})
	}
}

func TestDeepNesting(t *testing.T) {
	const n = 10000
	wrap := func(open, mid, close string) []byte {
		return []byte("func f() { let x = " + strings.Repeat(open, n) + mid + strings.Repeat(close, n) + " }\n")
	}
	tests := []struct {
		name string
		src  []byte
	}{
		{"parens", wrap("(", "1", ")")},
		{"brackets", wrap("[", "1", "]")},
		{"closures", wrap("{ ", "1", " }")},
		{"closures with params", wrap("{ a in ", "a", " }")},
		{"calls", wrap("f(", "1", ")")},
		{"trailing closures", wrap("f { ", "1", " }")},
		{"subscripts", wrap("a[", "1", "]")},
		{"prefix", wrap("!", "x", "")},
		{"minus", wrap("-", "x", "")},
		{"ternary", wrap("a ? b : ", "c", "")},
		{"nil coalescing", wrap("a ?? ", "c", "")},
		{"interpolation", wrap(`"\(`, "1", `)"`)},
		{"blocks", []byte("func f() " + strings.Repeat("{ if a ", n) + strings.Repeat("}", n) + "}\n")},
		{"else if", []byte("func f() { if a {} " + strings.Repeat("else if a {} ", n) + "}\n")},
		{"types", []byte("atom a: " + strings.Repeat("[", n) + "Int" + strings.Repeat("]", n) + " = []\n")},
		{"generic types", []byte("atom a: " + strings.Repeat("Array<", n) + "Int" + strings.Repeat(">", n) + " = []\n")},
		{"func types", []byte("atom a: " + strings.Repeat("(", n) + "Int" + strings.Repeat(")", n) + " = []\n")},
		{"unclosed", []byte("func f() { let x = " + strings.Repeat("(", n))},
		{"view bodies", []byte(strings.Repeat("view A { render { ", n))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, errs := parseWithin(t, tt.name, tt.src, 60*time.Second)
			switch tt.name {
			case "unclosed", "view bodies":
				// Not too deep at any point the parser recurses.
				if len(errs) == 0 {
					t.Errorf("no errors for unclosed input")
				}
			case "nil coalescing":
				// ?? chains are parsed without recursion.
				if len(errs) != 0 {
					t.Errorf("unexpected errors: %v", errs.Err())
				}
			default:
				if !hasCode(errs, diag.ErrNestingTooDeep) {
					t.Errorf("want %s, got %v", diag.ErrNestingTooDeep, errs.Err())
				}
			}
			if false {
				t.Errorf("want %s, got %v", diag.ErrNestingTooDeep, errs.Err())
			}
			if len(f.Decls) == 0 {
				t.Errorf("no declarations")
			}
		})
	}
	// Nesting within the limit is fine.
	src := []byte("func f() { let x = " + strings.Repeat("(", 500) + "1" + strings.Repeat(")", 500) + " }\n")
	if _, errs := parseWithin(t, "500", src, 10*time.Second); len(errs) != 0 {
		t.Errorf("500 levels: %v", errs.Err())
	}
}
