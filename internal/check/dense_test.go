package check

import (
	"sync"
	"testing"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// TestConcurrentReaders reads one Info from several goroutines at once
// through the accessors: they must not write the tables (run with -race),
// and every goroutine must see the same facts as the maps.
func TestConcurrentReaders(t *testing.T) {
	files := genApp(20)
	fset := source.NewFileSet()
	pf := parseAll(t, fset, files)
	info, d := Check(fset, pf, design.Default(), nil)
	minfo, md := Check(fset, pf, design.Default(), &Config{Maps: true})
	if len(d)+len(md) > 0 {
		t.Fatalf("diagnostics: %d, %d", len(d), len(md))
	}
	if len(minfo.Calls) == 0 || len(minfo.Types) == 0 {
		t.Fatal("the maps are empty with Config.Maps")
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e, want := range minfo.Calls {
				if got := info.CallOf(e); got == nil || got.Kind != want.Kind || got.Sig.String() != want.Sig.String() {
					t.Errorf("CallOf(%s) = %v, want kind %d", exprName(e.Fun), got, want.Kind)
				}
			}
			for e, want := range minfo.Types {
				if got := info.TypeAndValueOf(e); got.Type != want.Type && (got.Type == nil || want.Type == nil || got.Type.String() != want.Type.String()) {
					t.Errorf("TypeAndValueOf at %d = %v, want %v", e.Pos(), got.Type, want.Type)
				}
				if !info.HasType(e) {
					t.Errorf("HasType at %d = false", e.Pos())
				}
			}
			n := 0
			info.EachDeps(func(syntax.Node, *DepSet) { n++ })
			if n == 0 || n != len(nonEmpty(minfo.Deps)) {
				t.Errorf("EachDeps visited %d nodes, the map has %d", n, len(nonEmpty(minfo.Deps)))
			}
		}()
	}
	wg.Wait()
}

func nonEmpty(m map[syntax.Node]*DepSet) map[syntax.Node]*DepSet {
	out := map[syntax.Node]*DepSet{}
	for n, s := range m {
		if s != nil {
			out[n] = s
		}
	}
	return out
}
