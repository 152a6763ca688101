package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/format"
	"github.com/jepsh/jepsh/internal/source"
)

func init() {
	c := &Command{
		Name:  "fmt",
		Short: "format .jxl source files",
		Usage: `usage: jepsh fmt [-l] [-w] [-d] [path ...]

Fmt formats JXL source files in the canonical layout (see docs/language.md,
"Formatting"). A path is a .jxl file or a directory, searched recursively
for .jxl files (skipping directories whose names start with "." or "_" and
node_modules); the default is ".".

Without flags, fmt prints the formatted source to standard output.

Flags:
  -l    list the files whose formatting differs from fmt's
  -w    write the result back to the files that differ (atomically,
        keeping the file mode)
  -d    print a diff of the changes

Files with syntax errors are reported (file:line:col: error[code]: ...)
and left alone; fmt then exits with status 1.
`,
	}
	c.Run = func(env *Env, args []string) int { return runFmt(env, c, args) }
	Register(c)
}

func runFmt(env *Env, c *Command, args []string) int {
	fl := flag.NewFlagSet("fmt", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	fl.Usage = func() { fmt.Fprintln(env.Stderr, usageFor(c)()) }
	list := fl.Bool("l", false, "list files whose formatting differs")
	write := fl.Bool("w", false, "write the result to the files")
	diff := fl.Bool("d", false, "print diffs")
	paths, err := parseFlagsAnywhere(fl, args)
	if err != nil {
		return 2
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	fset := source.NewFileSet()
	status := 0
	for _, arg := range paths {
		files, err := jxlFiles(env.path(arg))
		if err != nil {
			fmt.Fprintf(env.Stderr, "jepsh fmt: %v\n", err)
			status = 1
			continue
		}
		for _, file := range files {
			name := displayName(env, arg, file)
			if err := fmtFile(env, fset, file, name, *list, *write, *diff); err != nil {
				if _, ok := err.(diag.ListError); !ok {
					fmt.Fprintf(env.Stderr, "jepsh fmt: %v\n", err)
				}
				status = 1
			}
		}
	}
	return status
}

// jxlFiles returns path itself if it is a file, or the .jxl files under it.
func jxlFiles(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			n := d.Name()
			if p != path && (strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(d.Name(), ".jxl") && d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// displayName shows file relative to the argument it was found under.
func displayName(env *Env, arg, file string) string {
	abs := env.path(arg)
	if rel, err := filepath.Rel(abs, file); err == nil && rel != "." {
		return filepath.Join(arg, rel)
	}
	return arg
}

func fmtFile(env *Env, fset *source.FileSet, path, name string, list, write, diff bool) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, errs := format.SourceFile(fset, name, src)
	if errs.HasErrors() {
		diag.Print(env.Stderr, fset, errs)
		return errs.Err()
	}
	changed := !bytes.Equal(src, out)
	if list && changed {
		fmt.Fprintln(env.Stdout, name)
	}
	if write && changed {
		if err := writeAtomic(path, out); err != nil {
			return err
		}
	}
	if diff && changed {
		writeDiff(env.Stdout, name, src, out)
	}
	if !list && !write && !diff {
		_, err := env.Stdout.Write(out)
		return err
	}
	return nil
}

// writeAtomic replaces path's content with data: it writes a temporary file
// in the same directory with the same mode and renames it over path.
func writeAtomic(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".fmt-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Chmod(info.Mode().Perm())
	}
	if werr == nil {
		werr = tmp.Sync()
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(name, path)
	}
	if werr != nil {
		os.Remove(name)
	}
	return werr
}

// writeDiff prints a unified diff of a and b with three lines of context.
func writeDiff(w io.Writer, name string, a, b []byte) {
	al := splitLines(a)
	bl := splitLines(b)
	ops := lineEdits(al, bl)
	fmt.Fprintf(w, "diff %s jepsh-fmt/%s\n--- %s\n+++ jepsh-fmt/%s\n", name, name, name, name)
	const context = 3
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk: from context lines before the change to context lines
		// after the last change that is at most 2*context lines away.
		start := max(0, i-context)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			j := end
			for j < len(ops) && ops[j].kind == ' ' && j-end < 2*context {
				j++
			}
			if j < len(ops) && ops[j].kind != ' ' {
				end = j
				continue
			}
			end = min(len(ops), end+context)
			break
		}
		aStart, bStart, aLen, bLen := ops[start].a, ops[start].b, 0, 0
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				aLen++
			}
			if op.kind != '-' {
				bLen++
			}
		}
		fmt.Fprintf(w, "@@ -%d,%d +%d,%d @@\n", aStart+1, aLen, bStart+1, bLen)
		for _, op := range ops[start:end] {
			text := ""
			if op.kind == '+' {
				text = bl[op.b]
			} else {
				text = al[op.a]
			}
			fmt.Fprintf(w, "%c%s\n", op.kind, text)
		}
		i = end
	}
}

func splitLines(b []byte) []string {
	s := strings.TrimSuffix(string(b), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// edit is one line of a diff: kind ' ' (both), '-' (a only) or '+' (b
// only), with the line's index in a and in b (the next line's index for the
// side it is not on).
type edit struct {
	kind byte
	a, b int
}

// lineEdits returns a shortest edit script from a to b: the common prefix
// and suffix are matched directly and the middle by longest common
// subsequence (or replaced wholesale when it is very large).
func lineEdits(a, b []string) []edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []edit
	for i := 0; i < pre; i++ {
		ops = append(ops, edit{' ', i, i})
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(am), len(bm)
	if n*m > 4_000_000 {
		for i := range am {
			ops = append(ops, edit{'-', pre + i, pre})
		}
		for j := range bm {
			ops = append(ops, edit{'+', pre + n, pre + j})
		}
	} else {
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if am[i] == bm[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && am[i] == bm[j]:
				ops = append(ops, edit{' ', pre + i, pre + j})
				i++
				j++
			case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
				ops = append(ops, edit{'-', pre + i, pre + j})
				i++
			default:
				ops = append(ops, edit{'+', pre + i, pre + j})
				j++
			}
		}
	}
	for k := 0; k < suf; k++ {
		ops = append(ops, edit{' ', len(a) - suf + k, len(b) - suf + k})
	}
	return ops
}
