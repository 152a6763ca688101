package web_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"
	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/gen/web"
	"github.com/jepsh/jepsh/internal/lower"
	"github.com/jepsh/jepsh/internal/opt"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// TestCheckerGuideExamples compiles the checker's design-guide programs
// (valid JXL written by someone else, with the guide's own shapes) through
// lowering, the passes and the generator: no internal errors, and every
// module parses.
func TestCheckerGuideExamples(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "check", "testdata", "guide", "*.txtar"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "check", "testdata", "golden", "*.txtar"))
	paths = append(paths, more...)
	if len(paths) == 0 {
		t.Fatal("no guide examples in internal/check/testdata/guide")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fset := source.NewFileSet()
			var files []*syntax.File
			tokens := design.Default()
			for _, f := range ar.Files {
				switch {
				case strings.HasSuffix(f.Name, ".jxl"):
					file, d := syntax.ParseFile(fset, f.Name, f.Data)
					if d.HasErrors() {
						t.Skip("the example does not parse (an error test)")
					}
					files = append(files, file)
				case f.Name == "tokens.yml":
					tokens, _ = design.Load(fset, f.Name, f.Data)
				}
			}
			info, d := check.Check(fset, files, tokens, nil)
			if d.HasErrors() {
				t.Skip("the example has check errors (an error test)")
			}
			prog, d := lower.Lower(fset, info)
			if len(d) == 1 && d[0].Code == diag.ErrNoRootView {
				// A library of views without an app: render the last one.
				prog.Root = prog.Views[len(prog.Views)-1]
				d = nil
			}
			if d.HasErrors() {
				t.Fatalf("lower: %s: %s", fset.Position(d[0].Pos), d[0].Msg)
			}
			opt.Run(prog)
			out, err := web.Generate(prog, web.Options{SourceMaps: true})
			if err != nil {
				t.Fatalf("generate: %v", err)
			}
			for name, data := range out.Files {
				if !strings.HasSuffix(name, ".js") {
					continue
				}
				res := api.Transform(string(data), api.TransformOptions{Loader: api.LoaderJS, Format: api.FormatESModule})
				for _, m := range res.Errors {
					t.Errorf("%s does not parse: %s\n%s", name, m.Text, data)
				}
			}
		})
	}
}
