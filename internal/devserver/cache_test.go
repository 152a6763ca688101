package devserver

import (
	"context"
	"testing"
	"testing/fstest"
)

// The server's build cache lasts across rebuilds: going back to sources
// built before (an undo) is a whole-build hit, and its output is what the
// first build of those sources served.
func TestRebuildUsesCache(t *testing.T) {
	ctx := context.Background()
	app := func(greeting string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("view Hello {\n    render {\n        Text(\"" + greeting + "\")\n    }\n}\n\napp A {\n    root: Hello\n}\n")}
	}
	fsys := fstest.MapFS{"app.jxl": app("Hello")}
	s, err := New(Config{Sources: fsys})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		greeting string
		wantHit  bool
	}{{"Hello", false}, {"Howdy", false}, {"Hello", true}, {"Howdy", true}}
	hashes := map[string][32]byte{}
	for i, st := range steps {
		fsys["app.jxl"] = app(st.greeting)
		before := s.cache.Stats()
		if !s.Rebuild(ctx) {
			t.Fatalf("step %d: no build", i)
		}
		state := s.state.Load()
		if state.failed {
			t.Fatalf("step %d: build failed: %v", i, state.errors)
		}
		// A whole-build hit is the build's one lookup; any other build
		// misses at least the whole build.
		after := s.cache.Stats()
		if hit := after.Misses == before.Misses && after.Hits == before.Hits+1; hit != st.wantHit {
			t.Errorf("step %d (%s): whole-build hit %v, want %v (stats %+v)", i, st.greeting, hit, st.wantHit, s.cache.Stats())
		}
		if h, ok := hashes[st.greeting]; ok && h != state.hash {
			t.Errorf("step %d: output differs from the first build of the same sources", i)
		}
		hashes[st.greeting] = state.hash
	}
}
