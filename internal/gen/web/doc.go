// Package web prints the view IR as ES modules, one stylesheet and inline
// source maps, for esbuild to bundle with the embedded runtime.
//
// # API for the build driver
//
//	prog, diags := lower.Lower(fset, info)   // after check.Check without errors
//	opt.Run(prog)
//	out, err := web.Generate(prog, web.Options{SourceMaps: true})
//
// out.Files holds virtual modules keyed by slash-separated paths relative to
// the app directory, all under Options.Dir ("_jepsh"): the entry module
// out.Entry ("_jepsh/main.js"), one module per view ("_jepsh/views/V.js"),
// one per route ("_jepsh/routes/rN.js", loaded with import() so each route
// is its own chunk; "_jepsh/routes/root.js" is the fallback when no route
// matches), the app module ("_jepsh/app.js": app-wide atoms, funcs,
// methods), the value helpers ("_jepsh/values.js") and the stylesheet
// ("_jepsh/app.css", listed in out.Styles; no module imports it). Modules
// import the runtime by the bare specifier Options.Runtime ("jepsh/runtime",
// "jepsh/runtime/std/lib", ...), which runtime.Plugin resolves. Each module
// ends with an inline source map whose sources are relative to the module
// (so "../../counter.jxl" from "_jepsh/views/Counter.js"). The entry mounts
// the app into the element with id Options.Mount ("app"), which index.html
// provides.
//
// out maps onto build.Generated as Entry → Entry, Files → Files, Styles →
// Styles, Title → Title.
//
// Generate returns an error only for programs the checker should have
// rejected (an internal error); user errors are diagnostics of earlier phases.
//
// See docs/architecture.md for the shape of the generated code.
package web
