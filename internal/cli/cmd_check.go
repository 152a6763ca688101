package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

func init() {
	c := &Command{
		Name:  "check",
		Short: "parse and type-check an app",
		Usage: `usage: jepsh check [--json] [dir | files.jxl...]

Check parses and type-checks the app in dir (default "."): every *.jxl file
in it (one namespace) with the design tokens of its tokens.yml. Given .jxl
files instead, it checks them as one app, with the tokens.yml beside the
first file if there is one.

Diagnostics are printed sorted, as file:line:col: error[code]: message with
the source line and a caret; --json prints them as a JSON array on stdout.
The exit status is 1 if there are errors, 0 otherwise (warnings included).

Flags:
  --json    print diagnostics as JSON
`,
	}
	c.Run = func(env *Env, args []string) int { return runCheck(env, c, args) }
	Register(c)
}

func runCheck(env *Env, c *Command, args []string) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	fl.Usage = func() { fmt.Fprintln(env.Stderr, usageFor(c)()) }
	asJSON := fl.Bool("json", false, "print diagnostics as JSON")
	pos, err := parseFlagsAnywhere(fl, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(pos) == 0 {
		pos = []string{"."}
	}
	// A check is short-lived and allocates mostly long-lived AST and Info:
	// collect less often (the compilers of Go and esbuild do likewise).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	fset := source.NewFileSet()
	var diags diag.List
	var files []*syntax.File
	var tokens *design.Tokens

	parse := func(name string, data []byte) {
		f, d := syntax.ParseFile(fset, name, data)
		files = append(files, f)
		diags = append(diags, d...)
	}
	loadTokens := func(dir string) {
		name := filepath.Join(dir, design.FileName)
		data, err := os.ReadFile(env.path(name))
		if err != nil {
			tokens = design.Default()
			return
		}
		t, d := design.Load(fset, name, data)
		tokens = t
		diags = append(diags, d...)
	}

	first := pos[0]
	st, statErr := os.Stat(env.path(first))
	switch {
	case len(pos) == 1 && statErr == nil && st.IsDir():
		dir := env.path(first)
		src, d := build.Load(os.DirFS(dir))
		if len(src.Files) == 0 {
			fmt.Fprintf(env.Stderr, "jepsh check: no .jxl files in %s\n", first)
			return 1
		}
		diags = append(diags, d...)
		for _, f := range src.Files {
			parse(filepath.Join(first, filepath.FromSlash(f.Name)), f.Data)
		}
		if src.Tokens != nil {
			t, d := design.Load(fset, filepath.Join(first, design.FileName), src.Tokens.Data)
			tokens = t
			diags = append(diags, d...)
		} else {
			tokens = design.Default()
		}
	case len(pos) == 1 && statErr != nil && !strings.HasSuffix(first, ".jxl"):
		if errors.Is(statErr, fs.ErrNotExist) {
			fmt.Fprintf(env.Stderr, "jepsh check: %s: no such directory\n", first)
		} else {
			fmt.Fprintf(env.Stderr, "jepsh check: %v\n", statErr)
		}
		return 1
	default:
		names := append([]string(nil), pos...)
		sort.Strings(names)
		for _, name := range names {
			if !strings.HasSuffix(name, ".jxl") {
				fmt.Fprintf(env.Stderr, "jepsh check: %s: give one app directory or .jxl files\n", name)
				return 1
			}
			data, err := os.ReadFile(env.path(name))
			if err != nil {
				fmt.Fprintf(env.Stderr, "jepsh check: %v\n", err)
				return 1
			}
			parse(name, data)
		}
		loadTokens(filepath.Dir(pos[0]))
	}

	_, d := check.Check(fset, files, tokens, &check.Config{Dense: true})
	diags = append(diags, d...)
	diags.Sort(fset)
	if *asJSON {
		if err := diag.WriteJSON(env.Stdout, fset, diags); err != nil {
			fmt.Fprintln(env.Stderr, "jepsh check:", err)
			return 1
		}
	} else {
		diag.Print(env.Stderr, fset, diags)
	}
	if diags.HasErrors() {
		if !*asJSON {
			n := 0
			for _, d := range diags {
				if d.Severity == diag.Error {
					n++
				}
			}
			fmt.Fprintf(env.Stderr, "jepsh check: %d error%s\n", n, plural(n))
		}
		return 1
	}
	return 0
}
