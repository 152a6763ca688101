package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jepsh/jepsh/internal/bench/result"
	"github.com/jepsh/jepsh/internal/bench/uibench"
)

// Suites are the suite names in the order they run.
var Suites = []string{"ui", "reactivity", "compiler", "layout"}

// Config configures a run of the suites.
type Config struct {
	Root   string   // repository root
	Suites []string // nil: all
	Quick  bool
	Runs   int // samples per benchmark (0: the suite's default)
	// CPUThrottle slows the ui suite's pages down (see uibench.Options).
	CPUThrottle float64
	Progress    *Progress
}

// Skipped is the reason a whole suite did not run: a missing prerequisite,
// not a failure.
type Skipped struct{ Reason string }

func (s *Skipped) Error() string { return s.Reason }

func skip(format string, args ...any) error { return &Skipped{Reason: fmt.Sprintf(format, args...)} }

// IsSkipped reports whether err says a suite was skipped.
func IsSkipped(err error) bool {
	var s *Skipped
	return errors.As(err, &s)
}

// RunSuite runs one suite.
func RunSuite(ctx context.Context, cfg *Config, name string) (*result.Doc, error) {
	switch name {
	case "ui":
		return runUI(ctx, cfg)
	case "reactivity":
		return runReactivity(ctx, cfg)
	case "compiler":
		return runCompiler(ctx, cfg)
	case "layout":
		return runLayout(ctx, cfg)
	}
	return nil, fmt.Errorf("unknown suite %q (suites: %s)", name, strings.Join(Suites, ", "))
}

func runUI(ctx context.Context, cfg *Config) (*result.Doc, error) {
	if _, err := uibench.FindChromium(""); err != nil {
		return nil, skip("%v", err)
	}
	doc, err := uibench.Run(ctx, uibench.Options{
		Root: cfg.Root, Quick: cfg.Quick, Runs: cfg.Runs, CPUThrottle: cfg.CPUThrottle,
		Progress: func(msg string) { cfg.Progress.Step("%s", msg) },
	})
	if err != nil && doc != nil && len(doc.Results) == 0 && len(doc.Skipped) > 0 {
		return nil, skip("%v", err)
	}
	return doc, err
}

// ReactivityScript is the reactivity suite's entry, relative to the root.
const ReactivityScript = "bench/reactivity/bench.mjs"

func runReactivity(ctx context.Context, cfg *Config) (*result.Doc, error) {
	script := filepath.Join(cfg.Root, ReactivityScript)
	if _, err := os.Stat(script); err != nil {
		return nil, skip("%s does not exist", ReactivityScript)
	}
	dir := filepath.Dir(script)
	if err := npmInstall(ctx, cfg, dir); err != nil {
		return nil, err
	}
	out := filepath.Join(os.TempDir(), fmt.Sprintf("jepsh-bench-reactivity-%d.json", os.Getpid()))
	defer os.Remove(out)
	args := []string{"--expose-gc", filepath.Base(script), "--json", out}
	if cfg.Quick {
		args = append(args, "--quick")
	}
	if cfg.Runs > 0 {
		args = append(args, "--rounds", strconv.Itoa(cfg.Runs))
	}
	if err := runCmd(ctx, cfg, "reactivity", dir, timeout(cfg, 3, 12), "node", args...); err != nil {
		return nil, err
	}
	docs, err := result.Read(out)
	if err != nil {
		return nil, fmt.Errorf("%s wrote no readable result: %v", ReactivityScript, err)
	}
	docs[0].Quick = docs[0].Quick || cfg.Quick
	return docs[0], nil
}

func timeout(cfg *Config, quickMin, fullMin int) time.Duration {
	if cfg.Quick {
		return time.Duration(quickMin) * time.Minute
	}
	return time.Duration(fullMin) * time.Minute
}

// npmInstall runs npm ci in dir when it has a lockfile and no node_modules.
func npmInstall(ctx context.Context, cfg *Config, dir string) error {
	if _, err := exec.LookPath("node"); err != nil {
		return skip("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err == nil {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, "package-lock.json")); err != nil {
		return nil
	}
	rel, _ := filepath.Rel(cfg.Root, dir)
	cfg.Progress.Step("npm ci in %s", rel)
	cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		return skip("npm ci in %s failed: %v: %s", rel, err, lastLines(b, 3))
	}
	return nil
}

// runCmd runs a command, passing its stderr lines on as progress.
func runCmd(ctx context.Context, cfg *Config, suite, dir string, limit time.Duration, name string, args ...string) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	pr, pw := io.Pipe()
	cmd.Stderr = pw
	var tail []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			cfg.Progress.Step("%s: %s", suite, line)
			tail = append(tail, line)
			if len(tail) > 5 {
				tail = tail[1:]
			}
		}
	}()
	err := cmd.Run()
	pw.Close()
	<-done
	if ctx.Err() == context.DeadlineExceeded {
		return fmt.Errorf("%s %s: did not finish within %v", name, strings.Join(args, " "), limit)
	}
	if err != nil {
		return fmt.Errorf("%s %s: %v: %s%s", name, strings.Join(args, " "), err, strings.Join(tail, " / "), lastLines(stdout.Bytes(), 3))
	}
	return nil
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " / ")
}

// Layout suite inputs, relative to the root.
const (
	LayoutPkg    = "internal/layout"
	LayoutScript = "bench/layout/bench.mjs"
)

func runLayout(ctx context.Context, cfg *Config) (*result.Doc, error) {
	pkgs := benchPackages(cfg.Root, func(rel string) bool { return rel == LayoutPkg || strings.HasPrefix(rel, LayoutPkg+"/") })
	doc := newDoc(cfg, "layout")
	if len(pkgs) == 0 {
		return nil, skip("no Go benchmarks in %s", LayoutPkg)
	}
	if err := goBench(ctx, cfg, doc, pkgs); err != nil {
		return nil, err
	}
	script := filepath.Join(cfg.Root, LayoutScript)
	if _, err := os.Stat(script); err != nil {
		doc.Skipped = append(doc.Skipped, result.Skip{What: "layout/yoga", Reason: LayoutScript + " does not exist"})
	} else if err := npmInstall(ctx, cfg, filepath.Dir(script)); err != nil {
		doc.Skipped = append(doc.Skipped, result.Skip{What: "layout/yoga", Reason: err.Error()})
	} else {
		out := filepath.Join(os.TempDir(), fmt.Sprintf("jepsh-bench-yoga-%d.json", os.Getpid()))
		defer os.Remove(out)
		args := []string{filepath.Base(script), "--json", out}
		if cfg.Quick {
			args = append(args, "--quick")
		}
		if err := runCmd(ctx, cfg, "layout", filepath.Dir(script), timeout(cfg, 2, 6), "node", args...); err != nil {
			doc.Skipped = append(doc.Skipped, result.Skip{What: "layout/yoga", Reason: err.Error()})
		} else if docs, err := result.Read(out); err != nil {
			doc.Skipped = append(doc.Skipped, result.Skip{What: "layout/yoga", Reason: "unreadable result: " + err.Error()})
		} else {
			for _, d := range docs {
				doc.Results = append(doc.Results, d.Results...)
				for k, v := range d.Impls {
					if doc.Impls == nil {
						doc.Impls = map[string]result.Impl{}
					}
					doc.Impls[k] = v
				}
				if d.Reference != "" {
					doc.Reference = d.Reference
				}
			}
		}
	}
	doc.Load.After = result.LoadAvg()
	return doc, nil
}

// notCompiler lists the packages whose benchmarks belong to other suites
// (internal/staticlayout measures pages in Chromium: run it on its own, see docs/layout.md).
var notCompiler = []string{LayoutPkg, "internal/staticlayout", "internal/text", "internal/bench", "internal/runtime", "internal/devserver"}

func runCompiler(ctx context.Context, cfg *Config) (*result.Doc, error) {
	pkgs := benchPackages(cfg.Root, func(rel string) bool {
		if !strings.HasPrefix(rel, "internal/") {
			return false
		}
		for _, n := range notCompiler {
			if rel == n || strings.HasPrefix(rel, n+"/") {
				return false
			}
		}
		return true
	})
	if len(pkgs) == 0 {
		return nil, skip("no Go benchmarks in the compiler's packages under internal/")
	}
	doc := newDoc(cfg, "compiler")
	if err := goBench(ctx, cfg, doc, pkgs); err != nil {
		return nil, err
	}
	doc.Load.After = result.LoadAvg()
	return doc, nil
}

func newDoc(cfg *Config, suite string) *result.Doc {
	return &result.Doc{Suite: suite, Time: time.Now().UTC(), Machine: result.ThisMachine(""),
		Load: result.Load{Before: result.LoadAvg()}, Quick: cfg.Quick}
}

var benchFuncRe = regexp.MustCompile(`(?m)^func Benchmark\w*\(\w+ \*testing\.B\)`)

// benchPackages lists the package directories (relative, slash-separated)
// under the root whose tests define benchmarks and that keep selects.
func benchPackages(root string, keep func(rel string) bool) []string {
	var out []string
	filepath.WalkDir(filepath.Join(root, "internal"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if n := d.Name(); n == "testdata" || n == "node_modules" || strings.HasPrefix(n, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		if slices.Contains(out, rel) || !keep(rel) {
			return nil
		}
		if b, err := os.ReadFile(path); err == nil && benchFuncRe.Match(b) {
			out = append(out, rel)
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// goBench runs the benchmarks of pkgs one package at a time (-p 1, so
// benchmarks never compete with each other) and adds their samples to doc.
func goBench(ctx context.Context, cfg *Config, doc *result.Doc, pkgs []string) error {
	count, benchtime := 8, "300ms"
	if cfg.Quick {
		count, benchtime = 3, "100ms"
	}
	if cfg.Runs > 0 {
		count = cfg.Runs
	}
	args := []string{"test", "-p", "1", "-run", "^$", "-bench", ".", "-benchmem", "-count", strconv.Itoa(count), "-benchtime", benchtime, "-json"}
	if cfg.Quick {
		args = append(args, "-short") // benchmarks leave out their largest cases
	}
	for _, p := range pkgs {
		args = append(args, "./"+p)
	}
	cfg.Progress.Step("%s: go test -bench in %s", doc.Suite, strings.Join(pkgs, ", "))
	ctx, cancel := context.WithTimeout(ctx, timeout(cfg, 5, 12)) // includes building the test binaries
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = cfg.Root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	module := modulePath(cfg.Root)
	perr := ParseGoTestJSON(out, module, doc, func(name string) { cfg.Progress.Step("%s: %s", doc.Suite, name) })
	werr := cmd.Wait()
	if ctx.Err() == context.DeadlineExceeded {
		return fmt.Errorf("go test -bench did not finish within %v", timeout(cfg, 5, 12))
	}
	if werr != nil {
		return fmt.Errorf("go %s: %v: %s", strings.Join(args, " "), werr, lastLines(stderr.Bytes(), 5))
	}
	if perr != nil {
		return perr
	}
	if len(doc.Results) == 0 {
		return fmt.Errorf("go test -bench printed no benchmark results")
	}
	for _, r := range doc.Results {
		if doc.Impls == nil {
			doc.Impls = map[string]result.Impl{}
		}
		if _, ok := doc.Impls[r.Impl]; !ok && r.Impl == "jepsh" {
			doc.Impls["jepsh"] = result.Impl{Label: "Jepsh (Go)", Source: strings.Join(pkgs, ", ")}
		}
	}
	return nil
}

func modulePath(root string) string {
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return ""
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if m, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.TrimSpace(m)
		}
	}
	return ""
}

// benchLineRe matches a benchmark result line: name-P, iterations, then
// value/unit pairs.
var benchLineRe = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+(\d+)\s+(.+)$`)

// ParseGoTestJSON reads go test -json output and adds one sample per
// benchmark result line and unit to doc (impl "jepsh"). Benchmark names are
// the package path below the module, a slash, and the name without
// "Benchmark": "internal/check.Parse/views=100" becomes "check/Parse/views=100".
// Units map to metrics: ns/op → duration, B/op → alloc, allocs/op → allocs,
// anything per second → a higher-is-better metric named after the unit.
func ParseGoTestJSON(r io.Reader, module string, doc *result.Doc, progress func(string)) error {
	type event struct {
		Action  string
		Package string
		Output  string
	}
	pending := map[string]string{} // package → partial line
	dec := json.NewDecoder(r)
	for {
		var ev event
		if err := dec.Decode(&ev); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("go test -json: %v", err)
		}
		if ev.Action != "output" {
			continue
		}
		text := pending[ev.Package] + ev.Output
		lines := strings.Split(text, "\n")
		pending[ev.Package] = lines[len(lines)-1]
		for _, line := range lines[:len(lines)-1] {
			if name, ok := addBenchLine(doc, module, ev.Package, line); ok && progress != nil {
				progress(name)
			}
		}
	}
	for pkg, line := range pending {
		addBenchLine(doc, module, pkg, line)
	}
	return nil
}

func addBenchLine(doc *result.Doc, module, pkg, line string) (string, bool) {
	m := benchLineRe.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return "", false
	}
	short := strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")
	short = strings.TrimPrefix(short, "internal/")
	name := strings.TrimPrefix(m[1], "Benchmark")
	if short != "" {
		name = short + "/" + name
	}
	f := strings.Fields(m[3])
	added := false
	for i := 0; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			continue
		}
		unit := f[i+1]
		metric := unit
		switch unit {
		case "ns/op":
			metric = "duration"
		case "B/op":
			metric = "alloc"
		case "allocs/op":
			metric = "allocs"
		}
		doc.Add(name, metric, "jepsh", unit, v)
		added = true
	}
	return name, added
}
