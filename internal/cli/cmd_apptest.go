package cli

// The "jepsh test" command. (The file is not named cmd_test.go: Go would
// take that for a test file.)

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/build/apptest"
)

func init() {
	c := &Command{
		Name:  "test",
		Short: "run an app's browser tests in headless Chromium",
		Usage: `usage: jepsh test [dir] [--run regexp] [--json]

Test builds the app in dir (default ".") for production, serves it on
loopback and runs every *.test.js file in it in headless Chromium: each
test in a fresh page. It exits with status 1 if a test fails.

A spec file imports the test API:

  import { test, expect, click, type, press, text } from "jepsh/test";

  test("counts clicks", async () => {
    await click('[data-testid="inc"]');
    expect(await text('[data-testid="count"]')).toBe("1 click");
  });

Actions (click, dblclick, type, press, clear, go) act like a user and wait
for the page to update; text, value and count read it; find waits for an
element; settle waits for pending updates. An uncaught error or a
Content-Security-Policy violation in the page fails the test. A screenshot
of each failing test's page is saved to a temporary directory, which the
report names.

Chromium is found on PATH (chromium, chromium-browser, google-chrome) or
at $JEPSH_CHROME.

Flags:
  --run regexp   run only the tests whose name matches
  --json         print compile diagnostics as JSON
`,
	}
	c.Run = func(env *Env, args []string) int { return runAppTest(env, c, args) }
	Register(c)
}

func runAppTest(env *Env, c *Command, args []string) int {
	fl := flag.NewFlagSet("test", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	fl.Usage = func() { fmt.Fprintln(env.Stderr, usageFor(c)()) }
	asJSON := fl.Bool("json", false, "print diagnostics as JSON")
	runPat := fl.String("run", "", "run only the tests whose name matches this regular expression")
	pos, err := parseFlagsAnywhere(fl, args)
	if err != nil {
		return 2
	}
	if len(pos) > 1 {
		fmt.Fprintln(env.Stderr, "jepsh test: at most one app directory")
		return 2
	}
	var match func(string) bool
	if *runPat != "" {
		re, err := regexp.Compile(*runPat)
		if err != nil {
			fmt.Fprintf(env.Stderr, "jepsh test: --run: %v\n", err)
			return 2
		}
		match = re.MatchString
	}
	dir := "."
	if len(pos) == 1 {
		dir = pos[0]
	}
	dir = env.path(dir)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		fmt.Fprintf(env.Stderr, "jepsh test: %s is not a directory\n", dir)
		return 1
	}
	fsys := os.DirFS(dir)
	names, err := apptest.FindSpecs(fsys)
	if err != nil {
		fmt.Fprintln(env.Stderr, "jepsh test:", err)
		return 1
	}
	if len(names) == 0 {
		fmt.Fprintf(env.Stdout, "no *.test.js files in %s\n", dir)
		return 0
	}
	lo, _ := layoutOptions("") // the same build as jepsh build's default
	res := build.Build(env.Ctx, fsys, build.Options{Layout: lo})
	if !printDiagnostics(env, res, *asJSON) {
		return 1
	}
	specs, err := apptest.BundleSpecs(fsys, names)
	if err != nil {
		fmt.Fprintln(env.Stderr, "jepsh test:", err)
		return 1
	}
	results, err := apptest.RunMatching(env.Ctx, res.Files, specs, match, env.Stdout)
	if err != nil {
		fmt.Fprintln(env.Stderr, "jepsh test:", err)
		return 1
	}
	failed := 0
	shots := ""
	for _, r := range results {
		if r.Err == "" {
			continue
		}
		failed++
		if r.Screenshot == nil {
			continue
		}
		if shots == "" {
			if shots, err = os.MkdirTemp("", "jepsh-test-"); err != nil {
				shots = ""
				continue
			}
		}
		name := fmt.Sprintf("%02d-%s.png", failed, strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return '-'
		}, r.Test))
		os.WriteFile(filepath.Join(shots, name), r.Screenshot, 0o644)
	}
	if shots != "" {
		fmt.Fprintf(env.Stdout, "screenshots of the failures: %s\n", shots)
	}
	fmt.Fprintf(env.Stdout, "%d test%s, %d failed\n", len(results), plural(len(results)), failed)
	if failed > 0 {
		return 1
	}
	return 0
}
