package build

import (
	"context"
	"io/fs"
	goruntime "runtime"
	"strings"
	"sync"

	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/gen/web"
	"github.com/jepsh/jepsh/internal/lower"
	"github.com/jepsh/jepsh/internal/opt"
	"github.com/jepsh/jepsh/internal/runtime"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/text"
)

// Compile runs the JXL front end and the web generator over the sources:
// parse (in parallel, one goroutine per file), check, lower, optimise and
// generate. Its diagnostics carry positions in fset.
func Compile(ctx context.Context, fset *source.FileSet, src *Source) (*Generated, diag.List) {
	return compile(ctx, fset, src, nil)
}

func compile(ctx context.Context, fset *source.FileSet, src *Source, lo *LayoutOptions) (*Generated, diag.List) {
	return compileWith(ctx, fset, src, lo, nil)
}

// parseFunc parses one file into fset (syntax.ParseFile, or a cache in front of it).
type parseFunc func(fset *source.FileSet, f SourceFile) (*syntax.File, diag.List)

// compileWith is compile with parse for each file (nil: syntax.ParseFile).
func compileWith(ctx context.Context, fset *source.FileSet, src *Source, lo *LayoutOptions, parse parseFunc) (*Generated, diag.List) {
	files, diags := parseAll(fset, src, parse)
	tokens := design.Default()
	if src.Tokens != nil {
		t, d := design.Load(fset, src.Tokens.Name, src.Tokens.Data)
		tokens, diags = t, append(diags, d...)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	if err := ctx.Err(); err != nil {
		diags.Errorf(source.NoPos, diag.ErrReadSource, "build cancelled: %v", err)
		return nil, diags
	}
	gen, d := generate(fset, files, tokens, src, lo)
	return gen, append(diags, d...)
}

// parseAll parses the files in parallel, as many at a time as there are
// processors; the results keep the sources' order.
func parseAll(fset *source.FileSet, src *Source, parse parseFunc) ([]*syntax.File, diag.List) {
	if parse == nil {
		parse = func(fset *source.FileSet, f SourceFile) (*syntax.File, diag.List) {
			return syntax.ParseFile(fset, f.Name, f.Data)
		}
	}
	files := make([]*syntax.File, len(src.Files))
	lists := make([]diag.List, len(src.Files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, goruntime.GOMAXPROCS(0))
	for i, f := range src.Files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			files[i], lists[i] = parse(fset, f)
		}()
	}
	wg.Wait()
	var diags diag.List
	for _, l := range lists {
		diags = append(diags, l...)
	}
	return files, diags
}

// generate is the adapter to the checker, lowering, the whole-program
// passes and the web generator: the one function that knows their APIs.
func generate(fset *source.FileSet, files []*syntax.File, tokens *design.Tokens, src *Source, lo *LayoutOptions) (*Generated, diag.List) {
	info, diags := check.Check(fset, files, tokens, nil)
	if diags.HasErrors() {
		return nil, diags
	}
	prog, d := lower.Lower(fset, info)
	diags = append(diags, d...)
	if diags.HasErrors() || prog == nil {
		return nil, diags
	}
	opt.Run(prog)
	sl, slFonts, d := precompute(prog, tokens, src, lo)
	if diags = append(diags, d...); diags.HasErrors() {
		return nil, diags
	}
	out, err := web.Generate(prog, web.Options{SourceMaps: true, Layout: webLayout(sl)})
	if err != nil {
		pos := source.NoPos
		if len(files) > 0 {
			pos = files[0].Pos()
		}
		diags.Errorf(pos, diag.ErrTargetUnsupported, "generating web code: %v", err)
		return nil, diags
	}
	gen := &Generated{Entry: out.Entry, Files: out.Files, Styles: out.Styles, Title: out.Title, Shell: out.Shell, ShellID: out.ShellID}
	addAppStyles(gen, src)
	fonts, d := appFonts(tokens, src)
	gen.Fonts = append(fonts, slFonts...)
	gen.Layout = sl
	return gen, append(diags, d...)
}

// defaultRuntime is the embedded web runtime.
func defaultRuntime() fs.FS { return runtime.FS() }

// addAppStyles adds the app's own stylesheets: the .css files at the root
// of the app directory are linked after the generated styles (so the app's
// rules win over the generated defaults), in name order. Stylesheets in
// subdirectories are partials the root ones @import; url()s may name the
// app's font files. Both are bundled and hashed.
func addAppStyles(gen *Generated, src *Source) {
	for _, a := range src.Assets {
		if _, taken := gen.Files[a.Name]; taken {
			continue // the generator's own file wins (it never uses these paths)
		}
		gen.Files[a.Name] = a.Data
		if strings.HasSuffix(a.Name, ".css") && !strings.Contains(a.Name, "/") {
			gen.Styles = append(gen.Styles, a.Name)
		}
	}
}

// appFonts returns the font files tokens.yml names, read with the sources
// and encoded as WOFF2. A browser fetches a face only when the page uses it.
func appFonts(tokens *design.Tokens, src *Source) ([]Font, diag.List) {
	var diags diag.List
	var fonts []Font
	for _, ff := range tokens.Fonts {
		var data []byte
		for _, a := range src.Assets {
			if a.Name == ff.Path {
				data = a.Data
			}
		}
		if data == nil {
			diags.Errorf(ff.Pos, diag.ErrReadSource, "font file %s is not in the app directory", ff.Path)
			continue
		}
		woff2, err := text.WOFF2(data)
		if err != nil {
			diags.Errorf(ff.Pos, diag.BadFontData, "font file %s: %v", ff.Path, err)
			continue
		}
		fonts = append(fonts, Font{Family: ff.Family, Weight: ff.Weight, Format: "woff2", Data: woff2})
	}
	return fonts, diags
}
