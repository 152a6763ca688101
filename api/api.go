// Package api is the public Go API of the Jepsh toolchain: it builds a JXL
// app for the web, as "jepsh build" does, or only checks it, for programs
// that embed the toolchain (editors, servers, other build tools).
//
//	res := api.Build(ctx, api.Options{Dir: "myapp", OutDir: "myapp/dist"})
//	for _, d := range res.Diagnostics {
//		fmt.Println(d.Text)
//	}
//
// Everything else in the module is internal and may change.
package api

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/staticlayout"
)

// Options configure Build.
type Options struct {
	// Dir is the app's directory on disk: its .jxl files, tokens.yml,
	// stylesheets and fonts. Ignored when FS is set.
	Dir string
	// FS is the app's directory as a file system, for apps in memory or
	// embedded in a binary.
	FS fs.FS
	// OutDir, when not empty, receives the output files if the build
	// succeeds; its previous contents are replaced as a whole. A failed build
	// leaves it untouched. It may not be Dir or hold it, and an existing
	// OutDir must be empty or a previous build's output.
	OutDir string
	// Dev makes a development build: not minified, dev-only checks kept.
	Dev bool
	// Base is the URL path the app is served under; "/" when empty.
	Base string
	// CSP replaces the default Content-Security-Policy of index.html.
	CSP string
	// Layout is what static subtrees get from their build-time layout, as
	// jepsh build --layout: "reserve" (computed sizes), "absolute" (also
	// positions), "text" (only the measured fonts) or "off"; empty means
	// jepsh build's default.
	Layout string
}

// Result is the outcome of a build.
type Result struct {
	// Files are the output files, sorted by path; empty if the build failed.
	Files []OutputFile
	// Diagnostics are the errors and warnings, sorted by file and position.
	Diagnostics []Diagnostic
}

// OutputFile is one file of the bundle.
type OutputFile struct {
	Path     string // slash-separated, relative to the output directory: "index.html", "main-3F2A1B9C.js"
	Contents []byte
}

// Diagnostic is a problem found in the app, with a stable code ("E1007";
// the codes never change meaning).
type Diagnostic struct {
	File      string // relative to the app directory; "" for problems not tied to a file
	Line      int    // 1-based; 0 when unknown
	Column    int    // 1-based, in bytes
	EndLine   int    // end of the offending span, when known
	EndColumn int
	Severity  string // "error", "warning" or "note"
	Code      string
	Message   string
	Hint      string // a suggested fix, when there is an obvious one
	// Text is the diagnostic as jepsh prints it: position, severity, code,
	// message, the source line with a caret under the column, and the hint.
	Text string
}

// Failed reports whether the result has an error.
func (r *Result) Failed() bool {
	for _, d := range r.Diagnostics {
		if d.Severity == "error" {
			return true
		}
	}
	return false
}

// appFS returns the app directory of opts, or a failed Result.
func appFS(opts Options) (fs.FS, *Result) {
	if opts.FS != nil {
		return opts.FS, nil
	}
	if opts.Dir == "" {
		r := fail("", diag.ErrReadSource, "api: neither Dir nor FS is set")
		return nil, &r
	}
	fi, err := os.Stat(opts.Dir)
	if err == nil && !fi.IsDir() {
		err = errors.New("not a directory")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if err != nil {
		r := fail(opts.Dir, diag.ErrReadSource, "cannot read the app directory: "+err.Error())
		return nil, &r
	}
	return os.DirFS(opts.Dir), nil
}

// diagnostics converts the driver's diagnostics.
func diagnostics(fset *source.FileSet, l diag.List) []Diagnostic {
	var out []Diagnostic
	for _, d := range l {
		j := diag.ToJSON(fset, d)
		var text bytes.Buffer
		diag.Format(&text, fset, d)
		out = append(out, Diagnostic{
			File: j.File, Line: j.Line, Column: j.Col, EndLine: j.EndLine, EndColumn: j.EndCol,
			Severity: j.Severity, Code: j.Code, Message: j.Message, Hint: j.Hint,
			Text: strings.TrimRight(text.String(), "\n"),
		})
	}
	return out
}

// Compile checks the app as Build does (parse, type-check, lower, generate)
// but does not bundle or write anything: the diagnostics of a build, for
// editors and tools that check on every change. Result.Files is empty.
// Only Dir and FS of opts are used.
func Compile(ctx context.Context, opts Options) Result {
	fsys, failed := appFS(opts)
	if failed != nil {
		return *failed
	}
	fset := source.NewFileSet()
	src, diags := build.Load(fsys)
	if !diags.HasErrors() {
		_, d := build.Compile(ctx, fset, src)
		diags = append(diags, d...)
	}
	diags.Sort(fset)
	return Result{Diagnostics: diagnostics(fset, diags)}
}

// Build compiles and bundles the app, and writes it to OutDir when set.
func Build(ctx context.Context, opts Options) Result {
	fsys, failed := appFS(opts)
	if failed != nil {
		return *failed
	}
	mode, ok := layoutModes[opts.Layout]
	if !ok {
		return fail("", diag.ErrReadSource, "api: Layout must be reserve, absolute, text or off, not "+strconv.Quote(opts.Layout))
	}
	res := build.Build(ctx, fsys, build.Options{Dev: opts.Dev, Base: opts.Base, CSP: opts.CSP,
		Layout: &build.LayoutOptions{Mode: mode}})
	out := Result{Diagnostics: diagnostics(res.FileSet, res.Diagnostics)}
	if res.Failed() {
		return out
	}
	if opts.OutDir != "" {
		err := error(nil)
		if opts.FS == nil {
			err = build.CheckOutDir(opts.Dir, opts.OutDir)
		}
		if err == nil {
			err = build.Write(opts.OutDir, res.Files)
		}
		if err != nil {
			r := fail(opts.OutDir, diag.ErrWriteOutput, "cannot write the output: "+err.Error())
			out.Diagnostics = append(out.Diagnostics, r.Diagnostics...)
			return out
		}
	}
	for _, f := range res.Files {
		out.Files = append(out.Files, OutputFile{Path: f.Name, Contents: f.Data})
	}
	return out
}

var layoutModes = map[string]staticlayout.Mode{
	"": staticlayout.DefaultMode, "reserve": staticlayout.Reserve, "absolute": staticlayout.Absolute,
	"text": staticlayout.TextOnly, "off": staticlayout.Off,
}

func fail(file string, code diag.Code, msg string) Result {
	text := "error[" + string(code) + "]: " + msg
	if file != "" {
		text = file + ": " + text
	}
	return Result{Diagnostics: []Diagnostic{{File: file, Severity: "error", Code: string(code), Message: msg, Text: text}}}
}
