package syntax_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// TestDocExamples parses every ```jxl block of docs/language.md: as a file,
// or, for statement fragments, as the body of a function.
func TestDocExamples(t *testing.T) {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
	doc, err := os.ReadFile(filepath.Join(dir, "docs", "language.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := 0
	for _, part := range strings.Split(string(doc), "```jxl\n")[1:] {
		end := strings.Index(part, "```")
		if end < 0 {
			t.Fatal("unterminated jxl block")
		}
		code := part[:end]
		blocks++
		if _, errs := syntax.ParseFile(source.NewFileSet(), "doc.jxl", []byte(code)); len(errs) == 0 {
			continue
		}
		fset := source.NewFileSet()
		if _, errs := syntax.ParseFile(fset, "doc.jxl", []byte("func example() {\n"+code+"}\n")); len(errs) > 0 {
			var b bytes.Buffer
			diag.Print(&b, fset, errs)
			t.Errorf("doc example does not parse:\n%s\n%s", code, b.String())
		}
	}
	if blocks < 10 {
		t.Errorf("only %d jxl blocks in docs/language.md", blocks)
	}
}
