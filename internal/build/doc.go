// Package build is the driver that turns an app directory into a web bundle.
//
// The phases, each a function from a value to a value:
//
//	Load     fs.FS              → *Source     the app's *.jxl files and tokens.yml, read through fs.FS
//	Compile  *Source            → *Generated  parse (parallel per file), check, lower, optimise, gen/web
//	Bundle   *Generated, Options → *Result    esbuild: ESM, route chunks, minify, tree shaking, hashing,
//	                                           source maps chained back to .jxl, CSS and fonts; index.html
//	Write    *Result, dir       → dist/       written to a temporary sibling and swapped in atomically
//
// Every phase input carries a content hash (Source.Key, Generated.Key,
// BundleKey), so a content-addressed cache plugs in per phase without
// changing the phases: before Compile, look up Source.Key (plus the
// toolchain version) and, on a hit, reuse the stored *Generated and replay
// its diagnostics; before Bundle, look up BundleKey(gen, opts) (plus the
// toolchain version, which covers the embedded runtime) and reuse the stored
// *Result. The values are never mutated after a phase returns them, so
// cached values can be shared between builds. Options.Cache (internal/cache)
// does this, and caches whole builds and per-file parses too (cached.go).
// The dev server already keeps the last Source.Key and output hash: it skips
// the build when the sources did not change and the reload when the output
// did not; and it bundles
// through Incremental, whose esbuild context keeps the parsed form of every
// module whose contents did not change (the runtime, untouched views).
//
// Compile errors are diagnostics, never Go errors: a build with errors
// returns a Result whose Diagnostics say why and whose Files are empty, and
// Write is never called for it, so an existing dist/ stays as it was.
package build
