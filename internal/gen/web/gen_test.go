package web_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"
	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/gen/web"
	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/lower"
	"github.com/jepsh/jepsh/internal/opt"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

var update = flag.Bool("update", false, "rewrite golden files")

// compile runs the front end, lowering, the passes and the generator over
// the .jxl files (and tokens.yml) of an archive.
func compile(t *testing.T, ar *txtar.Archive) (*ir.Program, *web.Output) {
	t.Helper()
	return compileWith(t, ar, nil)
}

// compileWith is compile with a checker configuration (Dense: the checker
// keeps its node facts in position-indexed tables; lowering must read them
// the same way).
func compileWith(t *testing.T, ar *txtar.Archive, conf *check.Config) (*ir.Program, *web.Output) {
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
	if diags.HasErrors() {
		t.Fatalf("front end: %s", format(fset, diags))
	}
	info, d := check.Check(fset, files, tokens, conf)
	if d.HasErrors() {
		t.Fatalf("check: %s", format(fset, d))
	}
	prog, d := lower.Lower(fset, info)
	if d.HasErrors() {
		t.Fatalf("lower: %s", format(fset, d))
	}
	opt.Run(prog)
	out, err := web.Generate(prog, web.Options{SourceMaps: true})
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	return prog, out
}

func format(fset *source.FileSet, l diag.List) string {
	var b bytes.Buffer
	for _, d := range l {
		b.WriteString(fset.Position(d.Pos).String() + ": " + string(d.Code) + ": " + d.Msg + "\n")
	}
	return b.String()
}

// stripMaps removes inline source maps (checked separately) from a module.
func stripMaps(b []byte) string {
	s := string(b)
	if i := strings.Index(s, "//# sourceMappingURL="); i >= 0 {
		s = s[:i]
	}
	return s
}

// TestGolden compiles every testdata/*.txtar and compares the generated
// modules and CSS with the archive's expected files (output/...). Each
// module must also parse as JavaScript (esbuild transform).
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
			_, out := compile(t, ar)
			_, dense := compileWith(t, ar, &check.Config{Dense: true})
			for name, data := range out.Files {
				if string(dense.Files[name]) != string(data) {
					t.Errorf("%s differs when the checker runs with Dense tables", name)
				}
			}
			got := map[string]string{}
			for name, data := range out.Files {
				got["output/"+name] = stripMaps(data)
				if strings.HasSuffix(name, ".js") {
					res := api.Transform(string(data), api.TransformOptions{Loader: api.LoaderJS, Format: api.FormatESModule, Sourcefile: name})
					for _, m := range res.Errors {
						t.Errorf("%s does not parse: %s (line %d)\n%s", name, m.Text, lineOf(m), data)
					}
				}
			}
			if *update {
				var kept []txtar.File
				for _, f := range ar.Files {
					if !strings.HasPrefix(f.Name, "output/") {
						kept = append(kept, f)
					}
				}
				names := make([]string, 0, len(got))
				for n := range got {
					names = append(names, n)
				}
				sort.Strings(names)
				for _, n := range names {
					kept = append(kept, txtar.File{Name: n, Data: []byte(got[n])})
				}
				ar.Files = kept
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := map[string]string{}
			for _, f := range ar.Files {
				if strings.HasPrefix(f.Name, "output/") {
					want[f.Name] = string(f.Data)
				}
			}
			for n, w := range want {
				if g, ok := got[n]; !ok {
					t.Errorf("%s: not generated", n)
				} else if g != w {
					t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", n, g, w)
				}
			}
			for n := range got {
				if _, ok := want[n]; !ok {
					t.Errorf("%s: generated but not in the golden file (run with -update)", n)
				}
			}
		})
	}
}

func lineOf(m api.Message) int {
	if m.Location != nil {
		return m.Location.Line
	}
	return 0
}
