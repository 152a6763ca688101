package lower_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/lower"
	"github.com/jepsh/jepsh/internal/opt"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

var update = flag.Bool("update", false, "rewrite golden files")

// lowerArchive checks and lowers the .jxl files of an archive.
func lowerArchive(t *testing.T, ar *txtar.Archive) *ir.Program {
	t.Helper()
	fset := source.NewFileSet()
	var files []*syntax.File
	var diags diag.List
	tokens := design.Default()
	for _, f := range ar.Files {
		switch {
		case strings.HasSuffix(f.Name, ".jxl"):
			file, d := syntax.ParseFile(fset, f.Name, f.Data)
			files = append(files, file)
			diags = append(diags, d...)
		case f.Name == "tokens.yml":
			tk, d := design.Load(fset, f.Name, f.Data)
			tokens = tk
			diags = append(diags, d...)
		}
	}
	info, d := check.Check(fset, files, tokens, nil)
	diags = append(diags, d...)
	if diags.HasErrors() {
		var b bytes.Buffer
		for _, d := range diags {
			b.WriteString(fset.Position(d.Pos).String() + ": " + d.Msg + "\n")
		}
		t.Fatalf("front end:\n%s", b.String())
	}
	prog, d := lower.Lower(fset, info)
	if d.HasErrors() {
		t.Fatalf("lower: %s: %s", fset.Position(d[0].Pos), d[0].Msg)
	}
	return prog
}

// TestGolden lowers each testdata/*.txtar and compares the IR dump before
// (section "ir") and after (section "opt") the whole-program passes.
func TestGolden(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no golden files")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			prog := lowerArchive(t, ar)
			got := map[string]string{"ir": ir.Dump(prog)}
			opt.Run(prog)
			got["opt"] = ir.Dump(prog)
			if *update {
				var kept []txtar.File
				for _, f := range ar.Files {
					if _, ok := got[f.Name]; !ok {
						kept = append(kept, f)
					}
				}
				kept = append(kept, txtar.File{Name: "ir", Data: []byte(got["ir"])}, txtar.File{Name: "opt", Data: []byte(got["opt"])})
				ar.Files = kept
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, f := range ar.Files {
				if g, ok := got[f.Name]; ok && g != string(f.Data) {
					t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", f.Name, g, f.Data)
				}
				delete(got, f.Name)
			}
			for n := range got {
				t.Errorf("section %s missing (run with -update)", n)
			}
		})
	}
}

// TestRootView: an app needs something to render.
func TestRootView(t *testing.T) {
	tests := []struct {
		name, src string
		root      string // expected root view, "" for E5003
	}{
		{"one view", "view A { render { Text(\"a\") } }", "A"},
		{"app root", "view A { render { Text(\"a\") } }\nview B { render { A() } }\napp X { root: B }", "B"},
		{"two views, no app", "view A { render { Text(\"a\") } }\nview B { render { A() } }", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fset := source.NewFileSet()
			f, d := syntax.ParseFile(fset, "a.jxl", []byte(tt.src))
			info, d2 := check.Check(fset, []*syntax.File{f}, nil, nil)
			if d = append(d, d2...); d.HasErrors() {
				t.Fatalf("front end: %v", d[0].Msg)
			}
			prog, diags := lower.Lower(fset, info)
			if tt.root == "" {
				if len(diags) != 1 || diags[0].Code != diag.ErrNoRootView {
					t.Errorf("diagnostics = %v, want one %s", diags, diag.ErrNoRootView)
				}
				return
			}
			if diags.HasErrors() || prog.Root == nil || prog.Root.Name != tt.root {
				t.Errorf("root = %v (%v), want %s", prog.Root, diags, tt.root)
			}
		})
	}
}
