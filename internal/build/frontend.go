package build

import (
	"context"
	"io/fs"
	"testing/fstest"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
)

// Compile runs the JXL front end and the web generator over the sources:
// parse (in parallel, one goroutine per file), check, lower, optimise and
// generate. Its diagnostics carry positions in fset.
//
// This is the one function that knows the front end's API.
func Compile(ctx context.Context, fset *source.FileSet, src *Source) (*Generated, diag.List) {
	var diags diag.List
	for _, f := range src.Files {
		fset.AddFile(f.Name, f.Data)
	}
	diags.Errorf(source.NoPos, diag.ErrNoEntry, "this toolchain has no JXL compiler yet")
	return nil, diags
}

// defaultRuntime is the embedded web runtime.
func defaultRuntime() fs.FS { return fstest.MapFS{} }
