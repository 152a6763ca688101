package check

import (
	"math/rand"
	"path/filepath"
	"sort"
	"testing"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// TestRobust checks mutated sources (truncated, lines and bytes deleted or
// swapped): the checker must not panic on broken trees, whatever it reports.
func TestRobust(t *testing.T) {
	var srcs [][]byte
	for _, dir := range []string{"errors", "guide", "golden"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
		for _, f := range files {
			_, a, _ := readArchive(t, f)
			var names []string
			for n := range a.files {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				srcs = append(srcs, a.files[n])
			}
		}
	}
	if len(srcs) == 0 {
		t.Fatal("no sources")
	}
	const punct = "{}()[].,:=$\\?!\"x0 \n"
	rng := rand.New(rand.NewSource(1))
	n := 3000
	if testing.Short() {
		n = 100
	}
	for i := 0; i < n; i++ {
		src := append([]byte(nil), srcs[rng.Intn(len(srcs))]...)
		switch rng.Intn(4) {
		case 0: // truncate
			src = src[:rng.Intn(len(src)+1)]
		case 1: // delete a range
			a := rng.Intn(len(src) + 1)
			b := a + rng.Intn(40)
			if b > len(src) {
				b = len(src)
			}
			src = append(src[:a], src[b:]...)
		case 2: // duplicate a range
			a := rng.Intn(len(src) + 1)
			b := a + rng.Intn(80)
			if b > len(src) {
				b = len(src)
			}
			src = append(src[:b], append(append([]byte(nil), src[a:b]...), src[b:]...)...)
		case 3: // overwrite bytes with punctuation
			for k := 0; k < 5 && len(src) > 0; k++ {
				src[rng.Intn(len(src))] = punct[rng.Intn(len(punct))]
			}
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panic on mutated source %d: %v\n%s", i, r, src)
				}
			}()
			fset := source.NewFileSet()
			f, _ := syntax.ParseFile(fset, "m.jxl", src)
			Check(fset, []*syntax.File{f}, design.Default(), &Config{Maps: i%2 == 0})
		}()
	}
}
