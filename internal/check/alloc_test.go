package check

import (
	"runtime"
	"testing"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/source"
)

// TestCheckAllocations keeps the checker's allocations per source line of
// the generated app under a ceiling, in both modes, so that a change that
// makes the collector's work grow shows up as a failing test rather than
// as a slower benchmark on a noisy machine. Raise a ceiling only with a
// reason.
func TestCheckAllocations(t *testing.T) {
	tests := []struct {
		dense         bool
		allocs, bytes float64 // per line
	}{
		{dense: false, allocs: 1.4, bytes: 700},
		{dense: true, allocs: 1.4, bytes: 640},
	}
	files := genApp(200)
	lines := float64(countLines(files))
	fset := source.NewFileSet()
	pf := parseAll(t, fset, files)
	tokens := design.Default()
	for _, tt := range tests {
		name := "maps"
		if tt.dense {
			name = "dense"
		}
		t.Run(name, func(t *testing.T) {
			conf := &Config{Maps: !tt.dense}
			run := func() {
				if _, d := Check(fset, pf, tokens, conf); len(d) > 0 {
					t.Fatal(d[0].Msg)
				}
			}
			allocs := testing.AllocsPerRun(2, run) / lines
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			run()
			runtime.ReadMemStats(&m1)
			bytes := float64(m1.TotalAlloc-m0.TotalAlloc) / lines
			t.Logf("%.2f allocations and %.0f bytes per line", allocs, bytes)
			if allocs > tt.allocs {
				t.Errorf("%.2f allocations per line, want at most %.2f", allocs, tt.allocs)
			}
			if bytes > tt.bytes {
				t.Errorf("%.0f bytes allocated per line, want at most %.0f", bytes, tt.bytes)
			}
		})
	}
}
