package web_test

import (
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"
	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/runtime"
)

// TestSemanticsInNode runs the generated app module of semantics.txtar in
// Node (the runtime's core needs no DOM) and compares what check() logs
// with what Swift prints for the same code.
func TestSemanticsInNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is required in CI")
		}
		t.Skip("no node")
	}
	ar, err := txtar.ParseFile(filepath.Join("testdata", "semantics.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	_, out := compile(t, ar)
	entry := `import { check, log } from "./_jepsh/app.js"; check(); console.log(log.get().join("\n"));`
	res := api.Build(api.BuildOptions{
		Stdin:    &api.StdinOptions{Contents: entry, ResolveDir: "/", Sourcefile: "test.js"},
		Bundle:   true,
		Format:   api.FormatESModule,
		Platform: api.PlatformNode,
		Write:    false,
		Plugins: []api.Plugin{runtime.Plugin(), {
			Name: "generated",
			Setup: func(b api.PluginBuild) {
				b.OnResolve(api.OnResolveOptions{Filter: `^\.\.?/`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
					if a.Namespace == "jepsh-runtime" {
						return api.OnResolveResult{}, nil
					}
					p := path.Join(strings.TrimPrefix(a.ResolveDir, "/"), a.Path)
					if a.Importer != "test.js" && a.Importer != "" {
						p = path.Join(path.Dir(a.Importer), a.Path)
					}
					return api.OnResolveResult{Path: p, Namespace: "gen"}, nil
				})
				b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: "gen"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
					data, ok := out.Files[strings.TrimPrefix(a.Path, "/")]
					if !ok {
						return api.OnLoadResult{}, fmt.Errorf("no generated module %s", a.Path)
					}
					src := string(data)
					return api.OnLoadResult{Contents: &src, Loader: api.LoaderJS}, nil
				})
			},
		}},
	})
	for _, m := range res.Errors {
		t.Fatalf("bundling: %s", m.Text)
	}
	file := filepath.Join(t.TempDir(), "test.mjs")
	if err := os.WriteFile(file, res.OutputFiles[0].Contents, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := exec.Command(node, file).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, got)
	}
	want := strings.Join([]string{
		"before 1 1",
		"8 4 11 false true D",
		"owned 7 3 6 6",
		"3 -3 1 -1 3.5 2.0",
		"10 15 1 20 2 17",
		"a - -1 1",
		"last bb",
		"266",
		"2 2 3 [9, 5, 8, 1] [1, 5, 8, 9] [18, 10, 16, 2] 23 true U",
		"HI 3 true",
	}, "\n") + "\n"
	if string(got) != want {
		t.Errorf("check() logged:\n%s\nwant:\n%s", got, want)
	}
}
