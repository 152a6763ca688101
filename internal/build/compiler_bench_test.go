package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/jepsh/jepsh/internal/cache"
	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/gen/web"
	"github.com/jepsh/jepsh/internal/lower"
	"github.com/jepsh/jepsh/internal/opt"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/testgen"
)

// benchApp is testgen.App(views) as an app directory.
func benchApp(views int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range testgen.App(views) {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

func fsWalkFiles(fsys fs.FS, fn func(p string, data []byte)) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err == nil {
			fn(p, data)
		}
		return err
	})
}

// The compiler benchmarks: each phase over generated apps of 10, 100 and
// 1,000 views (about 100 lines each), cold and with the cache, reporting
// source lines per second. Names read "Phase/views=N/mode", which
// `jepsh bench --suite compiler` reports as "build/Phase/views=N/mode".
//
//	Parse    syntax.ParseFile of every file (parallel)    cold | cached (every file a parse hit)
//	Check    check.Check of the parsed files               cold
//	Generate lower, opt.Run, gen/web of the checked app    cold
//	Compile  Compile: parse to generated modules           cold | cached (a front-end hit)
//	FullBuild BuildSource: Compile, esbuild, index.html    cold | miss (10 and 100 views: an empty cache, the
//	         cost of hashing and storing) | cached (a whole-build hit in memory) | disk (a
//	         whole-build hit on disk, as a new `jepsh build` process) | edit (one view
//	         changed, the others' parses hit)

// benchSizes are the apps' sizes: without views=1000 in -short mode, where
// the 1,000-view builds alone take most of a minute per round.
func benchSizes() []int {
	if testing.Short() {
		return []int{10, 100}
	}
	return []int{10, 100, 1000}
}

// benchInput is one size's app and what the benchmarks start from, made
// once per process (go test -count runs the benchmarks again, not this).
type benchInput struct {
	src   *Source
	lines int

	checkOnce sync.Once
	fset      *source.FileSet
	files     []*syntax.File
	info      *check.Info

	warmOnce sync.Once
	warmDir  string
	warm     *cache.Cache // memory and disk layers after one build
}

var benchEdits atomic.Int64

var benchInputs struct {
	sync.Mutex
	m map[int]*benchInput
}

func benchSetup(b *testing.B, views int) *benchInput {
	b.Helper()
	benchInputs.Lock()
	defer benchInputs.Unlock()
	if in := benchInputs.m[views]; in != nil {
		return in
	}
	src, diags := Load(benchApp(views))
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	in := &benchInput{src: src}
	for _, f := range src.Files {
		in.lines += bytes.Count(f.Data, []byte("\n"))
	}
	if benchInputs.m == nil {
		benchInputs.m = map[int]*benchInput{}
	}
	benchInputs.m[views] = in
	return in
}

// checked returns the app parsed and checked.
func (in *benchInput) checked(b *testing.B) (*source.FileSet, []*syntax.File, *check.Info) {
	in.checkOnce.Do(func() {
		in.fset = source.NewFileSet()
		in.files, _ = parseAll(in.fset, in.src, nil)
		var diags diag.List
		in.info, diags = check.Check(in.fset, in.files, design.Default(), nil)
		if diags.HasErrors() {
			b.Fatal(diags.Err())
		}
	})
	return in.fset, in.files, in.info
}

// warmCache returns a cache with both layers filled by one build.
func (in *benchInput) warmCache(b *testing.B) (*cache.Cache, string) {
	in.warmOnce.Do(func() {
		dir, err := os.MkdirTemp("", "jepsh-bench-cache-")
		if err != nil {
			b.Fatal(err)
		}
		in.warmDir = dir
		in.warm = newBenchCache(b, dir)
		if res := BuildSource(context.Background(), in.src, Options{Cache: in.warm}); res.Failed() {
			b.Fatal(res.Diagnostics.Err())
		}
	})
	return in.warm, in.warmDir
}

func newBenchCache(b *testing.B, dir string) *cache.Cache {
	c, err := cache.New(cache.Options{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// TestMain removes the benchmarks' cache directories.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, in := range benchInputs.m {
		if in.warmDir != "" {
			os.RemoveAll(in.warmDir)
		}
	}
	os.Exit(code)
}

func reportLines(b *testing.B, lines int) {
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

func BenchmarkParse(b *testing.B) {
	for _, n := range benchSizes() {
		in := benchSetup(b, n)
		b.Run(fmt.Sprintf("views=%d/cold", n), func(b *testing.B) {
			for b.Loop() {
				if _, diags := parseAll(source.NewFileSet(), in.src, nil); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
			reportLines(b, in.lines)
		})
		b.Run(fmt.Sprintf("views=%d/cached", n), func(b *testing.B) {
			c := cache.NewMemory(0)
			_, parse := cachedParser(c, cache.Toolchain())
			parseAll(nil, in.src, parse)
			for b.Loop() {
				if _, diags := parseAll(nil, in.src, parse); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
			if s := c.Stats(); s.Misses != int64(len(in.src.Files)+1) {
				b.Fatalf("%d misses, want only the first round's: the arena and %d parses", s.Misses, len(in.src.Files))
			}
			reportLines(b, in.lines)
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	for _, n := range benchSizes() {
		in := benchSetup(b, n)
		fset, files, _ := in.checked(b)
		b.Run(fmt.Sprintf("views=%d/cold", n), func(b *testing.B) {
			for b.Loop() {
				if _, diags := check.Check(fset, files, design.Default(), nil); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
			reportLines(b, in.lines)
		})
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, n := range benchSizes() {
		in := benchSetup(b, n)
		fset, _, info := in.checked(b)
		b.Run(fmt.Sprintf("views=%d/cold", n), func(b *testing.B) {
			for b.Loop() {
				prog, diags := lower.Lower(fset, info)
				if diags.HasErrors() {
					b.Fatal(diags.Err())
				}
				opt.Run(prog)
				if _, err := web.Generate(prog, web.Options{SourceMaps: true}); err != nil {
					b.Fatal(err)
				}
			}
			reportLines(b, in.lines)
		})
	}
}

func BenchmarkCompile(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes() {
		in := benchSetup(b, n)
		b.Run(fmt.Sprintf("views=%d/cold", n), func(b *testing.B) {
			for b.Loop() {
				if _, diags := Compile(ctx, source.NewFileSet(), in.src); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
			reportLines(b, in.lines)
		})
		b.Run(fmt.Sprintf("views=%d/cached", n), func(b *testing.B) {
			warm, _ := in.warmCache(b)
			opts := &Options{Cache: warm}
			for b.Loop() {
				if _, _, diags := compileCached(ctx, in.src, opts); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
			reportLines(b, in.lines)
		})
	}
}

func BenchmarkFullBuild(b *testing.B) {
	ctx := context.Background()
	build := func(b *testing.B, src *Source, opts Options) {
		if res := BuildSource(ctx, src, opts); res.Failed() {
			b.Fatal(res.Diagnostics.Err())
		}
	}
	for _, n := range benchSizes() {
		in := benchSetup(b, n)
		b.Run(fmt.Sprintf("views=%d/cold", n), func(b *testing.B) {
			for b.Loop() {
				build(b, in.src, Options{})
			}
			reportLines(b, in.lines)
		})
		if n < 1000 { // the cost of hashing and storing; the same share at 1,000 views
			b.Run(fmt.Sprintf("views=%d/miss", n), func(b *testing.B) {
				for b.Loop() {
					build(b, in.src, Options{Cache: newBenchCache(b, b.TempDir())})
				}
				reportLines(b, in.lines)
			})
		}
		b.Run(fmt.Sprintf("views=%d/cached", n), func(b *testing.B) {
			warm, _ := in.warmCache(b)
			for b.Loop() {
				build(b, in.src, Options{Cache: warm})
			}
			reportLines(b, in.lines)
		})
		b.Run(fmt.Sprintf("views=%d/disk", n), func(b *testing.B) {
			_, dir := in.warmCache(b)
			for b.Loop() {
				build(b, in.src, Options{Cache: newBenchCache(b, dir)})
			}
			reportLines(b, in.lines)
		})
		b.Run(fmt.Sprintf("views=%d/edit", n), func(b *testing.B) {
			// Each build changes a string in one view, as an edit in the
			// dev server does: the whole build, the front end and the
			// bundle miss; one file is parsed again.
			warm, _ := in.warmCache(b)
			for b.Loop() {
				b.StopTimer()
				i := benchEdits.Add(1) // never an edit the cache has seen
				edited := *in.src
				edited.Files = append([]SourceFile(nil), in.src.Files...)
				for j, f := range edited.Files {
					if f.Name == "views/view0000.jxl" {
						edited.Files[j].Data = bytes.Replace(f.Data, []byte("Search View0000"), fmt.Appendf(nil, "Search %d View0000", i), 1)
					}
				}
				edited.Key = edited.hash()
				b.StartTimer()
				build(b, &edited, Options{Cache: warm})
			}
			reportLines(b, in.lines)
		})
	}
}
