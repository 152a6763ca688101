package staticlayout_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/build"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestPass builds each testdata/pass/*.txtar app with the static layout
// pass and compares the layout report (or the build's diagnostics, when it
// fails) with the archive's "want" file.
func TestPass(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "pass", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatal("no test cases", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			wantAt := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					wantAt = i
					continue
				}
				if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if wantAt < 0 {
				t.Fatal("no want file")
			}
			res := build.Build(context.Background(), os.DirFS(dir), build.Options{Layout: &build.LayoutOptions{}})
			var got bytes.Buffer
			if res.Failed() {
				for _, d := range res.Diagnostics {
					fmt.Fprintf(&got, "%s: %s[%s]: %s\n", res.FileSet.Position(d.Pos), d.Severity, d.Code, d.Msg)
				}
			} else if err := res.Layout.WriteReport(&got, res.FileSet); err != nil {
				t.Fatal(err)
			}
			if *update {
				ar.Files[wantAt].Data = got.Bytes()
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := ar.Files[wantAt].Data; !bytes.Equal(got.Bytes(), want) {
				t.Errorf("got:\n%s\nwant:\n%s", got.Bytes(), want)
			}
		})
	}
}
