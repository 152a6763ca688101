package syntax_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// addSeeds adds every .jxl file and txtar section under testdata as a seed.
func addSeeds(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*/*.jxl")
	for _, p := range paths {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	archives, _ := filepath.Glob("testdata/*/*.txtar")
	for _, p := range archives {
		if ar, err := txtar.ParseFile(p); err == nil {
			for _, file := range ar.Files {
				if filepath.Ext(file.Name) == ".jxl" {
					f.Add(file.Data)
				}
			}
		}
	}
	f.Add([]byte("\"\\(\"\\(\"\\(x)\")\")\""))
	f.Add([]byte("/* /* */"))
	f.Add([]byte("\xff\x00$0 \\.a ..< ... ?. ?? =>"))
}

// FuzzScan scans arbitrary input: it must terminate, make progress and keep
// tokens in order within the source.
func FuzzScan(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		var s syntax.Scanner
		var errs int
		s.Init(src, 1, 0, len(src), func(int, diag.Code, string) { errs++ })
		last := -1
		for n := 0; ; n++ {
			s.Next()
			if s.Start < last || s.End < s.Start || s.End > len(src) {
				t.Fatalf("token %v at [%d,%d) after offset %d (len %d)", s.Tok, s.Start, s.End, last, len(src))
			}
			if s.Tok == syntax.EOF {
				break
			}
			if s.End == s.Start && s.Tok != syntax.EOF {
				t.Fatalf("empty token %v at %d", s.Tok, s.Start)
			}
			last = s.End
			if n > len(src)+1 {
				t.Fatal("scanner does not make progress")
			}
		}
		for i, c := range s.Comments {
			if i > 0 && c.Slash < s.Comments[i-1].End() {
				t.Fatalf("comments out of order")
			}
		}
	})
}

// FuzzParse parses arbitrary input: it must not panic, must return a
// complete tree whose nodes have ordered spans within the file, and at most
// one diagnostic per line.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		fset := source.NewFileSet()
		file, errs := syntax.ParseFile(fset, "fuzz.jxl", src)
		if file == nil {
			t.Fatal("nil file")
		}
		lo, hi := file.Source.Base(), file.Source.Base()+source.Pos(len(src))
		syntax.Inspect(file, func(n syntax.Node) bool {
			if n == nil {
				return false
			}
			if n.Pos() < lo || n.End() > hi+1 || n.End() < n.Pos() {
				t.Fatalf("%T span [%d,%d) outside [%d,%d]", n, n.Pos(), n.End(), lo, hi)
			}
			return true
		})
		lines := map[int]bool{}
		for _, d := range errs {
			l := fset.Position(d.Pos).Line
			if lines[l] {
				t.Fatalf("two errors on line %d", l)
			}
			lines[l] = true
		}
	})
}
