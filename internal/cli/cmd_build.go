package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/diag"
)

func init() {
	c := &Command{
		Name:  "build",
		Short: "build an app for production into dist/",
		Usage: `usage: jepsh build [dir] [-o out] [--base /path/] [--csp policy] [--json]

Build compiles the app in dir (default ".") and bundles it for the web into
out (default dir/dist): index.html, content-hashed JavaScript and CSS, route
chunks, fonts and source maps that lead back to the .jxl files. It prints
every output file's size, raw and gzip-compressed.

On compile errors it prints the diagnostics, leaves out untouched and exits
with status 1.

Flags:
  -o out          the output directory
  --base /path/   the URL path the app is served under (default /)
  --csp policy    the Content-Security-Policy of index.html, replacing
                  the default (same-origin scripts, styles, fonts and
                  connections; no inline code), e.g. to allow an API origin
  --json          print diagnostics as a JSON array on stdout (the size
                  table goes to stderr)
  --layout mode   what static subtrees get from their build-time layout
                  (docs/layout.md): absolute (default: computed sizes,
                  containment and absolute positions), reserve (sizes and
                  containment), text (only the measured fonts: the
                  browser lays out), off
  --layout-report print which static subtrees were pre-computed and why
                  others were not
  --layout-json FILE
                  write the pre-computed boxes and the reasons as JSON
  --no-cache      neither read nor write the build cache, which keeps
                  the results of earlier builds in $JEPSH_CACHE, else
                  $XDG_CACHE_HOME/jepsh or the user cache directory's
                  jepsh (JEPSH_CACHE=off disables it)
`,
	}
	c.Run = func(env *Env, args []string) int { return runBuild(env, c, args) }
	Register(c)
}

func runBuild(env *Env, c *Command, args []string) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprintln(env.Stderr, usageFor(c)()) }
	out := fs.String("o", "", "output directory")
	asJSON := fs.Bool("json", false, "print diagnostics as JSON")
	base := fs.String("base", "/", "URL path the app is served under")
	csp := fs.String("csp", "", "Content-Security-Policy of index.html")
	layoutMode := fs.String("layout", "absolute", "static layout: reserve, absolute, text or off")
	layoutReport := fs.Bool("layout-report", false, "print the static layout report")
	noCache := fs.Bool("no-cache", false, "neither read nor write the build cache")
	layoutJSON := fs.String("layout-json", "", "write the static layout as JSON to `file`")
	pos, err := parseFlagsAnywhere(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) > 1 {
		fmt.Fprintln(env.Stderr, "jepsh build: at most one app directory")
		return 2
	}
	dir := "."
	if len(pos) == 1 {
		dir = pos[0]
	}
	dir = env.path(dir)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		fmt.Fprintf(env.Stderr, "jepsh build: %s is not a directory\n", dir)
		return 1
	}
	outDir := filepath.Join(dir, "dist")
	if *out != "" {
		outDir = env.path(*out)
	}
	if err := build.CheckOutDir(dir, outDir); err != nil {
		fmt.Fprintf(env.Stderr, "jepsh build: error[%s]: %v\n", diag.ErrWriteOutput, err)
		return 1
	}
	lo, err := layoutOptions(*layoutMode)
	if err != nil {
		fmt.Fprintln(env.Stderr, "jepsh build:", err)
		return 2
	}
	start := time.Now()
	opts := build.Options{Base: *base, CSP: *csp, Layout: lo}
	if !*noCache && !*layoutReport && *layoutJSON == "" { // a disk hit has no layout report
		opts.Cache = diskCache(env, "jepsh build")
	}
	res := build.Build(env.Ctx, os.DirFS(dir), opts)
	if !printDiagnostics(env, res, *asJSON) {
		return 1
	}
	if err := writeLayout(env, res, *layoutReport, *layoutJSON); err != nil {
		fmt.Fprintln(env.Stderr, "jepsh build:", err)
		return 1
	}
	if err := build.Write(outDir, res.Files); err != nil {
		fmt.Fprintf(env.Stderr, "jepsh build: error[%s]: writing %s: %v\n", diag.ErrWriteOutput, outDir, err)
		return 1
	}
	prefix := outDir
	if rel, err := filepath.Rel(env.path("."), outDir); err == nil && filepath.IsLocal(rel) {
		prefix = rel
	}
	report := env.Stdout
	if *asJSON {
		report = env.Stderr // stdout holds only the JSON
	}
	build.WriteSizes(report, filepath.ToSlash(prefix)+"/", build.Sizes(res.Files))
	if res.PreRendered() {
		fmt.Fprintln(report, "index.html holds the root view's first render: the page paints before any script runs")
	}
	fmt.Fprintf(report, "built in %v\n", time.Since(start).Round(time.Millisecond))
	return 0
}

// printDiagnostics prints a result's diagnostics (as text on stderr, or as
// JSON on stdout) and reports whether the build succeeded.
func printDiagnostics(env *Env, res *build.Result, asJSON bool) bool {
	if asJSON {
		if err := diag.WriteJSON(env.Stdout, res.FileSet, res.Diagnostics); err != nil {
			fmt.Fprintln(env.Stderr, "jepsh:", err)
			return false
		}
	} else {
		diag.Print(env.Stderr, res.FileSet, res.Diagnostics)
	}
	if res.Failed() {
		n := 0
		for _, d := range res.Diagnostics {
			if d.Severity == diag.Error {
				n++
			}
		}
		if !asJSON {
			fmt.Fprintf(env.Stderr, "jepsh: %d error%s\n", n, plural(n))
		}
		return false
	}
	return true
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// path resolves p against the environment's working directory.
func (env *Env) path(p string) string {
	if filepath.IsAbs(p) || env.Dir == "" {
		return filepath.Clean(p)
	}
	return filepath.Join(env.Dir, p)
}

// parseFlagsAnywhere parses flags that may come before or after the
// positional arguments ("jepsh build app -o out") and returns the positionals.
func parseFlagsAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
