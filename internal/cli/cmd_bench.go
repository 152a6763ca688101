package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jepsh/jepsh/internal/bench"
	"github.com/jepsh/jepsh/internal/bench/result"
)

func init() {
	c := &Command{
		Name:  "bench",
		Short: "run the benchmark suites and check for regressions",
		Usage: `usage: jepsh bench [--suite ui,reactivity,compiler,layout] [--quick] [--runs N] [--cpu-throttle N]
                   [--json FILE] [--md FILE] [--html FILE]
                   [--baseline FILE] [--save-baseline] [--require SUITES]
       jepsh bench --compare A.json B.json [--json FILE] [--md FILE] [--html FILE]

Bench runs the selected suites (default all) one after another from the
repository root, prints a Markdown report on stdout and a line per step on
stderr, and compares the results with the stored baseline
(bench/baselines.json). Suites:

  ui          js-framework-benchmark keyed operations in headless Chromium:
              Jepsh's bench app against vanilla JS, SolidJS and Svelte 5
  reactivity  propagation benchmarks of the reactive core against
              alien-signals and @preact/signals-core (node)
  compiler    Go benchmarks of the compiler's packages
  layout      Go benchmarks of the layout engine, and Yoga when present

A suite whose prerequisites are missing (no Chromium, no node, no
benchmarks yet) is reported as skipped, unless --require names it.

A regression is called only when it is significant given the spread of the
samples and beyond a minimum effect; ratios to the suite's in-run reference
are compared where there is one. See bench/README.md.

Flags:
  --suite LIST      suites to run, comma-separated
  --quick           few samples: a smoke run for CI (no regression calls on
                    durations, too few samples for significance)
  --runs N          samples per benchmark
  --cpu-throttle N  run the ui suite's pages with the main thread slowed
                    down N times (DevTools' CPU throttling), as on a
                    slower device; such runs have baselines of their own
  --json FILE       write the runs (with statistics) and the comparisons
  --md FILE         write the Markdown report to FILE too
  --html FILE       write a self-contained HTML report with charts
  --baseline FILE   the baseline file (default bench/baselines.json)
  --save-baseline   make this run the baseline of its suites
  --require LIST    fail when one of these suites is skipped
  --compare         compare two stored runs: A (before) and B (after)

Exit status: 0; 1 on an error or a required suite skipped; 2 on bad usage;
3 on a high or critical regression of Jepsh's own code.
`,
	}
	c.Run = func(env *Env, args []string) int { return runBench(env, c, args) }
	Register(c)
}

func runBench(env *Env, c *Command, args []string) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprintln(env.Stderr, usageFor(c)()) }
	suites := fs.String("suite", "", "suites to run")
	quick := fs.Bool("quick", false, "few samples")
	runs := fs.Int("runs", 0, "samples per benchmark")
	throttle := fs.Float64("cpu-throttle", 0, "CPU slowdown of the ui suite's pages")
	jsonOut := fs.String("json", "", "JSON output file")
	mdOut := fs.String("md", "", "Markdown output file")
	htmlOut := fs.String("html", "", "HTML output file")
	baseline := fs.String("baseline", "", "baseline file")
	save := fs.Bool("save-baseline", false, "store this run as the baseline")
	require := fs.String("require", "", "suites that must run")
	compare := fs.Bool("compare", false, "compare two stored runs")
	pos, err := parseFlagsAnywhere(fs, args)
	if err != nil {
		return 2
	}
	if *compare {
		if len(pos) != 2 {
			fmt.Fprintln(env.Stderr, "jepsh bench: --compare needs two result files, A (before) and B (after)")
			return 2
		}
		return benchCompare(env, env.path(pos[0]), env.path(pos[1]), *jsonOut, *mdOut, *htmlOut)
	}
	if len(pos) > 0 {
		fmt.Fprintf(env.Stderr, "jepsh bench: unexpected argument %q\n", pos[0])
		return 2
	}
	if *throttle < 0 || *throttle > 100 {
		fmt.Fprintln(env.Stderr, "jepsh bench: --cpu-throttle must be between 1 and 100")
		return 2
	}
	sel := splitList(*suites)
	for _, s := range append(slices.Clone(sel), splitList(*require)...) {
		if !slices.Contains(bench.Suites, s) {
			fmt.Fprintf(env.Stderr, "jepsh bench: unknown suite %q (suites: %s)\n", s, strings.Join(bench.Suites, ", "))
			return 2
		}
	}
	root, err := findRoot(env.path("."))
	if err != nil {
		fmt.Fprintln(env.Stderr, "jepsh bench:", err)
		return 1
	}
	blPath := filepath.Join(root, bench.DefaultBaselineFile)
	if *baseline != "" {
		blPath = env.path(*baseline)
	}
	bl, err := bench.LoadBaselines(blPath)
	if err != nil {
		fmt.Fprintf(env.Stderr, "jepsh bench: %s: %v\n", blPath, err)
		return 1
	}
	cfg := &bench.Config{Root: root, Suites: sel, Quick: *quick, Runs: *runs, CPUThrottle: *throttle, Progress: bench.NewProgress(env.Stderr)}
	out := bench.RunAll(env.Ctx, cfg)

	rep := &bench.Report{Runs: out.Docs, Skipped: append(slices.Clone(out.Skipped), out.Failed...), History: bl, Policy: bench.DefaultPolicy}
	if len(bl.Suites) > 0 {
		rep.BaselineSrc = relTo(root, blPath)
		rep.Comparisons = bench.CompareRuns(bl.Suites, out.Docs, bench.DefaultPolicy)
	}
	if code := writeReports(env, rep, *jsonOut, *mdOut, *htmlOut); code != 0 {
		return code
	}
	if *save && len(out.Docs) > 0 {
		commit := bench.GitCommit(root)
		for _, d := range out.Docs {
			bl.Record(d, commit)
		}
		if err := bl.Save(blPath); err != nil {
			fmt.Fprintln(env.Stderr, "jepsh bench:", err)
			return 1
		}
		fmt.Fprintf(env.Stderr, "jepsh bench: saved the baseline of %d suite(s) to %s\n", len(out.Docs), relTo(root, blPath))
	}
	return exitStatus(env, rep, out, splitList(*require))
}

func exitStatus(env *Env, rep *bench.Report, out *bench.Outcome, required []string) int {
	code := 0
	for _, f := range out.Failed {
		fmt.Fprintf(env.Stderr, "jepsh bench: suite %s failed: %s\n", f.What, f.Reason)
		code = 1
	}
	for _, s := range out.Skipped {
		if slices.Contains(required, s.What) {
			fmt.Fprintf(env.Stderr, "jepsh bench: required suite %s was skipped: %s\n", s.What, s.Reason)
			code = 1
		}
	}
	if failing := bench.Failing(rep.Comparisons); len(failing) > 0 {
		for _, c := range failing {
			fmt.Fprintf(env.Stderr, "jepsh bench: %s regression: %s %s %s/%s is %.2f× the baseline (95%% CI %.2f–%.2f, p = %.2g)\n",
				c.Severity, c.Suite, c.Benchmark, c.Metric, c.Impl, c.Factor, c.CILow, c.CIHigh, c.P)
		}
		return 3
	}
	return code
}

// benchCompare compares run B against run A, suite by suite.
func benchCompare(env *Env, a, b, jsonOut, mdOut, htmlOut string) int {
	before, err := result.Read(a)
	if err != nil {
		fmt.Fprintf(env.Stderr, "jepsh bench: %s: %v\n", a, err)
		return 1
	}
	after, err := result.Read(b)
	if err != nil {
		fmt.Fprintf(env.Stderr, "jepsh bench: %s: %v\n", b, err)
		return 1
	}
	base := map[string]*result.Doc{}
	hist := &bench.Baselines{Version: 1, Suites: map[string]*result.Doc{}}
	for _, d := range before {
		bench.Analyze(d)
		base[bench.BaselineKey(d)] = d
		hist.History = append(hist.History, bench.Entry(d, filepath.Base(a)))
	}
	for _, d := range after {
		bench.Analyze(d)
	}
	rep := &bench.Report{Runs: after, History: hist, Policy: bench.DefaultPolicy, BaselineSrc: filepath.Base(a) + " → " + filepath.Base(b)}
	rep.Comparisons = bench.CompareRuns(base, after, bench.DefaultPolicy)
	for _, d := range after {
		if _, ok := base[bench.BaselineKey(d)]; !ok {
			mode := "full"
			if d.Quick {
				mode = "quick"
			}
			rep.Skipped = append(rep.Skipped, result.Skip{What: d.Suite, Reason: "no " + mode + " run of it in " + filepath.Base(a) + ": nothing to compare (quick and full runs are not compared)"})
		}
	}
	if code := writeReports(env, rep, jsonOut, mdOut, htmlOut); code != 0 {
		return code
	}
	return exitStatus(env, rep, &bench.Outcome{}, nil)
}

// benchJSON is what --json writes: result.Parse reads it back.
type benchJSON struct {
	Version     int                `json:"version"`
	Runs        []*result.Doc      `json:"runs"`
	Skipped     []result.Skip      `json:"skipped,omitempty"`
	Baseline    string             `json:"baseline,omitempty"`
	Comparisons []bench.Comparison `json:"comparisons,omitempty"`
}

func writeReports(env *Env, rep *bench.Report, jsonOut, mdOut, htmlOut string) int {
	var md strings.Builder
	bench.WriteMarkdown(&md, rep)
	fmt.Fprint(env.Stdout, md.String())
	write := func(name string, data []byte) bool {
		if name == "" {
			return true
		}
		if err := os.WriteFile(env.path(name), data, 0o644); err != nil {
			fmt.Fprintln(env.Stderr, "jepsh bench:", err)
			return false
		}
		return true
	}
	if !write(mdOut, []byte(md.String())) {
		return 1
	}
	if jsonOut != "" {
		runs := rep.Runs
		if runs == nil {
			runs = []*result.Doc{}
		}
		b, err := json.MarshalIndent(benchJSON{Version: 1, Runs: runs, Skipped: rep.Skipped, Baseline: rep.BaselineSrc, Comparisons: rep.Comparisons}, "", " ")
		if err != nil {
			fmt.Fprintln(env.Stderr, "jepsh bench:", err)
			return 1
		}
		if !write(jsonOut, append(b, '\n')) {
			return 1
		}
	}
	if htmlOut != "" {
		var h strings.Builder
		bench.WriteHTML(&h, rep)
		if !write(htmlOut, []byte(h.String())) {
			return 1
		}
	}
	return 0
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// findRoot walks up from dir to the directory holding go.mod.
func findRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod in %s or above: run jepsh bench inside the repository", dir)
		}
	}
}

func relTo(root, p string) string {
	if r, err := filepath.Rel(root, p); err == nil && filepath.IsLocal(r) {
		return filepath.ToSlash(r)
	}
	return p
}
