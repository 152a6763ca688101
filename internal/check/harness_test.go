package check

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// app is a set of source files and an optional tokens.yml.
type app struct {
	files  map[string][]byte // name → source (.jxl)
	tokens []byte            // nil: defaults
	dense  bool              // check with the dense tables (the default), not Config.Maps
}

// modes runs f once with the Info maps and once with the dense tables.
func modes(t *testing.T, f func(t *testing.T, dense bool)) {
	for _, dense := range []bool{false, true} {
		name := "maps"
		if dense {
			name = "dense"
		}
		t.Run(name, func(t *testing.T) { f(t, dense) })
	}
}

// checkApp parses and checks an app; it returns the file set, the files,
// the info and all diagnostics (syntax, tokens, check), sorted.
func checkApp(t testing.TB, a app) (*source.FileSet, []*syntax.File, *Info, diag.List) {
	t.Helper()
	fset := source.NewFileSet()
	var all diag.List
	tokens := design.Default()
	if a.tokens != nil {
		tk, d := design.Load(fset, "tokens.yml", a.tokens)
		tokens = tk
		all = append(all, d...)
	}
	names := make([]string, 0, len(a.files))
	for n := range a.files {
		names = append(names, n)
	}
	sort.Strings(names)
	var files []*syntax.File
	for _, n := range names {
		f, d := syntax.ParseFile(fset, n, a.files[n])
		all = append(all, d...)
		files = append(files, f)
	}
	info, d := Check(fset, files, tokens, &Config{Maps: !a.dense})
	all = append(all, d...)
	all.Sort(fset)
	return fset, files, info, all
}

func formatDiags(fset *source.FileSet, l diag.List) string {
	var b bytes.Buffer
	for _, d := range l {
		p := fset.Position(d.Pos)
		fmt.Fprintf(&b, "%s:%d:%d: %s[%s]: %s", p.Filename, p.Line, p.Column, d.Severity, d.Code, d.Msg)
		if d.Hint != "" {
			fmt.Fprintf(&b, " (hint: %s)", d.Hint)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// repoRoot walks up from the package directory to the directory holding go.mod.
func repoRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// loadDir reads the .jxl files and tokens.yml of a directory.
func loadDir(t testing.TB, dir string) app {
	t.Helper()
	a := app{files: map[string][]byte{}}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		switch {
		case strings.HasSuffix(e.Name(), ".jxl"):
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			a.files[e.Name()] = b
		case e.Name() == design.FileName:
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			a.tokens = b
		}
	}
	return a
}

// TestExamples checks the example apps of the repository: they must be clean.
func TestExamples(t *testing.T) {
	root := repoRoot(t)
	dirs, _ := filepath.Glob(filepath.Join(root, "examples", "*"))
	n := 0
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		a := loadDir(t, dir)
		if len(a.files) == 0 {
			continue
		}
		n++
		t.Run(filepath.Base(dir), func(t *testing.T) {
			modes(t, func(t *testing.T, dense bool) {
				a.dense = dense
				fset, _, _, diags := checkApp(t, a)
				if len(diags) > 0 {
					t.Errorf("diagnostics:\n%s", formatDiags(fset, diags))
				}
			})
		})
	}
	if n == 0 {
		t.Fatal("no example apps found")
	}
}

// TestConcurrentChecks runs checks in parallel: the universe and the
// library tables are shared and must only be read (run with -race).
func TestConcurrentChecks(t *testing.T) {
	a := loadDir(t, filepath.Join(repoRoot(t), "examples", "todomvc"))
	done := make(chan string)
	for i := 0; i < 4; i++ {
		go func(dense bool) {
			a := a
			a.dense = dense
			fset, _, _, diags := checkApp(t, a)
			done <- formatDiags(fset, diags)
		}(i%2 == 0)
	}
	for i := 0; i < 4; i++ {
		if d := <-done; d != "" {
			t.Errorf("diagnostics:\n%s", d)
		}
	}
}
