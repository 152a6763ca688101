package build

import (
	"context"
	"io/fs"
	"sync"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/runtime"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// Compile runs the JXL front end and the web generator over the sources:
// parse (in parallel, one goroutine per file), check, lower, optimise and
// generate. Its diagnostics carry positions in fset.
func Compile(ctx context.Context, fset *source.FileSet, src *Source) (*Generated, diag.List) {
	files, diags := parseAll(fset, src)
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
	gen, d := generate(fset, files, tokens)
	return gen, append(diags, d...)
}

// parseAll parses every file in parallel; the files keep the sources' order.
func parseAll(fset *source.FileSet, src *Source) ([]*syntax.File, diag.List) {
	files := make([]*syntax.File, len(src.Files))
	lists := make([]diag.List, len(src.Files))
	var wg sync.WaitGroup
	for i, f := range src.Files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			files[i], lists[i] = syntax.ParseFile(fset, f.Name, f.Data)
		}()
	}
	wg.Wait()
	var diags diag.List
	for _, l := range lists {
		diags = append(diags, l...)
	}
	return files, diags
}

// generate is the adapter to the checker, lowering and the web generator:
// the one function that knows their APIs.
func generate(fset *source.FileSet, files []*syntax.File, tokens *design.Tokens) (*Generated, diag.List) {
	var diags diag.List
	pos := source.NoPos
	if len(files) > 0 {
		pos = files[0].Pos()
	}
	diags.Errorf(pos, diag.ErrNoEntry, "this toolchain cannot generate web code yet")
	return nil, diags
}

// defaultRuntime is the embedded web runtime.
func defaultRuntime() fs.FS { return runtime.FS() }
