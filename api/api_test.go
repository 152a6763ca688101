package api

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jepsh/jepsh/examples"
)

func TestBuildErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "keep.txt"), []byte("old"), 0o644)

	tests := []struct {
		name string
		opts Options
		want Diagnostic // the first diagnostic's File, Line, Column, Code and a piece of Text
	}{
		{"syntax error", Options{FS: fstest.MapFS{"app.jxl": {Data: []byte("view A {\n    let x = )\n}\n")}}},
			Diagnostic{File: "app.jxl", Line: 2, Column: 13, Code: "E1007", Text: "    let x = )\n                ^"}},
		{"bad token file", Options{FS: fstest.MapFS{"app.jxl": {Data: []byte("view A {}\n")}, "tokens.yml": {Data: []byte("color:\n  primary: 12\n")}}},
			Diagnostic{File: "tokens.yml", Line: 2, Code: "E4", Text: "tokens.yml:2:"}},
		{"no sources", Options{FS: fstest.MapFS{"README.md": {Data: []byte("hi")}}},
			Diagnostic{Code: "E9002", Text: "error[E9002]: no .jxl files"}},
		{"missing dir", Options{Dir: filepath.Join(t.TempDir(), "nope")},
			Diagnostic{Code: "E9001", Text: "cannot read the app directory"}},
		{"nothing", Options{}, Diagnostic{Code: "E9001", Text: "neither Dir nor FS"}},
		{"type error", Options{FS: fstest.MapFS{"app.jxl": {Data: []byte("view A {\n    let x: Int = \"text\"\n}\n")}}},
			Diagnostic{File: "app.jxl", Line: 2, Code: "E2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.OutDir = out
			res := Build(context.Background(), tt.opts)
			if !res.Failed() || len(res.Files) != 0 || len(res.Diagnostics) == 0 {
				t.Fatalf("result %+v", res)
			}
			d := res.Diagnostics[0]
			w := tt.want
			if w.File != "" && d.File != w.File || w.Line != 0 && d.Line != w.Line || w.Column != 0 && d.Column != w.Column ||
				!strings.HasPrefix(d.Code, w.Code) || !strings.Contains(d.Text, w.Text) || d.Severity != "error" {
				t.Errorf("diagnostic %+v\nwant %+v", d, w)
			}
			if b, err := os.ReadFile(filepath.Join(out, "keep.txt")); err != nil || string(b) != "old" {
				t.Errorf("a failed build touched OutDir")
			}
			// Compile reports the same diagnostics, without bundling.
			c := Compile(context.Background(), tt.opts)
			if len(c.Files) != 0 || len(c.Diagnostics) != len(res.Diagnostics) || c.Diagnostics[0] != d {
				t.Errorf("Compile: %+v\nBuild: %+v", c.Diagnostics, res.Diagnostics)
			}
		})
	}
}

func TestBuildExample(t *testing.T) {
	app, err := examples.App("counter")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	res := Build(context.Background(), Options{FS: app, OutDir: out})
	if res.Failed() {
		for _, d := range res.Diagnostics {
			t.Log(d.Text)
		}
		t.Fatal("build of the counter example failed")
	}
	var names []string
	for _, f := range res.Files {
		names = append(names, f.Path)
		disk, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Path)))
		if err != nil || string(disk) != string(f.Contents) {
			t.Errorf("%s: not written to OutDir as returned", f.Path)
		}
	}
	if !slices.Contains(names, "index.html") || len(names) < 3 {
		t.Errorf("files: %v", names)
	}
	if c := Compile(context.Background(), Options{FS: app}); c.Failed() || len(c.Files) != 0 || len(c.Diagnostics) != 0 {
		t.Errorf("Compile of the counter example: %+v", c)
	}
	// Every layout mode builds; an unknown one is refused.
	for _, mode := range []string{"reserve", "absolute", "text", "off"} {
		if r := Build(context.Background(), Options{FS: app, Layout: mode}); r.Failed() {
			t.Errorf("Layout %q: %+v", mode, r.Diagnostics)
		}
	}
	if r := Build(context.Background(), Options{FS: app, Layout: "sideways"}); !r.Failed() || !strings.Contains(r.Diagnostics[0].Message, "sideways") {
		t.Errorf("Layout sideways: %+v", r.Diagnostics)
	}
	// A dev build of the same app from disk is not minified.
	dev := Build(context.Background(), Options{Dir: filepath.Join("..", "examples", "counter"), Dev: true})
	if dev.Failed() || len(dev.Files) == 0 {
		t.Fatalf("dev build: %+v", dev.Diagnostics)
	}
	for _, f := range dev.Files {
		if strings.HasSuffix(f.Path, ".js") && !strings.Contains(string(f.Contents), "\n  ") {
			t.Errorf("dev build %s is minified", f.Path)
		}
	}
}
