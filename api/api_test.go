package api

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
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
		})
	}
}
