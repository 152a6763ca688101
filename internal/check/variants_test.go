package check

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestExampleVariants breaks the example apps one way at a time
// (testdata/variants/*.txtar: the example named in the comment, the file,
// the old text, which must occur once, and its replacement) and checks that
// each break gives exactly one diagnostic, printed as in jepsh check
// (file:line:col: error[code]: message), equal to the want section.
func TestExampleVariants(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join("testdata", "variants", "*.txtar"))
	if len(names) == 0 {
		t.Fatal("no variants")
	}
	root := repoRoot(t)
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string]int{}
			for i, f := range ar.Files {
				sec[f.Name] = i
			}
			for _, s := range []string{"file", "old", "new", "want"} {
				if _, ok := sec[s]; !ok {
					t.Fatalf("no %s section", s)
				}
			}
			data := func(s string) string { return string(ar.Files[sec[s]].Data) }
			example, ok := strings.CutPrefix(strings.TrimSpace(string(ar.Comment)), "example: ")
			if !ok {
				t.Fatal(`the comment must be "example: NAME"`)
			}
			a := loadDir(t, filepath.Join(root, "examples", example))
			file := strings.TrimSpace(data("file"))
			src, ok := a.files[file]
			if !ok {
				t.Fatalf("examples/%s has no %s", example, file)
			}
			if n := bytes.Count(src, []byte(data("old"))); n != 1 {
				t.Fatalf("the old text occurs %d times in %s, want once", n, file)
			}
			files := map[string][]byte{}
			for k, v := range a.files {
				files[k] = v
			}
			files[file] = bytes.Replace(src, []byte(data("old")), []byte(data("new")), 1)
			a.files = files
			modes(t, func(t *testing.T, dense bool) {
				a.dense = dense
				fset, _, _, diags := checkApp(t, a)
				got := formatDiags(fset, diags)
				if len(diags) != 1 {
					t.Errorf("%d diagnostics, want exactly one:\n%s", len(diags), got)
				}
				if *update && dense {
					ar.Files[sec["want"]].Data = []byte(got)
					if err := os.WriteFile(name, txtar.Format(ar), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				if want := data("want"); got != want {
					t.Errorf("diagnostics differ (run go test -update and review the diff)\n--- got\n%s--- want\n%s", got, want)
				}
			})
		})
	}
}
