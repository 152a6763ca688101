// Package examples embeds the example apps' sources, so the toolchain can
// build and serve them without a checkout (jepsh dev with no directory
// serves Default).
package examples

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

// The apps' sources, by kind: not whole directories, so a dist/ left by
// "jepsh build examples/counter" never ends up in the binary. An example
// that gains another kind of file (a font) adds its pattern here.
//
//go:embed */*.jxl */*.yml */*.css
var files embed.FS

// Default is the example jepsh dev serves when given no directory.
const Default = "counter"

// App returns the sources of the named example app, rooted at its directory.
func App(name string) (fs.FS, error) {
	if _, err := fs.Stat(files, name); err != nil || !fs.ValidPath(name) || name == "." {
		return nil, fmt.Errorf("no example app %q (have %v)", name, Names())
	}
	return fs.Sub(files, name)
}

// Names lists the example apps.
func Names() []string {
	ents, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range ents {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}
