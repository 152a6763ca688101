package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jepsh/jepsh/internal/source"
)

func sameFiles(t *testing.T, what string, got, want *Result) {
	t.Helper()
	if got.Failed() || want.Failed() {
		t.Fatalf("%s: failed: %v / %v", what, got.Diagnostics.Err(), want.Diagnostics.Err())
	}
	if len(got.Files) != len(want.Files) {
		t.Fatalf("%s: %d files, want %d", what, len(got.Files), len(want.Files))
	}
	for i := range got.Files {
		if got.Files[i].Name != want.Files[i].Name || !bytes.Equal(got.Files[i].Data, want.Files[i].Data) {
			t.Errorf("%s: %s differs from a fresh bundle's %s", what, got.Files[i].Name, want.Files[i].Name)
		}
	}
}

// An incremental bundle is byte for byte a fresh bundle, through edits,
// added fonts (new entry points: a new context) and back.
func TestIncremental(t *testing.T) {
	var inc Incremental
	defer inc.Close()
	gen, rt := loadCase(t, "routes.txtar")
	opts := Options{Runtime: rt}
	steps := []struct {
		name   string
		change func(g *Generated)
		runs   int
	}{
		{"first", func(g *Generated) {}, 1},
		{"again", func(g *Generated) {}, 1},
		{"edit a route", func(g *Generated) {
			g.Files["route-about.js"] = bytes.Replace(g.Files["route-about.js"], []byte("about-marker"), []byte("about-edited"), 1)
		}, 1},
		{"remove a route", func(g *Generated) {
			g.Files["main.js"] = bytes.Replace(g.Files["main.js"], []byte(`route("/about", () => import("./route-about.js")),`), nil, 1)
		}, 1},
		{"add a font", func(g *Generated) { g.Fonts = []Font{{Family: "F", Data: []byte("wOF2")}} }, 2},
		{"edit with the font", func(g *Generated) {
			g.Files["route-home.js"] = bytes.Replace(g.Files["route-home.js"], []byte("home-marker"), []byte("home-edited"), 1)
		}, 2},
		{"dev", func(g *Generated) {}, 3},
	}
	for _, st := range steps {
		st.change(gen)
		if st.name == "dev" {
			opts.Dev = true
		}
		// Each step gets its own copy: the incremental bundler must not keep
		// pointers into inputs that later change.
		g := *gen
		g.Files = map[string][]byte{}
		for k, v := range gen.Files {
			g.Files[k] = append([]byte(nil), v...)
		}
		got := inc.Bundle(context.Background(), &g, opts)
		want := Bundle(context.Background(), &g, opts)
		sameFiles(t, st.name, got, want)
		if inc.runs != st.runs {
			t.Errorf("%s: esbuild context made %d times, want %d", st.name, inc.runs, st.runs)
		}
	}
	// A generated module with an error fails like Bundle, and the next good
	// input recovers.
	bad := *gen
	bad.Files = map[string][]byte{}
	for k, v := range gen.Files {
		bad.Files[k] = v
	}
	bad.Files["route-home.js"] = []byte("export default function (")
	if r := inc.Bundle(context.Background(), &bad, opts); !r.Failed() {
		t.Errorf("broken module bundled")
	}
	sameFiles(t, "recovered", inc.Bundle(context.Background(), gen, opts), Bundle(context.Background(), gen, opts))
}

// The incremental bundler's reason to be: measured on the bench example's
// generated code with the real runtime, interleaved, median of runs.
func TestIncrementalFaster(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	dir := filepath.Join("..", "..", "examples", "bench")
	fsys := fstest.MapFS{}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && !e.IsDir() {
			fsys[e.Name()] = &fstest.MapFile{Data: data}
		}
	}
	src, diags := Load(fsys)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	gen, diags := Compile(context.Background(), source.NewFileSet(), src)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	var inc Incremental
	defer inc.Close()
	inc.Bundle(context.Background(), gen, Options{Dev: true})
	var fresh, incr []time.Duration
	for range 9 {
		t0 := time.Now()
		Bundle(context.Background(), gen, Options{Dev: true})
		fresh = append(fresh, time.Since(t0))
		t0 = time.Now()
		inc.Bundle(context.Background(), gen, Options{Dev: true})
		incr = append(incr, time.Since(t0))
	}
	med := func(d []time.Duration) time.Duration {
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		return d[len(d)/2]
	}
	f, i := med(fresh), med(incr)
	t.Logf("bench example, dev bundle: fresh %v, incremental %v (median of 9, interleaved): %.1fx", f, i, float64(f)/float64(i))
	// Only a gross regression fails: the timings share a loaded machine.
	if i > f*3/2 {
		t.Errorf("incremental bundling (%v) is slower than fresh (%v)", i, f)
	}
}
