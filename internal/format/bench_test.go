package format_test

import (
	"sort"
	"testing"

	"github.com/jepsh/jepsh/internal/format"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/testgen"
)

// BenchmarkFormat prints the parsed files of a generated 1,000-view app
// (about 100,000 lines); parsing is outside the timed loop.
func BenchmarkFormat(b *testing.B) {
	app := testgen.App(1000)
	names := make([]string, 0, len(app))
	for name := range app {
		names = append(names, name)
	}
	sort.Strings(names)
	fset := source.NewFileSet()
	var files []*syntax.File
	size := 0
	for _, name := range names {
		f, errs := syntax.ParseFile(fset, name, app[name])
		if len(errs) > 0 {
			b.Fatal(errs.Err())
		}
		files = append(files, f)
		size += len(app[name])
	}
	lines := testgen.Lines(app)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			format.File(f)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
