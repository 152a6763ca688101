package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// BenchmarkBuild measures whole builds of the example apps from memory:
// load, parse, check, lower, generate, bundle, index.html.
func BenchmarkBuild(b *testing.B) {
	for _, app := range []string{"counter", "todomvc", "bench"} {
		dir := filepath.Join("..", "..", "examples", app)
		fsys := fstest.MapFS{}
		ents, err := os.ReadDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range ents {
			if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && !e.IsDir() {
				fsys[e.Name()] = &fstest.MapFile{Data: data}
			}
		}
		for _, mode := range []struct {
			name string
			dev  bool
		}{{"prod", false}, {"dev", true}} {
			b.Run(app+"/"+mode.name, func(b *testing.B) {
				for b.Loop() {
					if res := Build(context.Background(), fsys, Options{Dev: mode.dev}); res.Failed() {
						b.Fatal(res.Diagnostics.Err())
					}
				}
			})
		}
	}
}
