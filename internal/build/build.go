package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io/fs"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/jepsh/jepsh/internal/cache"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/staticlayout"
)

// Options configure a build.
type Options struct {
	// Dev makes a development bundle: not minified, dev-only checks kept.
	Dev bool
	// Base is the URL path the app is served under ("/" when empty); index.html
	// refers to the bundle with absolute paths so deep route URLs work.
	Base string
	// CSP replaces DefaultCSP in index.html.
	CSP string
	// ExtraScripts are module script URLs index.html loads after the app (the
	// dev server's reload client).
	ExtraScripts []string
	// Runtime is the web runtime's module tree; nil means the embedded runtime.
	Runtime fs.FS
	// Layout runs the static layout pre-calculation (nil: it does not run).
	Layout *LayoutOptions
	// Cache keeps phase results for later builds (nil: nothing is cached);
	// see cached.go. A whole build served from its disk layer has no
	// Result.Layout.
	Cache *cache.Cache
}

func (o *Options) base() string {
	b := o.Base
	if b == "" {
		b = "/"
	}
	if !strings.HasSuffix(b, "/") {
		b += "/"
	}
	return b
}

// key hashes the options that change the bundle.
func (o *Options) key() Key {
	h := sha256.New()
	if o.Dev {
		h.Write([]byte("dev\x00"))
	}
	h.Write([]byte(o.base() + "\x00" + o.CSP + "\x00" + strings.Join(o.ExtraScripts, "\x00")))
	var k Key
	h.Sum(k[:0])
	return k
}

// BundleKey identifies a Bundle call: the generated code and the options.
// A content-addressed cache stores Bundle's result under it.
func BundleKey(gen *Generated, opts Options) Key {
	g, o := gen.Key(), opts.key()
	var k Key
	h := sha256.New()
	h.Write(g[:])
	h.Write(o[:])
	h.Sum(k[:0])
	return k
}

// File is one output file.
type File struct {
	Name string // slash-separated path relative to the output directory
	Data []byte
}

// Result is a build's outcome.
type Result struct {
	// Files are the output files sorted by name; empty when the build failed.
	Files []File
	// Diagnostics are sorted; any error means the build failed.
	Diagnostics diag.List
	// FileSet resolves the diagnostics' positions.
	FileSet *source.FileSet
	// SourceKey identifies the sources the build read.
	SourceKey Key
	// Script is the entry module's output file, Styles the linked stylesheets.
	Script string
	Styles []string
	// Layout is the static layout pre-calculation's result (Options.Layout).
	Layout *staticlayout.Result
}

// Failed reports whether the build has errors.
func (r *Result) Failed() bool { return r.Diagnostics.HasErrors() }

// File returns the output file with the given name, or nil.
func (r *Result) File(name string) *File {
	i := sort.Search(len(r.Files), func(i int) bool { return r.Files[i].Name >= name })
	if i < len(r.Files) && r.Files[i].Name == name {
		return &r.Files[i]
	}
	return nil
}

// PreRendered reports whether index.html carries the root view's first
// render (see web.Output.Shell), which the page shows before any script runs.
func (r *Result) PreRendered() bool {
	f := r.File("index.html")
	return f != nil && bytes.Contains(f.Data, []byte(` data-jepsh-shell="`))
}

// Build loads the app in dir, compiles it and bundles it.
func Build(ctx context.Context, dir fs.FS, opts Options) *Result {
	src, diags := Load(dir)
	if diags.HasErrors() {
		return &Result{FileSet: source.NewFileSet(), SourceKey: src.Key, Diagnostics: diags}
	}
	return BuildSource(ctx, src, opts)
}

// BuildSource compiles and bundles sources already loaded (the dev server
// loads first and builds only when Source.Key changed).
func BuildSource(ctx context.Context, src *Source, opts Options) *Result {
	return buildSource(ctx, src, opts, Bundle)
}

func buildSource(ctx context.Context, src *Source, opts Options, bundle func(context.Context, *Generated, Options) *Result) *Result {
	if err := ctx.Err(); err != nil {
		res := &Result{FileSet: source.NewFileSet(), SourceKey: src.Key}
		res.Diagnostics.Errorf(source.NoPos, diag.ErrReadSource, "build cancelled: %v", err)
		return res
	}
	if r := cachedBuild(src, &opts); r != nil {
		return r
	}
	fset, gen, diags := compileCached(ctx, src, &opts)
	res := &Result{FileSet: fset, SourceKey: src.Key}
	if diags.HasErrors() {
		diags.Sort(fset)
		res.Diagnostics = diags
		storeBuild(ctx, src, &opts, res)
		return shallowCopy(res)
	}
	out := bundleCached(ctx, gen, &opts, bundle)
	out.FileSet = fset
	out.SourceKey = src.Key
	out.Layout = gen.Layout
	out.Diagnostics = append(diags, out.Diagnostics...)
	out.Diagnostics.Sort(fset)
	storeBuild(ctx, src, &opts, out)
	return shallowCopy(out)
}

// Bundle bundles generated modules with the runtime into output files.
func Bundle(ctx context.Context, gen *Generated, opts Options) *Result {
	b := &bundler{}
	return b.bundle(gen, opts, func(entries []string) api.BuildResult { return api.Build(b.esbuildOptions(entries)) })
}

// bundle sets b's inputs and bundles them with exec.
func (b *bundler) bundle(gen *Generated, opts Options, exec func(entries []string) api.BuildResult) *Result {
	res := &Result{FileSet: source.NewFileSet()}
	rt := opts.Runtime
	if rt == nil {
		rt = defaultRuntime()
	}
	b.gen, b.runtime, b.opts = gen, rt, &opts
	out, diags := b.run(exec)
	res.Diagnostics = diags
	if diags.HasErrors() {
		return res
	}
	out.files["index.html"] = indexPage(out, gen, &opts)
	names := make([]string, 0, len(out.files))
	for n := range out.files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		res.Files = append(res.Files, File{Name: n, Data: out.files[n]})
	}
	res.Script, res.Styles = out.script, out.styles
	return res
}
