package cli

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/build/browser"
)

// The scaffold is a working app: it builds, and its tests pass in Chromium;
// a broken test fails jepsh test.
func TestScaffoldBuildAndTest(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := run(t, dir, "new", "hello"); code != 0 {
		t.Fatalf("jepsh new: %s", errs)
	}
	code, out, errs := run(t, dir, "build", "hello")
	if code != 0 {
		t.Fatalf("jepsh build of the scaffold: exit %d\n%s", code, errs)
	}
	// The size table: every file with raw and gzip sizes, and a total.
	for _, re := range []string{
		`(?m)^hello/dist/index\.html +\d+ B +\d+ B$`,
		`(?m)^hello/dist/main-[A-Z0-9]{8}\.js +[\d.]+ k?B +[\d.]+ k?B$`,
		`(?m)^hello/dist/main-[A-Z0-9]{8}\.js\.map +`,
		`(?m)^total +[\d.]+ k?B +[\d.]+ k?B +\(without source maps\)$`,
		`(?m)^total js +[\d.]+ k?B +[\d.]+ k?B +`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("size table lacks %s:\n%s", re, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "hello", "dist", "index.html")); err != nil {
		t.Errorf("no dist/index.html: %v", err)
	}
	// -o elsewhere.
	if code, _, errs := run(t, dir, "build", "-o", "out", "hello"); code != 0 {
		t.Errorf("jepsh build -o out: %s", errs)
	} else if _, err := os.Stat(filepath.Join(dir, "out", "index.html")); err != nil {
		t.Errorf("-o out: %v", err)
	}

	// --json: stdout is the JSON alone, an empty array; the table goes to stderr.
	code, out, errs = run(t, dir, "build", "hello", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" || !strings.Contains(errs, "total js") {
		t.Errorf("jepsh build --json: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	// --csp replaces the policy.
	policy := "default-src 'self'; connect-src 'self' https://api.example.com"
	if code, _, errs := run(t, dir, "build", "hello", "--csp", policy); code != 0 {
		t.Errorf("jepsh build --csp: %s", errs)
	} else if b, _ := os.ReadFile(filepath.Join(dir, "hello", "dist", "index.html")); !strings.Contains(string(b), `content="`+policy+`"`) {
		t.Errorf("index.html does not carry the policy:\n%s", b)
	}

	if _, err := browser.Find(); errors.Is(err, browser.ErrNotFound) && os.Getenv("CI") != "true" {
		t.Skip(err)
	}
	code, out, errs = run(t, dir, "test", "hello")
	if code != 0 || !strings.Contains(out, "2 tests, 0 failed") {
		t.Fatalf("jepsh test of the scaffold: exit %d\n%s%s", code, out, errs)
	}
	spec := filepath.Join(dir, "hello", "app.test.js")
	src, _ := os.ReadFile(spec)
	os.WriteFile(spec, []byte(strings.Replace(string(src), `toBe("1 click")`, `toBe("7 clicks")`, 1)), 0o644)
	code, out, _ = run(t, dir, "test", "hello")
	if code != 1 || !strings.Contains(out, `expected "1 click" to be "7 clicks"`) || !strings.Contains(out, "2 tests, 1 failed") {
		t.Errorf("jepsh test with a failing test: exit %d\n%s", code, out)
	}
	if m := regexp.MustCompile(`screenshots of the failures: (\S+)`).FindStringSubmatch(out); m == nil {
		t.Errorf("no screenshot reported:\n%s", out)
	} else {
		pngs, _ := filepath.Glob(filepath.Join(m[1], "*.png"))
		if len(pngs) != 1 || !strings.HasSuffix(pngs[0], "01-counts-clicks.png") {
			t.Errorf("screenshots: %v", pngs)
		}
		os.RemoveAll(m[1])
	}
	// --run picks the tests to run: the passing one alone succeeds.
	code, out, _ = run(t, dir, "test", "hello", "--run", "title$")
	if code != 0 || !strings.Contains(out, "1 test, 0 failed") {
		t.Errorf("jepsh test --run title$: exit %d\n%s", code, out)
	}
}
