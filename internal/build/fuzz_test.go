package build

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
)

// FuzzCompile runs the whole compiler (check, lowering, the passes, static
// layout, the web generator) on one .jxl file. It must never panic, and a
// program the checker accepts must compile: the generator's "cannot
// generate" error means the checker let through what no target supports.
// The seeds are the examples and the golden tests' programs.
func FuzzCompile(f *testing.F) {
	for _, s := range compileSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fset := source.NewFileSet()
		gen, diags := compile(context.Background(), fset, &Source{Files: []SourceFile{{Name: "app.jxl", Data: src}}}, &LayoutOptions{})
		for _, d := range diags {
			if d.Code == diag.ErrTargetUnsupported {
				t.Fatalf("the checker accepted a program the generator cannot print: %s", d.Msg)
			}
		}
		if !diags.HasErrors() && gen == nil {
			t.Fatal("no errors and no output")
		}
	})
}

// compileSeeds returns whole programs: each example's .jxl files joined,
// and those of each txtar of the generator's, lowering's, checker's and
// static layout's golden tests.
func compileSeeds(f *testing.F) [][]byte {
	var out [][]byte
	examples := filepath.Join("..", "..", "examples")
	dirs, err := os.ReadDir(examples)
	if err != nil {
		f.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		names, _ := filepath.Glob(filepath.Join(examples, d.Name(), "*.jxl"))
		sort.Strings(names)
		var b strings.Builder
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				f.Fatal(err)
			}
			b.Write(data)
			b.WriteString("\n")
		}
		if b.Len() > 0 {
			out = append(out, []byte(b.String()))
		}
	}
	var archives []string
	for _, dir := range []string{"../gen/web/testdata", "../lower/testdata", "../check/testdata/golden", "../staticlayout/testdata/pass"} {
		m, _ := filepath.Glob(filepath.Join(filepath.FromSlash(dir), "*.txtar"))
		archives = append(archives, m...)
	}
	for _, a := range archives {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			f.Fatal(err)
		}
		var b strings.Builder
		for _, file := range ar.Files {
			if strings.HasSuffix(file.Name, ".jxl") {
				b.Write(file.Data)
				b.WriteString("\n")
			}
		}
		if b.Len() > 0 {
			out = append(out, []byte(b.String()))
		}
	}
	if len(out) < 8 {
		f.Fatalf("only %d seed programs", len(out))
	}
	return out
}
