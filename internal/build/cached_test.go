package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/cache"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/staticlayout"
)

func cacheApp(t testing.TB) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "cache.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// edit returns a copy of fsys with old replaced by new in file name.
func edit(t testing.TB, fsys fstest.MapFS, name, old, new string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	for n, f := range fsys {
		out[n] = f
	}
	data := string(fsys[name].Data)
	if !strings.Contains(data, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	out[name] = &fstest.MapFile{Data: []byte(strings.Replace(data, old, new, 1))}
	return out
}

func printed(r *Result) string {
	var b bytes.Buffer
	diag.Print(&b, r.FileSet, r.Diagnostics)
	return b.String()
}

// same fails unless got is want: the same files, byte for byte, and the
// same diagnostics as printed.
func same(t *testing.T, what string, got, want *Result) {
	t.Helper()
	if g, w := printed(got), printed(want); g != w {
		t.Errorf("%s: diagnostics\n%s\nwant\n%s", what, g, w)
	}
	if len(got.Files) != len(want.Files) {
		t.Fatalf("%s: %d files, want %d", what, len(got.Files), len(want.Files))
	}
	for i := range got.Files {
		if got.Files[i].Name != want.Files[i].Name || !bytes.Equal(got.Files[i].Data, want.Files[i].Data) {
			t.Errorf("%s: %s differs from a cold build's %s", what, got.Files[i].Name, want.Files[i].Name)
		}
	}
	if got.Script != want.Script || strings.Join(got.Styles, ",") != strings.Join(want.Styles, ",") {
		t.Errorf("%s: script %s styles %v, want %s %v", what, got.Script, got.Styles, want.Script, want.Styles)
	}
}

func sameBytes(a, b *Result) bool {
	if len(a.Files) != len(b.Files) {
		return false
	}
	for i := range a.Files {
		if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			return false
		}
	}
	return true
}

func newCache(t testing.TB, dir string) *cache.Cache {
	t.Helper()
	c, err := cache.New(cache.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A hit, from memory or from disk, is byte for byte a cold build.
func TestCacheHitIsColdBuild(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		opts Options
	}{
		{"cache app", cacheApp(t), Options{}},
		{"cache app dev", cacheApp(t), Options{Dev: true, Base: "/app/"}},
		{"generated", benchApp(12), Options{}},
		{"static layout", cacheApp(t), Options{Layout: &LayoutOptions{Mode: staticlayout.Absolute}}},
		{"type error", edit(t, cacheApp(t), "home.jxl", "count += 1", "count += \"one\""), Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cold := Build(ctx, tc.fsys, tc.opts)
			if tc.name == "type error" != cold.Failed() {
				t.Fatalf("cold build: %v", cold.Diagnostics.Err())
			}
			c := newCache(t, dir)
			opts := tc.opts
			opts.Cache = c
			same(t, "first build", Build(ctx, tc.fsys, opts), cold)
			hit := Build(ctx, tc.fsys, opts)
			same(t, "memory hit", hit, cold)
			if (hit.Layout == nil) != (cold.Layout == nil) {
				t.Errorf("memory hit's layout report: %v, cold build's %v", hit.Layout != nil, cold.Layout != nil)
			}
			if s := c.Stats(); s.Hits == 0 {
				t.Errorf("no memory hit: %+v", s)
			}
			opts.Cache = newCache(t, dir) // a new process
			same(t, "disk hit", Build(ctx, tc.fsys, opts), cold)
			if s := opts.Cache.Stats(); s.DiskHits != 1 {
				t.Errorf("want one disk hit (the whole build): %+v", s)
			}
			if opts.Layout != nil && Build(ctx, tc.fsys, opts).Layout != nil {
				t.Error("a disk hit has a layout report")
			}
		})
	}
}

// A change to any input misses: the build through a warm cache is the cold
// build of the changed input, which differs from the original's.
func TestCacheMissesOnAnyChange(t *testing.T) {
	ctx := context.Background()
	base := cacheApp(t)
	c := newCache(t, t.TempDir())
	orig := Build(ctx, base, Options{Cache: c})
	if orig.Failed() {
		t.Fatal(orig.Diagnostics.Err())
	}
	for _, tc := range []struct {
		name    string
		fsys    fstest.MapFS
		opts    Options
		changes bool // whether the output changes
	}{
		{"jxl byte", edit(t, base, "home.jxl", "Hello", "Hellp"), Options{}, true},
		{"jxl comment", edit(t, base, "badge.jxl", "rounded", "round"), Options{}, true}, // the source maps carry the sources
		{"second file", edit(t, base, "badge.jxl", "padding(8)", "padding(9)"), Options{}, true},
		{"tokens", edit(t, base, "tokens.yml", "3B82F6", "3B82F7"), Options{}, true},
		{"stylesheet", edit(t, base, "app.css", "margin: 0", "margin: 1px"), Options{}, true},
		{"dev", base, Options{Dev: true}, true},
		{"base", base, Options{Base: "/x/"}, true},
		{"csp", base, Options{CSP: "default-src 'none'"}, true},
		{"extra script", base, Options{ExtraScripts: []string{"/r.js"}}, true},
		{"runtime", base, Options{Runtime: editedRuntime(t)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cold := Build(ctx, tc.fsys, tc.opts)
			opts := tc.opts
			opts.Cache = c
			got := Build(ctx, tc.fsys, opts)
			same(t, "through the cache", got, cold)
			if changed := !sameBytes(got, orig); changed != tc.changes {
				t.Errorf("output changed: %v, want %v", changed, tc.changes)
			}
			same(t, "again", Build(ctx, tc.fsys, opts), cold)
		})
	}
	same(t, "the original again", Build(ctx, base, Options{Cache: c}), orig)
}

// editedRuntime is the embedded runtime with a statement added to mount.
func editedRuntime(t *testing.T) fstest.MapFS {
	rt := defaultRuntime()
	out := fstest.MapFS{}
	err := fsWalkFiles(rt, func(p string, data []byte) {
		if p == "lifecycle.js" {
			data = bytes.Replace(data, []byte("export function mount(View, props, parent, before = null) {"),
				[]byte("export function mount(View, props, parent, before = null) {\n  globalThis.edited = 1;"), 1)
		}
		out[p] = &fstest.MapFile{Data: data}
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Damaged disk entries are misses, never errors.
func TestCacheCorruptDiskEntries(t *testing.T) {
	ctx := context.Background()
	fsys := cacheApp(t)
	cold := Build(ctx, fsys, Options{})
	for _, damage := range []struct {
		name string
		fn   func([]byte) []byte
	}{
		{"truncated", func(b []byte) []byte { return b[:len(b)/2] }},
		{"flipped", func(b []byte) []byte { b[len(b)-1] ^= 0x40; return b }},
		{"empty", func([]byte) []byte { return nil }},
	} {
		t.Run(damage.name, func(t *testing.T) {
			dir := t.TempDir()
			Build(ctx, fsys, Options{Cache: newCache(t, dir)})
			n := 0
			filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
				if err == nil && !fi.IsDir() {
					b, _ := os.ReadFile(p)
					os.WriteFile(p, damage.fn(b), 0o644)
					n++
				}
				return nil
			})
			if n < 2 {
				t.Fatalf("%d disk entries, want the build's and the bundle's", n)
			}
			c := newCache(t, dir)
			same(t, "after damage", Build(ctx, fsys, Options{Cache: c}), cold)
			if s := c.Stats(); s.Corrupt != 2 || s.DiskHits != 0 {
				t.Errorf("stats %+v; want 2 corrupt entries, no hits", s)
			}
			same(t, "repaired", Build(ctx, fsys, Options{Cache: newCache(t, dir)}), cold)
		})
	}
}

// An edit re-parses the edited file only; the other files' parses are hits
// and the result is still the cold build's.
func TestCacheReparsesEditedFileOnly(t *testing.T) {
	ctx := context.Background()
	c := cache.NewMemory(0)
	app := benchApp(5)
	Build(ctx, app, Options{Cache: c})
	edited := edit(t, app, "views/view0003.jxl", "Search View0003", "Find View0003")
	before := c.Stats()
	got := Build(ctx, edited, Options{Cache: c})
	after := c.Stats()
	same(t, "after an edit", got, Build(ctx, edited, Options{}))
	// Lookups: whole build, compile, the arena, one per file, bundle.
	files := len(edited)
	if hits := after.Hits - before.Hits; hits != int64(files) { // the arena and files-1 parses
		t.Errorf("%d memory hits, want %d (the arena and %d unchanged files)", hits, files, files-1)
	}
}

// Concurrent builds through one cache are each a cold build (run with -race).
func TestCacheConcurrentBuilds(t *testing.T) {
	ctx := context.Background()
	base := cacheApp(t)
	apps := []fstest.MapFS{base, edit(t, base, "home.jxl", "Hello", "Howdy"), edit(t, base, "tokens.yml", "3B82F6", "000000")}
	var cold []*Result
	for _, a := range apps {
		cold = append(cold, Build(ctx, a, Options{}))
	}
	c := newCache(t, t.TempDir())
	var wg sync.WaitGroup
	got := make([]*Result, 12)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = Build(ctx, apps[i%len(apps)], Options{Cache: c})
		}()
	}
	wg.Wait()
	for i, r := range got {
		same(t, fmt.Sprint("build ", i), r, cold[i%len(apps)])
	}
}

// The cache keys cover every option that changes a build. A new field of
// Options or LayoutOptions must be added to buildKey (and to Options.key
// when the bundler reads it) or listed here as not changing the output.
func TestCacheKeysCoverOptions(t *testing.T) {
	for _, tc := range []struct {
		typ   reflect.Type
		known []string
	}{
		{reflect.TypeFor[Options](), []string{"Dev", "Base", "CSP", "ExtraScripts", "Runtime", "Layout", "Cache"}},
		{reflect.TypeFor[LayoutOptions](), []string{"Mode"}},
	} {
		for i := range tc.typ.NumField() {
			if f := tc.typ.Field(i); !slices.Contains(tc.known, f.Name) {
				t.Errorf("%s.%s is new: make the cache keys cover it (cached.go, Options.key)", tc.typ.Name(), f.Name)
			}
		}
	}
	// And each known option changes the whole build's key.
	src := &Source{}
	c := cache.NewMemory(0)
	keys := map[cache.Key]string{}
	for name, opts := range map[string]Options{
		"zero":     {},
		"dev":      {Dev: true},
		"base":     {Base: "/b/"},
		"csp":      {CSP: "x"},
		"scripts":  {ExtraScripts: []string{"/s.js"}},
		"runtime":  {Runtime: fstest.MapFS{"index.js": {Data: []byte("x")}}},
		"absolute": {Layout: &LayoutOptions{Mode: staticlayout.Absolute}},
		"reserve":  {Layout: &LayoutOptions{Mode: staticlayout.Reserve}},
	} {
		opts.Cache = c
		k, ok := buildKey(src, &opts)
		if !ok {
			t.Fatalf("%s: no key", name)
		}
		if other, dup := keys[k]; dup {
			t.Errorf("options %s and %s have the same key", name, other)
		}
		keys[k] = name
	}
}
