package runtime

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"
)

func TestModule(t *testing.T) {
	tests := []struct {
		spec string
		file string
		ok   bool
	}{
		{"jepsh/runtime", "index.js", true},
		{"jepsh/runtime/list", "list.js", true},
		{"jepsh/runtime/list.js", "list.js", true},
		{"jepsh/runtime/std/timer", "std/timer.js", true},
		{"jepsh/runtime/core.test", "", false},
		{"jepsh/runtime/nope", "", false},
		{"jepsh/runtimex", "", false},
		{"react", "", false},
	}
	for _, tc := range tests {
		file, ok := Module(tc.spec)
		if file != tc.file || ok != tc.ok {
			t.Errorf("Module(%q) = %q, %v; want %q, %v", tc.spec, file, ok, tc.file, tc.ok)
		}
	}
}

// TestFS checks that the embedded runtime lists its modules and hides tests.
func TestFS(t *testing.T) {
	var names []string
	err := fs.WalkDir(FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(names, " ")
	for _, want := range []string{"core.js", "dom.js", "list.js", "lifecycle.js", "router.js", "index.js", "std/timer.js", "std/http.js", "std/storage.js", "std/lib.js"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("FS lacks %s (has %s)", want, got)
		}
	}
	if strings.Contains(got, ".test.js") {
		t.Errorf("FS exposes tests: %s", got)
	}
	if _, err := FS().Open("core.test.js"); err == nil {
		t.Errorf("FS opens core.test.js")
	}
}

// TestPlugin bundles small entry points with the plugin: what they import is
// resolved from the embedded files and tree-shaken, and unknown runtime
// modules are errors.
func TestPlugin(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		has     []string // substrings of the output
		hasNot  []string
		wantErr string
	}{
		{
			name:   "tree-shaken",
			src:    `import { atom } from "jepsh/runtime"; console.log(atom(1).get());`,
			has:    []string{"get"},
			hasNot: []string{"insertBefore", "pushState", "localStorage"},
		},
		{
			name: "std module",
			src:  `import { get } from "jepsh/runtime/std/storage"; console.log(get("k"));`,
			has:  []string{"localStorage"},
		},
		{
			name:    "unknown module",
			src:     `import { x } from "jepsh/runtime/nope"; console.log(x);`,
			wantErr: "unknown runtime module jepsh/runtime/nope",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := api.Build(api.BuildOptions{
				Stdin:       &api.StdinOptions{Contents: tc.src, Loader: api.LoaderJS},
				Bundle:      true,
				Format:      api.FormatESModule,
				TreeShaking: api.TreeShakingTrue,
				Plugins:     []api.Plugin{Plugin()},
				LogLevel:    api.LogLevelSilent,
			})
			if tc.wantErr != "" {
				if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Text, tc.wantErr) {
					t.Fatalf("errors %v, want %q", res.Errors, tc.wantErr)
				}
				return
			}
			if len(res.Errors) > 0 {
				t.Fatalf("errors: %v", res.Errors)
			}
			out := string(res.OutputFiles[0].Contents)
			for _, s := range tc.has {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q", s)
				}
			}
			for _, s := range tc.hasNot {
				if strings.Contains(out, s) {
					t.Errorf("output keeps %q (not tree-shaken)", s)
				}
			}
		})
	}
}
