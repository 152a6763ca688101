package examples

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
)

func TestApps(t *testing.T) {
	names := Names()
	for _, want := range []string{"bench", "cards", "counter", "todomvc"} {
		if !slices.Contains(names, want) {
			t.Errorf("example %s not embedded (have %v)", want, names)
		}
	}
	app, err := App(Default)
	if err != nil {
		t.Fatal(err)
	}
	jxl, _ := fs.Glob(app, "*.jxl")
	if len(jxl) == 0 {
		t.Errorf("default example %s has no .jxl files", Default)
	}
	// Only sources: no build output even when one exists on disk.
	fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && (d.Name() == "dist" || strings.HasSuffix(p, ".map")) {
			t.Errorf("embedded build output %s", p)
		}
		return nil
	})
	if todo, _ := App("todomvc"); todo != nil {
		if _, err := fs.Stat(todo, "todomvc-app.css"); err != nil {
			t.Errorf("todomvc's stylesheet not embedded")
		}
	}
	for _, bad := range []string{"", ".", "..", "../examples", "nope", "counter/../counter"} {
		if _, err := App(bad); err == nil {
			t.Errorf("App(%q) succeeded", bad)
		}
	}
}
