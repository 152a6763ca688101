package apptest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/build/browser"
)

func TestFindSpecs(t *testing.T) {
	fsys := fstest.MapFS{
		"app.test.js":              {},
		"views/list.test.js":       {},
		"helpers.js":               {},
		"dist/copied.test.js":      {},
		"node_modules/x.test.js":   {},
		".hidden/y.test.js":        {},
		"_jepsh/generated.test.js": {},
		".z.test.js":               {},
	}
	names, err := FindSpecs(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names, " "); got != "app.test.js views/list.test.js" {
		t.Errorf("specs: %s", got)
	}
}

func TestBundleSpecErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"a.test.js": {Data: []byte(`import "lodash";`)},
		"b.test.js": {Data: []byte(`import "./missing.js";`)},
		"c.test.js": {Data: []byte(`test("x", () => {`)},
	}
	for _, name := range []string{"a.test.js", "b.test.js", "c.test.js"} {
		if _, err := BundleSpecs(fsys, []string{name}); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestRunCounter(t *testing.T) {
	js, err := os.ReadFile(filepath.Join("..", "..", "runtime", "testdata", "compiled", "counter", "main.js"))
	if err != nil {
		t.Fatal(err)
	}
	gen := &build.Generated{Entry: "main.js", Files: map[string][]byte{"main.js": js}}
	res := build.Bundle(context.Background(), gen, build.Options{})
	if res.Failed() {
		t.Fatal(res.Diagnostics.Err())
	}
	ar, err := txtar.ParseFile(filepath.Join("testdata", "counter.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	names, _ := FindSpecs(fsys)
	specs, err := BundleSpecs(fsys, names)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	results, err := Run(context.Background(), res.Files, specs, &out)
	if errors.Is(err, browser.ErrNotFound) && os.Getenv("CI") != "true" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("output:\n%s", out.String())
	if len(results) != 9 {
		t.Fatalf("%d results, want 9", len(results))
	}
	for _, r := range results {
		want, msg, _ := strings.Cut(r.Test, ": ")
		switch want {
		case "passes":
			if r.Err != "" || r.Screenshot != nil {
				t.Errorf("%s: failed: %s", r.Test, r.Err)
			}
		case "fails":
			if !strings.Contains(r.Err, msg) {
				t.Errorf("%s: error %q does not contain %q", r.Test, r.Err, msg)
			}
			if !bytes.HasPrefix(r.Screenshot, []byte("\x89PNG")) {
				t.Errorf("%s: no screenshot of the failure", r.Test)
			}
		}
	}
	if !strings.Contains(out.String(), "ok    counter.test.js › passes: counts clicks") ||
		!strings.Contains(out.String(), "FAIL  counter.test.js › fails: is disabled") {
		t.Errorf("report:\n%s", out.String())
	}
}

func TestRunMatching(t *testing.T) {
	js, err := os.ReadFile(filepath.Join("..", "..", "runtime", "testdata", "compiled", "counter", "main.js"))
	if err != nil {
		t.Fatal(err)
	}
	res := build.Bundle(context.Background(), &build.Generated{Entry: "main.js", Files: map[string][]byte{"main.js": js}}, build.Options{})
	fsys := fstest.MapFS{"a.test.js": {Data: []byte(`import { test } from "jepsh/test";
test("one", () => {});
test("two", () => { throw new Error("two ran"); });
`)}}
	specs, err := BundleSpecs(fsys, []string{"a.test.js"})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	results, err := RunMatching(context.Background(), res.Files, specs, func(n string) bool { return n == "one" }, &out)
	if errors.Is(err, browser.ErrNotFound) && os.Getenv("CI") != "true" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 || results[0].Test != "one" || results[0].Err != "" {
		t.Errorf("results %+v\n%s", results, out.String())
	}
}
