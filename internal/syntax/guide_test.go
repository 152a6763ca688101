package syntax_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// guideSections are the sections of the performance guide whose ```jxl
// blocks are copied into testdata/guide (file name prefix = section number).
var guideSections = []string{"2.1", "2.2", "2.4", "4.3", "5.2"}

// compiledOutputMarker starts the part of the 2.4 block that shows the
// JavaScript a view compiles to; it is not JXL and is not parsed.
const compiledOutputMarker = "// Compiled output"

// jxlPart returns the JXL part of a guide block.
func jxlPart(src []byte) []byte {
	if i := bytes.Index(src, []byte(compiledOutputMarker)); i >= 0 {
		return src[:i]
	}
	return src
}

// TestGuideExamplesParse parses every guide example without syntax errors.
func TestGuideExamplesParse(t *testing.T) {
	files, err := filepath.Glob("testdata/guide/*.jxl")
	if err != nil || len(files) < len(guideSections) {
		t.Fatalf("want at least %d guide examples in testdata/guide, found %d (%v)", len(guideSections), len(files), err)
	}
	for _, fn := range files {
		src, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		fset := source.NewFileSet()
		f, errs := syntax.ParseFile(fset, fn, jxlPart(src))
		if len(errs) > 0 {
			var b bytes.Buffer
			diag.Print(&b, fset, errs)
			t.Errorf("%s: syntax errors:\n%s", fn, b.String())
		}
		if len(f.Decls) == 0 {
			t.Errorf("%s: no declarations", fn)
		}
	}
}

// TestGuideExamplesUpToDate checks that testdata/guide holds exactly the
// ```jxl blocks of the guide (../shared/design/performance-guide.md beside
// the repository).
func TestGuideExamplesUpToDate(t *testing.T) {
	guide := sharedFile(t, "design/performance-guide.md")
	blocks := guideBlocks(string(guide))
	var want []string
	for _, sec := range guideSections {
		if len(blocks[sec]) == 0 {
			t.Errorf("guide section %s has no jxl block", sec)
		}
		for i, b := range blocks[sec] {
			matches, _ := filepath.Glob("testdata/guide/" + sec + "-*.jxl")
			sort.Strings(matches)
			if i >= len(matches) {
				t.Errorf("section %s block %d has no copy in testdata/guide", sec, i+1)
				continue
			}
			got, err := os.ReadFile(matches[i])
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != b {
				t.Errorf("%s differs from the guide's block", matches[i])
			}
			want = append(want, matches[i])
		}
	}
	all, _ := filepath.Glob("testdata/guide/*.jxl")
	if len(all) != len(want) {
		t.Errorf("testdata/guide has %d files, the guide sections have %d blocks", len(all), len(want))
	}
}

var sectionRE = regexp.MustCompile(`^### (\d+\.\d+) `)

// guideBlocks returns the ```jxl blocks of the guide by section number.
func guideBlocks(guide string) map[string][]string {
	out := map[string][]string{}
	sec := ""
	var cur []string
	in := false
	for _, line := range strings.Split(guide, "\n") {
		if m := sectionRE.FindStringSubmatch(line); m != nil {
			sec = m[1]
		}
		switch {
		case !in && strings.TrimSpace(line) == "```jxl":
			in, cur = true, nil
		case in && strings.TrimSpace(line) == "```":
			in = false
			out[sec] = append(out[sec], strings.Join(cur, "\n")+"\n")
		case in:
			cur = append(cur, line)
		}
	}
	return out
}

// sharedFile reads a file of the shared conformance data beside the
// repository (<repo>/../shared/name). Without it the test fails on CI and
// skips locally.
func sharedFile(t *testing.T, name string) []byte {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the package directory")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", filepath.FromSlash(name))
	data, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data missing: %v (the shared directory must sit beside the repository)", err)
		}
		t.Skipf("shared data not available: %v", err)
	}
	return data
}
