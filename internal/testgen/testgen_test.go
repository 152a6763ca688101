package testgen_test

import (
	"bytes"
	"sort"
	"testing"

	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/testgen"
)

func TestAppParses(t *testing.T) {
	files := testgen.App(25)
	if len(files) != 27 {
		t.Fatalf("got %d files, want 27", len(files))
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	fset := source.NewFileSet()
	views := 0
	for _, name := range names {
		f, errs := syntax.ParseFile(fset, name, files[name])
		if len(errs) > 0 {
			var b bytes.Buffer
			diag.Print(&b, fset, errs)
			t.Errorf("%s:\n%s", name, b.String())
		}
		for _, d := range f.Decls {
			if _, ok := d.(*syntax.ViewDecl); ok {
				views++
			}
		}
	}
	if views != 25 {
		t.Errorf("got %d views, want 25", views)
	}
	if lines := testgen.Lines(files); lines < 25*90 || lines > 25*130 {
		t.Errorf("got %d lines for 25 views, want about 100 per view", lines)
	}
}

// TestAppChecks: the generated app is a valid program, so benchmarks of the
// checker and the build measure the work of a real app, not error paths.
func TestAppChecks(t *testing.T) {
	for _, n := range []int{1, 2, 25} {
		files := testgen.App(n)
		names := make([]string, 0, len(files))
		for name := range files {
			names = append(names, name)
		}
		sort.Strings(names)
		fset := source.NewFileSet()
		var parsed []*syntax.File
		for _, name := range names {
			f, errs := syntax.ParseFile(fset, name, files[name])
			if len(errs) > 0 {
				t.Fatalf("App(%d): %s does not parse", n, name)
			}
			parsed = append(parsed, f)
		}
		_, errs := check.Check(fset, parsed, nil, nil)
		if len(errs) > 0 {
			var b bytes.Buffer
			diag.Print(&b, fset, errs)
			t.Errorf("App(%d) does not check:\n%s", n, b.String())
		}
	}
}
