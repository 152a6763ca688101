package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/jepsh/jepsh/internal/cache"
	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/gen/web"
	"github.com/jepsh/jepsh/internal/lower"
	"github.com/jepsh/jepsh/internal/opt"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/testgen"
)

// benchApp is testgen.App(views) as an app directory. The generator's
// root and "/items/:limit" route name views without their required title
// prop (check reports E2005), so they get one here.
func benchApp(views int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range testgen.App(views) {
		if name == "app.jxl" {
			data = bytes.Replace(data, []byte("root: View0000\n"), []byte("root: View0000(title: \"Home\")\n"), 1)
			data = bytes.Replace(data, []byte("=> View0001\n"), []byte("=> View0001(title: \"Items\")\n"), 1)
		}
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
//	FullBuild BuildSource: Compile, esbuild, index.html     cold | miss (an empty cache: the
//	         cost of hashing and storing) | cached (a whole-build hit in memory) | disk (a
//	         whole-build hit on disk, as a new `jepsh build` process) | edit (one view
//	         changed, the others' parses hit)

// benchSizes are the apps' sizes: without views=1000 in -short mode, where
// the 1,000-view builds alone would take most of a minute.
func benchSizes() []int {
	if testing.Short() {
		return []int{10, 100}
	}
	return []int{10, 100, 1000}
}

func benchSource(b *testing.B, views int) (*Source, int) {
	b.Helper()
	fsys := benchApp(views)
	src, diags := Load(fsys)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	lines := 0
	for _, f := range src.Files {
		lines += bytes.Count(f.Data, []byte("\n"))
	}
	return src, lines
}

func reportLines(b *testing.B, lines int) {
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

func BenchmarkParse(b *testing.B) {
	for _, n := range benchSizes() {
		src, lines := benchSource(b, n)
		b.Run(fmt.Sprintf("views=%d/cold", n), func(b *testing.B) {
			for b.Loop() {
				if _, diags := parseAll(source.NewFileSet(), src, nil); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
			reportLines(b, lines)
		})
		b.Run(fmt.Sprintf("views=%d/cached", n), func(b *testing.B) {
			c := cache.NewMemory(0)
			_, parse := cachedParser(c, cache.Toolchain())
			parseAll(nil, src, parse)
			for b.Loop() {
				if _, diags := parseAll(nil, src, parse); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
			if s := c.Stats(); s.Misses != int64(len(src.Files)+1) {
				b.Fatalf("%d misses, want only the first round's: the arena and %d parses", s.Misses, len(src.Files))
			}
			reportLines(b, lines)
		})
	}
}

func BenchmarkCheck(b *testing.B) {
	for _, n := range benchSizes() {
		src, lines := benchSource(b, n)
		fset := source.NewFileSet()
		files, _ := parseAll(fset, src, nil)
		b.Run(fmt.Sprintf("views=%d/cold", n), func(b *testing.B) {
			for b.Loop() {
				if _, diags := check.Check(fset, files, design.Default(), nil); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
			reportLines(b, lines)
		})
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, n := range benchSizes() {
		src, lines := benchSource(b, n)
		fset := source.NewFileSet()
		files, _ := parseAll(fset, src, nil)
		info, diags := check.Check(fset, files, design.Default(), nil)
		if diags.HasErrors() {
			b.Fatal(diags.Err())
		}
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
			reportLines(b, lines)
		})
	}
}

func BenchmarkCompile(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes() {
		src, lines := benchSource(b, n)
		b.Run(fmt.Sprintf("views=%d/cold", n), func(b *testing.B) {
			for b.Loop() {
				if _, diags := Compile(ctx, source.NewFileSet(), src); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
			reportLines(b, lines)
		})
		b.Run(fmt.Sprintf("views=%d/cached", n), func(b *testing.B) {
			opts := &Options{Cache: cache.NewMemory(0)}
			compileCached(ctx, src, opts)
			for b.Loop() {
				if _, _, diags := compileCached(ctx, src, opts); diags.HasErrors() {
					b.Fatal(diags.Err())
				}
			}
			reportLines(b, lines)
		})
	}
}

func BenchmarkFullBuild(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes() {
		src, lines := benchSource(b, n)
		build := func(b *testing.B, src *Source, opts Options) {
			if res := BuildSource(ctx, src, opts); res.Failed() {
				b.Fatal(res.Diagnostics.Err())
			}
		}
		newDisk := func(b *testing.B, dir string) *cache.Cache {
			c, err := cache.New(cache.Options{Dir: dir})
			if err != nil {
				b.Fatal(err)
			}
			return c
		}
		b.Run(fmt.Sprintf("views=%d/cold", n), func(b *testing.B) {
			for b.Loop() {
				build(b, src, Options{})
			}
			reportLines(b, lines)
		})
		b.Run(fmt.Sprintf("views=%d/miss", n), func(b *testing.B) {
			for b.Loop() {
				build(b, src, Options{Cache: newDisk(b, b.TempDir())})
			}
			reportLines(b, lines)
		})
		// One warm-up build fills a cache's memory and disk layers for
		// the modes below.
		dir := b.TempDir()
		warm := newDisk(b, dir)
		build(b, src, Options{Cache: warm})
		b.Run(fmt.Sprintf("views=%d/cached", n), func(b *testing.B) {
			for b.Loop() {
				build(b, src, Options{Cache: warm})
			}
			reportLines(b, lines)
		})
		b.Run(fmt.Sprintf("views=%d/disk", n), func(b *testing.B) {
			for b.Loop() {
				build(b, src, Options{Cache: newDisk(b, dir)})
			}
			reportLines(b, lines)
		})
		b.Run(fmt.Sprintf("views=%d/edit", n), func(b *testing.B) {
			// Each build changes a string in one view, as an edit in the
			// dev server does: the whole build, the front end and the
			// bundle miss; one file is parsed again.
			opts := Options{Cache: warm}
			i := 0
			for b.Loop() {
				b.StopTimer()
				i++
				edited := *src
				edited.Files = append([]SourceFile(nil), src.Files...)
				for j, f := range edited.Files {
					if f.Name == "views/view0000.jxl" {
						edited.Files[j].Data = bytes.Replace(f.Data, []byte("Search View0000"), fmt.Appendf(nil, "Search %d View0000", i), 1)
					}
				}
				edited.Key = edited.hash()
				b.StartTimer()
				build(b, &edited, opts)
			}
			reportLines(b, lines)
		})
	}
}
