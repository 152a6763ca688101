package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// jepsh build keeps its results in the disk cache ($JEPSH_CACHE here): a
// second build of the same app writes the same dist/; --no-cache and
// JEPSH_CACHE=off leave the cache alone.
func TestBuildCache(t *testing.T) {
	counter, err := filepath.Abs(filepath.Join("..", "..", "examples", "counter"))
	if err != nil {
		t.Fatal(err)
	}
	entries := func(dir string) int {
		n := 0
		filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() {
				n++
			}
			return nil
		})
		return n
	}
	readDist := func(dir string) map[string][]byte {
		files := map[string][]byte{}
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() {
				b, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(dir, p)
				files[rel] = b
			}
			return nil
		})
		return files
	}
	for _, tc := range []struct {
		name     string
		env      string // JEPSH_CACHE relative to the test's directory, or "off"
		args     []string
		wantUsed bool
	}{
		{"default", "cache", nil, true},
		{"--no-cache", "cache", []string{"--no-cache"}, false},
		{"JEPSH_CACHE=off", "off", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cacheDir := filepath.Join(dir, "cache")
			if tc.env == "off" {
				t.Setenv("JEPSH_CACHE", "off")
			} else {
				t.Setenv("JEPSH_CACHE", filepath.Join(dir, tc.env))
			}
			var dists []map[string][]byte
			for i := range 2 {
				out := filepath.Join(dir, "dist", string(rune('a'+i)))
				code, stdout, errs := run(t, dir, append([]string{"build", counter, "-o", out}, tc.args...)...)
				if code != 0 {
					t.Fatalf("build %d: exit %d\n%s%s", i, code, stdout, errs)
				}
				dists = append(dists, readDist(out))
			}
			if used := entries(cacheDir) > 0; used != tc.wantUsed {
				t.Errorf("cache used: %v, want %v", used, tc.wantUsed)
			}
			if len(dists[0]) == 0 || len(dists[0]) != len(dists[1]) {
				t.Fatalf("outputs of %d and %d files", len(dists[0]), len(dists[1]))
			}
			for name, data := range dists[0] {
				if !bytes.Equal(data, dists[1][name]) {
					t.Errorf("%s differs between the builds", name)
				}
			}
		})
	}
}

// TestMain keeps the package's other tests out of the user's build cache.
func TestMain(m *testing.M) {
	os.Setenv("JEPSH_CACHE", "off")
	os.Exit(m.Run())
}
