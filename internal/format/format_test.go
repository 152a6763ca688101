package format_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/format"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/testgen"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden formats each NAME.jxl of testdata/*.txtar and compares the
// result with NAME.golden (rewritten with -update). Every golden must be a
// fixed point, and must parse to the same tree as its input.
func TestGolden(t *testing.T) {
	archives, _ := filepath.Glob("testdata/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, path := range archives {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			golden := map[string][]byte{}
			var inputs []txtar.File
			for _, f := range ar.Files {
				if strings.HasSuffix(f.Name, ".golden") {
					golden[f.Name] = f.Data
				} else {
					inputs = append(inputs, f)
				}
			}
			out := &txtar.Archive{Comment: ar.Comment}
			for _, in := range inputs {
				got, err := format.Source(in.Data)
				if err != nil {
					t.Fatalf("%s: %v", in.Name, err)
				}
				name := strings.TrimSuffix(in.Name, ".jxl") + ".golden"
				if !*update && !bytes.Equal(golden[name], got) {
					t.Errorf("%s: output differs from the golden (go test -update, then review)\n--- got:\n%s\n--- want:\n%s", in.Name, got, golden[name])
				}
				checkFormatted(t, in.Name, in.Data, got)
				out.Files = append(out.Files, in, txtar.File{Name: name, Data: got})
			}
			if *update {
				if err := os.WriteFile(path, txtar.Format(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestGuideExamples formats the performance guide's examples.
func TestGuideExamples(t *testing.T) {
	files, _ := filepath.Glob("../syntax/testdata/guide/*.jxl")
	if len(files) == 0 {
		t.Fatal("no guide examples in ../syntax/testdata/guide")
	}
	for _, fn := range files {
		src, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		if i := bytes.Index(src, []byte("// Compiled output")); i >= 0 {
			src = src[:i] // the rest of that block is JavaScript
		}
		got, err := format.Source(src)
		if err != nil {
			t.Fatalf("%s: %v", fn, err)
		}
		checkFormatted(t, fn, src, got)
	}
}

// checkFormatted checks that out (the formatting of in) is a fixed point,
// parses without errors to a tree equal to in's, and keeps every comment.
func checkFormatted(t *testing.T, name string, in, out []byte) {
	t.Helper()
	again, err := format.Source(out)
	if err != nil {
		t.Errorf("%s: formatted output does not parse: %v\n%s", name, err, out)
		return
	}
	if !bytes.Equal(again, out) {
		t.Errorf("%s: not idempotent\n--- first:\n%s\n--- second:\n%s", name, out, again)
	}
	if d := treeDiff(in, out); d != "" {
		t.Errorf("%s: formatted output parses to a different tree: %s\n%s", name, d, out)
	}
}

// treeDiff parses a and b and describes the first difference between their
// trees (positions ignored, comments compared by text), or returns "".
func treeDiff(a, b []byte) string {
	fa, ea := syntax.ParseFile(source.NewFileSet(), "a.jxl", a)
	fb, eb := syntax.ParseFile(source.NewFileSet(), "b.jxl", b)
	if len(ea) != len(eb) {
		return fmt.Sprintf("%d vs %d syntax errors", len(ea), len(eb))
	}
	if len(fa.Comments) != len(fb.Comments) {
		return fmt.Sprintf("%d vs %d comments", len(fa.Comments), len(fb.Comments))
	}
	for i := range fa.Comments {
		if strings.TrimSpace(fa.Comments[i].Text) != strings.TrimSpace(fb.Comments[i].Text) {
			return fmt.Sprintf("comment %d: %q vs %q", i, fa.Comments[i].Text, fb.Comments[i].Text)
		}
	}
	return diffValue("File.Decls", reflect.ValueOf(fa.Decls), reflect.ValueOf(fb.Decls))
}

var (
	posType  = reflect.TypeOf(source.Pos(0))
	fileType = reflect.TypeOf((*source.File)(nil))
)

func diffValue(path string, a, b reflect.Value) string {
	if a.Kind() != b.Kind() {
		return path + ": kind differs"
	}
	switch a.Kind() {
	case reflect.Interface, reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": nil vs non-nil"
			}
			return ""
		}
		if a.Kind() == reflect.Interface && a.Elem().Type() != b.Elem().Type() {
			return fmt.Sprintf("%s: %s vs %s", path, a.Elem().Type(), b.Elem().Type())
		}
		return diffValue(path, a.Elem(), b.Elem())
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			f := a.Type().Field(i)
			if f.Type == posType || f.Type == fileType {
				continue
			}
			if d := diffValue(path+"."+f.Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
	case reflect.Slice:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d vs %d", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := diffValue(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
	case reflect.String:
		if a.String() != b.String() {
			return fmt.Sprintf("%s: %q vs %q", path, a.String(), b.String())
		}
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			return path + ": bool differs"
		}
	case reflect.Int, reflect.Uint8:
		if !a.Equal(b) {
			return fmt.Sprintf("%s: %v vs %v", path, a, b)
		}
	}
	return ""
}

func TestSourceErrors(t *testing.T) {
	if _, err := format.Source([]byte("view A {")); err == nil {
		t.Error("want an error for invalid source")
	}
	fset := source.NewFileSet()
	out, errs := format.SourceFile(fset, "x.jxl", []byte("view A { let x: Int }"))
	if len(errs) != 0 || string(out) != "view A {\n    let x: Int\n}\n" {
		t.Errorf("SourceFile = %q, %v", out, errs)
	}
}

// TestTricky checks idempotence, tree equality and comment preservation on
// inputs with comments and line breaks in awkward places.
func TestTricky(t *testing.T) {
	inputs := []string{
		"func f() {\n    let x = a /* c */ + b\n}\n",
		"func f() {\n    let x = a + // c\n        b\n}\n",
		"func f() {\n    let x = a\n        // own line\n        .b\n}\n",
		"func f() {\n    g(a, /* c */\n      b)\n}\n",
		"func f() {\n    g( // c\n        a)\n}\n",
		"func f() {\n    g(a) // c\n    { x }\n}\n",
		"func f() { /* c */ }\n",
		"func f() { // c\n}\n",
		"func f() {\n    if a { // c\n        b\n    } else { // d\n    }\n}\n",
		"view A {\n    render {\n        Text(\"a\") /* c */ .font(.title)\n    }\n}\n",
		"view A {\n    render {\n        Text(\"a\")\n            .font(.title) // c\n            .padding() /* d */\n    }\n}\n",
		"enum E { case a // c\n    case b }\n",
		"enum E { case a, /* c */ b }\n",
		"app A { root: B // c\n    route \"/\" => C /* d */ }\n",
		"/* a */ /* b */ view A {}\n",
		"view A {} // c\n// d\n",
		"func f() {\n    let x = [ // c\n        1,\n        2 // d\n    ]\n}\n",
		"func f() {\n    let x = [\"a\": 1, // c\n        \"b\": 2]\n}\n",
		"func f() {\n    x = c ? // q\n        a : b\n}\n",
		"func f() {\n    items.map { a, b /* c */ in a }\n}\n",
		"func f() {\n    items.map { (a: Int) -> Int in // c\n        a\n    }\n}\n",
		"func f(a: Int, // c\n    b: Int) {}\n",
		"struct S { let a: Int /* c */ = 1; var b = 2 }\n",
		"func f() {\n    let s = \"a\\(b /* c */)d\"\n}\n",
		"func f() {\n    return // c\n}\n",
		"func f() {\n    VStack {\n        Text(\"a\")\n    } // c\n    .padding()\n}\n",
		"func f() {\n    VStack { Text(\"a\") }.padding().font(.x)\n}\n",
		"func f() {\n    a = b\n\n\n\n    c = d\n}\n",
		"func f() {\n\n    a = b\n\n}\n",
		"func f() {\n    let x = (a\n        + b)\n}\n",
		"func f() {\n    let x = f(a)[0]\n        .b\n}\n",
		"func f() {\n    let v = Text(\"x\").a().b()\n}\n",
		"func f() {\n    Text(\"x\").a(Text(\"y\").b().c()).d()\n}\n",
	}
	for _, in := range inputs {
		out, err := format.Source([]byte(in))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		checkFormatted(t, fmt.Sprintf("%q", in), []byte(in), out)
	}
}

// TestGeneratedApp formats a generated app: idempotent, same trees.
func TestGeneratedApp(t *testing.T) {
	for name, src := range testgen.App(12) {
		out, err := format.Source(src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkFormatted(t, name, src, out)
		if !bytes.Equal(out, src) && strings.HasPrefix(name, "views/") {
			t.Errorf("%s: generated view is not in canonical form:\n%s", name, out)
		}
	}
}

// TestCommentInjection inserts a block comment, and separately a line
// comment, before every token of the test inputs and checks that the
// formatter keeps it, stays idempotent and preserves the tree.
func TestCommentInjection(t *testing.T) {
	var seeds [][]byte
	for _, glob := range []string{"testdata/*.txtar", "../syntax/testdata/parse/*.txtar"} {
		archives, _ := filepath.Glob(glob)
		for _, p := range archives {
			ar, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range ar.Files {
				if strings.HasSuffix(f.Name, ".jxl") {
					seeds = append(seeds, f.Data)
				}
			}
		}
	}
	guide, _ := filepath.Glob("../syntax/testdata/guide/*.jxl")
	for _, p := range guide {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if i := bytes.Index(src, []byte("// Compiled output")); i >= 0 {
			src = src[:i]
		}
		seeds = append(seeds, src)
	}
	seeds = append(seeds, testgen.App(2)["views/view0000.jxl"])
	if len(seeds) == 0 {
		t.Fatal("no seeds")
	}
	tried, failures := 0, 0
	for _, src := range seeds {
		var s syntax.Scanner
		s.Init(src, 1, 0, len(src), nil)
		var starts []int
		for s.Next(); s.Tok != syntax.EOF; s.Next() {
			starts = append(starts, s.Start)
		}
		starts = append(starts, len(src))
		stride := max(1, len(starts)/120) // keep the test fast on big seeds
		for k := 0; k < len(starts); k += stride {
			off := starts[k]
			for _, c := range []string{"/* c */ ", "// c\n", "\n", "\n\n", " /* a\nb */ "} {
				in := append(append(append([]byte{}, src[:off]...), c...), src[off:]...)
				if _, errs := syntax.ParseFile(source.NewFileSet(), "in.jxl", in); len(errs) > 0 {
					continue
				}
				tried++
				out, err := format.Source(in)
				if err != nil {
					t.Fatal(err)
				}
				if !formattedOK(in, out) && failures < 10 {
					failures++
					checkFormatted(t, fmt.Sprintf("comment at %d", off), in, out)
				}
			}
		}
	}
	if tried < 100 {
		t.Errorf("only %d injected inputs parsed", tried)
	}
	t.Logf("%d inputs with an injected comment", tried)
}

func formattedOK(in, out []byte) bool {
	again, err := format.Source(out)
	return err == nil && bytes.Equal(again, out) && treeDiff(in, out) == ""
}

// TestLargeInputs formats a 1 MB line and nesting close to the parser's
// limit in bounded time.
func TestLargeInputs(t *testing.T) {
	const n = 900
	inputs := map[string]string{
		"long line":     "func f() {\n    let x = 1" + strings.Repeat(" + 1", 1<<18) + "\n}\n",
		"long string":   "func f() {\n    let x = \"" + strings.Repeat("a", 1<<20) + "\"\n}\n",
		"deep parens":   "func f() {\n    let x = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + "\n}\n",
		"deep closures": "func f() {\n    let x = " + strings.Repeat("{ ", n/2) + "1" + strings.Repeat(" }", n/2) + "\n}\n",
		"deep blocks":   "func f() {\n" + strings.Repeat("if a {\n", n/2) + strings.Repeat("}\n", n/2) + "}\n",
	}
	for name, in := range inputs {
		start := time.Now()
		out, err := format.Source([]byte(in))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("%s: formatting took %v", name, d)
		}
		if again, err := format.Source(out); err != nil || !bytes.Equal(again, out) {
			t.Errorf("%s: not idempotent (%v)", name, err)
		}
	}
}
