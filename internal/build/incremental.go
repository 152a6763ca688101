package build

import (
	"context"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// Incremental bundles one app again and again (the dev server). It keeps
// esbuild's build context between calls, so a module whose contents did not
// change (the runtime, the views an edit did not touch) is not parsed again.
// Its results are the same as Bundle's. Safe for concurrent use; calls are
// serialised. Close releases the context.
type Incremental struct {
	mu   sync.Mutex
	b    *bundler // the plugin of ctx reads its inputs from here
	ctx  api.BuildContext
	sig  string // the entry points and options ctx was made for
	runs int    // how many times ctx was (re)made, for tests
}

// Bundle is Bundle, reusing the work of earlier calls.
func (inc *Incremental) Bundle(ctx context.Context, gen *Generated, opts Options) *Result {
	inc.mu.Lock()
	defer inc.mu.Unlock()
	if inc.b == nil {
		inc.b = &bundler{}
	}
	return inc.b.bundle(gen, opts, func(entries []string) api.BuildResult {
		k := opts.key()
		sig := strings.Join(entries, "\x00") + "\x00" + string(k[:])
		if inc.ctx == nil || sig != inc.sig {
			if inc.ctx != nil {
				inc.ctx.Dispose()
			}
			c, err := api.Context(inc.b.esbuildOptions(entries))
			if err != nil {
				inc.ctx = nil
				return api.BuildResult{Errors: err.Errors}
			}
			inc.ctx, inc.sig = c, sig
			inc.runs++
		}
		return inc.ctx.Rebuild()
	})
}

// BuildSource is BuildSource, bundling incrementally.
func (inc *Incremental) BuildSource(ctx context.Context, src *Source, opts Options) *Result {
	return buildSource(ctx, src, opts, inc.Bundle)
}

// Close releases esbuild's context.
func (inc *Incremental) Close() {
	inc.mu.Lock()
	defer inc.mu.Unlock()
	if inc.ctx != nil {
		inc.ctx.Dispose()
		inc.ctx = nil
	}
}
