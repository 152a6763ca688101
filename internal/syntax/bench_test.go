package syntax_test

import (
	"sort"
	"testing"

	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/testgen"
)

// BenchmarkParse parses a generated app of 1,000 views (about 100,000
// lines) per iteration and reports lines/s.
func BenchmarkParse(b *testing.B) {
	files := testgen.App(1000)
	names := make([]string, 0, len(files))
	size := 0
	for name, src := range files {
		names = append(names, name)
		size += len(src)
	}
	sort.Strings(names)
	lines := testgen.Lines(files)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		fset := source.NewFileSet()
		for _, name := range names {
			if _, errs := syntax.ParseFile(fset, name, files[name]); len(errs) > 0 {
				b.Fatal(errs.Err())
			}
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
	// On a shared machine wall time includes waiting for a CPU; lines per
	// CPU-second (this process's user+system time, GC included) is the
	// per-core throughput.
	if cpu > 0 {
		b.ReportMetric(float64(lines)*float64(b.N)/cpu.Seconds(), "lines/cpu-s")
	}
}
