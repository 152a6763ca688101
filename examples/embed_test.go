package examples

import (
	"io/fs"
	"slices"
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
	for _, bad := range []string{"", ".", "..", "../examples", "nope", "counter/../counter"} {
		if _, err := App(bad); err == nil {
			t.Errorf("App(%q) succeeded", bad)
		}
	}
}
