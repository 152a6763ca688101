package build

import (
	"bytes"
	"context"
	"encoding/gob"
	"io/fs"
	"strconv"
	"sync"

	"github.com/jepsh/jepsh/internal/cache"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// Build caching (Options.Cache). Four results are cached, each under the
// hash of everything its phase reads, always including cache.Toolchain()
// (which covers the embedded runtime and esbuild):
//
//	phase          key                                          layers
//	whole build    Source.Key, the options, the runtime          memory, disk
//	parse (a file) the file's name and contents, the parse arena memory
//	compile        Source.Key, the layout options                memory
//	bundle         BundleKey, the runtime                        memory, disk
//
// An unchanged rebuild is one whole-build lookup. An edit to one file
// re-parses that file only, and when the generated code comes out the same
// (a comment, a formatting change) the bundle is a hit as well.
//
// Positions. A diagnostic's or AST's positions are offsets in a FileSet, so
// parsed files can only be shared between builds that share a FileSet: the
// parse cache keeps one (the arena, itself a cache entry) into which every
// cached parse adds its file, and a build that uses the parse cache compiles
// in the arena. The arena is replaced, with all parses in it, when it holds
// more than arenaMax bytes of sources. Results stored on disk carry their
// diagnostics as file name and offsets, and a hit rebuilds a FileSet of the
// files they name.
//
// The static layout's report (Result.Layout) points into the program's IR
// and is not stored on disk: a disk hit has a nil Layout, so a caller that
// prints the report uses a cache without a disk layer.
//
// Cached values are shared: a hit copies the Result and its Diagnostics
// list before changing them; Files and their Data are never written.

const arenaMax = 64 << 20

var (
	arenaKey = cache.NewHasher("build arena").Sum()
	arenaSeq struct {
		sync.Mutex
		n int
	}
)

type arena struct {
	fset *source.FileSet
	id   string
	mu   sync.Mutex
	size int64
}

type parsed struct {
	file  *syntax.File
	diags diag.List
}

// buildKey identifies a whole build; ok is false when nothing may be cached.
func buildKey(src *Source, opts *Options) (cache.Key, bool) {
	tc := cache.Toolchain()
	if opts.Cache == nil || tc == "" {
		return cache.Key{}, false
	}
	h := cache.NewHasher("build v1").String(tc).Key(src.Key).Key(opts.key()).Key(runtimeKey(opts.Runtime))
	h.Bool(opts.Layout != nil)
	if opts.Layout != nil {
		h.String(string(rune(opts.Layout.Mode)))
	}
	return h.Sum(), true
}

// runtimeKey hashes a runtime module tree (nil: the embedded one, which the
// toolchain covers).
func runtimeKey(rt fs.FS) cache.Key {
	h := cache.NewHasher("runtime")
	if rt == nil {
		return h.String("embedded").Sum()
	}
	fs.WalkDir(rt, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, _ := fs.ReadFile(rt, p)
		h.String(p).Bytes(data)
		return nil
	})
	return h.Sum()
}

// cachedBuild returns the stored result of a whole build, or nil.
func cachedBuild(src *Source, opts *Options) *Result {
	k, ok := buildKey(src, opts)
	if !ok {
		return nil
	}
	c := opts.Cache
	if v, ok := c.Get(k); ok {
		return shallowCopy(v.(*Result))
	}
	b, ok := c.Load(k)
	if !ok {
		return nil
	}
	r, err := decodeResult(b)
	if err != nil {
		return nil
	}
	r.SourceKey = src.Key
	c.Put(k, r, resultSize(r))
	return shallowCopy(r)
}

// storeBuild stores a whole build's result. A cancelled build is not stored.
func storeBuild(ctx context.Context, src *Source, opts *Options, r *Result) {
	k, ok := buildKey(src, opts)
	if !ok || ctx.Err() != nil {
		return
	}
	opts.Cache.Put(k, r, resultSize(r))
	if opts.Cache.HasDisk() {
		if b, err := encodeResult(r); err == nil {
			opts.Cache.Store(k, b)
		}
	}
}

func shallowCopy(r *Result) *Result {
	c := *r
	c.Diagnostics = append(diag.List(nil), r.Diagnostics...)
	return &c
}

func resultSize(r *Result) int64 {
	n := int64(1024 + 200*len(r.Diagnostics))
	for _, f := range r.Files {
		n += int64(len(f.Name) + len(f.Data) + 32)
	}
	return n
}

// compileCached is compile through the parse and compile caches. It returns
// the FileSet the diagnostics' and the generated code's positions are in.
func compileCached(ctx context.Context, src *Source, opts *Options) (*source.FileSet, *Generated, diag.List) {
	tc := cache.Toolchain()
	c := opts.Cache
	if c == nil || tc == "" {
		fset := source.NewFileSet()
		gen, diags := compile(ctx, fset, src, opts.Layout)
		return fset, gen, diags
	}
	h := cache.NewHasher("compile v1").String(tc).Key(src.Key).Bool(opts.Layout != nil)
	if opts.Layout != nil {
		h.String(string(rune(opts.Layout.Mode)))
	}
	k := h.Sum()
	type compiled struct {
		fset  *source.FileSet
		gen   *Generated
		diags diag.List
	}
	if v, ok := c.Get(k); ok {
		r := v.(*compiled)
		return r.fset, r.gen, append(diag.List(nil), r.diags...)
	}
	a, parse := cachedParser(c, tc)
	gen, diags := compileWith(ctx, a.fset, src, opts.Layout, parse)
	if ctx.Err() == nil {
		var size int64 = 4096
		if gen != nil {
			for n, d := range gen.Files {
				size += int64(len(n) + len(d))
			}
			for _, f := range gen.Fonts {
				size += int64(len(f.Data))
			}
		}
		c.Put(k, &compiled{a.fset, gen, diags}, size)
	}
	return a.fset, gen, append(diag.List(nil), diags...)
}

// cachedParser returns the cache's arena and a parseFunc that parses into
// it through the cache (its fset argument is ignored: the arena's is used).
func cachedParser(c *cache.Cache, tc string) (*arena, parseFunc) {
	a := parseArena(c)
	return a, func(_ *source.FileSet, f SourceFile) (*syntax.File, diag.List) {
		pk := cache.NewHasher("parse v1").String(tc).String(a.id).String(f.Name).Bytes(f.Data).Sum()
		if v, ok := c.Get(pk); ok {
			p := v.(*parsed)
			return p.file, p.diags
		}
		file, diags := syntax.ParseFile(a.fset, f.Name, f.Data)
		c.Put(pk, &parsed{file, diags}, int64(12*len(f.Data)+1024))
		a.mu.Lock()
		a.size += int64(len(f.Data))
		a.mu.Unlock()
		return file, diags
	}
}

// parseArena returns the cache's arena, making a new one when there is
// none (or it was evicted) or it is full.
func parseArena(c *cache.Cache) *arena {
	arenaSeq.Lock()
	defer arenaSeq.Unlock()
	if v, ok := c.Get(arenaKey); ok {
		a := v.(*arena)
		a.mu.Lock()
		full := a.size > arenaMax
		a.mu.Unlock()
		if !full {
			return a
		}
	}
	arenaSeq.n++
	a := &arena{fset: source.NewFileSet(), id: strconv.Itoa(arenaSeq.n)}
	c.Put(arenaKey, a, 1<<10)
	return a
}

// bundleCached is bundle through the bundle cache (key: BundleKey).
func bundleCached(ctx context.Context, gen *Generated, opts *Options, bundle func(context.Context, *Generated, Options) *Result) *Result {
	tc := cache.Toolchain()
	c := opts.Cache
	if c == nil || tc == "" {
		return bundle(ctx, gen, *opts)
	}
	k := cache.NewHasher("bundle v1").String(tc).Key(BundleKey(gen, *opts)).Key(runtimeKey(opts.Runtime)).Sum()
	if v, ok := c.Get(k); ok {
		return shallowCopy(v.(*Result))
	}
	if b, ok := c.Load(k); ok {
		if r, err := decodeResult(b); err == nil {
			c.Put(k, r, resultSize(r))
			return shallowCopy(r)
		}
	}
	r := bundle(ctx, gen, *opts)
	if ctx.Err() == nil {
		c.Put(k, r, resultSize(r))
		if b, err := encodeResult(r); err == nil {
			c.Store(k, b)
		}
		r = shallowCopy(r)
	}
	return r
}

// storedResult is a Result on disk. Diagnostics name their file and
// offsets; Sources holds the files they name, so a FileSet can be rebuilt.
type storedResult struct {
	Files       []File
	Script      string
	Styles      []string
	Diagnostics []storedDiag
	Sources     []SourceFile
}

type storedDiag struct {
	File      int // index in Sources, or -1 (no position)
	Off, End  int // End is -1 for NoPos
	Severity  diag.Severity
	Code      diag.Code
	Msg, Hint string
}

func encodeResult(r *Result) ([]byte, error) {
	s := storedResult{Files: r.Files, Script: r.Script, Styles: r.Styles}
	index := map[*source.File]int{}
	for _, d := range r.Diagnostics {
		sd := storedDiag{File: -1, End: -1, Severity: d.Severity, Code: d.Code, Msg: d.Msg, Hint: d.Hint}
		if d.Pos.IsValid() && r.FileSet != nil {
			if f := r.FileSet.File(d.Pos); f != nil {
				i, ok := index[f]
				if !ok {
					i = len(s.Sources)
					index[f] = i
					s.Sources = append(s.Sources, SourceFile{Name: f.Name, Data: f.Src})
				}
				sd.File, sd.Off = i, f.Offset(d.Pos)
				if d.End.IsValid() && f.Contains(d.End) {
					sd.End = f.Offset(d.End)
				}
			}
		}
		s.Diagnostics = append(s.Diagnostics, sd)
	}
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(&s)
	return b.Bytes(), err
}

func decodeResult(b []byte) (*Result, error) {
	var s storedResult
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&s); err != nil {
		return nil, err
	}
	r := &Result{Files: s.Files, Script: s.Script, Styles: s.Styles, FileSet: source.NewFileSet()}
	files := make([]*source.File, len(s.Sources))
	for i, f := range s.Sources {
		files[i] = r.FileSet.AddFile(f.Name, f.Data)
	}
	for _, sd := range s.Diagnostics {
		d := &diag.Diagnostic{Severity: sd.Severity, Code: sd.Code, Msg: sd.Msg, Hint: sd.Hint}
		if sd.File >= 0 && sd.File < len(files) {
			d.Pos = files[sd.File].Pos(sd.Off)
			if sd.End >= 0 {
				d.End = files[sd.File].Pos(sd.End)
			}
		}
		r.Diagnostics = append(r.Diagnostics, d)
	}
	r.Diagnostics.Sort(r.FileSet)
	return r, nil
}
