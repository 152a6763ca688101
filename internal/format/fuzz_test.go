package format_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/format"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// FuzzFormat formats arbitrary input: no panic; if it parses, the output
// parses to the same tree and is a fixed point of the formatter.
func FuzzFormat(f *testing.F) {
	paths, _ := filepath.Glob("../syntax/testdata/*/*.jxl")
	for _, p := range paths {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	for _, glob := range []string{"testdata/*.txtar", "../syntax/testdata/*/*.txtar"} {
		archives, _ := filepath.Glob(glob)
		for _, p := range archives {
			if ar, err := txtar.ParseFile(p); err == nil {
				for _, file := range ar.Files {
					if filepath.Ext(file.Name) == ".jxl" {
						f.Add(file.Data)
					}
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, err := format.Source(src)
		if err != nil {
			// A tree with Bad nodes still prints (without a guarantee of
			// idempotence), and must not panic.
			file, _ := syntax.ParseFile(source.NewFileSet(), "bad.jxl", src)
			format.File(file)
			return
		}
		again, err := format.Source(out)
		if err != nil {
			t.Fatalf("output does not parse: %v\n--- input:\n%s\n--- output:\n%s", err, src, out)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("not idempotent\n--- input:\n%q\n--- first:\n%s\n--- second:\n%s", src, out, again)
		}
		if d := treeDiff(src, out); d != "" {
			t.Fatalf("tree changed: %s\n--- input:\n%q\n--- output:\n%s", d, src, out)
		}
	})
}
